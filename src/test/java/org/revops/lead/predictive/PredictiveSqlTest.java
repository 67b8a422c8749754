package org.revops.lead.predictive;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SQL of the fields' values and of the held-out split says what the Java of PredictiveField and HeldOut says. */
@QuarkusTest
class PredictiveSqlTest extends ApiTest {
    @Inject
    Db db;

    @Test
    void everyFieldsSqlValueIsItsJavaValueAtTheBandBoundaries() {
        Workspace ws = newWorkspace("Predictive SQL");
        OffsetDateTime now = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);
        // one lead per boundary case: values just below, at and above each band's lower bound, and nulls
        List<Object[]> cases = List.of(
                new Object[] {null, null, null, 0, null},
                new Object[] {9, "999999.9999", "9999.99", 1, now.minusDays(7).minusSeconds(1)},
                new Object[] {10, "1000000", "10000", 2, now.minusDays(8)},
                new Object[] {49, "9999999.99", "49999", 3, now.minusDays(30).minusHours(23)},
                new Object[] {50, "10000000", "50000", 5, now.minusDays(31)},
                new Object[] {199, "100000000", "250000", 6, now.minusDays(90)},
                new Object[] {200, "999999999", "999999.99", 10, now.minusDays(91)},
                new Object[] {4999, "1000000000", "1000000", 11, now.plusDays(2)},
                new Object[] {5000, "5000000000", "0", 500, now.minusDays(1000)});
        Map<UUID, Object[]> byId = new HashMap<>();
        for (Object[] c : cases) {
            UUID id = UUID.randomUUID();
            byId.put(id, c);
            db.query("""
                            INSERT INTO leads (workspace_id, id, last_name, currency, source, employee_count,
                                               annual_revenue, budget_amount, visits, email_opens, form_fills,
                                               events_attended, last_engaged_at, created_at, updated_at)
                            VALUES ($1, $2, 'Boundary', 'EUR', 'web-form', $3, $4, $5,
                                    $6, $6, $6, $6, $7, $8, $8)""",
                    Tuple.from(new Object[] {ws.id(), id, c[0], decimal(c[1]), decimal(c[2]), c[3], c[4], now}))
                    .await().atMost(Duration.ofSeconds(10));
        }
        String sql = "SELECT l.id, f.field, f.value FROM leads l CROSS JOIN LATERAL "
                + PredictiveField.pairs("l", "CAST($2 AS timestamptz)") + " WHERE l.workspace_id = $1";
        int checked = 0;
        for (Row row : db.query(sql, Tuple.of(ws.id(), now)).await().atMost(Duration.ofSeconds(10))) {
            Object[] c = byId.get(row.getUUID("id"));
            PredictiveField field = PredictiveField.byName(row.getString("field")).orElseThrow();
            Object raw = switch (field) {
                case EMPLOYEE_COUNT -> c[0];
                case ANNUAL_REVENUE -> c[1];
                case BUDGET_AMOUNT -> c[2];
                case VISITS, EMAIL_OPENS, FORM_FILLS, EVENTS_ATTENDED -> c[3];
                case DAYS_SINCE_LAST_ENGAGED -> c[4] == null ? null
                        : Math.floorDiv(Duration.between((OffsetDateTime) c[4], now).getSeconds(), 86400);
                case SOURCE -> "web-form";
                default -> null;
            };
            assertEquals(field.valueFor(raw), row.getString("value"), field + " of " + java.util.Arrays.toString(c));
            checked++;
        }
        assertEquals(cases.size() * PredictiveField.values().length, checked);
    }

    private static java.math.BigDecimal decimal(Object text) {
        return text == null ? null : new java.math.BigDecimal((String) text);
    }

    @Test
    void theHeldOutSplitInSqlIsTheOneInJava() {
        String sql = "SELECT id, " + HeldOut.sql("id", "$1") + " AS held FROM (SELECT gen_random_uuid() AS id "
                + "FROM generate_series(1, 5000)) ids";
        int held = 0;
        for (Row row : db.query(sql, Tuple.of(20)).await().atMost(Duration.ofSeconds(10))) {
            assertEquals(HeldOut.isHeldOut(row.getUUID("id"), 20), row.getBoolean("held"), row.getUUID("id").toString());
            held += row.getBoolean("held") ? 1 : 0;
        }
        assertEquals(1000, held, 120);
    }
}
