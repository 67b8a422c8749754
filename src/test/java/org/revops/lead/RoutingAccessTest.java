package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.lead.RoutingFixtures.LEADS;
import static org.revops.lead.RoutingFixtures.capacity;
import static org.revops.lead.RoutingFixtures.count;

/** Who may route, what cannot be routed, bad batches; the GraphQL door to routing. */
@QuarkusTest
class RoutingAccessTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private Member mona;
    private Member ray;
    private Member integration;
    private Member auditor;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Routing access");
        mona = newMember(ws, "Mona Manager", "manager", null);
        ray = newMember(ws, "Ray Rep", "rep", mona.id());
        integration = newMember(ws, "Ian Integration", "integration", null);
        auditor = newMember(ws, "Abe Auditor", "read-only", null);
        capacity(ws.adminKey(), ray.id(), 10);
    }

    private long events() {
        return count(db, "SELECT count(*) FROM lead_routing_events WHERE workspace_id = $1", ws.id());
    }

    private long owned() {
        return count(db, "SELECT count(*) FROM leads WHERE workspace_id = $1 AND owner_id IS NOT NULL", ws.id());
    }

    @Test
    void repsAndReadOnlyKeysDoNotRouteManagersAndIntegrationsDo() {
        String lead = LeadResourceTest.lead(integration.key(), Map.of("lastName", "Queued"));
        String own = LeadResourceTest.lead(ray.key(), Map.of("lastName", "Ray's"));
        long ownedBefore = owned();
        as(ray.key()).post(LEADS + "/" + lead + "/route").then().statusCode(403)
                .contentType("application/problem+json");
        as(ray.key()).post(LEADS + "/" + own + "/route").then().statusCode(403);
        as(auditor.key()).post(LEADS + "/" + lead + "/route").then().statusCode(403);
        as(ray.key()).body("{}").post(LEADS + "/route").then().statusCode(403);
        as(auditor.key()).body("{}").post(LEADS + "/route").then().statusCode(403);
        as(ray.key()).get(LEADS + "/queue").then().statusCode(403);
        as(auditor.key()).get(LEADS + "/queue").then().statusCode(200).body("data.id", contains(lead));
        as(mona.key()).get(LEADS + "/queue").then().statusCode(200).body("data.id", contains(lead));
        assertEquals(0, events());
        assertEquals(ownedBefore, owned());

        // another workspace's lead does not exist here
        Workspace other = newWorkspace("Elsewhere");
        as(other.adminKey()).post(LEADS + "/" + lead + "/route").then().statusCode(404);
        as(other.adminKey()).get(LEADS + "/" + lead + "/routing").then().statusCode(404);
        as(other.adminKey()).body(Map.of("leadIds", List.of(lead))).post(LEADS + "/route").then().statusCode(200)
                .body("skippedLeadIds", contains(lead)).body("routed", equalTo(0));
        assertEquals(0, events());

        as(mona.key()).post(LEADS + "/" + lead + "/route").then().statusCode(200)
                .body("ownerId", equalTo(ray.id().toString())).body("routedBy", equalTo(mona.id().toString()));
        String another = LeadResourceTest.lead(integration.key(), Map.of("lastName", "Another"));
        as(integration.key()).post(LEADS + "/" + another + "/route").then().statusCode(200)
                .body("ownerId", equalTo(ray.id().toString()));
        // the rep now reads the history of the leads routed to them, not of others'
        as(ray.key()).get(LEADS + "/" + lead + "/routing").then().statusCode(200)
                .body("data.ownerId", contains(ray.id().toString()));
        // the history as CSV too, one record per decision
        String csv = org.revops.support.CsvPages.csv(ray.key(), LEADS + "/" + lead + "/routing");
        List<String> lines = List.of(csv.split("\r\n"));
        assertEquals(2, lines.size(), csv);
        assertEquals("id,leadId,ownerId", String.join(",", List.of(lines.get(0).split(",")).subList(0, 3)));
        assertEquals(lead + "," + ray.id(), String.join(",", List.of(lines.get(1).split(",")).subList(1, 3)));
        as(ray.key()).get(LEADS + "/" + own + "/routing").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void ownedClosedAndConvertedLeadsAreNotRouted() {
        String own = LeadResourceTest.lead(ray.key(), Map.of("lastName", "Ray's"));
        String disqualified = LeadResourceTest.lead(ws.adminKey(), Map.of("lastName", "Gone", "status",
                "disqualified", "disqualifiedReason", "Student"));
        as(ws.adminKey()).post(LEADS + "/" + own + "/route").then().statusCode(409)
                .body("detail", equalTo("The lead already has an owner; routing gives owners to unowned leads"));
        as(ws.adminKey()).post(LEADS + "/" + disqualified + "/route").then().statusCode(409)
                .body("detail", equalTo("A disqualified lead is not routed"));
        as(ws.adminKey()).post(LEADS + "/" + UUID.randomUUID() + "/route").then().statusCode(404);
        as(ws.adminKey()).post(LEADS + "/not-a-uuid/route").then().statusCode(404);
        assertEquals(0, events());
    }

    @Test
    void badBatchesAreRefusedWithNothingWritten() {
        String lead = LeadResourceTest.lead(ws.adminKey(), Map.of("lastName", "Queued"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        as(ws.adminKey()).body(Map.of("leadIds", tooMany)).post(LEADS + "/route").then().statusCode(422)
                .body("errors[0].field", equalTo("leadIds"));
        as(ws.adminKey()).body(Map.of("leadIds", List.of())).post(LEADS + "/route").then().statusCode(422);
        as(ws.adminKey()).body(Map.of("leadIds", List.of(lead), "limit", 5)).post(LEADS + "/route").then()
                .statusCode(422).body("errors[0].field", equalTo("limit"));
        as(ws.adminKey()).body(Map.of("limit", 0)).post(LEADS + "/route").then().statusCode(422);
        as(ws.adminKey()).body(Map.of("limit", 1001)).post(LEADS + "/route").then().statusCode(422);
        as(ws.adminKey()).body("{\"leadIds\":[\"nope\"]}").post(LEADS + "/route").then().statusCode(400)
                .contentType("application/problem+json");
        as(ws.adminKey()).body("{\"leadIds\":[null]}").post(LEADS + "/route").then().statusCode(422);
        as(ws.adminKey()).body("{\"queue\":true}").post(LEADS + "/route").then().statusCode(400);
        as(ws.adminKey()).get(LEADS + "/queue?sort=score").then().statusCode(400);
        as(ws.adminKey()).get(LEADS + "/queue?attempted=maybe").then().statusCode(400);
        assertEquals(0, events());
        assertEquals(0, owned());
        // no body at all routes a batch of the queue
        as(ws.adminKey()).post(LEADS + "/route").then().statusCode(200).body("routed", equalTo(1));
    }

    @Test
    void graphQLRoutesListsTheQueueAndShowsALeadsRouting() {
        String first = LeadResourceTest.lead(ws.adminKey(), Map.of("lastName", "First"));
        String second = LeadResourceTest.lead(ws.adminKey(), Map.of("lastName", "Second"));
        JsonPath queue = GraphQLClient.ok(mona.key(), "{ leadQueue(first: 10) { edges { node { id lastName rule } } "
                + "pageInfo { hasNextPage } } }", null);
        assertEquals(List.of(first, second), queue.getList("data.leadQueue.edges.node.id"));
        JsonPath routed = GraphQLClient.ok(mona.key(), "mutation($id: String!) { routeLead(id: $id) { "
                + "routing { ownerId rule reason } userErrors { field message } } }", Map.of("id", first));
        assertEquals(ray.id().toString(), routed.getString("data.routeLead.routing.ownerId"));
        JsonPath again = GraphQLClient.ok(mona.key(), "mutation($id: String!) { routeLead(id: $id) { "
                + "routing { ownerId } userErrors { field message } } }", Map.of("id", first));
        assertEquals("The lead already has an owner; routing gives owners to unowned leads",
                again.getString("data.routeLead.userErrors[0].message"));
        JsonPath batch = GraphQLClient.ok(mona.key(), "mutation { routeLeads(input: {limit: 5}) { "
                + "result { routed queued decisions { leadId ownerId } } userErrors { message } } }", null);
        assertEquals(1, batch.getInt("data.routeLeads.result.routed"));
        assertEquals(List.of(second), batch.getList("data.routeLeads.result.decisions.leadId"));
        JsonPath leads = GraphQLClient.ok(ray.key(), "{ leads(first: 10, sort: \"createdAt\") { edges { node { id "
                + "routing { ownerId trigger rule } } } } }", null);
        assertEquals(List.of(first, second), leads.getList("data.leads.edges.node.id"));
        assertEquals(List.of(List.of("request"), List.of("batch")),
                leads.getList("data.leads.edges.node.routing.trigger"));
        var refused = GraphQLClient.post(ray.key(), "mutation { routeLeads(input: {limit: 5}) { result { routed } } }",
                null).then().statusCode(200).extract().jsonPath();
        assertEquals("Routing hands leads to reps: admins, managers and integrations route",
                refused.getString("errors[0].message"));
    }
}
