package org.revops.lead.scoring;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.Jobs;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revops.lead.scoring.ScoringFixtures.FIT;
import static org.revops.lead.scoring.ScoringFixtures.GRADES;
import static org.revops.lead.scoring.ScoringFixtures.MODELS;
import static org.revops.lead.scoring.ScoringFixtures.lead;

@QuarkusTest
class ScoringGraphQLTest extends ApiTest {
    private static final String MODEL_FIELDS = "id name state number maxWeight thresholds { A B C } "
            + "criteria { field operator value values min max days weight label points }";

    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Scoring GraphQL");
    }

    @Test
    void modelsAreCreatedChangedPublishedAndDeleted() {
        JsonPath invalid = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: ScoringModelInput!) { createScoringModel(input: $input) {
                  scoringModel { id } userErrors { field message } } }""",
                Map.of("input", Map.of("name", "Broken", "criteria", List.of(
                        Map.of("field", "colour", "operator", "equals", "value", "red", "weight", 1)),
                        "thresholds", Map.of("A", 50, "B", 60, "C", 10))));
        assertNull(invalid.get("data.createScoringModel.scoringModel"));
        assertEquals(List.of("criteria[0].field", "thresholds.B"),
                invalid.getList("data.createScoringModel.userErrors.field"));
        as(ws.adminKey()).get(MODELS).then().body("data.size()", org.hamcrest.Matchers.equalTo(0));

        JsonPath created = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: ScoringModelInput!) { createScoringModel(input: $input) {
                  scoringModel { %s } userErrors { field message } } }""".formatted(MODEL_FIELDS),
                Map.of("input", Map.of("name", "Fit", "criteria", FIT, "thresholds", GRADES)));
        String id = created.getString("data.createScoringModel.scoringModel.id");
        assertEquals(List.of(), created.getList("data.createScoringModel.userErrors"));
        assertEquals(100, created.getInt("data.createScoringModel.scoringModel.maxWeight"));
        assertEquals(Map.of("A", 80, "B", 50, "C", 30),
                created.getMap("data.createScoringModel.scoringModel.thresholds"));
        assertEquals("Target industry", created.getString("data.createScoringModel.scoringModel.criteria[0].label"));

        JsonPath updated = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { updateScoringModel(id: $id, patch: {thresholds: {A: 90}}, expectedVersion: 0) {
                  scoringModel { version thresholds { A B C } } userErrors { field message } } }""", Map.of("id", id));
        assertEquals(Map.of("A", 90, "B", 50, "C", 30),
                updated.getMap("data.updateScoringModel.scoringModel.thresholds"));

        String leadId = lead(ws.adminKey(), Map.of("industry", "Software", "employeeCount", 500));
        JsonPath published = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { publishScoringModel(id: $id) { job { id kind state } userErrors { message } } }""",
                Map.of("id", id));
        assertEquals("scoring.publish", published.getString("data.publishScoringModel.job.kind"));
        JsonPath job = Jobs.await(ws.adminKey(), published.getString("data.publishScoringModel.job.id"));
        assertEquals("succeeded", job.getString("state"), job.prettify());

        JsonPath again = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { publishScoringModel(id: $id) { job { id } userErrors { message } } }""",
                Map.of("id", id));
        assertTrue(again.getString("data.publishScoringModel.userErrors[0].message").startsWith("Only a draft"));
        JsonPath refused = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { deleteScoringModel(id: $id) { deletedId userErrors { message } } }""",
                Map.of("id", id));
        assertNull(refused.get("data.deleteScoringModel.deletedId"));

        JsonPath read = GraphQLClient.ok(ws.adminKey(), """
                query($id: String!) { scoringModel(id: $id) { state number }
                  scoringModels(filter: {state: ["published"]}, first: 5) { edges { node { id } cursor }
                    pageInfo { hasNextPage } } }""", Map.of("id", id));
        assertEquals("published", read.getString("data.scoringModel.state"));
        assertEquals(1, read.getInt("data.scoringModel.number"));
        assertEquals(List.of(id), read.getList("data.scoringModels.edges.node.id"));

        JsonPath copy = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { cloneScoringModel(id: $id, input: {name: "Fit v2"}) {
                  scoringModel { id name state } userErrors { message } } }""", Map.of("id", id));
        String copyId = copy.getString("data.cloneScoringModel.scoringModel.id");
        assertEquals("draft", copy.getString("data.cloneScoringModel.scoringModel.state"));
        JsonPath deleted = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { deleteScoringModel(id: $id) { deletedId userErrors { message } } }""",
                Map.of("id", copyId));
        assertEquals(copyId, deleted.getString("data.deleteScoringModel.deletedId"));

        // the lead's scores and reasons, batched over a page of leads
        lead(ws.adminKey(), Map.of("lastName", "Other"));
        JsonPath leads = GraphQLClient.ok(ws.adminKey(), """
                { leads(sort: "lastName", first: 10) { edges { node { id score grade
                    scoreReasons { criterion label points } scores(first: 5) { modelVersion score cause reasons { label } } } } } }""",
                Map.of());
        assertEquals(List.of(leadId, leads.getString("data.leads.edges[1].node.id")),
                leads.getList("data.leads.edges.node.id"));
        assertEquals(50, leads.getInt("data.leads.edges[0].node.score"));
        assertEquals(List.of("Target industry", "employeeCount at least 200"),
                leads.getList("data.leads.edges[0].node.scoreReasons.label"));
        assertEquals(List.of("publish"), leads.getList("data.leads.edges[0].node.scores.cause"));
        assertEquals(List.of(), leads.getList("data.leads.edges[1].node.scoreReasons"));
        assertEquals(List.of("write"), leads.getList("data.leads.edges[1].node.scores.cause"));

        JsonPath scored = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { scoreLead(id: $id) { scoring { score grade changed } userErrors { message } } }""",
                Map.of("id", leadId));
        assertEquals(Map.of("score", 50, "grade", "B", "changed", false), scored.getMap("data.scoreLead.scoring"));
    }

    @Test
    void repsCannotReadOrChangeModels() {
        Member rep = newMember(ws, "Rex Rep", "rep", null);
        JsonPath denied = GraphQLClient.post(rep.key(), "{ scoringModels { edges { node { id } } } }", Map.of())
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Scoring models are for admins and managers", denied.getString("errors[0].message"));
        JsonPath refused = GraphQLClient.post(rep.key(), """
                mutation($input: ScoringModelInput!) { createScoringModel(input: $input) { scoringModel { id } } }""",
                Map.of("input", Map.of("name", "Mine", "criteria", FIT))).then().statusCode(200).extract().jsonPath();
        assertEquals("Only admins change scoring models", refused.getString("errors[0].message"));
        as(ws.adminKey()).get(MODELS).then().body("data.size()", org.hamcrest.Matchers.equalTo(0));
    }
}
