package org.revops.lead.predictive;

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
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.revops.lead.predictive.PredictiveTrainingTest.MODELS;

/** Bad training requests (422/400, nothing written), who may read and train, and the GraphQL door. */
@QuarkusTest
class PredictiveModelAccessTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Predictive access");
    }

    private long written() {
        return LeadHistory.count(db, "SELECT (SELECT count(*) FROM jobs WHERE workspace_id = $1) "
                + "+ (SELECT count(*) FROM predictive_models WHERE workspace_id = $1)", ws.id());
    }

    @Test
    void badTrainingRequestsAre4xxProblemsAndWriteNothing() {
        long before = written();
        as(ws.adminKey()).body("{\"fields\":[\"source\",\"shoeSize\",\"source\"],\"windowDays\":0}").post(MODELS)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://revops.dev/problems/validation"))
                .body("errors.field", equalTo(List.of("fields[1]", "fields[2]", "windowDays")))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("unknown field 'shoeSize'; known: source, "))
                .body("errors[1].message", equalTo("'source' is named twice"))
                .body("errors[2].message", equalTo("must be between 1 and 3650 days"));
        as(ws.adminKey()).body("{\"fields\":[]}").post(MODELS).then().statusCode(422)
                .body("errors.field", equalTo(List.of("fields")));
        as(ws.adminKey()).body("{\"windowDays\":3651}").post(MODELS).then().statusCode(422)
                .body("errors.field", equalTo(List.of("windowDays")));
        as(ws.adminKey()).body("{\"windowDays\":-5}").post(MODELS).then().statusCode(422);
        as(ws.adminKey()).body("{\"windowDays\":\"soon\"}").post(MODELS).then().statusCode(400)
                .contentType("application/problem+json");
        as(ws.adminKey()).body("{\"fields\":[\"source\"],\"colour\":\"red\"}").post(MODELS).then().statusCode(400);
        as(ws.adminKey()).body("{\"fields\":").post(MODELS).then().statusCode(400);
        as(ws.adminKey()).get(MODELS + "?state=active&sort=auc").then().statusCode(400);
        as(ws.adminKey()).get(MODELS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(ws.adminKey()).get(MODELS + "/" + UUID.randomUUID() + "/weights").then().statusCode(404);
        assertEquals(before, written());
    }

    @Test
    void adminsTrainManagersAndReadOnlyKeysReadRepsAndIntegrationKeysNeither() {
        Member manager = newMember(ws, "Mia Manager", "manager", null);
        Member rep = newMember(ws, "Rex Rep", "rep", manager.id());
        Member auditor = newMember(ws, "Abe Auditor", "read-only", null);
        Member integration = newMember(ws, "Ian Integration", "integration", null);
        JsonPath refused = Jobs.start(ws.adminKey(), MODELS);   // no history: refused, but a model to read
        String modelId = refused.getString("subjectId");
        long before = written();

        for (Member caller : List.of(manager, rep, auditor, integration)) {
            as(caller.key()).body("{}").post(MODELS).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("https://revops.dev/problems/forbidden"));
        }
        for (Member reader : List.of(manager, auditor)) {
            as(reader.key()).get(MODELS).then().statusCode(200).body("data.id", equalTo(List.of(modelId)));
            as(reader.key()).get(MODELS + "/" + modelId).then().statusCode(200).body("state", equalTo("refused"));
            as(reader.key()).get(MODELS + "/" + modelId + "/weights").then().statusCode(200)
                    .body("data.size()", equalTo(0));
        }
        for (Member outsider : List.of(rep, integration)) {
            as(outsider.key()).get(MODELS).then().statusCode(403);
            as(outsider.key()).get(MODELS + "/" + modelId).then().statusCode(403);
            as(outsider.key()).get(MODELS + "/" + modelId + "/weights").then().statusCode(403);
        }
        assertEquals(before, written());

        // another workspace's model does not exist for this one
        Workspace other = newWorkspace("Predictive elsewhere");
        as(other.adminKey()).get(MODELS + "/" + modelId).then().statusCode(404);
        as(other.adminKey()).get(MODELS + "/" + modelId + "/weights").then().statusCode(404);
        as(other.adminKey()).get(MODELS).then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void graphQLTrainsListsAndReportsUserErrors() {
        LeadHistory.seed(db, LeadHistory.Setting.of(ws.id(), ws.adminKey(), ws.adminId()), ws.id() + "-gql", 240);
        JsonPath invalid = GraphQLClient.ok(ws.adminKey(), """
                mutation { trainPredictiveModel(input: {fields: ["source", "nope"], windowDays: 0}) {
                    job { id } userErrors { field message } } }""", Map.of());
        assertEquals(List.of("fields[1]", "windowDays"),
                invalid.getList("data.trainPredictiveModel.userErrors.field"));
        assertNull(invalid.get("data.trainPredictiveModel.job"));

        JsonPath started = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: PredictiveTrainingInput) { trainPredictiveModel(input: $input) {
                    job { id kind state } userErrors { field message } } }""",
                Map.of("input", Map.of("fields", List.of("source", "authority"), "windowDays", 400)));
        assertEquals(List.of(), started.getList("data.trainPredictiveModel.userErrors"));
        assertEquals("predictive.train", started.getString("data.trainPredictiveModel.job.kind"));
        JsonPath job = Jobs.await(ws.adminKey(), started.getString("data.trainPredictiveModel.job.id"));
        assertEquals("succeeded", job.getString("state"), job::prettify);

        JsonPath models = GraphQLClient.ok(ws.adminKey(), """
                { predictiveModels(filter: {state: ["active"]}, first: 5) {
                    edges { node { id state fields windowDays history { closedLeads wonLeads heldOutLeads }
                                   quality { auc calibration { decile leads predictedMean observedWinRate } }
                                   weights(first: 2) { field value won lost weight } } }
                    pageInfo { hasNextPage } } }""", Map.of());
        String id = models.getString("data.predictiveModels.edges[0].node.id");
        assertEquals(job.getString("result.modelId"), id);
        assertEquals(List.of("source", "authority"), models.getList("data.predictiveModels.edges[0].node.fields"));
        assertEquals(240, models.getInt("data.predictiveModels.edges[0].node.history.closedLeads"));
        assertEquals(10, models.getList("data.predictiveModels.edges[0].node.quality.calibration").size());
        assertEquals(List.of("source"), models.getList("data.predictiveModels.edges[0].node.weights.field")
                .subList(0, 1));
        assertEquals("partner-referral", models.getString("data.predictiveModels.edges[0].node.weights[0].value"));

        assertEquals("active", GraphQLClient.ok(ws.adminKey(),
                "query($id: String!) { predictiveModel(id: $id) { id state quality { auc } } }", Map.of("id", id))
                .getString("data.predictiveModel.state"));
        Member rep = newMember(ws, "Rex Rep", "rep", null);
        GraphQLClient.post(rep.key(), "{ predictiveModels { edges { node { id } } } }", Map.of()).then()
                .statusCode(200).body("errors.message", hasItem(org.hamcrest.Matchers.containsString("admins, managers")))
                .body("data.predictiveModels", nullValue());
    }
}
