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
import org.revops.support.Listing;
import org.revops.support.TestClock;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.revops.opportunity.ActivityResourceTest.activity;
import static org.revops.opportunity.ActivityResourceTest.log;

@QuarkusTest
class ActivityGraphQLTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private String qualify;
    private String acme;
    private String globex;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Activity GraphQL");
        qualify = Fixtures.pipeline(ws.adminKey(), "New business").getString("stages[0].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
        globex = Fixtures.account(ws.adminKey(), Map.of("name", "Globex"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static final String LOG = """
            mutation($input: ActivityInput!) {
              logActivity(input: $input) {
                activity { id type subject occurredAt accountId opportunityId version opportunity { lastActivityAt } }
                userErrors { field message }
              }
            }""";

    @Test
    void logUpdateAndDeleteThroughTheSameRulesAsRest() {
        String deal = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        JsonPath logged = GraphQLClient.ok(ws.adminKey(), LOG, Map.of("input", activity("visit",
                "2026-03-02T08:00:00Z", "opportunityId", deal)));
        String id = logged.getString("data.logActivity.activity.id");
        assertEquals(List.of(), logged.getList("data.logActivity.userErrors"));
        assertEquals(acme, logged.getString("data.logActivity.activity.accountId"));
        assertEquals("2026-03-02T08:00:00Z", logged.getString("data.logActivity.activity.opportunity.lastActivityAt"));

        JsonPath updated = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!, $patch: ActivityPatch!) {
                  updateActivity(id: $id, patch: $patch, expectedVersion: 0) {
                    activity { occurredAt outcome version } userErrors { field message } }
                }""", Map.of("id", id, "patch", Map.of("occurredAt", "2026-03-02T08:45:00Z", "outcome", "good")));
        assertEquals("2026-03-02T08:45:00Z", updated.getString("data.updateActivity.activity.occurredAt"));
        assertEquals(1, updated.getInt("data.updateActivity.activity.version"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then()
                .body("lastActivityAt", equalTo("2026-03-02T08:45:00Z"));

        JsonPath deleted = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { deleteActivity(id: $id, expectedVersion: 1) { deletedId userErrors { message } } }""",
                Map.of("id", id));
        assertEquals(id, deleted.getString("data.deleteActivity.deletedId"));
        as(ws.adminKey()).get("/api/v1/activities/" + id).then().statusCode(404);
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then().body("lastActivityAt", nullValue());
    }

    @Test
    void businessRuleFailuresAreUserErrorsAndWriteNothing() {
        String deal = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        JsonPath wrongAccount = GraphQLClient.ok(ws.adminKey(), LOG, Map.of("input", activity("visit",
                "2026-03-02T08:00:00Z", "opportunityId", deal, "accountId", globex)));
        assertNull(wrongAccount.get("data.logActivity.activity"));
        assertEquals(List.of("accountId"), wrongAccount.getList("data.logActivity.userErrors.field"));
        JsonPath future = GraphQLClient.ok(ws.adminKey(), LOG, Map.of("input", activity("lunch",
                "2026-03-04T08:00:00Z", "accountId", acme)));
        assertEquals(Set.of("type"), new HashSet<>(future.getList("data.logActivity.userErrors.field")));
        JsonPath ahead = GraphQLClient.ok(ws.adminKey(), LOG, Map.of("input", activity("call",
                "2026-03-04T08:00:00Z", "accountId", acme)));
        assertEquals(List.of("occurredAt"), ahead.getList("data.logActivity.userErrors.field"));
        assertEquals(0, Listing.ids(ws.adminKey(), "/api/v1/activities", "").size());
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then().body("lastActivityAt", nullValue());

        Member auditor = newMember(ws, "Ava Auditor", "read-only", null);
        GraphQLClient.post(auditor.key(), LOG, Map.of("input", activity("call", "2026-03-02T08:00:00Z",
                "accountId", acme))).then().statusCode(200)
                .body("errors[0].message", containsString("cannot change data"));
        assertEquals(0, Listing.ids(ws.adminKey(), "/api/v1/activities", "").size());
    }

    @Test
    void theConnectionFiltersAndPagesLikeRestAndReadsAreScoped() {
        Set<String> visits = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            visits.add(log(ws.adminKey(), activity("visit", "2026-03-01T0" + i + ":00:00Z", "accountId", acme)));
        }
        log(ws.adminKey(), activity("call", "2026-03-01T10:00:00Z", "accountId", acme));
        String query = """
                query($first: Int, $after: String, $filter: ActivityFilter) {
                  activities(first: $first, after: $after, filter: $filter) {
                    edges { cursor node { id type occurredAt } } pageInfo { hasNextPage endCursor } }
                }""";
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        String previous = "9999";
        do {
            Map<String, Object> vars = new HashMap<>(Map.of("first", 2, "filter",
                    Map.of("type", List.of("visit"), "occurredFrom", "2026-03-01T00:00:00Z")));
            if (after != null) {
                vars.put("after", after);
            }
            JsonPath page = GraphQLClient.ok(ws.adminKey(), query, vars);
            for (String occurredAt : page.<String>getList("data.activities.edges.node.occurredAt")) {
                assertEquals(true, occurredAt.compareTo(previous) < 0, "latest first");
                previous = occurredAt;
            }
            seen.addAll(page.getList("data.activities.edges.node.id"));
            after = page.getBoolean("data.activities.pageInfo.hasNextPage")
                    ? page.getString("data.activities.pageInfo.endCursor") : null;
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        assertEquals(visits, seen);

        Workspace other = newWorkspace("Activity GraphQL elsewhere");
        String one = visits.iterator().next();
        GraphQLClient.post(other.adminKey(), "query($id: String!) { activity(id: $id) { id } }", Map.of("id", one))
                .then().statusCode(200).body("errors[0].message", containsString("not found"));
        assertEquals(0, GraphQLClient.ok(other.adminKey(), "{ activities { edges { node { id } } } }", null)
                .getList("data.activities.edges").size());
    }

    @Test
    void dealsShowTheirLastActivityAndLatestActivitiesInOneStatementPerLevel() {
        String a = Fixtures.opportunity(ws.adminKey(), Map.of("name", "A", "accountId", acme, "stageId", qualify));
        String b = Fixtures.opportunity(ws.adminKey(), Map.of("name", "B", "accountId", acme, "stageId", qualify));
        Fixtures.opportunity(ws.adminKey(), Map.of("name", "C", "accountId", globex, "stageId", qualify));
        log(ws.adminKey(), activity("call", "2026-03-01T08:00:00Z", "opportunityId", a));
        log(ws.adminKey(), activity("visit", "2026-03-02T08:00:00Z", "opportunityId", a));
        log(ws.adminKey(), activity("email", "2026-02-27T08:00:00Z", "opportunityId", a));
        log(ws.adminKey(), activity("demo", "2026-02-28T08:00:00Z", "opportunityId", b));
        log(ws.adminKey(), activity("meeting", "2026-03-02T07:00:00Z", "accountId", acme));

        long before = db.statementCount();
        JsonPath deals = GraphQLClient.ok(ws.adminKey(), """
                { opportunities(sort: "name") { edges { node { name
                    lastActivity { type subject occurredAt }
                    activities(first: 2) { type owner { id } } } } } }""", null);
        assertEquals(5, db.statementCount() - before, "auth + deals + lastActivity + activities + owners");
        assertEquals("visit", deals.getString("data.opportunities.edges[0].node.lastActivity.type"));
        assertEquals("2026-03-02T08:00:00Z", deals.getString("data.opportunities.edges[0].node.lastActivity.occurredAt"));
        assertEquals(List.of("visit", "call"), deals.getList("data.opportunities.edges[0].node.activities.type"));
        assertEquals("demo", deals.getString("data.opportunities.edges[1].node.lastActivity.type"));
        assertEquals(List.of("demo"), deals.getList("data.opportunities.edges[1].node.activities.type"));
        assertNull(deals.get("data.opportunities.edges[2].node.lastActivity"));
        assertEquals(List.of(), deals.getList("data.opportunities.edges[2].node.activities"));

        before = db.statementCount();
        JsonPath accounts = GraphQLClient.ok(ws.adminKey(), """
                { accounts(sort: "name") { edges { node { name activities { type opportunity { name } } } } } }""",
                null);
        assertEquals(4, db.statementCount() - before, "auth + accounts + activities + their deals");
        assertEquals(List.of("visit", "meeting", "call", "demo", "email"),
                accounts.getList("data.accounts.edges[0].node.activities.type"));
        assertEquals(Arrays.asList("A", null, "A", "B", "A"),
                accounts.getList("data.accounts.edges[0].node.activities.collect { it.opportunity?.name }"));
        assertEquals(List.of(), accounts.getList("data.accounts.edges[1].node.activities"));

        before = db.statementCount();
        JsonPath list = GraphQLClient.ok(ws.adminKey(), """
                { activities { edges { node { type owner { name } account { name } opportunity { name } } } } }""",
                null);
        assertEquals(5, db.statementCount() - before, "auth + activities + owner + account + opportunity");
        assertEquals("Acme", list.getString("data.activities.edges[0].node.account.name"));
        assertEquals("A", list.getString("data.activities.edges[0].node.opportunity.name"));
    }

    @Test
    void targetsAreSetReadAndDeletedAndAnalyticsAnswer() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        Member rep = newMember(ws, "Ray Rep", "rep", manager.id());
        String set = """
                mutation($input: ActivityTargetInput!) {
                  setActivityTarget(input: $input) {
                    activityTarget { id target version user { name } } userErrors { field message } }
                }""";
        Map<String, Object> visits = ActivityTargetResourceTest.target(rep.id(), "week", "visit", 5);
        JsonPath created = GraphQLClient.ok(manager.key(), set, Map.of("input", visits));
        String id = created.getString("data.setActivityTarget.activityTarget.id");
        assertEquals(5, created.getInt("data.setActivityTarget.activityTarget.target"));
        assertEquals("Ray Rep", created.getString("data.setActivityTarget.activityTarget.user.name"));
        // setting it again changes the same target
        JsonPath changed = GraphQLClient.ok(manager.key(), set, Map.of("input",
                ActivityTargetResourceTest.target(rep.id(), "week", "visit", 4)));
        assertEquals(id, changed.getString("data.setActivityTarget.activityTarget.id"));
        assertEquals(4, changed.getInt("data.setActivityTarget.activityTarget.target"));
        assertEquals(1, changed.getInt("data.setActivityTarget.activityTarget.version"));

        JsonPath negative = GraphQLClient.ok(manager.key(), set, Map.of("input",
                ActivityTargetResourceTest.target(rep.id(), "week", "visit", -1)));
        assertEquals(List.of("target"), negative.getList("data.setActivityTarget.userErrors.field"));
        GraphQLClient.post(rep.key(), set, Map.of("input", visits)).then().statusCode(200)
                .body("errors[0].message", containsString("admins and managers"));
        as(ws.adminKey()).get("/api/v1/activity-targets/" + id).then().body("target", equalTo(4));

        JsonPath list = GraphQLClient.ok(rep.key(), """
                query($filter: ActivityTargetFilter) { activityTargets(filter: $filter) { edges { node { id metric } } } }""",
                Map.of("filter", Map.of("period", List.of("week"))));
        assertEquals(List.of(id), list.getList("data.activityTargets.edges.node.id"));

        String account = Fixtures.account(rep.key(), Map.of("name", "Ray's"));
        log(rep.key(), activity("visit", "2026-03-02T08:00:00Z", "accountId", account));
        JsonPath report = GraphQLClient.ok(manager.key(), """
                query($userId: String, $period: String!) { activityAnalytics(userId: $userId, period: $period) {
                    period periodKind start end metrics { metric actual target attainment } } }""",
                Map.of("userId", rep.id().toString(), "period", "2026-W10"));
        assertEquals("2026-03-02T00:00:00Z", report.getString("data.activityAnalytics.start"));
        assertEquals("visit", report.getString("data.activityAnalytics.metrics[3].metric"));
        assertEquals(1, report.getInt("data.activityAnalytics.metrics[3].actual"));
        assertEquals(4, report.getInt("data.activityAnalytics.metrics[3].target"));
        assertEquals(0.25f, report.getFloat("data.activityAnalytics.metrics[3].attainment"));
        GraphQLClient.post(rep.key(), "{ activityAnalytics(period: \"2026-W99\") { period } }", null).then()
                .statusCode(200).body("errors[0].message", containsString("2026 has ISO weeks 01 to 53"));

        JsonPath deleted = GraphQLClient.ok(manager.key(), """
                mutation($id: String!) { deleteActivityTarget(id: $id) { deletedId userErrors { message } } }""",
                Map.of("id", id));
        assertEquals(id, deleted.getString("data.deleteActivityTarget.deletedId"));
        as(ws.adminKey()).get("/api/v1/activity-targets/" + id).then().statusCode(404);
    }
}
