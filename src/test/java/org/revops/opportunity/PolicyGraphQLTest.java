package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The GraphQL doors to the sales policy, the follow-up queue, the stalled report and close reasons. */
@QuarkusTest
class PolicyGraphQLTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private String qualify;
    private String discovery;
    private String acme;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Policy GraphQL");
        JsonPath pipeline = LifecycleFixtures.pipeline(ws.adminKey(), "New business");
        qualify = pipeline.getString("stages[0].id");
        discovery = pipeline.getString("stages[1].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static final String UPDATE_POLICY = """
            mutation($patch: SalesPolicyPatch!, $version: BigInteger) {
              updateSalesPolicy(patch: $patch, expectedVersion: $version) {
                salesPolicy { gradeAAmount gradeMatrix cadenceDays { A B C } inactivityStallDays version }
                userErrors { field message }
              }
            }""";

    @Test
    void thePolicyReadsAndChangesLikeRest() {
        JsonPath read = GraphQLClient.ok(ws.adminKey(), """
                { salesPolicy { gradeAAmount gradeBAmount gradeAProbability gradeBProbability gradeMatrix
                                cadenceDays { A B C } inactivityStallDays version } }""", null);
        assertEquals(50000.0f, read.getFloat("data.salesPolicy.gradeAAmount"));
        assertEquals(25.0f, read.getFloat("data.salesPolicy.gradeBProbability"));
        assertEquals(List.of(List.of("A", "A", "B"), List.of("A", "B", "C"), List.of("B", "C", "C")),
                read.getList("data.salesPolicy.gradeMatrix"));
        assertEquals(Map.of("A", 1, "B", 7, "C", 30), read.getMap("data.salesPolicy.cadenceDays"));
        assertEquals(30, read.getInt("data.salesPolicy.inactivityStallDays"));

        String deal = LifecycleFixtures.deal(ws.adminKey(), "Big", acme, discovery, 60000);
        JsonPath changed = GraphQLClient.ok(ws.adminKey(), UPDATE_POLICY, Map.of("version", 0,
                "patch", Map.of("gradeAAmount", 70000, "cadenceDays", Map.of("B", 3))));
        assertEquals(List.of(), changed.getList("data.updateSalesPolicy.userErrors"));
        assertEquals(70000.0f, changed.getFloat("data.updateSalesPolicy.salesPolicy.gradeAAmount"));
        // omitted grades of the nested input stay
        assertEquals(Map.of("A", 1, "B", 3, "C", 30), changed.getMap("data.updateSalesPolicy.salesPolicy.cadenceDays"));
        assertEquals(1, changed.getInt("data.updateSalesPolicy.salesPolicy.version"));
        // the deal dropped from A to B: 3 days after creation
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then().body("grade", equalTo("B"))
                .body("nextFollowUpAt", equalTo("2026-03-05T09:00:00Z"));

        JsonPath off = GraphQLClient.ok(ws.adminKey(), UPDATE_POLICY,
                Map.of("patch", Map.of("inactivityStallOff", true)));
        assertNull(off.get("data.updateSalesPolicy.salesPolicy.inactivityStallDays"));
        as(ws.adminKey()).get("/api/v1/sales-policy").then().body("inactivityStallDays", nullValue())
                .body("version", equalTo(2));
    }

    @Test
    void anInvalidPolicyComesBackAsUserErrorsAndWritesNothing() {
        JsonPath refused = GraphQLClient.ok(ws.adminKey(), UPDATE_POLICY, Map.of("patch", Map.of(
                "gradeBAmount", 90000, "gradeMatrix", List.of(List.of("A", "B", "C"), List.of("A", "B", "C")))));
        assertNull(refused.get("data.updateSalesPolicy.salesPolicy"));
        assertEquals(List.of("gradeBAmount", "gradeMatrix"), refused.getList("data.updateSalesPolicy.userErrors.field"));
        JsonPath both = GraphQLClient.ok(ws.adminKey(), UPDATE_POLICY,
                Map.of("patch", Map.of("inactivityStallOff", true, "inactivityStallDays", 10)));
        assertEquals(List.of("inactivityStallOff"), both.getList("data.updateSalesPolicy.userErrors.field"));
        JsonPath range = GraphQLClient.ok(ws.adminKey(), UPDATE_POLICY,
                Map.of("patch", Map.of("cadenceDays", Map.of("C", 0))));
        assertEquals(List.of("cadenceDays.C"), range.getList("data.updateSalesPolicy.userErrors.field"));

        GraphQLClient.post(ws.adminKey(), UPDATE_POLICY, Map.of("version", 7, "patch", Map.of("gradeAAmount", 1)))
                .then().statusCode(200).body("errors[0].message", containsString("version"));
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        GraphQLClient.post(rep.key(), UPDATE_POLICY, Map.of("patch", Map.of("gradeAAmount", 1)))
                .then().statusCode(200).body("errors[0].message", containsString("admin"));
        assertEquals(50000.0f, GraphQLClient.ok(rep.key(), "{ salesPolicy { gradeAAmount } }", null)
                .getFloat("data.salesPolicy.gradeAAmount"));
        as(ws.adminKey()).get("/api/v1/sales-policy").then().body("version", equalTo(0))
                .body("gradeBAmount", equalTo(10000.0f)).body("cadenceDays.C", equalTo(30));
    }

    private static final String FOLLOW_UPS = """
            query($due: FollowUpDue, $ownerId: [String], $first: Int, $after: String) {
              followUps(due: $due, ownerId: $ownerId, first: $first, after: $after) {
                edges { cursor node { name grade nextFollowUpAt owner { name } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @Test
    void theFollowUpQueueIsAConnectionWithOwnersInOneStatement() {
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        String rays = Fixtures.account(rep.key(), Map.of("name", "Ray's"));
        TestClock.set("2026-02-27T09:00:00Z");
        LifecycleFixtures.deal(rep.key(), "Overdue A", rays, discovery, 60000);   // due 02-28 09:00
        TestClock.set("2026-03-02T08:00:00Z");
        LifecycleFixtures.deal(ws.adminKey(), "Tomorrow A", acme, discovery, 60000); // due 03-03 08:00
        LifecycleFixtures.deal(ws.adminKey(), "Later C", acme, qualify, 20000);     // due 04-01 08:00
        TestClock.set("2026-03-02T09:00:00Z");

        JsonPath week = GraphQLClient.ok(ws.adminKey(), FOLLOW_UPS, Map.of("due", "WEEK"));
        assertEquals(List.of("Overdue A", "Tomorrow A"), week.getList("data.followUps.edges.node.name"));
        assertEquals(List.of("2026-02-28T09:00:00Z", "2026-03-03T08:00:00Z"),
                week.getList("data.followUps.edges.node.nextFollowUpAt"));
        assertEquals(List.of("Ray Rep", "Policy GraphQL Admin"), week.getList("data.followUps.edges.node.owner.name"));
        assertEquals(List.of("Overdue A"), GraphQLClient.ok(ws.adminKey(), FOLLOW_UPS, Map.of("due", "OVERDUE"))
                .getList("data.followUps.edges.node.name"));
        assertEquals(List.of("Tomorrow A", "Later C"), GraphQLClient.ok(ws.adminKey(), FOLLOW_UPS,
                Map.of("ownerId", List.of(ws.adminId().toString()))).getList("data.followUps.edges.node.name"));
        assertEquals(List.of("Overdue A"), GraphQLClient.ok(rep.key(), FOLLOW_UPS, Map.of())
                .getList("data.followUps.edges.node.name"));

        // pages of 2 follow the same order; each page costs auth + queue + owners
        JsonPath first = GraphQLClient.ok(ws.adminKey(), FOLLOW_UPS, Map.of("first", 2));
        assertEquals(true, first.getBoolean("data.followUps.pageInfo.hasNextPage"));
        long before = db.statementCount();
        JsonPath second = GraphQLClient.ok(ws.adminKey(), FOLLOW_UPS,
                Map.of("first", 2, "after", first.getString("data.followUps.pageInfo.endCursor")));
        assertEquals(3, db.statementCount() - before);
        assertEquals(List.of("Later C"), second.getList("data.followUps.edges.node.name"));
        assertEquals(false, second.getBoolean("data.followUps.pageInfo.hasNextPage"));

        GraphQLClient.post(ws.adminKey(), FOLLOW_UPS, Map.of("due", "TOMORROW")).then().statusCode(200)
                .body("errors[0].message", containsString("TOMORROW"));
    }

    @Test
    void stalledDealsAreCountedLikeRest() {
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        String rays = Fixtures.account(rep.key(), Map.of("name", "Ray's"));
        LifecycleFixtures.deal(rep.key(), "Ray Q", rays, qualify, 20000);
        LifecycleFixtures.deal(ws.adminKey(), "Admin D", acme, discovery, 20000);
        TestClock.set("2026-04-02T09:00:00Z"); // 31 days: Ray Q for both reasons, Admin D for inactivity
        String query = """
                query($ownerId: [String]) { stalledDeals(ownerId: $ownerId) { asOf total reasons { stage inactivity }
                  byOwner { ownerName count } byStage { stageName count reasons { stage inactivity } }
                  byOwnerAndStage { ownerName stageName count } } }""";
        JsonPath all = GraphQLClient.ok(ws.adminKey(), query, null);
        assertEquals("2026-04-02T09:00:00Z", all.getString("data.stalledDeals.asOf"));
        assertEquals(2, all.getInt("data.stalledDeals.total"));
        assertEquals(Map.of("stage", 1, "inactivity", 2), all.getMap("data.stalledDeals.reasons"));
        assertEquals(List.of(Map.of("ownerName", "Policy GraphQL Admin", "count", 1),
                Map.of("ownerName", "Ray Rep", "count", 1)), all.getList("data.stalledDeals.byOwner"));
        assertEquals(List.of(
                Map.of("stageName", "Qualify", "count", 1, "reasons", Map.of("stage", 1, "inactivity", 1)),
                Map.of("stageName", "Discovery", "count", 1, "reasons", Map.of("stage", 0, "inactivity", 1))),
                all.getList("data.stalledDeals.byStage"));
        assertEquals(1, GraphQLClient.ok(rep.key(), query, null).getInt("data.stalledDeals.total"));
        // the opportunities connection filters on the same flags as REST
        String opportunities = """
                query($filter: OpportunityFilter) { opportunities(filter: $filter, sort: "name") {
                  edges { node { name stalled stalledReasons grade } } } }""";
        JsonPath stalledC = GraphQLClient.ok(ws.adminKey(), opportunities,
                Map.of("filter", Map.of("stalled", true, "grade", List.of("C"))));
        assertEquals(List.of(Map.of("name", "Ray Q", "stalled", true, "stalledReasons", List.of("stage", "inactivity"),
                "grade", "C")), stalledC.getList("data.opportunities.edges.node"));
        assertEquals(List.of("Admin D"), GraphQLClient.ok(ws.adminKey(), opportunities,
                Map.of("filter", Map.of("grade", List.of("B")))).getList("data.opportunities.edges.node.name"));
        assertEquals(1, GraphQLClient.ok(ws.adminKey(), query, Map.of("ownerId", List.of(rep.id().toString())))
                .getInt("data.stalledDeals.total"));
    }

    private static final String CREATE_REASON = """
            mutation($input: CloseReasonInput!) {
              createCloseReason(input: $input) { closeReason { id name appliesTo active version } userErrors { field message } }
            }""";

    @Test
    void closeReasonsAreListedAndChangedLikeRestAndDealsResolveTheirsInOneStatement() {
        JsonPath created = GraphQLClient.ok(ws.adminKey(), CREATE_REASON,
                Map.of("input", Map.of("name", "No budget", "appliesTo", "LOST")));
        String noBudget = created.getString("data.createCloseReason.closeReason.id");
        assertEquals("LOST", created.getString("data.createCloseReason.closeReason.appliesTo"));
        assertEquals(true, created.getBoolean("data.createCloseReason.closeReason.active"));
        as(ws.adminKey()).get("/api/v1/close-reasons/" + noBudget).then().body("appliesTo", equalTo("lost"));
        String champion = GraphQLClient.ok(ws.adminKey(), CREATE_REASON,
                Map.of("input", Map.of("name", "Champion", "appliesTo", "WON"))).getString(
                "data.createCloseReason.closeReason.id");

        JsonPath duplicate = GraphQLClient.ok(ws.adminKey(), CREATE_REASON,
                Map.of("input", Map.of("name", "NO BUDGET", "appliesTo", "BOTH")));
        assertNull(duplicate.get("data.createCloseReason.closeReason"));
        assertEquals(List.of("A close reason named 'NO BUDGET' already exists"),
                duplicate.getList("data.createCloseReason.userErrors.message"));
        JsonPath blank = GraphQLClient.ok(ws.adminKey(), CREATE_REASON,
                Map.of("input", Map.of("name", " ", "appliesTo", "BOTH")));
        assertEquals(List.of("name"), blank.getList("data.createCloseReason.userErrors.field"));

        String list = """
                query($filter: CloseReasonFilter) { closeReasons(filter: $filter, sort: "name") {
                  edges { node { name appliesTo } } pageInfo { hasNextPage } } }""";
        assertEquals(List.of("Champion", "No budget"), GraphQLClient.ok(ws.adminKey(), list, null)
                .getList("data.closeReasons.edges.node.name"));
        assertEquals(List.of("No budget"), GraphQLClient.ok(ws.adminKey(), list,
                Map.of("filter", Map.of("appliesTo", List.of("LOST", "BOTH"), "active", true)))
                .getList("data.closeReasons.edges.node.name"));

        // two deals lost and won with reasons, one open: their reasons resolve in one statement
        String lost = LifecycleFixtures.deal(ws.adminKey(), "A lost", acme, qualify, 100);
        String won = LifecycleFixtures.deal(ws.adminKey(), "B won", acme, qualify, 100);
        LifecycleFixtures.deal(ws.adminKey(), "C open", acme, qualify, 100);
        as(ws.adminKey()).body(Map.of("won", false, "reasonId", noBudget))
                .post("/api/v1/opportunities/" + lost + "/close").then().statusCode(200);
        as(ws.adminKey()).body(Map.of("won", true, "reasonId", champion))
                .post("/api/v1/opportunities/" + won + "/close").then().statusCode(200);
        long before = db.statementCount();
        JsonPath deals = GraphQLClient.ok(ws.adminKey(), """
                { opportunities(sort: "name") { edges { node { name closeReason { name appliesTo } } } } }""", null);
        assertEquals(3, db.statementCount() - before, "auth + opportunities + close reasons");
        List<Map<String, Object>> reasons = deals.getList("data.opportunities.edges.node.closeReason");
        assertEquals(Map.of("name", "No budget", "appliesTo", "LOST"), reasons.get(0));
        assertEquals(Map.of("name", "Champion", "appliesTo", "WON"), reasons.get(1));
        assertNull(reasons.get(2));

        String delete = """
                mutation($id: String!) { deleteCloseReason(id: $id) { deletedId userErrors { field message } } }""";
        JsonPath inUse = GraphQLClient.ok(ws.adminKey(), delete, Map.of("id", noBudget));
        assertNull(inUse.get("data.deleteCloseReason.deletedId"));
        assertEquals(List.of("The close reason is given on 1 deal: retire it with PATCH {\"active\": false} instead "
                + "of deleting it"), inUse.getList("data.deleteCloseReason.userErrors.message"));
        JsonPath retired = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { updateCloseReason(id: $id, patch: {active: false}, expectedVersion: 0) {
                  closeReason { name active version } userErrors { message } } }""", Map.of("id", noBudget));
        assertEquals(Map.of("name", "No budget", "active", false, "version", 1),
                retired.getMap("data.updateCloseReason.closeReason"));
        String unused = GraphQLClient.ok(ws.adminKey(), CREATE_REASON,
                Map.of("input", Map.of("name", "Unused", "appliesTo", "BOTH"))).getString(
                "data.createCloseReason.closeReason.id");
        assertEquals(unused, GraphQLClient.ok(ws.adminKey(), delete, Map.of("id", unused))
                .getString("data.deleteCloseReason.deletedId"));
        as(ws.adminKey()).get("/api/v1/close-reasons/" + unused).then().statusCode(404);

        Member rep = newMember(ws, "Ray Rep", "rep", null);
        Map<String, Object> vars = new HashMap<>(Map.of("input", Map.of("name", "Rep's", "appliesTo", "BOTH")));
        GraphQLClient.post(rep.key(), CREATE_REASON, vars).then().statusCode(200)
                .body("errors[0].message", containsString("admin"));
        assertEquals(List.of("Champion", "No budget"), GraphQLClient.ok(rep.key(), list, null)
                .getList("data.closeReasons.edges.node.name"));
    }
}
