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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OpportunityLifecycleGraphQLTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private String qualify;
    private String proposal;
    private String account;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Lifecycle GraphQL");
        JsonPath pipeline = Fixtures.pipeline(ws.adminKey(), "New business");
        qualify = pipeline.getString("stages[0].id");
        proposal = pipeline.getString("stages[1].id");
        account = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static final String HISTORIES = """
            query($first: Int) { opportunities(first: $first, sort: "name") { edges { node {
              name status history { action field from to } } } } }""";

    @Test
    void historiesOfAPageLoadInOneStatement() {
        for (int i = 0; i < 2; i++) {
            Fixtures.opportunity(ws.adminKey(), Map.of("name", "Deal " + i, "accountId", account, "stageId", qualify));
        }
        long small = statements(Map.of("first", 2));
        for (int i = 2; i < 8; i++) {
            String id = Fixtures.opportunity(ws.adminKey(), Map.of("name", "Deal " + i, "accountId", account,
                    "stageId", qualify));
            as(ws.adminKey()).body(Map.of("stageId", proposal)).patch("/api/v1/opportunities/" + id).then().statusCode(200);
        }
        long large = statements(Map.of("first", 8));
        assertEquals(3, small, "authentication + opportunities + histories");
        assertEquals(small, large);

        JsonPath page = GraphQLClient.ok(ws.adminKey(), HISTORIES, Map.of("first", 8));
        assertEquals(5, page.getList("data.opportunities.edges[0].node.history").size());
        assertEquals(List.of("stage", "probability", "forecastCategory"),
                page.getList("data.opportunities.edges[7].node.history.findAll { it.action == 'update' }.field"));
        assertEquals(List.of(proposal, "60", "BestCase"),
                page.getList("data.opportunities.edges[7].node.history.findAll { it.action == 'update' }.to"));
    }

    private long statements(Map<String, Object> variables) {
        long before = db.statementCount();
        GraphQLClient.ok(ws.adminKey(), HISTORIES, variables);
        return db.statementCount() - before;
    }

    @Test
    void closeAndReopenMutationsReportRuleFailuresAsUserErrors() {
        String id = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", account, "stageId", qualify));
        String close = """
                mutation($id: String!, $input: CloseInput!) { closeOpportunity(id: $id, input: $input) {
                  opportunity { status closedAt stage { name } } userErrors { field message } } }""";
        JsonPath refused = GraphQLClient.ok(ws.adminKey(), close, Map.of("id", id, "input", Map.of("won", false)));
        assertEquals("reasonId", refused.getString("data.closeOpportunity.userErrors[0].field"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("status", equalTo("open"));

        TestClock.advance(Duration.ofDays(4));
        JsonPath closed = GraphQLClient.ok(ws.adminKey(), close, Map.of("id", id, "input", Map.of("won", true)));
        assertEquals(List.of(), closed.getList("data.closeOpportunity.userErrors"));
        assertEquals("won", closed.getString("data.closeOpportunity.opportunity.status"));
        assertEquals("Won", closed.getString("data.closeOpportunity.opportunity.stage.name"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("closedAt", equalTo("2026-03-06T09:00:00Z"));

        JsonPath reopened = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { reopenOpportunity(id: $id) { opportunity { status stage { name } }
                  userErrors { field } } }""", Map.of("id", id));
        assertEquals("open", reopened.getString("data.reopenOpportunity.opportunity.status"));
        assertEquals("Qualify", reopened.getString("data.reopenOpportunity.opportunity.stage.name"));

        Member reader = newMember(ws, "Reader", "read-only", null);
        GraphQLClient.post(reader.key(), close, Map.of("id", id, "input", Map.of("won", true))).then()
                .statusCode(200).body("errors[0].message", org.hamcrest.Matchers.containsString("cannot change data"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("status", equalTo("open"));
    }

    @Test
    void theLifecycleFiltersWorkInGraphQL() {
        Fixtures.opportunity(ws.adminKey(), Map.of("name", "Stale", "accountId", account,
                "stageId", qualify, "amount", 60000));
        TestClock.advance(Duration.ofDays(15));
        Fixtures.opportunity(ws.adminKey(), Map.of("name", "Fresh", "accountId", account, "stageId", qualify));
        JsonPath page = GraphQLClient.ok(ws.adminKey(), """
                { opportunities(filter: {stalled: true}) { edges { node { name stalled stalledReasons grade } } } }""",
                Map.of());
        assertEquals(List.of("Stale"), page.getList("data.opportunities.edges.node.name"));
        assertEquals(List.of("stage"), page.getList("data.opportunities.edges[0].node.stalledReasons"));
        assertEquals("B", page.getString("data.opportunities.edges[0].node.grade"),
                "60000 is high value, 10% is low intent: matrix[0][2] = B");
        JsonPath graded = GraphQLClient.ok(ws.adminKey(), """
                { opportunities(filter: {grade: ["C"]}) { edges { node { name } } } }""", Map.of());
        assertEquals(List.of("Fresh"), graded.getList("data.opportunities.edges.node.name"));
        JsonPath none = GraphQLClient.ok(ws.adminKey(), "{ opportunities(filter: {id: []}) { edges { node { name } } } }",
                Map.of());
        assertEquals(List.of(), none.getList("data.opportunities.edges"), "an empty selection selects nothing");
    }
}
