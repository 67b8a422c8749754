package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.GraphQLClient;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class OpportunityGraphQLTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private String qualify;
    private String proposal;
    private String acme;
    private String globex;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("GraphQL");
        JsonPath pipeline = Fixtures.pipeline(ws.adminKey(), "New business");
        qualify = pipeline.getString("stages[0].id");
        proposal = pipeline.getString("stages[1].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme", "industry", "Retail"));
        globex = Fixtures.account(ws.adminKey(), Map.of("name", "Globex", "industry", "Energy"));
    }

    private static final String NESTED = """
            query($first: Int, $after: String, $filter: OpportunityFilter) {
              opportunities(first: $first, after: $after, filter: $filter, sort: "name") {
                edges { cursor node { id name amount
                  account { name owner { name } contacts { name } }
                  owner { name } stage { name probability } pipeline { name stages { name } } primaryContact { name } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @Test
    void aNestedPageCostsOneStatementPerRelationWhateverItsSize() {
        for (int i = 0; i < 3; i++) {
            Fixtures.opportunity(ws.adminKey(), Map.of("name", "Deal " + i, "accountId", i % 2 == 0 ? acme : globex,
                    "stageId", qualify));
        }
        long small = statementsFor(Map.of("first", 3));
        for (int i = 3; i < 12; i++) {
            Fixtures.opportunity(ws.adminKey(), Map.of("name", "Deal " + i, "accountId", i % 2 == 0 ? acme : globex,
                    "stageId", proposal));
        }
        long large = statementsFor(Map.of("first", 12));
        // authentication 1 + opportunities 1 + account 1 + account.owner 1 + account.contacts 1 + owner 1 + stage 1
        // + pipeline 2 (pipelines, their stages) + primaryContact 1
        assertEquals(10, small);
        assertEquals(small, large, "statement count must not grow with the page");
    }

    private long statementsFor(Map<String, Object> variables) {
        long before = db.statementCount();
        JsonPath result = GraphQLClient.ok(ws.adminKey(), NESTED, variables);
        long after = db.statementCount();
        assertEquals("New business", result.getString("data.opportunities.edges[0].node.pipeline.name"));
        assertEquals("Admin", result.getString("data.opportunities.edges[0].node.owner.name").replace("GraphQL ", ""));
        return after - before;
    }

    @Test
    void connectionsPageWithCursorsAndFilterLikeRest() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(Fixtures.opportunity(ws.adminKey(), Map.of("name", "Deal " + i, "accountId", acme,
                    "stageId", qualify, "amount", 100 * i)));
        }
        Fixtures.opportunity(ws.adminKey(), Map.of("name", "Other", "accountId", globex, "stageId", proposal));
        Map<String, Object> filter = Map.of("accountIndustry", List.of("Retail"), "amountMin", 0);
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> vars = new java.util.HashMap<>(Map.of("first", 3, "filter", filter));
            if (after != null) {
                vars.put("after", after);
            }
            JsonPath page = GraphQLClient.ok(ws.adminKey(), NESTED, vars);
            seen.addAll(page.getList("data.opportunities.edges.node.id"));
            after = page.getBoolean("data.opportunities.pageInfo.hasNextPage")
                    ? page.getString("data.opportunities.pageInfo.endCursor") : null;
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        assertEquals(created, seen);
    }

    @Test
    void mutationsWriteThroughTheSameRulesAsRest() {
        JsonPath created = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: OpportunityInput!) {
                  createOpportunity(input: $input) { opportunity { id probability forecastCategory version } userErrors { field message } }
                }""", Map.of("input", Map.of("name", "GQL deal", "accountId", acme, "stageId", qualify,
                "amount", 5000, "closeDate", "2026-11-30")));
        String id = created.getString("data.createOpportunity.opportunity.id");
        assertEquals(10.0f, created.getFloat("data.createOpportunity.opportunity.probability"));
        assertEquals(0, created.getList("data.createOpportunity.userErrors").size());

        JsonPath moved = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!, $patch: OpportunityPatch!) {
                  updateOpportunity(id: $id, patch: $patch, expectedVersion: 0) {
                    opportunity { stageId probability forecastCategory amount version } userErrors { field message } }
                }""", Map.of("id", id, "patch", Map.of("stageId", proposal)));
        assertEquals(proposal, moved.getString("data.updateOpportunity.opportunity.stageId"));
        assertEquals("BestCase", moved.getString("data.updateOpportunity.opportunity.forecastCategory"));
        assertEquals(5000.0f, moved.getFloat("data.updateOpportunity.opportunity.amount"));

        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("stageId", equalTo(proposal))
                .body("version", equalTo(1));

        JsonPath deleted = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { deleteOpportunity(id: $id) { deletedId userErrors { message } } }""",
                Map.of("id", id));
        assertEquals(id, deleted.getString("data.deleteOpportunity.deletedId"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().statusCode(404);
    }

    @Test
    void businessRuleFailuresComeBackAsUserErrorsAndWriteNothing() {
        JsonPath result = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: OpportunityInput!) {
                  createOpportunity(input: $input) { opportunity { id } userErrors { field message } }
                }""", Map.of("input", Map.of("name", "Bad", "accountId", acme,
                "stageId", java.util.UUID.randomUUID().toString(), "amount", -3, "closeDate", "2026-11-30")));
        assertNull(result.get("data.createOpportunity.opportunity"));
        assertEquals(Set.of("amount"), new HashSet<>(result.getList("data.createOpportunity.userErrors.field")));
        as(ws.adminKey()).get("/api/v1/opportunities").then().body("data.size()", equalTo(0));

        JsonPath stale = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: OpportunityInput!) {
                  createOpportunity(input: $input) { opportunity { id } userErrors { field message } }
                }""", Map.of("input", Map.of("name", "Ghost stage", "accountId", acme,
                "stageId", java.util.UUID.randomUUID().toString(), "amount", 3, "closeDate", "2026-11-30")));
        assertEquals(List.of("stageId"), stale.getList("data.createOpportunity.userErrors.field"));
    }

    @Test
    void readsAreScopedLikeRest() {
        String id = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        Workspace other = newWorkspace("GraphQL other");
        GraphQLClient.post(other.adminKey(), "query($id: String!) { opportunity(id: $id) { id } }", Map.of("id", id))
                .then().statusCode(200).body("errors[0].message", containsString("not found"))
                .body("data.opportunity", org.hamcrest.Matchers.nullValue());
        JsonPath empty = GraphQLClient.ok(other.adminKey(), "{ opportunities { edges { node { id } } } }", null);
        assertEquals(0, empty.getList("data.opportunities.edges").size());

        Member auditor = newMember(ws, "Ava Auditor", "read-only", null);
        GraphQLClient.post(auditor.key(), """
                mutation { deleteOpportunity(id: "%s") { deletedId } }""".formatted(id), null)
                .then().statusCode(200).body("errors[0].message", containsString("cannot change data"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().statusCode(200);

        io.restassured.RestAssured.given().contentType("application/json")
                .body(Map.of("query", "{ opportunities { edges { node { id } } } }")).post("/graphql")
                .then().statusCode(401);
        assertEquals(acme, GraphQLClient.ok(ws.adminKey(),
                "query($id: String!) { opportunity(id: $id) { account { id } } }", Map.of("id", id))
                .getString("data.opportunity.account.id"));
    }

    @Test
    void accountsResolveTheirDealsContactsAndOwnerInBatches() {
        Fixtures.opportunity(ws.adminKey(), Map.of("name", "A1", "accountId", acme, "stageId", qualify, "closeDate", "2026-10-01"));
        Fixtures.opportunity(ws.adminKey(), Map.of("name", "A2", "accountId", acme, "stageId", qualify, "closeDate", "2026-11-01"));
        Fixtures.opportunity(ws.adminKey(), Map.of("name", "G1", "accountId", globex, "stageId", qualify));
        as(ws.adminKey()).body(Map.of("accountId", globex, "name", "Gina")).post("/api/v1/contacts").then().statusCode(201);
        long before = db.statementCount();
        JsonPath result = GraphQLClient.ok(ws.adminKey(), """
                { accounts(sort: "name") { edges { node { name owner { id } opportunities { name } contacts { name } } } } }""",
                null);
        assertEquals(5, db.statementCount() - before, "auth + accounts + owner + opportunities + contacts");
        assertEquals(List.of("A1", "A2"), result.getList("data.accounts.edges[0].node.opportunities.name"));
        assertEquals(List.of("Gina"), result.getList("data.accounts.edges[1].node.contacts.name"));
        assertEquals(ws.adminId().toString(), result.getString("data.accounts.edges[0].node.owner.id"));
        assertEquals("Globex", result.getString("data.accounts.edges[1].node.name"));
    }
}
