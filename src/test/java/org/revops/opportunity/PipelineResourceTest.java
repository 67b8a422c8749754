package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.Listing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PipelineResourceTest extends ApiTest {
    private static final String PIPELINES = "/api/v1/pipelines";
    private static final Map<String, Object> OPEN = Map.of("name", "Open", "probability", 20, "forecastCategory", "Pipeline");
    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Pipelines");
    }

    private String pipeline(String name) {
        return as(ws.adminKey()).body(Map.of("name", name, "stages", List.of(OPEN))).post(PIPELINES)
                .then().statusCode(201).extract().path("id");
    }

    private List<String> pipelineIds() {
        return Listing.ids(ws.adminKey(), PIPELINES, "");
    }

    private String stages(String pipelineId) {
        return PIPELINES + "/" + pipelineId + "/stages";
    }

    @Test
    void createReadRenameDeleteWithStagesInOrder() {
        String location = as(ws.adminKey()).body(Map.of("name", "New business", "stages", List.of(
                        Map.of("name", "Qualify", "probability", 10, "forecastCategory", "Pipeline", "stallAfterDays", 14),
                        Map.of("name", "Won", "probability", 100, "forecastCategory", "Closed", "won", true),
                        Map.of("name", "Lost", "probability", 0, "forecastCategory", "Omitted", "closed", true))))
                .post(PIPELINES).then()
                .statusCode(201).header("ETag", "\"0\"")
                .body("name", equalTo("New business"))
                .body("stages.name", contains("Qualify", "Won", "Lost"))
                .body("stages.position", contains(0, 1, 2))
                .body("stages.probability", contains(10.0f, 100.0f, 0.0f))
                .body("stages.forecastCategory", contains("Pipeline", "Closed", "Omitted"))
                .body("stages.closed", contains(false, true, true))   // won implies closed
                .body("stages.won", contains(false, true, false))
                .body("stages.stallAfterDays", contains(14, null, null))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).get(location).then()
                .statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id))
                .body("stages.name", contains("Qualify", "Won", "Lost")).body("stages.pipelineId[0]", equalTo(id));

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("name", "Renewals")).patch(PIPELINES + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Renewals")).body("stages", hasSize(3));

        String stage = as(ws.adminKey()).get(PIPELINES + "/" + id).then().extract().path("stages[0].id");
        as(ws.adminKey()).header("If-Match", "\"1\"").delete(PIPELINES + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(ws.adminKey()).get(stages(id) + "/" + stage).then().statusCode(404);
        assertEquals(List.of(), pipelineIds());
    }

    @Test
    void stagesAreAddedReadUpdatedAndDeleted() {
        String id = pipeline("Sales");
        String location = as(ws.adminKey()).body(Map.of("name", "Negotiation", "probability", 80,
                        "forecastCategory", "Commit")).post(stages(id)).then()
                .statusCode(201).header("ETag", "\"0\"")
                .body("position", equalTo(1)).body("pipelineId", equalTo(id)).body("closed", equalTo(false))
                .extract().header("Location");
        String stage = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(stages(id) + "/" + stage, location.substring(location.indexOf(PIPELINES)));
        RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).get(location).then()
                .statusCode(200).header("ETag", "\"0\"").body("name", equalTo("Negotiation"));
        as(ws.adminKey()).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body("{\"name\":\"Negotiate\",\"stallAfterDays\":30}").patch(location).then()
                .statusCode(200).header("ETag", "\"1\"").body("position", equalTo(1))
                .body("name", equalTo("Negotiate")).body("probability", equalTo(80.0f)).body("stallAfterDays", equalTo(30));
        String open = as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("stages.name", contains("Open", "Negotiate"))
                .extract().path("stages[0].id");
        as(ws.adminKey()).body(Map.of("position", 2)).patch(stages(id) + "/" + open).then().statusCode(200);
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("stages.name", contains("Negotiate", "Open"));
        // a stage is addressed through its own pipeline only
        String other = pipeline("Other");
        as(ws.adminKey()).get(stages(other) + "/" + stage).then().statusCode(404);
        as(ws.adminKey()).body(Map.of("name", "X")).patch(stages(other) + "/" + stage).then().statusCode(404);
        as(ws.adminKey()).delete(stages(other) + "/" + stage).then().statusCode(404);

        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("name", "Stale")).patch(location).then()
                .statusCode(412).body("type", endsWith("/stale-version"));
        as(ws.adminKey()).header("If-Match", "\"0\"").delete(location).then().statusCode(412);
        as(ws.adminKey()).header("If-Match", "\"1\"").delete(location).then().statusCode(204);
        as(ws.adminKey()).get(location).then().statusCode(404);
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("stages.name", contains("Open"));
    }

    @Test
    void aStageChangeMovesTheDealsThatFollowIt() {
        JsonPath sales = Fixtures.pipeline(ws.adminKey(), "Sales");
        String pipelineId = sales.getString("id");
        String qualify = sales.getString("stages[0].id");
        String account = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
        String follows = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", account, "stageId", qualify));
        String overridden = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", account, "stageId", qualify,
                "probability", 35, "forecastCategory", "Commit"));

        as(ws.adminKey()).body(Map.of("probability", 25, "forecastCategory", "BestCase"))
                .patch(stages(pipelineId) + "/" + qualify).then().statusCode(200).body("probability", equalTo(25.0f));
        as(ws.adminKey()).get("/api/v1/opportunities/" + follows).then().statusCode(200)
                .body("probability", equalTo(25.0f)).body("probabilitySource", equalTo("stage"))
                .body("forecastCategory", equalTo("BestCase")).body("version", equalTo(0));
        as(ws.adminKey()).get("/api/v1/opportunities/" + overridden).then()
                .body("probability", equalTo(35.0f)).body("forecastCategory", equalTo("Commit"));

        // neither the stage nor the pipeline goes while deals are in it
        as(ws.adminKey()).delete(stages(pipelineId) + "/" + qualify).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/conflict"));
        as(ws.adminKey()).delete(PIPELINES + "/" + pipelineId).then().statusCode(409);
        as(ws.adminKey()).get(PIPELINES + "/" + pipelineId).then().statusCode(200).body("stages", hasSize(4))
                .body("version", equalTo(0));
        as(ws.adminKey()).get(stages(pipelineId) + "/" + qualify).then().statusCode(200).body("version", equalTo(1));
        as(ws.adminKey()).get("/api/v1/opportunities/" + follows).then().body("stageId", equalTo(qualify));
    }

    @Test
    void everyoneReadsButOnlyAnAdminWrites() {
        String id = pipeline("Sales");
        String stage = as(ws.adminKey()).get(PIPELINES + "/" + id).then().extract().path("stages[0].id");
        Member manager = newMember(ws, "Mia Manager", "manager", null);
        for (Member caller : List.of(manager, newMember(ws, "Rex Rep", "rep", manager.id()),
                newMember(ws, "Ivy Integration", "integration", null), newMember(ws, "Abe Auditor", "read-only", null))) {
            as(caller.key()).get(PIPELINES).then().statusCode(200).body("data.id", contains(id));
            as(caller.key()).get(PIPELINES + "/" + id).then().statusCode(200).body("stages.id", contains(stage));
            as(caller.key()).get(stages(id) + "/" + stage).then().statusCode(200);
            as(caller.key()).body(Map.of("name", "Mine", "stages", List.of(OPEN))).post(PIPELINES).then()
                    .statusCode(403).contentType("application/problem+json");
            as(caller.key()).body(Map.of("name", "Renamed")).patch(PIPELINES + "/" + id).then().statusCode(403);
            as(caller.key()).delete(PIPELINES + "/" + id).then().statusCode(403);
            as(caller.key()).body(OPEN).post(stages(id)).then().statusCode(403);
            as(caller.key()).body(Map.of("probability", 99)).patch(stages(id) + "/" + stage).then().statusCode(403);
            as(caller.key()).delete(stages(id) + "/" + stage).then().statusCode(403);
        }
        assertEquals(List.of(id), pipelineIds());
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("name", equalTo("Sales")).body("version", equalTo(0))
                .body("stages.id", contains(stage)).body("stages[0].probability", equalTo(20.0f));
    }

    @Test
    void theRulesOfPipelinesAndStages() {
        expectCreateRefused(Map.of("name", "Empty", "stages", List.of()), "stages");
        expectCreateRefused(Map.of("name", "None"), "stages");
        expectCreateRefused(Map.of("name", "Odd", "stages", List.of(OPEN, Map.of("name", "Won", "probability", 100,
                "forecastCategory", "Closed", "won", true, "closed", false))), "stages[1].won");
        expectCreateRefused(Map.of("name", "Odd", "stages", List.of(Map.of("name", "X", "probability", 101,
                "forecastCategory", "Pipeline"))), "stages[0].probability");
        expectCreateRefused(Map.of("name", "", "stages", List.of(OPEN)), "name");
        assertEquals(List.of(), pipelineIds());

        String id = pipeline("Sales");
        String stage = as(ws.adminKey()).get(PIPELINES + "/" + id).then().extract().path("stages[0].id");
        as(ws.adminKey()).body(Map.of("name", "Sales 2", "stages", List.of(OPEN))).patch(PIPELINES + "/" + id).then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("stages"));
        as(ws.adminKey()).body(Map.of("name", "Won", "probability", 100, "forecastCategory", "Closed",
                "won", true, "closed", false)).post(stages(id)).then().statusCode(422)
                .body("errors[0].field", equalTo("won"));
        as(ws.adminKey()).body(Map.of("won", true, "closed", false)).patch(stages(id) + "/" + stage).then()
                .statusCode(422).body("errors[0].field", equalTo("won"));
        as(ws.adminKey()).body("{\"probability\":-1,\"forecastCategory\":\"Maybe\"}").patch(stages(id) + "/" + stage)
                .then().statusCode(400).body("errors[0].field", equalTo("forecastCategory"));
        as(ws.adminKey()).body("{\"probability\":null}").patch(stages(id) + "/" + stage).then().statusCode(422)
                .body("errors[0].field", equalTo("probability"));
        // pipeline names are unique in the workspace, ignoring case
        as(ws.adminKey()).body(Map.of("name", "SALES", "stages", List.of(OPEN))).post(PIPELINES).then()
                .statusCode(409).contentType("application/problem+json");
        String other = pipeline("Other");
        as(ws.adminKey()).body(Map.of("name", "sales")).patch(PIPELINES + "/" + other).then().statusCode(409);

        assertEquals(2, pipelineIds().size());
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("name", equalTo("Sales")).body("version", equalTo(0))
                .body("stages", hasSize(1)).body("stages[0].version", equalTo(0)).body("stages[0].won", equalTo(false))
                .body("stages[0].probability", equalTo(20.0f));
        as(ws.adminKey()).get(PIPELINES + "/" + other).then().body("name", equalTo("Other"));
        // marking a stage won closes it; the explicit form says the same
        as(ws.adminKey()).body(Map.of("won", true)).patch(stages(id) + "/" + stage).then()
                .statusCode(200).body("won", equalTo(true)).body("closed", equalTo(true)).body("version", equalTo(1));
        as(ws.adminKey()).body(Map.of("won", true, "closed", true)).patch(stages(id) + "/" + stage).then()
                .statusCode(200).body("won", equalTo(true)).body("closed", equalTo(true));
    }

    private void expectCreateRefused(Map<String, Object> body, String field) {
        as(ws.adminKey()).body(body).post(PIPELINES).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @Test
    void listsFilterSortAndPage() {
        String b = pipeline("Bravo deals");
        String a = pipeline("Alpha deals");
        String c = pipeline("Charlie");
        Map<String, List<String>> expectations = new LinkedHashMap<>();
        expectations.put("id=" + a + "&id=" + c, List.of(a, c));
        expectations.put("q=DEALS", List.of(a, b));
        expectations.put("q=deals&id=" + c, List.of());
        Listing.assertFilters(ws.adminKey(), PIPELINES, expectations);
        Listing.assertOrder(ws.adminKey(), PIPELINES, "name", a, b, c);
        Listing.assertOrder(ws.adminKey(), PIPELINES, "-name", c, b, a);
        Listing.assertOrder(ws.adminKey(), PIPELINES, "createdAt", b, a, c);
        Listing.assertOrder(ws.adminKey(), PIPELINES, "-createdAt", c, a, b);
        Listing.assertRejectsBadParameters(ws.adminKey(), PIPELINES);
        as(ws.adminKey()).get(PIPELINES).then().body("data[0].stages.name", contains("Open"))
                .body("nextCursor", nullValue());

        List<String> created = new ArrayList<>(List.of(a, b, c));
        for (int i = 0; i < 8; i++) {
            created.add(pipeline("Pipeline " + i));
        }
        for (String sort : List.of("name", "-name", "createdAt", "-createdAt")) {
            List<String> seen = Listing.walk(ws.adminKey(), PIPELINES, sort, 4, 3);
            assertEquals(new HashSet<>(created), new HashSet<>(seen), sort);
            assertEquals(11, seen.size(), sort);
            assertEquals(Listing.ids(ws.adminKey(), PIPELINES, "sort=" + sort), seen, sort);
        }
    }

    @Test
    void anotherWorkspaceCannotSeeOrTouchThePipeline() {
        String id = pipeline("Sales");
        String stage = as(ws.adminKey()).get(PIPELINES + "/" + id).then().extract().path("stages[0].id");
        Workspace other = newWorkspace("Other");
        as(other.adminKey()).get(PIPELINES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(other.adminKey()).body(Map.of("name", "X")).patch(PIPELINES + "/" + id).then().statusCode(404);
        as(other.adminKey()).delete(PIPELINES + "/" + id).then().statusCode(404);
        as(other.adminKey()).get(stages(id) + "/" + stage).then().statusCode(404);
        as(other.adminKey()).body(OPEN).post(stages(id)).then().statusCode(404);
        as(other.adminKey()).body(Map.of("probability", 1)).patch(stages(id) + "/" + stage).then().statusCode(404);
        as(other.adminKey()).delete(stages(id) + "/" + stage).then().statusCode(404);
        as(other.adminKey()).get(PIPELINES).then().statusCode(200).body("data", hasSize(0));
        // the same name is free in another workspace
        as(other.adminKey()).body(Map.of("name", "Sales", "stages", List.of(OPEN))).post(PIPELINES).then().statusCode(201);
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("version", equalTo(0)).body("stages", hasSize(1))
                .body("stages[0].probability", equalTo(20.0f));
    }

    @Test
    void withoutAKeyNothingIsReadOrWritten() {
        String id = pipeline("Sales");
        RestAssured.given().get(PIPELINES).then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().get(PIPELINES + "/" + id).then().statusCode(401);
        RestAssured.given().contentType("application/json").body(Map.of("name", "X", "stages", List.of(OPEN)))
                .post(PIPELINES).then().statusCode(401);
        RestAssured.given().contentType("application/json").body(OPEN).post(stages(id)).then().statusCode(401);
        RestAssured.given().delete(PIPELINES + "/" + id).then().statusCode(401);
        assertEquals(List.of(id), pipelineIds());
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("stages", hasSize(1));
    }
}
