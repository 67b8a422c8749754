package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.GraphQLClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * POST /api/v1/opportunities/batch/upsert: the shared engine with the single writes' rules (stage defaults and
 * overrides, closing and reopening, close date pushes, history rows), references by id or external id.
 */
@QuarkusTest
class OpportunityBatchUpsertTest extends ApiTest {
    static final String UPSERT = "/api/v1/opportunities/batch/upsert";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Db db;

    private Workspace ws;
    private Member integration;
    private Member ann;
    private String annEmail;
    private String pipeline;
    private Map<String, String> stages;
    private String otherPipelineStage;
    private String lostReason;
    private String theirAccount;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Opportunity batch");
        integration = newMember(ws, "Ian Integration", "integration", null);
        ann = newMember(ws, "Ann Rep", "rep", null);
        annEmail = as(ws.adminKey()).get("/api/v1/users/" + ann.id()).then().statusCode(200).extract().path("email");
        var p = Fixtures.pipeline(ws.adminKey(), "New business");
        pipeline = p.getString("id");
        stages = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            stages.put(p.getString("stages[" + i + "].name"), p.getString("stages[" + i + "].id"));
        }
        otherPipelineStage = Fixtures.pipeline(ws.adminKey(), "Renewals").getString("stages[0].id");
        lostReason = as(ws.adminKey()).body(Map.of("name", "Price", "appliesTo", "lost"))
                .post("/api/v1/close-reasons").then().statusCode(201).extract().path("id");
        as(integration.key()).body(Map.of("records", List.of(
                        Map.of("externalSource", "crm", "externalId", "A1", "name", "Alpha"),
                        Map.of("externalSource", "crm", "externalId", "A2", "name", "Beta"))))
                .post("/api/v1/accounts/batch/upsert").then().statusCode(200).body("counts.created", equalTo(2));
        as(integration.key()).body(Map.of("records", List.of(Map.of("externalSource", "crm", "externalId", "C1",
                        "accountExternalId", "A2", "name", "Grace"))))
                .post("/api/v1/contacts/batch/upsert").then().statusCode(200).body("counts.created", equalTo(1));
        Workspace other = newWorkspace("Opportunity batch, other");
        theirAccount = Fixtures.account(other.adminKey(), Map.of("name", "Theirs"));
    }

    static Map<String, Object> deal(String id, String stage, Object amount, String closeDate) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("externalSource", "crm");
        r.put("externalId", id);
        r.put("name", "Deal " + id);
        r.put("accountExternalId", "A1");
        r.put("stageId", stage);
        r.put("amount", amount);
        r.put("closeDate", closeDate);
        return r;
    }

    static JsonNode post(String key, Object body, int status) {
        Response response = as(key).body(body).post(UPSERT);
        response.then().statusCode(status);
        try {
            return JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> results(JsonNode answer) {
        List<String> actual = new ArrayList<>();
        for (JsonNode r : answer.get("results")) {
            List<String> errors = new ArrayList<>();
            r.get("errors").forEach(e -> errors.add(e.get("field").asText() + ": " + e.get("message").asText()));
            actual.add(r.get("status").asText() + "|" + String.join("; ", errors));
        }
        return actual;
    }

    private List<Row> sql(String sql) {
        List<Row> rows = new ArrayList<>();
        db.query(sql, Tuple.of(ws.id())).await().indefinitely().forEach(rows::add);
        return rows;
    }

    /**
     * external_id → "stage|amount|closeDate|override|effective probability|category|closed|reason|competitor|pushes|
     * version|owner is Ann|stage entered = created".
     */
    private Map<String, String> table() {
        Map<String, String> rows = new TreeMap<>();
        for (Row r : sql("""
                SELECT o.external_id, s.name AS stage, o.amount, o.close_date, o.probability_override,
                       coalesce(o.probability_override, s.probability) AS probability,
                       coalesce(o.forecast_category_override, s.forecast_category) AS category,
                       o.closed_at IS NOT NULL AS closed, o.close_reason_id, o.competitor, o.close_date_pushes,
                       o.version, o.owner_id, o.stage_entered_at = o.created_at AS entered_at_creation
                FROM opportunities o JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                WHERE o.workspace_id = $1""")) {
            rows.put(r.getString("external_id"), String.join("|", r.getString("stage"), text(r.getBigDecimal("amount")),
                    String.valueOf(r.getLocalDate("close_date")), text(r.getBigDecimal("probability_override")),
                    text(r.getBigDecimal("probability")), r.getString("category"), String.valueOf(r.getBoolean("closed")),
                    lostReason.equals(String.valueOf(r.getUUID("close_reason_id"))) ? "price"
                            : String.valueOf(r.getUUID("close_reason_id")), String.valueOf(r.getString("competitor")),
                    String.valueOf(r.getInteger("close_date_pushes")), String.valueOf(r.getLong("version")),
                    String.valueOf(ann.id().equals(r.getUUID("owner_id"))),
                    String.valueOf(r.getBoolean("entered_at_creation"))));
        }
        return rows;
    }

    /** Every history row of the workspace in id order: "externalId|action|field|from→to" (stage ids as names). */
    private List<String> history() {
        Map<String, String> names = new HashMap<>();
        stages.forEach((name, id) -> names.put(id, name));
        List<String> rows = new ArrayList<>();
        for (Row r : sql("""
                SELECT o.external_id, h.action, h.field, h.from_value, h.to_value FROM opportunity_history h
                JOIN opportunities o ON o.workspace_id = h.workspace_id AND o.id = h.opportunity_id
                WHERE h.workspace_id = $1 ORDER BY h.id""")) {
            rows.add(r.getString("external_id") + "|" + r.getString("action") + "|" + r.getString("field") + "|"
                    + names.getOrDefault(r.getString("from_value"), r.getString("from_value")) + "→"
                    + names.getOrDefault(r.getString("to_value"), r.getString("to_value")));
        }
        return rows;
    }

    private static String text(BigDecimal value) {
        return value == null ? "null" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static List<String> created(String id, String stage, String amount, String closeDate, String probability,
                                        String category) {
        return List.of(id + "|create|stage|null→" + stage, id + "|create|amount|null→" + amount,
                id + "|create|closeDate|null→" + closeDate, id + "|create|probability|null→" + probability,
                id + "|create|forecastCategory|null→" + category);
    }

    /** O1..O3 seeded: O1 and O2 in Qualify, O3 in Proposal with a probability override of 30. */
    private void seed() {
        Map<String, Object> o3 = deal("O3", stages.get("Proposal"), 5000, "2026-11-30");
        o3.put("probability", 30);
        JsonNode answer = post(integration.key(), Map.of("records", List.of(
                deal("O1", stages.get("Qualify"), 1000, "2026-12-31"),
                deal("O2", stages.get("Qualify"), 2000, "2026-12-31"), o3)), 200);
        assertEquals(List.of("created|", "created|", "created|"), results(answer));
    }

    /** Unchanged, moved by stage name and pushed, lost, new by external ids, then six invalid records. */
    private List<Map<String, Object>> mixed() {
        Map<String, Object> o2 = new LinkedHashMap<>(Map.of("externalSource", "crm", "externalId", "O2",
                "pipelineId", pipeline, "stageName", "proposal", "closeDate", "2027-01-31"));
        Map<String, Object> o3 = new LinkedHashMap<>(Map.of("externalSource", "crm", "externalId", "O3",
                "stageId", stages.get("Lost"), "closeReasonId", lostReason, "competitor", "Initech"));
        Map<String, Object> o4 = deal("O4", stages.get("Qualify"), 700, "2027-03-31");
        o4.put("accountExternalId", "A2");
        o4.put("primaryContactExternalId", "C1");
        o4.put("ownerEmail", annEmail.toUpperCase());
        Map<String, Object> otherPipeline = deal("O6", otherPipelineStage, 1, "2027-01-01");
        otherPipeline.put("pipelineId", pipeline);
        Map<String, Object> noAccount = deal("O7", stages.get("Qualify"), 1, "2027-01-01");
        noAccount.put("accountExternalId", "NOPE");
        Map<String, Object> theirs = deal("O8", stages.get("Qualify"), 1, "2027-01-01");
        theirs.remove("accountExternalId");
        theirs.put("accountId", theirAccount);
        Map<String, Object> lostWithoutReason = deal("O10", stages.get("Lost"), 1, "2027-01-01");
        return List.of(deal("O1", stages.get("Qualify"), 1000, "2026-12-31"), o2, o3, o4,
                deal("O5", UUID.randomUUID().toString(), 1, "2027-01-01"), otherPipeline, noAccount, theirs,
                deal("O9", stages.get("Qualify"), -5, "2027-01-01"), lostWithoutReason);
    }

    private static List<String> expected(boolean applied) {
        String ok = applied ? "" : "not-applied|";
        return List.of(applied ? "unchanged|" : ok, applied ? "updated|" : ok, applied ? "updated|" : ok,
                applied ? "created|" : ok,
                "error|stageId: no such stage in this workspace",
                "error|pipelineId: the stage belongs to another pipeline",
                "error|accountExternalId: is not the external id of an account of this workspace",
                "error|accountId: no such account",
                "error|amount: must be greater than or equal to 0",
                "error|closeReasonId: a lost deal needs a close reason");
    }

    @Test
    void aMixedBatchFollowsTheSingleWriteRulesAtomicOrNot() {
        seed();
        Map<String, String> seeded = table();
        assertEquals(Map.of(
                "O1", "Qualify|1000|2026-12-31|null|10|Pipeline|false|null|null|0|0|false|true",
                "O2", "Qualify|2000|2026-12-31|null|10|Pipeline|false|null|null|0|0|false|true",
                "O3", "Proposal|5000|2026-11-30|30|30|BestCase|false|null|null|0|0|false|true"), seeded);
        List<String> seededHistory = new ArrayList<>();
        seededHistory.addAll(created("O1", "Qualify", "1000", "2026-12-31", "10", "Pipeline"));
        seededHistory.addAll(created("O2", "Qualify", "2000", "2026-12-31", "10", "Pipeline"));
        seededHistory.addAll(created("O3", "Proposal", "5000", "2026-11-30", "30", "BestCase"));
        assertEquals(seededHistory, history());

        JsonNode refused = post(integration.key(), Map.of("atomic", true, "records", mixed()), 422);
        assertEquals(expected(false), results(refused));
        assertEquals(seeded, table());
        assertEquals(seededHistory, history());

        JsonNode answer = post(integration.key(), Map.of("records", mixed()), 200);
        assertEquals(expected(true), results(answer));
        assertEquals(Map.of("created", 1, "updated", 2, "unchanged", 1, "error", 6, "notApplied", 0),
                JSON.convertValue(answer.get("counts"), Map.class));
        assertEquals(Map.of(
                "O1", "Qualify|1000|2026-12-31|null|10|Pipeline|false|null|null|0|0|false|true",
                // moved by name: the stage's probability and category, a new stage clock, one push
                "O2", "Proposal|2000|2027-01-31|null|60|BestCase|false|null|null|1|1|false|false",
                // lost: closed, the override reset by the stage move, the reason and competitor kept
                "O3", "Lost|5000|2026-11-30|null|0|Omitted|true|price|Initech|0|1|false|false",
                "O4", "Qualify|700|2027-03-31|null|10|Pipeline|false|null|null|0|0|true|true"), table());
        List<String> expectedHistory = new ArrayList<>(seededHistory);
        expectedHistory.addAll(List.of("O2|update|stage|Qualify→Proposal", "O2|update|closeDate|2026-12-31→2027-01-31",
                "O2|update|probability|10→60", "O2|update|forecastCategory|Pipeline→BestCase",
                "O3|close|stage|Proposal→Lost", "O3|close|probability|30→0", "O3|close|forecastCategory|BestCase→Omitted"));
        expectedHistory.addAll(created("O4", "Qualify", "700", "2027-03-31", "10", "Pipeline"));
        assertEquals(expectedHistory, history());
        String contact = sql("SELECT id FROM contacts WHERE workspace_id = $1").get(0).getUUID("id").toString();
        as(ws.adminKey()).get("/api/v1/opportunities/" + answer.at("/results/3/id").asText()).then().statusCode(200)
                .body("primaryContactId", equalTo(contact)).body("status", equalTo("open"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + answer.at("/results/2/id").asText()).then().statusCode(200)
                .body("status", equalTo("lost")).body("closeReasonId", equalTo(lostReason));

        // the same batch again: nothing changes, no history
        JsonNode again = post(integration.key(), Map.of("records", mixed()), 200);
        assertEquals(Map.of("created", 0, "updated", 0, "unchanged", 4, "error", 6, "notApplied", 0),
                JSON.convertValue(again.get("counts"), Map.class));
        assertEquals(expectedHistory, history());
    }
}
