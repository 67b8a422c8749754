package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.revops.lead.LeadResourceTest.LEADS;
import static org.revops.lead.LeadResourceTest.lead;

@QuarkusTest
class LeadGraphQLTest extends ApiTest {
    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Lead GraphQL");
    }

    @Test
    void listCreateUpdateDeleteWithOwners() {
        Member rep = newMember(ws, "Gil GraphQL", "rep", null);
        lead(ws.adminKey(), Map.of("lastName", "Older", "source", "campaign", "ownerId", rep.id().toString()));
        JsonPath created = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: LeadInput!) { createLead(input: $input) {
                  lead { id lastName source status ownerId } userErrors { field message } } }""",
                Map.of("input", Map.of("lastName", "Newer", "email", "n@x.example", "source", "web-form")));
        String id = created.getString("data.createLead.lead.id");
        assertEquals("web-form", created.getString("data.createLead.lead.source"));
        assertEquals("new", created.getString("data.createLead.lead.status"));

        JsonPath page = GraphQLClient.ok(ws.adminKey(), """
                { leads(filter: {source: ["campaign", "web-form"]}, sort: "lastName", first: 10) {
                    edges { node { lastName owner { name } territory { id } } } pageInfo { hasNextPage } } }""",
                Map.of());
        assertEquals(List.of("Newer", "Older"), page.getList("data.leads.edges.node.lastName"));
        assertEquals("Gil GraphQL", page.getString("data.leads.edges[1].node.owner.name"));
        assertNull(page.get("data.leads.edges[0].node.owner"));

        JsonPath updated = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { updateLead(id: $id, patch: {status: "disqualified"}, expectedVersion: 0) {
                  lead { status } userErrors { field message } } }""", Map.of("id", id));
        assertEquals("disqualifiedReason", updated.getString("data.updateLead.userErrors[0].field"));
        as(ws.adminKey()).get(LEADS + "/" + id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("new"));
        updated = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { updateLead(id: $id, patch: {status: "disqualified", disqualifiedReason: "Spam"},
                  expectedVersion: 0) { lead { status disqualifiedReason } userErrors { field } } }""", Map.of("id", id));
        assertEquals("Spam", updated.getString("data.updateLead.lead.disqualifiedReason"));

        JsonPath hidden = GraphQLClient.post(rep.key(), """
                mutation($id: String!) { deleteLead(id: $id) { deletedId userErrors { message } } }""", Map.of("id", id))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Lead not found", hidden.getString("errors[0].message"));   // not the rep's: as if it did not exist
        JsonPath deleted = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { deleteLead(id: $id) { deletedId userErrors { message } } }""", Map.of("id", id));
        assertEquals(id, deleted.getString("data.deleteLead.deletedId"));
        as(ws.adminKey()).get(LEADS + "/" + id).then().statusCode(404);
    }
}
