package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.hamcrest.Matchers.equalTo;

/**
 * The workspace of the opportunity batch upsert tests (a pipeline, another pipeline, a lost-only close reason,
 * accounts A1 and A2 and contact C1 with external ids, an account of another workspace) and their readers.
 */
abstract class OpportunityBatchTest extends ApiTest {
    static final String UPSERT = "/api/v1/opportunities/batch/upsert";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Db db;

    protected Workspace ws;
    protected Member integration;
    protected Member ann;
    protected String annEmail;
    protected String pipeline;
    protected Map<String, String> stages;
    protected String otherPipelineStage;
    protected String lostReason;
    protected String theirAccount;

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

    protected List<Row> sql(String sql) {
        List<Row> rows = new ArrayList<>();
        db.query(sql, Tuple.of(ws.id())).await().indefinitely().forEach(rows::add);
        return rows;
    }

    /**
     * external_id → "stage|amount|closeDate|override|effective probability|category|closed|reason|competitor|pushes|
     * version|owner is Ann|stage entered = created".
     */
    protected Map<String, String> table() {
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
    protected List<String> history() {
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

    protected static String text(BigDecimal value) {
        return value == null ? "null" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    protected static List<String> created(String id, String stage, String amount, String closeDate, String probability,
                                        String category) {
        return List.of(id + "|create|stage|null→" + stage, id + "|create|amount|null→" + amount,
                id + "|create|closeDate|null→" + closeDate, id + "|create|probability|null→" + probability,
                id + "|create|forecastCategory|null→" + category);
    }
}
