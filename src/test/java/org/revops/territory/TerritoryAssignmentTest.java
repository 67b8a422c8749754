package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Jobs;
import org.revops.support.TestCheckpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The assignment engine through the API, on the hand-checked map of {@link TerritoryScenario}:
 * <pre>
 * GLOBAL (no rules)
 * ├─ EMEA      R1 region in EMEA, inherited
 * │  ├─ DACH      R2 country in DE, AT, CH
 * │  ├─ UKI       R3 country in GB, IE
 * │  └─ EMEA-MFG  R4 industry in Manufacturing, priority 10
 * ├─ AMER      R5 country in US, CA (not inherited)
 * │  └─ AMER-ENT  R6 employeeCount ≥ 1000
 * └─ APAC      R7 "1 AND (2 OR 3)": country JP; revenue ≥ 1e9; tier A
 * </pre>
 */
@QuarkusTest
class TerritoryAssignmentTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private TerritoryMap map;
    private final Map<String, String> accounts = new LinkedHashMap<>();
    private static final Map<String, String> EXPECTED = TerritoryScenario.EXPECTED;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Territory engine");
        map = TerritoryScenario.model(ws.adminKey(), "FY27");
        accounts.putAll(TerritoryScenario.accounts(ws.adminKey()));
    }

    @AfterEach
    void tearDown() {
        TestCheckpoint.reset();
    }

    private Map<String, String> assignments(TerritoryMap m) {
        return TerritoryScenario.assignments(ws.adminKey(), m, accounts.keySet());
    }

    @Test
    void aRunAssignsByInheritanceSpecificityAndPriorityAndReportsTies() {
        JsonPath job = Jobs.succeed(ws.adminKey(), map.path("/run"));
        assertEquals("territory.run", job.getString("kind"));
        assertEquals(map.modelId, job.getString("subjectId"));
        assertEquals(9, job.getLong("counts.accounts"));
        assertEquals(6, job.getLong("counts.matched"));
        assertEquals(1, job.getLong("counts.ties"));
        assertEquals(2, job.getLong("counts.unassigned"));
        assertEquals(9, job.getLong("result.accounts"));
        assertEquals(EXPECTED, assignments(map));

        // the cause names the rule that matched
        as(ws.adminKey()).get(map.path("/assignments?accountId=" + accounts.get("A2 DE manufacturing"))).then()
                .statusCode(200).body("data[0].cause", equalTo("rule"))
                .body("data[0].territoryId", equalTo(map.ids.get("EMEA-MFG")));

        // a second run changes nothing
        JsonPath again = Jobs.succeed(ws.adminKey(), map.path("/run"));
        assertEquals(0, again.getLong("counts.changed"));
        assertEquals(EXPECTED, assignments(map));
    }

    /** The table keeps no foreign keys (V15): deletes take assignments along through statement triggers instead. */
    @Test
    void deletedAccountsTerritoriesRulesAndModelsTakeTheirAssignmentsAlong() {
        Jobs.succeed(ws.adminKey(), map.path("/run"));
        // a deleted rule is forgotten by the rows it made; they keep their territory until the next run
        String dach = map.ids.get("DACH");
        String r2 = as(ws.adminKey()).get("/api/v1/territories/" + dach + "/rules").then().statusCode(200)
                .extract().path("data[0].id");
        assertEquals(1, assignmentRows("rule_id = $2", UUID.fromString(r2)));
        as(ws.adminKey()).delete("/api/v1/territory-rules/" + r2).then().statusCode(204);
        assertEquals(0, assignmentRows("rule_id = $2", UUID.fromString(r2)));
        assertEquals(1, assignmentRows("territory_id = $2 AND rule_id IS NULL", UUID.fromString(dach)));

        String a1 = accounts.get("A1 DE retail");
        assertEquals(1, assignmentRows("account_id = $2", UUID.fromString(a1)));
        as(ws.adminKey()).delete("/api/v1/accounts/" + a1).then().statusCode(204);
        assertEquals(0, assignmentRows("account_id = $2", UUID.fromString(a1)));

        String mfg = map.ids.get("EMEA-MFG");
        assertEquals(2, assignmentRows("territory_id = $2", UUID.fromString(mfg)));
        as(ws.adminKey()).delete("/api/v1/territories/" + mfg).then().statusCode(204);
        assertEquals(0, assignmentRows("territory_id = $2", UUID.fromString(mfg)));

        UUID model = UUID.fromString(map.modelId);
        assertEquals(4, assignmentRows("model_id = $2", model));  // A3, A5, A6 (the tie), A9
        as(ws.adminKey()).delete(map.path("")).then().statusCode(204);
        assertEquals(0, assignmentRows("model_id = $2", model));
    }

    private long assignmentRows(String where, UUID id) {
        return db.query("SELECT count(*) AS n FROM territory_assignments WHERE workspace_id = $1 AND " + where,
                        Tuple.of(ws.id(), id))
                .await().atMost(java.time.Duration.ofSeconds(10)).iterator().next().getLong("n");
    }

    @Test
    void manualAssignmentsSurviveRunsUntilReplacedOrCleared() {
        Jobs.succeed(ws.adminKey(), map.path("/run"));
        String a1 = accounts.get("A1 DE retail");
        String a8 = accounts.get("A8 JP small");
        as(ws.adminKey()).body(Map.of("territoryId", map.ids.get("UKI"))).put(map.path("/assignments/" + a1)).then()
                .statusCode(200).body("cause", equalTo("manual")).body("territoryCode", equalTo("UKI"))
                .body("assignedBy", equalTo(ws.adminId().toString())).body("ruleId", nullValue());
        as(ws.adminKey()).body(Map.of("territoryId", map.ids.get("GLOBAL"))).put(map.path("/assignments/" + a8)).then()
                .statusCode(200);

        JsonPath kept = Jobs.succeed(ws.adminKey(), map.path("/run"));
        assertEquals(2, kept.getLong("counts.manual"));
        Map<String, String> expected = new LinkedHashMap<>(EXPECTED);
        expected.put("A1 DE retail", "UKI");
        expected.put("A8 JP small", "GLOBAL");
        assertEquals(expected, assignments(map));

        // clearing a manual assignment gives the account back to its rules at once
        as(ws.adminKey()).delete(map.path("/assignments/" + a1)).then().statusCode(204);
        expected.put("A1 DE retail", "DACH");
        assertEquals(expected, assignments(map));
        as(ws.adminKey()).delete(map.path("/assignments/" + a1)).then().statusCode(404);

        // replaceManual=true lets the rules win everywhere
        Jobs.succeed(ws.adminKey(), map.path("/run?replaceManual=true"));
        assertEquals(EXPECTED, assignments(map));
    }

    @Test
    void badManualAssignmentsAreRefusedAndWriteNothing() {
        Jobs.succeed(ws.adminKey(), map.path("/run"));
        TerritoryMap other = TerritoryMap.create(ws.adminKey(), "Other").territory("X", null, 0);
        String a1 = accounts.get("A1 DE retail");
        as(ws.adminKey()).body(Map.of("territoryId", other.ids.get("X"))).put(map.path("/assignments/" + a1)).then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("territoryId"));
        as(ws.adminKey()).body(Map.of()).put(map.path("/assignments/" + a1)).then()
                .statusCode(422).contentType("application/problem+json");
        as(ws.adminKey()).body("{\"territoryId\": 12}").put(map.path("/assignments/" + a1)).then()
                .statusCode(400).contentType("application/problem+json");
        as(ws.adminKey()).body(Map.of("territoryId", map.ids.get("UKI")))
                .put(map.path("/assignments/" + java.util.UUID.randomUUID())).then().statusCode(404);
        as(ws.adminKey()).body(Map.of("territoryId", map.ids.get("UKI")))
                .put("/api/v1/territory-models/" + java.util.UUID.randomUUID() + "/assignments/" + a1).then()
                .statusCode(404);
        assertEquals(EXPECTED, assignments(map));
    }

    @Test
    void onlyAdminsAndManagersRunAndAssign() {
        Member manager = newMember(ws, "Mia Manager", "manager", null);
        Member rep = newMember(ws, "Rex Rep", "rep", manager.id());
        String integration = key("sync", "integration");
        String readOnly = key("bi", "read-only");
        for (String key : List.of(rep.key(), integration, readOnly)) {
            as(key).post(map.path("/run")).then().statusCode(403).contentType("application/problem+json");
            as(key).post(map.path("/preview")).then().statusCode(403);
            as(key).post(map.path("/activate")).then().statusCode(403);
            as(key).body(Map.of("territoryId", map.ids.get("UKI")))
                    .put(map.path("/assignments/" + accounts.get("A1 DE retail"))).then().statusCode(403);
        }
        JsonPath job = Jobs.succeed(manager.key(), map.path("/run"));
        assertEquals(manager.id().toString(), job.getString("createdBy"));
        // a job is visible to whoever started it and to admins; not to a rep of the same workspace
        as(ws.adminKey()).get("/api/v1/jobs/" + job.getString("id")).then().statusCode(200);
        as(rep.key()).get("/api/v1/jobs/" + job.getString("id")).then().statusCode(404);

        // another workspace sees none of it
        Workspace stranger = newWorkspace("Stranger");
        as(stranger.adminKey()).get("/api/v1/jobs/" + job.getString("id")).then().statusCode(404);
        as(stranger.adminKey()).post(map.path("/run")).then().statusCode(404);
        as(stranger.adminKey()).get(map.path("/assignments")).then().statusCode(404);
    }

    @Test
    void aRepSeesOnlyTheAssignmentsOfTheirTerritoriesAndNoPreviews() {
        Jobs.succeed(ws.adminKey(), map.path("/run"));
        Member rep = newMember(ws, "Dana DACH", "rep", null);
        as(ws.adminKey()).body(Map.of("role", "rep")).put("/api/v1/territories/" + map.ids.get("DACH") + "/members/"
                + rep.id()).then().statusCode(201);
        // the rep owns none of the accounts: a rep reads only accounts they may read, so give them A1
        as(ws.adminKey()).contentType("application/merge-patch+json")
                .body(Map.of("ownerId", rep.id().toString()))
                .patch("/api/v1/accounts/" + accounts.get("A1 DE retail")).then().statusCode(200);
        as(ws.adminKey()).contentType("application/merge-patch+json")
                .body(Map.of("ownerId", rep.id().toString()))
                .patch("/api/v1/accounts/" + accounts.get("A3 FR retail")).then().statusCode(200);
        // A3 is the rep's account but in EMEA, not a territory of theirs
        as(rep.key()).get(map.path("/assignments")).then().statusCode(200)
                .body("data.accountName", equalTo(List.of("A1 DE retail")));
        as(rep.key()).get(map.path("/moves")).then().statusCode(403);
    }

    private String key(String name, String role) {
        return as(ws.adminKey()).body(Map.of("name", name, "role", role, "userId", ws.adminId().toString()))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
    }

    @Test
    void jobsAreListedNewestFirstAndFilterable() {
        Jobs.succeed(ws.adminKey(), map.path("/run"));
        Jobs.succeed(ws.adminKey(), map.path("/run?replaceManual=true"));
        as(ws.adminKey()).get("/api/v1/jobs?subjectId=" + map.modelId + "&state=succeeded").then().statusCode(200)
                .body("data.size()", equalTo(2)).body("data[0].kind", equalTo("territory.run"));
        as(ws.adminKey()).get("/api/v1/jobs?state=failed").then().statusCode(200).body("data.size()", equalTo(0));
        as(ws.adminKey()).get("/api/v1/jobs?colour=red").then().statusCode(400)
                .contentType("application/problem+json");

        // the long poll answers a finished job as it is, and refuses waits it does not offer
        String id = as(ws.adminKey()).get("/api/v1/jobs?limit=1").then().extract().path("data[0].id");
        as(ws.adminKey()).get("/api/v1/jobs/" + id + "?wait=60").then().statusCode(200)
                .body("state", equalTo("succeeded"));
        for (String wait : List.of("61", "-1", "soon")) {
            as(ws.adminKey()).get("/api/v1/jobs/" + id + "?wait=" + wait).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("wait"));
        }
        as(ws.adminKey()).get("/api/v1/jobs/" + id + "?until=later").then().statusCode(400);
        as(ws.adminKey()).get("/api/v1/jobs/" + java.util.UUID.randomUUID() + "?wait=1").then().statusCode(404);
    }
}
