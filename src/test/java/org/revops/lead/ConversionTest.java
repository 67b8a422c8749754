package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.TestClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.lead.RoutingFixtures.LEADS;
import static org.revops.lead.RoutingFixtures.sql;

/** POST /api/v1/leads/{id}/convert: new records with their defaults, then converting twice; exact table contents. */
@QuarkusTest
class ConversionTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private Member ray;
    private String pipeline;
    private String qualify;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Conversion");
        ray = newMember(ws, "Ray Rep", "rep", null);
        JsonPath p = Fixtures.pipeline(ws.adminKey(), "New business");
        pipeline = p.getString("id");
        qualify = p.getString("stages[0].id");
        TestClock.set("2026-05-14T10:00:00Z");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static Map<String, Object> ada() {
        return Map.ofEntries(Map.entry("firstName", "Ada"), Map.entry("lastName", "Lovelace"),
                Map.entry("email", "ada@analytical.example"), Map.entry("phone", "+44 20 7946 0000"),
                Map.entry("title", "Head of Operations"), Map.entry("company", "Analytical Engines Ltd"),
                Map.entry("companyDomain", "analytical.example"), Map.entry("industry", "Manufacturing"),
                Map.entry("employeeCount", 450), Map.entry("annualRevenue", 40000000), Map.entry("currency", "GBP"),
                Map.entry("country", "GB"), Map.entry("region", "EMEA"), Map.entry("city", "London"),
                Map.entry("postalCode", "EC1A 1BB"), Map.entry("source", "trade-show"),
                Map.entry("campaign", "Hannover Messe 2026"), Map.entry("budgetAmount", 120000),
                Map.entry("timeline", "this-quarter"), Map.entry("status", "qualified"));
    }

    private Map<String, Object> row(String table, Object id) {
        List<Map<String, Object>> rows = sql(db, "SELECT * FROM " + table + " WHERE workspace_id = $1 AND id = $2",
                ws.id(), UUID.fromString(id.toString()));
        assertEquals(1, rows.size(), table + " " + id);
        return rows.get(0);
    }

    private long count(String table) {
        return RoutingFixtures.count(db, "SELECT count(*) FROM " + table + " WHERE workspace_id = $1", ws.id());
    }

    @Test
    void createsAccountContactAndDealFromTheLeadThenRefusesASecondConversion() {
        String lead = LeadResourceTest.lead(ray.key(), ada());
        JsonPath done = as(ray.key()).body(Map.of("opportunity", Map.of("pipelineId", pipeline)))
                .post(LEADS + "/" + lead + "/convert").then().statusCode(200).extract().jsonPath();
        String account = done.getString("account.id");
        String contact = done.getString("contact.id");
        String deal = done.getString("opportunity.id");
        assertEquals(List.of(true, true), List.of(done.getBoolean("accountCreated"),
                done.getBoolean("contactCreated")));
        assertEquals("converted", done.getString("lead.status"));
        assertEquals("2026-05-14T10:00:00Z", done.getString("lead.convertedAt"));
        assertEquals(List.of(account, contact, deal), List.of(done.getString("lead.convertedAccountId"),
                done.getString("lead.convertedContactId"), done.getString("lead.convertedOpportunityId")));
        assertEquals("Analytical Engines Ltd - trade-show", done.getString("opportunity.name"));
        assertEquals(lead, done.getString("opportunity.leadId"));
        assertEquals("Hannover Messe 2026", done.getString("opportunity.campaign"));

        // the tables, exactly
        Map<String, Object> l = row("leads", lead);
        assertEquals(List.of("converted", UUID.fromString(account), UUID.fromString(contact), UUID.fromString(deal),
                        OffsetDateTime.parse("2026-05-14T10:00:00Z"), 1L),
                List.of(l.get("status"), l.get("converted_account_id"), l.get("converted_contact_id"),
                        l.get("converted_opportunity_id"), l.get("converted_at"), l.get("version")));
        Map<String, Object> a = row("accounts", account);
        assertEquals(List.of("Analytical Engines Ltd", "Manufacturing", 450, new BigDecimal("40000000.0000"), "GBP",
                        "GB", "EMEA", "London", "EC1A 1BB", ray.id()),
                List.of(a.get("name"), a.get("industry"), a.get("employee_count"), a.get("annual_revenue"),
                        a.get("currency"), a.get("country"), a.get("region"), a.get("city"), a.get("postal_code"),
                        a.get("owner_id")));
        assertEquals(null, a.get("tier"));
        Map<String, Object> c = row("contacts", contact);
        assertEquals(List.of(UUID.fromString(account), "Ada Lovelace", "ada@analytical.example", "+44 20 7946 0000",
                        "Head of Operations"),
                List.of(c.get("account_id"), c.get("name"), c.get("email"), c.get("phone"), c.get("title")));
        Map<String, Object> o = row("opportunities", deal);
        assertEquals(List.of("Analytical Engines Ltd - trade-show", UUID.fromString(account), UUID.fromString(contact),
                        ray.id(), UUID.fromString(pipeline), UUID.fromString(qualify),
                        new BigDecimal("120000.0000"), "GBP", LocalDate.parse("2026-06-30"), "trade-show",
                        "Hannover Messe 2026", UUID.fromString(lead)),
                List.of(o.get("name"), o.get("account_id"), o.get("primary_contact_id"), o.get("owner_id"),
                        o.get("pipeline_id"), o.get("stage_id"), o.get("amount"), o.get("currency"),
                        o.get("close_date"), o.get("source"), o.get("campaign"), o.get("lead_id")));
        assertEquals(5, RoutingFixtures.count(db, "SELECT count(*) FROM opportunity_history WHERE workspace_id = $1"
                + " AND opportunity_id = $2 AND action = 'create' AND changed_by = $3", ws.id(),
                UUID.fromString(deal), ray.id()));
        as(ray.key()).get("/api/v1/opportunities?leadId=" + lead).then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.contains(deal));
        as(ray.key()).get("/api/v1/opportunities?campaign=Hannover Messe 2026").then()
                .body("data.id", org.hamcrest.Matchers.contains(deal));

        // twice: refused, nothing more written
        as(ray.key()).body(Map.of("opportunity", Map.of("pipelineId", pipeline), "createNew", true))
                .post(LEADS + "/" + lead + "/convert").then().statusCode(409)
                .contentType("application/problem+json").body("detail", equalTo("The lead is converted already"));
        assertEquals(List.of(1L, 1L, 1L), List.of(count("accounts"), count("contacts"), count("opportunities")));
        // a converted lead is read-only and is not routed
        as(ray.key()).body(Map.of("status", "working")).patch(LEADS + "/" + lead).then().statusCode(409);
    }

    @Test
    void withoutADealOnlyAccountAndContactAndACompanyOnlyLeadMakesNoContact() {
        String lead = LeadResourceTest.lead(ws.adminKey(), Map.of("company", "Initech", "timeline", "now"));
        JsonPath done = as(ws.adminKey()).body("{}").post(LEADS + "/" + lead + "/convert").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(null, (Object) done.get("contact"));
        assertEquals(null, (Object) done.get("opportunity"));
        assertEquals(false, done.getBoolean("contactCreated"));
        assertEquals("Initech", done.getString("account.name"));
        assertEquals(ws.adminId().toString(), done.getString("account.ownerId"));   // unowned lead: the caller
        assertEquals("EUR", done.getString("account.currency"));
        assertEquals(List.of(1L, 0L, 0L), List.of(count("accounts"), count("contacts"), count("opportunities")));
        assertEquals(null, row("leads", lead).get("converted_contact_id"));

        // the deal's defaults when the lead has no budget and a different timeline: amount 0, today + 30 days
        String next = LeadResourceTest.lead(ws.adminKey(), Map.of("lastName", "Bolton", "company", "Initrode",
                "timeline", "now", "source", "web-form"));
        JsonPath withDeal = as(ws.adminKey()).body(Map.of("opportunity", Map.of("pipelineId", pipeline,
                        "name", "Initrode pilot", "currency", "USD"))).post(LEADS + "/" + next + "/convert").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("Initrode pilot", 0.0f, "USD", "2026-06-13", "web-form", ws.adminId().toString()),
                List.of(withDeal.getString("opportunity.name"), withDeal.getFloat("opportunity.amount"),
                        withDeal.getString("opportunity.currency"), withDeal.getString("opportunity.closeDate"),
                        withDeal.getString("opportunity.source"), withDeal.getString("opportunity.ownerId")));
        assertEquals("Bolton", withDeal.getString("contact.name"));
    }
}
