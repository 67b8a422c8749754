package org.revops.platform.demo;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;
import org.revops.platform.demo.DemoLeadGenerator.LeadRow;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Writes the demo leads: one set-based INSERT … SELECT FROM unnest(arrays) per chunk. */
final class DemoLeads {
    private DemoLeads() {
    }

    static Uni<?> insert(Db db, SqlClient tx, UUID ws, List<LeadRow> rows) {
        return db.query(tx, """
                INSERT INTO leads (workspace_id, id, first_name, last_name, email, phone, title, company, company_domain,
                                   industry, employee_count, annual_revenue, currency, country, region, city,
                                   postal_code, source, campaign, partner, budget_amount, budget_status, authority,
                                   need, timeline, visits, email_opens, form_fills, events_attended, last_engaged_at,
                                   status, disqualified_reason, owner_id, converted_at, converted_account_id,
                                   converted_contact_id, converted_opportunity_id, created_at, updated_at)
                SELECT $1, l.id, l.first_name, l.last_name, l.email, l.phone, l.title, l.company, l.company_domain,
                       l.industry, l.employee_count, l.annual_revenue, 'USD', l.country, l.region, l.city,
                       l.postal_code, l.source, l.campaign, l.partner, l.budget_amount, l.budget_status, l.authority,
                       l.need, l.timeline, l.visits, l.email_opens, l.form_fills, l.events_attended, l.last_engaged_at,
                       l.status, l.disqualified_reason, l.owner_id, l.converted_at, l.converted_account_id,
                       l.converted_contact_id, l.converted_opportunity_id, l.created_at, l.updated_at
                FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                            $9::text[], $10::text[], $11::int[], $12::numeric[], $13::text[], $14::text[], $15::text[],
                            $16::text[], $17::text[], $18::text[], $19::text[], $20::numeric[], $21::text[],
                            $22::text[], $23::text[], $24::text[], $25::int[], $26::int[], $27::int[], $28::int[],
                            $29::timestamptz[], $30::text[], $31::text[], $32::uuid[], $33::timestamptz[],
                            $34::uuid[], $35::uuid[], $36::uuid[], $37::timestamptz[], $38::timestamptz[])
                     AS l(id, first_name, last_name, email, phone, title, company, company_domain, industry,
                          employee_count, annual_revenue, country, region, city, postal_code, source, campaign,
                          partner, budget_amount, budget_status, authority, need, timeline, visits, email_opens,
                          form_fills, events_attended, last_engaged_at, status, disqualified_reason, owner_id,
                          converted_at, converted_account_id, converted_contact_id, converted_opportunity_id,
                          created_at, updated_at)""",
                Tuple.from(new Object[] {ws, DemoSeeder.ids(rows, LeadRow::id),
                        DemoSeeder.texts(rows, LeadRow::firstName), DemoSeeder.texts(rows, LeadRow::lastName),
                        DemoSeeder.texts(rows, LeadRow::email), DemoSeeder.texts(rows, LeadRow::phone),
                        DemoSeeder.texts(rows, LeadRow::title), DemoSeeder.texts(rows, LeadRow::company),
                        DemoSeeder.texts(rows, LeadRow::companyDomain), DemoSeeder.texts(rows, LeadRow::industry),
                        ints(rows, LeadRow::employeeCount), decimals(rows, LeadRow::annualRevenue),
                        DemoSeeder.texts(rows, LeadRow::country), DemoSeeder.texts(rows, LeadRow::region),
                        DemoSeeder.texts(rows, LeadRow::city), DemoSeeder.texts(rows, LeadRow::postalCode),
                        DemoSeeder.texts(rows, LeadRow::source), DemoSeeder.texts(rows, LeadRow::campaign),
                        DemoSeeder.texts(rows, LeadRow::partner), decimals(rows, LeadRow::budgetAmount),
                        DemoSeeder.texts(rows, LeadRow::budgetStatus), DemoSeeder.texts(rows, LeadRow::authority),
                        DemoSeeder.texts(rows, LeadRow::need), DemoSeeder.texts(rows, LeadRow::timeline),
                        ints(rows, LeadRow::visits), ints(rows, LeadRow::emailOpens), ints(rows, LeadRow::formFills),
                        ints(rows, LeadRow::eventsAttended), instants(rows, LeadRow::lastEngagedAt),
                        DemoSeeder.texts(rows, LeadRow::status), DemoSeeder.texts(rows, LeadRow::disqualifiedReason),
                        DemoSeeder.ids(rows, LeadRow::ownerId), instants(rows, LeadRow::convertedAt),
                        DemoSeeder.ids(rows, LeadRow::convertedAccountId),
                        DemoSeeder.ids(rows, LeadRow::convertedContactId),
                        DemoSeeder.ids(rows, LeadRow::convertedOpportunityId), instants(rows, LeadRow::createdAt),
                        instants(rows, LeadRow::updatedAt)}));
    }

    private static Integer[] ints(List<LeadRow> rows, Function<LeadRow, Integer> value) {
        return rows.stream().map(value).toArray(Integer[]::new);
    }

    private static BigDecimal[] decimals(List<LeadRow> rows, Function<LeadRow, BigDecimal> value) {
        return rows.stream().map(value).toArray(BigDecimal[]::new);
    }

    private static OffsetDateTime[] instants(List<LeadRow> rows, Function<LeadRow, OffsetDateTime> value) {
        return rows.stream().map(value).toArray(OffsetDateTime[]::new);
    }
}
