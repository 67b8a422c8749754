package org.revops.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * POST /api/v1/leads/batch/upsert with 10,000 records: a mix of unchanged, changed, new and invalid records gives
 * exact per-record results and exact table contents, atomic or not.
 */
@QuarkusTest
class LeadBatchUpsertTest extends ApiTest {
    static final String UPSERT = "/api/v1/leads/batch/upsert";
    static final ObjectMapper JSON = new ObjectMapper();
    static final int SEEDED = 6000;

    @Inject
    Db db;

    private Workspace ws;
    private Member ann;
    private String annEmail;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Batch upsert");
        ann = newMember(ws, "Ann Rep", "rep", null);
        annEmail = as(ws.adminKey()).get("/api/v1/users/" + ann.id()).then().statusCode(200).extract().path("email");
    }

    static Map<String, Object> record(int i, String title) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("externalSource", "crm");
        r.put("externalId", "L" + i);
        r.put("lastName", "Last " + i);
        r.put("email", "p" + i + "@leads.example");
        r.put("title", title);
        r.put("employeeCount", i);
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

    /** external_id → "title|version|owner" of every lead of the workspace. */
    private Map<String, String> table(UUID workspaceId) {
        Map<String, String> rows = new TreeMap<>();
        db.query("SELECT external_id, title, version, owner_id, id FROM leads WHERE workspace_id = $1",
                        io.vertx.mutiny.sqlclient.Tuple.of(workspaceId)).await().indefinitely()
                .forEach(row -> rows.put(row.getString("external_id"), row.getString("title") + "|"
                        + row.getLong("version") + "|" + row.getUUID("owner_id") + "|" + row.getUUID("id")));
        return rows;
    }

    /** Seeds L0..L5999 (title T0) in one batch; answers their ids. */
    private Map<Integer, String> seed(String key) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < SEEDED; i++) {
            records.add(record(i, "T0"));
        }
        JsonNode answer = post(key, Map.of("records", records), 200);
        assertEquals(SEEDED, answer.at("/counts/created").asInt());
        Map<Integer, String> ids = new HashMap<>();
        answer.get("results").forEach(r -> ids.put(r.get("index").asInt(), r.get("id").asText()));
        return ids;
    }

    /**
     * 10,000 records: 0-2999 as seeded (unchanged), 3000-5999 retitled T1 (updated), 6000-8999 new (6000-6099 owned
     * by Ann, named by e-mail in upper case), then 250 each of: a bad e-mail, no externalId, a key already in the
     * batch (that of record i - 9500), an unknown owner e-mail.
     */
    private List<Map<String, Object>> mixed() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> r = record(i, i < 3000 ? "T0" : "T1");
            if (i >= 6000 && i < 6100) {
                r.put("ownerEmail", annEmail.toUpperCase());
            } else if (i >= 9000 && i < 9250) {
                r.put("email", "not-an-email");
            } else if (i >= 9250 && i < 9500) {
                r.remove("externalId");
            } else if (i >= 9500 && i < 9750) {
                r = record(i - 9500, "T0");
            } else if (i >= 9750) {
                r.put("ownerEmail", "nobody@nowhere.example");
            }
            records.add(r);
        }
        return records;
    }

    /** index → "status|field: message" as the mixed batch must answer (ids checked separately). */
    private static List<String> expectedResults(boolean applied) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String ok = !applied ? "not-applied" : i < 3000 ? "unchanged" : i < 6000 ? "updated" : "created";
            expected.add(i < 9000 ? ok + "|"
                    : i < 9250 ? "error|email: must be a well-formed email address"
                    : i < 9500 ? "error|externalId: is required: records are matched by externalSource and externalId"
                    : i < 9750 ? "error|externalId: duplicate of record " + (i - 9500)
                    : "error|ownerEmail: is not the e-mail of a user of this workspace");
        }
        return expected;
    }

    private static List<String> actualResults(JsonNode answer) {
        List<String> actual = new ArrayList<>();
        int index = 0;
        for (JsonNode r : answer.get("results")) {
            assertEquals(index++, r.get("index").asInt());
            StringBuilder line = new StringBuilder(r.get("status").asText()).append('|');
            List<String> errors = new ArrayList<>();
            r.get("errors").forEach(e -> errors.add(e.get("field").asText() + ": " + e.get("message").asText()));
            actual.add(line.append(String.join("; ", errors)).toString());
        }
        return actual;
    }

    @Test
    void tenThousandMixedRecordsLandExceptTheInvalidOnes() {
        Map<Integer, String> seeded = seed(ws.adminKey());
        JsonNode answer = post(ws.adminKey(), Map.of("atomic", false, "records", mixed()), 200);

        assertEquals(expectedResults(true), actualResults(answer));
        assertEquals(Map.of("created", 3000, "updated", 3000, "unchanged", 3000, "error", 1000, "notApplied", 0),
                JSON.convertValue(answer.get("counts"), Map.class));
        assertEquals(true, answer.get("applied").asBoolean());

        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < 9000; i++) {
            JsonNode result = answer.get("results").get(i);
            String id = result.get("id").asText();
            if (i < SEEDED) {
                assertEquals(seeded.get(i), id, "an existing lead keeps its id");
            }
            String owner = i >= 6000 && i < 6100 ? ann.id().toString() : "null";
            expected.put("L" + i, (i < 3000 ? "T0|0|" : i < 6000 ? "T1|1|" : "T1|0|") + owner + "|" + id);
        }
        assertEquals(expected, table(ws.id()));

        // the same batch again: every valid record is now unchanged, nothing is written
        JsonNode again = post(ws.adminKey(), Map.of("records", mixed()), 200);
        assertEquals(Map.of("created", 0, "updated", 0, "unchanged", 9000, "error", 1000, "notApplied", 0),
                JSON.convertValue(again.get("counts"), Map.class));
        assertEquals(expected, table(ws.id()));
    }

    @Test
    void anAtomicBatchWithErrorsWritesNothingAndReportsEveryRecord() {
        seed(ws.adminKey());
        Map<String, String> before = table(ws.id());
        Response response = as(ws.adminKey()).body(Map.of("atomic", true, "records", mixed())).post(UPSERT);
        response.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://revops.dev/problems/batch-rejected"))
                .body("errors[0].field", equalTo("records[9000].email"));
        JsonNode answer;
        try {
            answer = JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(expectedResults(false), actualResults(answer));
        assertEquals(Map.of("created", 0, "updated", 0, "unchanged", 0, "error", 1000, "notApplied", 9000),
                JSON.convertValue(answer.get("counts"), Map.class));
        answer.get("results").forEach(r -> assertEquals(true, r.get("id").isNull()));
        assertEquals(before, table(ws.id()));

        // without the invalid records the atomic batch lands whole
        JsonNode applied = post(ws.adminKey(), Map.of("atomic", true, "records", mixed().subList(0, 9000)), 200);
        assertEquals(Map.of("created", 3000, "updated", 3000, "unchanged", 3000, "error", 0, "notApplied", 0),
                JSON.convertValue(applied.get("counts"), Map.class));
        assertEquals(9000, table(ws.id()).size());
    }

    @Test
    void aKnownKeyIsMergedLikeAPatchAndTheVersionMovesOnlyOnChange() {
        String id = post(ws.adminKey(), Map.of("records", List.of(Map.of("externalSource", "crm", "externalId", "M1",
                "lastName", "Merge", "company", "Acme", "phone", "+1 555"))), 200).at("/results/0/id").asText();
        Map<String, Object> patch = new HashMap<>(Map.of("externalSource", "crm", "externalId", "M1", "title", "CTO"));
        patch.put("phone", null);
        JsonNode answer = post(ws.adminKey(), Map.of("records", List.of(patch)), 200);
        assertEquals("updated", answer.at("/results/0/status").asText());
        assertEquals(id, answer.at("/results/0/id").asText());
        as(ws.adminKey()).get("/api/v1/leads/" + id).then().statusCode(200)
                .body("lastName", equalTo("Merge")).body("company", equalTo("Acme")).body("title", equalTo("CTO"))
                .body("phone", equalTo(null)).body("version", equalTo(1)).body("source", equalTo("other"))
                .body("currency", equalTo("EUR"));
        assertEquals("unchanged", post(ws.adminKey(), Map.of("records", List.of(patch)), 200)
                .at("/results/0/status").asText());
        as(ws.adminKey()).get("/api/v1/leads/" + id).then().body("version", equalTo(1));
        // the single PATCH's rules: disqualifying needs a reason
        JsonNode refused = post(ws.adminKey(), Map.of("records", List.of(Map.of("externalSource", "crm",
                "externalId", "M1", "status", "disqualified"))), 200);
        assertEquals("error", refused.at("/results/0/status").asText());
        assertEquals("disqualifiedReason", refused.at("/results/0/errors/0/field").asText());
        as(ws.adminKey()).get("/api/v1/leads/" + id).then().body("status", equalTo("new")).body("version", equalTo(1));
    }

    @Test
    void referencesResolveByIdOrEmailAndUnknownOnesNameTheField() {
        Map<String, Object> byId = new HashMap<>(Map.of("externalSource", "crm", "externalId", "R1",
                "lastName", "ById", "ownerId", ann.id().toString()));
        Map<String, Object> byEmail = new HashMap<>(Map.of("externalSource", "crm", "externalId", "R2",
                "lastName", "ByEmail", "ownerEmail", annEmail));
        Map<String, Object> unknownId = new HashMap<>(Map.of("externalSource", "crm", "externalId", "R3",
                "lastName", "X", "ownerId", UUID.randomUUID().toString()));
        Map<String, Object> disagree = new HashMap<>(Map.of("externalSource", "crm", "externalId", "R4",
                "lastName", "X", "ownerId", ws.adminId().toString(), "ownerEmail", annEmail));
        Map<String, Object> territory = new HashMap<>(Map.of("externalSource", "crm", "externalId", "R5",
                "lastName", "X", "territoryId", UUID.randomUUID().toString()));
        Map<String, Object> badType = new HashMap<>(Map.of("externalSource", "crm", "externalId", "R6",
                "lastName", "X", "employeeCount", "many"));
        Map<String, Object> unknownField = new HashMap<>(Map.of("externalSource", "crm", "externalId", "R7",
                "lastName", "X", "shoeSize", 42));
        JsonNode answer = post(ws.adminKey(), Map.of("records",
                List.of(byId, byEmail, unknownId, disagree, territory, badType, unknownField)), 200);
        assertEquals(List.of("created|", "created|", "error|ownerId: is not a user of this workspace you may assign records to",
                        "error|ownerEmail: names another user than ownerId",
                        "error|territoryId: is not a territory of the active territory model",
                        "error|employeeCount: cannot be read as an integer: many", "error|shoeSize: unknown field"),
                actualResults(answer));
        assertEquals(Map.of("R1", ann.id().toString(), "R2", ann.id().toString()), owners());
    }

    private Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        db.query("SELECT external_id, owner_id FROM leads WHERE workspace_id = $1",
                        io.vertx.mutiny.sqlclient.Tuple.of(ws.id())).await().indefinitely()
                .forEach(row -> owners.put(row.getString("external_id"), String.valueOf(row.getUUID("owner_id"))));
        return owners;
    }

    @Test
    void malformedOversizedAndForbiddenBatchesWriteNothing() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add(Map.of("externalSource", "crm", "externalId", "B" + i, "lastName", "B"));
        }
        as(ws.adminKey()).body(Map.of("records", tooMany)).post(UPSERT).then().statusCode(413)
                .contentType("application/problem+json").body("type", equalTo("https://revops.dev/problems/too-large"));
        as(ws.adminKey()).body("{\"records\": [").post(UPSERT).then().statusCode(400)
                .contentType("application/problem+json");
        as(ws.adminKey()).body(Map.of("records", List.of())).post(UPSERT).then().statusCode(400)
                .body("errors[0].field", equalTo("records"));
        as(ws.adminKey()).body(Map.of("records", "L1")).post(UPSERT).then().statusCode(400)
                .body("errors[0].field", equalTo("records"));
        as(ws.adminKey()).body(Map.of("atomic", "yes", "records", List.of(record(1, "T")))).post(UPSERT).then()
                .statusCode(400).body("errors[0].field", equalTo("atomic"));
        as(ws.adminKey()).body(Map.of("rows", List.of(record(1, "T")))).post(UPSERT).then().statusCode(400);

        Member mona = newMember(ws, "Mona Manager", "manager", null);
        Member reader = newMember(ws, "Rita Reader", "read-only", null);
        for (String key : List.of(ann.key(), mona.key(), reader.key())) {
            as(key).body(Map.of("records", List.of(record(1, "T")))).post(UPSERT).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        Member integration = newMember(ws, "Ian Integration", "integration", null);
        assertEquals(Map.of(), table(ws.id()));
        post(integration.key(), Map.of("records", List.of(record(1, "T"))), 200);
        assertEquals(1, table(ws.id()).size());
    }

    @Test
    void theSameKeyInAnotherWorkspaceIsAnotherLead() {
        Workspace other = newWorkspace("Batch upsert, other");
        String theirs = post(other.adminKey(), Map.of("records", List.of(record(1, "Theirs"))), 200)
                .at("/results/0/id").asText();
        Map<String, String> before = table(other.id());
        JsonNode mine = post(ws.adminKey(), Map.of("records", List.of(record(1, "Mine"))), 200);
        assertEquals("created", mine.at("/results/0/status").asText());
        assertEquals("updated", post(ws.adminKey(), Map.of("records", List.of(record(1, "Mine again"))), 200)
                .at("/results/0/status").asText());
        assertEquals(before, table(other.id()));
        assertEquals(1, table(ws.id()).size());
        assertNotNull(theirs);
        as(ws.adminKey()).get("/api/v1/leads/" + theirs).then().statusCode(404);
    }

    @Test
    void writtenLeadsAreScoredAndHotUnownedOnesRoutedAsSingleWritesAre() {
        RoutingFixtures.capacity(ws.adminKey(), ann.id(), 5);
        String model = as(ws.adminKey()).body(Map.of("name", "Fit", "thresholds", Map.of("A", 80, "B", 50, "C", 30),
                        "criteria", List.of(
                                Map.of("field", "authority", "operator", "in", "values",
                                        List.of("decision-maker", "economic-buyer"), "weight", 60),
                                Map.of("field", "industry", "operator", "in", "values", List.of("Software"), "weight", 40))))
                .post("/api/v1/scoring-models").then().statusCode(201).extract().path("id");
        org.revops.support.Jobs.succeed(ws.adminKey(), "/api/v1/scoring-models/" + model + "/publish");
        List<Map<String, Object>> records = List.of(
                Map.of("externalSource", "crm", "externalId", "HOT", "lastName", "Hot", "authority", "economic-buyer",
                        "industry", "Software"),
                Map.of("externalSource", "crm", "externalId", "COLD", "lastName", "Cold", "authority", "user"));
        JsonNode answer = post(ws.adminKey(), Map.of("records", records), 200);
        String hot = answer.at("/results/0/id").asText();
        String cold = answer.at("/results/1/id").asText();
        as(ws.adminKey()).get("/api/v1/leads/" + hot).then().body("grade", equalTo("A")).body("score", equalTo(100))
                .body("ownerId", equalTo(ann.id().toString()));
        as(ws.adminKey()).get("/api/v1/leads/" + cold).then().body("grade", equalTo("D")).body("ownerId", equalTo(null));
        assertEquals(2, RoutingFixtures.count(db, "SELECT count(*) FROM lead_scores WHERE workspace_id = $1", ws.id()));
        assertEquals(List.of(Map.of("lead_id", UUID.fromString(hot), "owner_id", ann.id(), "trigger", "grade")),
                RoutingFixtures.sql(db, "SELECT lead_id, owner_id, trigger FROM lead_routing_events"
                        + " WHERE workspace_id = $1", ws.id()));

        // sent again: unchanged, so neither scored again nor routed again
        assertEquals(2, post(ws.adminKey(), Map.of("records", records), 200).at("/counts/unchanged").asInt());
        // the cold lead warms up to B through the batch: re-scored with a history row, and routed
        JsonNode warmed = post(ws.adminKey(), Map.of("records", List.of(Map.of("externalSource", "crm",
                "externalId", "COLD", "authority", "decision-maker"))), 200);
        assertEquals("updated", warmed.at("/results/0/status").asText());
        as(ws.adminKey()).get("/api/v1/leads/" + cold).then().body("grade", equalTo("B"))
                .body("ownerId", equalTo(ann.id().toString()));
        assertEquals(3, RoutingFixtures.count(db, "SELECT count(*) FROM lead_scores WHERE workspace_id = $1", ws.id()));
    }

    @Test
    void writtenLeadsTakeTheirTerritoryFromTheActiveModel() {
        org.revops.territory.TerritoryMap map = org.revops.territory.TerritoryScenario.model(ws.adminKey(), "FY27");
        org.revops.support.Jobs.succeed(ws.adminKey(), map.path("/activate"));
        JsonNode answer = post(ws.adminKey(), Map.of("records", List.of(
                Map.of("externalSource", "crm", "externalId", "T1", "company", "L1", "country", "DE", "region", "EMEA",
                        "industry", "Retail", "employeeCount", 50, "annualRevenue", 1),
                Map.of("externalSource", "crm", "externalId", "T2", "company", "L3", "country", "FR", "region", "EMEA",
                        "industry", "Retail", "employeeCount", 10, "annualRevenue", 1),
                Map.of("externalSource", "crm", "externalId", "T3", "company", "Manual", "country", "DE",
                        "territoryId", map.ids.get("AMER-ENT")))), 200);
        List<String> codes = new ArrayList<>();
        answer.get("results").forEach(r -> {
            String territory = as(ws.adminKey()).get("/api/v1/leads/" + r.get("id").asText()).then().statusCode(200)
                    .extract().path("territoryId");
            codes.add(map.code(territory));
        });
        assertEquals(List.of("DACH", "EMEA", "AMER-ENT"), codes);
    }

    @Test
    void graphQLUpsertsWithTheSameSemantics() {
        String mutation = """
                mutation($input: LeadUpsertInput!) { upsertLeads(input: $input) {
                  result { applied counts { created updated unchanged error notApplied }
                           results { index externalId status id errors { field message } } }
                  userErrors { field message } } }""";
        List<Map<String, Object>> records = List.of(
                Map.of("externalSource", "crm", "externalId", "G1", "lastName", "Graph", "ownerEmail", annEmail),
                Map.of("externalSource", "crm", "externalId", "G2", "email", "bad"));
        var atomic = org.revops.support.GraphQLClient.ok(ws.adminKey(), mutation,
                Map.of("input", Map.of("atomic", true, "records", records)));
        assertEquals(false, atomic.getBoolean("data.upsertLeads.result.applied"));
        assertEquals(List.of("not-applied", "error"), atomic.getList("data.upsertLeads.result.results.status"));
        assertEquals(1, atomic.getList("data.upsertLeads.userErrors").size());
        assertEquals(Map.of(), table(ws.id()));

        var landed = org.revops.support.GraphQLClient.ok(ws.adminKey(), mutation,
                Map.of("input", Map.of("records", records)));
        assertEquals(List.of("created", "error"), landed.getList("data.upsertLeads.result.results.status"));
        assertEquals("email", landed.getString("data.upsertLeads.result.results[1].errors[0].field"));
        assertEquals(List.of(), landed.getList("data.upsertLeads.userErrors"));
        assertEquals(Map.of("G1", ann.id().toString()), owners());

        org.revops.support.GraphQLClient.post(ann.key(), mutation, Map.of("input", Map.of("records", records)))
                .then().statusCode(200).body("errors[0].message", org.hamcrest.Matchers.containsString("admin or integration"));
        assertEquals(1, table(ws.id()).size());
    }
}
