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
import org.revops.support.CsvPages;
import org.revops.support.Fixtures;
import org.revops.support.GraphQLClient;
import org.revops.support.Jobs;
import org.revops.support.TestCheckpoint;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Realignment: the live model FY26 is {@link TerritoryScenario}; the draft FY27 has the same territories but drops
 * the enterprise rule (R6) and loosens APAC to "country JP". So exactly three accounts move: A5 AMER-ENT → AMER,
 * A6 from a tie (no territory) → DACH, A8 from nothing → APAC.
 */
@QuarkusTest
class RealignmentTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private TerritoryMap live;
    private TerritoryMap draft;
    private Map<String, String> accounts;
    private String qualify;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Realignment");
        accounts = TerritoryScenario.accounts(ws.adminKey());
        live = TerritoryScenario.model(ws.adminKey(), "FY26");
        JsonPath activation = Jobs.succeed(ws.adminKey(), live.path("/activate"));
        assertEquals(6, activation.getLong("result.moved"));   // the six rule assignments, from no model at all
        assertEquals(live.modelId, activation.getString("result.activatedModelId"));
        draft = TerritoryScenario.territories(ws.adminKey(), "FY27");
        TerritoryScenario.rules(draft, false, false);
        qualify = Fixtures.pipeline(ws.adminKey(), "New business").getString("stages[0].id");
    }

    @AfterEach
    void tearDown() {
        TestCheckpoint.reset();
    }

    private String state(TerritoryMap map) {
        return as(ws.adminKey()).get("/api/v1/territory-models/" + map.modelId).then().statusCode(200)
                .extract().path("state");
    }

    private String territoryOf(String accountName) {
        return as(ws.adminKey()).get("/api/v1/accounts/" + accounts.get(accountName)).then().statusCode(200)
                .extract().path("territoryId");
    }

    @Test
    void previewListsExactlyTheMoversWithTheirPipelineAndChangesNothingLive() {
        String a5 = accounts.get("A5 US enterprise");
        Fixtures.opportunity(ws.adminKey(), Map.of("accountId", a5, "stageId", qualify, "amount", 1000));
        Fixtures.opportunity(ws.adminKey(), Map.of("accountId", a5, "stageId", qualify, "amount", 500));
        String won = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", a5, "stageId", qualify, "amount", 9000));
        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + won + "/close").then()
                .statusCode(200);

        JsonPath job = Jobs.succeed(ws.adminKey(), draft.path("/preview"));
        assertEquals("territory.preview", job.getString("kind"));
        assertEquals(3, job.getLong("result.movers"));
        assertEquals(2, job.getLong("result.openDeals"));
        assertEquals(1500.0, job.getDouble("result.openPipelineAmount"));
        assertEquals(1, job.getLong("result.accountOwnersAffected"));
        assertEquals(live.modelId, job.getString("result.activeModelId"));

        JsonPath moves = as(ws.adminKey()).get(draft.path("/moves")).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("A5 US enterprise", "A6 DE enterprise", "A8 JP small"), moves.getList("data.accountName"));
        assertEquals(List.of("AMER-ENT", "", ""), moves.getList("data.fromTerritoryCode").stream()
                .map(code -> code == null ? "" : code).toList());
        assertEquals(List.of("AMER", "DACH", "APAC"), moves.getList("data.toTerritoryCode"));
        assertEquals(live.ids.get("AMER-ENT"), moves.getString("data[0].fromTerritoryId"));
        assertEquals(draft.ids.get("AMER"), moves.getString("data[0].toTerritoryId"));
        assertEquals(2, moves.getInt("data[0].openDeals"));
        assertEquals(0, moves.getInt("data[1].openDeals"));
        as(ws.adminKey()).get(draft.path("/moves?toTerritoryId=" + draft.ids.get("DACH"))).then().statusCode(200)
                .body("data.accountName", equalTo(List.of("A6 DE enterprise")));
        as(ws.adminKey()).get(draft.path("/moves?sort=-openPipelineAmount&limit=1")).then().statusCode(200)
                .body("data[0].accountName", equalTo("A5 US enterprise")).body("nextCursor", org.hamcrest.Matchers.notNullValue());

        String csv = CsvPages.csv(ws.adminKey(), draft.path("/moves"));
        List<String> lines = csv.lines().toList();
        assertEquals(4, lines.size(), csv);
        assertTrue(lines.get(0).contains("accountName") && lines.get(0).contains("toTerritoryCode"), lines.get(0));
        assertTrue(lines.get(1).contains("A5 US enterprise") && lines.get(1).contains("AMER-ENT"), lines.get(1));

        as(ws.adminKey()).get(draft.path("/moves/routes")).then().statusCode(200)
                .body("size()", equalTo(3)).body("toTerritoryCode", hasItems("AMER", "DACH", "APAC"))
                .body("find { it.toTerritoryCode == 'AMER' }.openDeals", equalTo(2));

        // nothing live moved
        assertEquals("active", state(live));
        assertEquals("planning", state(draft));
        assertEquals(live.ids.get("AMER-ENT"), territoryOf("A5 US enterprise"));
        assertEquals(null, territoryOf("A6 DE enterprise"));
        as(ws.adminKey()).get("/api/v1/accounts/" + accounts.get("A6 DE enterprise")).then()
                .body("territoryCause", equalTo("tie"));

        // a second preview replaces the first
        Jobs.succeed(ws.adminKey(), draft.path("/preview"));
        as(ws.adminKey()).get(draft.path("/moves")).then().body("data.size()", equalTo(3));
    }

    /** territory_moves keeps no foreign keys (V25): deletes take the recorded moves along through statement triggers. */
    @Test
    void deletedAccountsAndModelsTakeTheirRecordedMovesAlong() {
        Jobs.succeed(ws.adminKey(), draft.path("/preview"));
        String a8 = accounts.get("A8 JP small");
        as(ws.adminKey()).delete("/api/v1/accounts/" + a8).then().statusCode(204);
        as(ws.adminKey()).get(draft.path("/moves")).then().statusCode(200)
                .body("data.accountName", equalTo(List.of("A5 US enterprise", "A6 DE enterprise")));
        assertEquals(0, rows("SELECT count(*) AS n FROM territory_assignments WHERE workspace_id = $1 AND account_id = $2",
                UUID.fromString(a8)));

        as(ws.adminKey()).delete(draft.path("")).then().statusCode(204);
        assertEquals(0, rows("SELECT count(*) AS n FROM territory_moves WHERE workspace_id = $1 AND model_id = $2",
                UUID.fromString(draft.modelId)));
        assertEquals(0, rows("SELECT count(*) AS n FROM territory_assignments WHERE workspace_id = $1 AND model_id = $2",
                UUID.fromString(draft.modelId)));
    }

    private long rows(String sql, UUID id) {
        return db.query(sql, Tuple.of(ws.id(), id))
                .await().atMost(java.time.Duration.ofSeconds(10)).iterator().next().getLong("n");
    }

    @Test
    void activationAppliesTheMovesArchivesTheOldModelAndCarriesDealTerritories() {
        String a5 = accounts.get("A5 US enterprise");
        String followsAccount = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", a5, "stageId", qualify));
        String pinned = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", a5, "stageId", qualify,
                "territoryId", live.ids.get("UKI")));
        String pinnedGone = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", a5, "stageId", qualify,
                "territoryId", live.ids.get("EMEA-MFG")));
        as(ws.adminKey()).delete("/api/v1/territories/" + draft.ids.get("EMEA-MFG")).then().statusCode(204);
        as(ws.adminKey()).get("/api/v1/opportunities/" + followsAccount).then().statusCode(200)
                .body("territoryId", equalTo(live.ids.get("AMER-ENT"))).body("territorySource", equalTo("account"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + pinned).then()
                .body("territoryId", equalTo(live.ids.get("UKI"))).body("territorySource", equalTo("manual"));

        JsonPath job = Jobs.succeed(ws.adminKey(), draft.path("/activate"));
        // the three moves of the draft's rules, and the two manufacturing accounts of the deleted EMEA-MFG
        assertEquals(5, job.getLong("result.moved"));
        assertEquals(1, job.getLong("result.dealTerritoriesKept"));
        assertEquals(1, job.getLong("result.dealTerritoriesCleared"));
        assertEquals(live.modelId, job.getString("result.archivedModelId"));
        assertEquals("archived", state(live));
        assertEquals("active", state(draft));

        assertEquals(draft.ids.get("AMER"), territoryOf("A5 US enterprise"));
        assertEquals(draft.ids.get("DACH"), territoryOf("A6 DE enterprise"));
        assertEquals(draft.ids.get("APAC"), territoryOf("A8 JP small"));
        assertEquals(draft.ids.get("DACH"), territoryOf("A1 DE retail"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + followsAccount).then()
                .body("territoryId", equalTo(draft.ids.get("AMER"))).body("territorySource", equalTo("account"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + pinned).then()
                .body("territoryId", equalTo(draft.ids.get("UKI"))).body("territorySource", equalTo("manual"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + pinnedGone).then()
                .body("territoryId", equalTo(draft.ids.get("AMER"))).body("territorySource", equalTo("account"));
        Set<String> inAmer = new HashSet<>(as(ws.adminKey()).get("/api/v1/opportunities?territoryId="
                + draft.ids.get("AMER")).then().statusCode(200).extract().jsonPath().getList("data.id"));
        assertEquals(Set.of(followsAccount, pinnedGone), inAmer);
        as(ws.adminKey()).get("/api/v1/accounts?territoryId=" + draft.ids.get("APAC")).then().statusCode(200)
                .body("data.name", equalTo(List.of("A8 JP small", "A9 JP tier A")));

        // the archived model is read-only
        as(ws.adminKey()).post(live.path("/run")).then().statusCode(409).contentType("application/problem+json");
        as(ws.adminKey()).post(live.path("/activate")).then().statusCode(409);
        as(ws.adminKey()).body(Map.of("territoryId", live.ids.get("UKI")))
                .put(live.path("/assignments/" + a5)).then().statusCode(409);
    }

    @Test
    void aFailedActivationLeavesTheOldModelActiveAndChangesNothing() {
        String deal = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", accounts.get("A1 DE retail"),
                "stageId", qualify, "territoryId", live.ids.get("UKI")));
        // fails after the assignments and the deal remap, just before the switch
        TestCheckpoint.failAt("territory.activate", "switch");
        JsonPath failed = Jobs.start(ws.adminKey(), draft.path("/activate"));
        assertEquals("failed", failed.getString("state"));
        assertFalse(failed.getList("errors").isEmpty());
        assertTrue(failed.getString("errors[0].message").contains("Nothing was changed"), failed.prettify());
        assertEquals(null, (Object) failed.get("result"));
        assertEquals("active", state(live));
        assertEquals("planning", state(draft));
        assertEquals(live.ids.get("AMER-ENT"), territoryOf("A5 US enterprise"));
        as(ws.adminKey()).get(draft.path("/assignments")).then().body("data.size()", equalTo(0));
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then().body("territoryId", equalTo(live.ids.get("UKI")));

        // fails in the middle of the accounts (9 accounts by 4: three id ranges): progress was reported for the first
        TestCheckpoint.failAt("territory.activate", "chunk 2");
        JsonPath halfway = Jobs.start(ws.adminKey(), draft.path("/activate"));
        assertEquals("failed", halfway.getString("state"));
        assertEquals(85 / 3, halfway.getInt("percent"), halfway.prettify());
        assertTrue(halfway.getLong("counts.accounts") < 9, halfway.prettify());
        assertEquals("active", state(live));
        as(ws.adminKey()).get(draft.path("/assignments")).then().body("data.size()", equalTo(0));

        // the lock is free again: the next activation goes through
        Jobs.succeed(ws.adminKey(), draft.path("/activate"));
        assertEquals("archived", state(live));
    }

    @Test
    void onlyAPlanningModelIsPreviewedOrActivated() {
        as(ws.adminKey()).post(live.path("/preview")).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Only a planning model can be previewed; this one is active"));
        as(ws.adminKey()).post(live.path("/activate")).then().statusCode(409);
        as(ws.adminKey()).post("/api/v1/territory-models/" + UUID.randomUUID() + "/preview").then()
                .statusCode(404);
        as(ws.adminKey()).get(draft.path("/moves")).then().statusCode(200).body("data.size()", equalTo(0));
        as(ws.adminKey()).get(draft.path("/moves?fromTerritoryId=nope")).then().statusCode(400);
    }

    @Test
    void accountsAreAssignedAsTheyAreWrittenAndDealsFollowUnlessSetByHand() {
        String id = Fixtures.account(ws.adminKey(), Map.of("name", "New GmbH", "country", "DE", "region", "EMEA"));
        as(ws.adminKey()).get("/api/v1/accounts/" + id).then().statusCode(200)
                .body("territoryId", equalTo(live.ids.get("DACH"))).body("territoryCause", equalTo("rule"));
        String deal = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", id, "stageId", qualify));
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then()
                .body("territoryId", equalTo(live.ids.get("DACH"))).body("territorySource", equalTo("account"));

        as(ws.adminKey()).contentType("application/merge-patch+json").body(Map.of("country", "GB"))
                .patch("/api/v1/accounts/" + id).then().statusCode(200)
                .body("territoryId", equalTo(live.ids.get("UKI")));
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then().body("territoryId", equalTo(live.ids.get("UKI")));
        as(ws.adminKey()).contentType("application/merge-patch+json").body("{\"region\": null}")
                .patch("/api/v1/accounts/" + id).then().statusCode(200)
                .body("territoryId", nullValue()).body("territoryCause", nullValue());

        // a deal's territory set by hand wins; null gives it back to the account
        as(ws.adminKey()).contentType("application/merge-patch+json")
                .body(Map.of("territoryId", live.ids.get("AMER"))).patch("/api/v1/opportunities/" + deal).then()
                .statusCode(200).body("territoryId", equalTo(live.ids.get("AMER")))
                .body("territorySource", equalTo("manual"));
        as(ws.adminKey()).contentType("application/merge-patch+json")
                .body(Map.of("territoryId", draft.ids.get("AMER"))).patch("/api/v1/opportunities/" + deal).then()
                .statusCode(422).body("errors[0].field", equalTo("territoryId"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then().body("territoryId", equalTo(live.ids.get("AMER")));
        as(ws.adminKey()).contentType("application/merge-patch+json").body("{\"territoryId\": null}")
                .patch("/api/v1/opportunities/" + deal).then().statusCode(200)
                .body("territoryId", nullValue()).body("territorySource", nullValue());

        // a manual account assignment in the active model is kept when the account changes
        as(ws.adminKey()).body(Map.of("territoryId", live.ids.get("APAC"))).put(live.path("/assignments/" + id)).then()
                .statusCode(200);
        as(ws.adminKey()).contentType("application/merge-patch+json").body(Map.of("region", "EMEA", "country", "DE"))
                .patch("/api/v1/accounts/" + id).then().statusCode(200)
                .body("territoryId", equalTo(live.ids.get("APAC"))).body("territoryCause", equalTo("manual"));
    }

    @Test
    void graphQLPreviewsThroughTheSameJobsAndListsTheMoves() {
        JsonPath started = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { previewTerritoryModel(modelId: $id) {
                    job { id kind state } userErrors { field message } } }""", Map.of("id", draft.modelId));
        assertEquals(List.of(), started.getList("data.previewTerritoryModel.userErrors"));
        String jobId = started.getString("data.previewTerritoryModel.job.id");
        Jobs.await(ws.adminKey(), jobId);
        JsonPath job = GraphQLClient.ok(ws.adminKey(), "query($id: String!) { job(id: $id) { state percent resultJson } }",
                Map.of("id", jobId));
        assertEquals("succeeded", job.getString("data.job.state"));
        assertTrue(job.getString("data.job.resultJson").contains("\"movers\":3"), job.prettify());

        JsonPath moves = GraphQLClient.ok(ws.adminKey(), """
                query($id: String!) { territoryMoves(modelId: $id, first: 2) {
                    edges { node { accountName fromTerritoryCode toTerritoryCode } } pageInfo { hasNextPage } }
                  territoryMoveRoutes(modelId: $id) { toTerritoryCode accounts } }""", Map.of("id", draft.modelId));
        assertEquals(List.of("A5 US enterprise", "A6 DE enterprise"),
                moves.getList("data.territoryMoves.edges.node.accountName"));
        assertTrue(moves.getBoolean("data.territoryMoves.pageInfo.hasNextPage"));
        assertEquals(3, moves.getList("data.territoryMoveRoutes").size());

        JsonPath records = GraphQLClient.ok(ws.adminKey(), """
                query($id: String!) { account(id: $id) { territoryCause territory { code model { state } } } }""",
                Map.of("id", accounts.get("A1 DE retail")));
        assertEquals("DACH", records.getString("data.account.territory.code"));
        assertEquals("active", records.getString("data.account.territory.model.state"));
        assertEquals("rule", records.getString("data.account.territoryCause"));

        // business-rule failures come back as userErrors, and a rep may not start jobs
        JsonPath refused = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { activateTerritoryModel(modelId: $id) { job { id } userErrors { message } } }""",
                Map.of("id", live.modelId));
        assertEquals("Only a planning model can be activated; this one is active",
                refused.getString("data.activateTerritoryModel.userErrors[0].message"));
        Member rep = newMember(ws, "Rita Rep", "rep", null);
        GraphQLClient.post(rep.key(), """
                mutation($id: String!) { runTerritoryModel(modelId: $id) { job { id } userErrors { message } } }""",
                Map.of("id", draft.modelId)).then().statusCode(200)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Only admins and managers"))
                .body("data.runTerritoryModel", nullValue());
        as(ws.adminKey()).get("/api/v1/jobs?kind=territory.run").then().body("data.size()", equalTo(0));
    }
}
