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
import org.revops.support.Listing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PipelineGraphQLTest extends ApiTest {
    private static final String PIPELINES = "/api/v1/pipelines";
    private static final Map<String, Object> OPEN = Map.of("name", "Open", "probability", 20, "forecastCategory", "Pipeline");
    private static final String LIST = """
            query($first: Int, $after: String, $filter: PipelineFilter, $sort: String) {
              pipelines(first: $first, after: $after, filter: $filter, sort: $sort) {
                edges { cursor node { id name } } pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final String STAGE = "stage { id pipelineId name position probability forecastCategory closed won "
            + "stallAfterDays version } userErrors { field message }";
    private static final String CREATE = """
            mutation($input: PipelineInput!) { createPipeline(input: $input) {
              pipeline { id name version stages { name position probability forecastCategory closed won } }
              userErrors { field message } } }""";
    private static final String RENAME = """
            mutation($id: String!, $name: String!, $v: BigInteger) { renamePipeline(id: $id, name: $name, expectedVersion: $v) {
              pipeline { id name version stages { name } } userErrors { field message } } }""";
    private static final String DELETE = """
            mutation($id: String!) { deletePipeline(id: $id) { deletedId userErrors { field message } } }""";
    private static final String CREATE_STAGE = """
            mutation($p: String!, $input: StageInput!) { createStage(pipelineId: $p, input: $input) { %s } }"""
            .formatted(STAGE);
    private static final String UPDATE_STAGE = """
            mutation($p: String!, $id: String!, $patch: StagePatch!, $v: BigInteger) {
              updateStage(pipelineId: $p, id: $id, patch: $patch, expectedVersion: $v) { %s } }""".formatted(STAGE);
    private static final String DELETE_STAGE = """
            mutation($p: String!, $id: String!) { deleteStage(pipelineId: $p, id: $id) { deletedId userErrors { field message } } }""";

    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Pipelines");
    }

    private String pipeline(String name) {
        return as(ws.adminKey()).body(Map.of("name", name, "stages", List.of(OPEN))).post(PIPELINES)
                .then().statusCode(201).extract().path("id");
    }

    private String firstStage(String pipelineId) {
        return as(ws.adminKey()).get(PIPELINES + "/" + pipelineId).then().extract().path("stages[0].id");
    }

    private List<String> names(String key, Map<String, Object> variables) {
        return GraphQLClient.ok(key, LIST, variables).getList("data.pipelines.edges.node.name");
    }

    @Test
    void listFiltersSortsPagesAndReadsOne() {
        pipeline("Bravo deals");
        String a = pipeline("Alpha deals");
        String c = pipeline("Charlie");
        assertEquals(List.of("Alpha deals", "Bravo deals"), names(ws.adminKey(), Map.of("filter", Map.of("q", "DEALS"))));
        assertEquals(List.of("Alpha deals", "Charlie"), names(ws.adminKey(), Map.of("filter", Map.of("id", List.of(a, c)))));
        assertEquals(List.of(), names(ws.adminKey(), Map.of("filter", Map.of("q", "deals", "id", List.of(c)))));
        assertEquals(List.of("Charlie", "Bravo deals", "Alpha deals"), names(ws.adminKey(), Map.of("sort", "-name")));
        assertEquals(List.of("Bravo deals", "Alpha deals", "Charlie"), names(ws.adminKey(), Map.of("sort", "createdAt")));

        pipeline("Delta");
        pipeline("Echo");
        JsonPath first = GraphQLClient.ok(ws.adminKey(), LIST, Map.of("first", 3, "sort", "-createdAt"));
        assertTrue(first.getBoolean("data.pipelines.pageInfo.hasNextPage"));
        assertEquals(first.getString("data.pipelines.edges[2].cursor"), first.getString("data.pipelines.pageInfo.endCursor"));
        JsonPath second = GraphQLClient.ok(ws.adminKey(), LIST, Map.of("first", 3, "sort", "-createdAt",
                "after", first.getString("data.pipelines.pageInfo.endCursor")));
        assertFalse(second.getBoolean("data.pipelines.pageInfo.hasNextPage"));
        assertEquals(List.of("Echo", "Delta", "Charlie"), first.getList("data.pipelines.edges.node.name"));
        assertEquals(List.of("Alpha deals", "Bravo deals"), second.getList("data.pipelines.edges.node.name"));
        List<String> seen = new ArrayList<>(first.getList("data.pipelines.edges.node.id"));
        seen.addAll(second.getList("data.pipelines.edges.node.id"));
        assertEquals(5, new HashSet<>(seen).size());
        assertEquals(Listing.ids(ws.adminKey(), PIPELINES, "sort=-createdAt"), seen);

        JsonPath one = GraphQLClient.ok(ws.adminKey(), """
                query($id: String!) { pipeline(id: $id) { id name version stages { id pipelineId name position probability
                  forecastCategory closed won } } }""", Map.of("id", c));
        assertEquals("Charlie", one.getString("data.pipeline.name"));
        assertEquals(0, one.getInt("data.pipeline.version"));
        assertEquals(Map.of("id", firstStage(c), "pipelineId", c, "name", "Open", "position", 0, "probability", 20.0f,
                "forecastCategory", "Pipeline", "closed", false, "won", false), one.getMap("data.pipeline.stages[0]"));
    }

    @Test
    void mutationsOnPipelinesAndStages() {
        JsonPath created = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("name", "New business",
                "stages", List.of(Map.of("name", "Qualify", "probability", 10, "forecastCategory", "Pipeline"),
                        Map.of("name", "Won", "probability", 100, "forecastCategory", "Closed", "won", true),
                        Map.of("name", "Lost", "probability", 0, "forecastCategory", "Omitted", "closed", true)))));
        assertEquals(List.of(), created.getList("data.createPipeline.userErrors"));
        String id = created.getString("data.createPipeline.pipeline.id");
        assertEquals("New business", created.getString("data.createPipeline.pipeline.name"));
        assertEquals(List.of("Qualify", "Won", "Lost"), created.getList("data.createPipeline.pipeline.stages.name"));
        assertEquals(List.of(0, 1, 2), created.getList("data.createPipeline.pipeline.stages.position"));
        assertEquals(List.of(false, true, true), created.getList("data.createPipeline.pipeline.stages.closed"));
        assertEquals(List.of(false, true, false), created.getList("data.createPipeline.pipeline.stages.won"));
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().statusCode(200).body("name", equalTo("New business"))
                .body("stages.name", contains("Qualify", "Won", "Lost")).body("version", equalTo(0));

        JsonPath renamed = GraphQLClient.ok(ws.adminKey(), RENAME, Map.of("id", id, "name", "Renewals", "v", 0));
        assertEquals(List.of(), renamed.getList("data.renamePipeline.userErrors"));
        assertEquals("Renewals", renamed.getString("data.renamePipeline.pipeline.name"));
        assertEquals(1, renamed.getInt("data.renamePipeline.pipeline.version"));
        assertEquals(List.of("Qualify", "Won", "Lost"), renamed.getList("data.renamePipeline.pipeline.stages.name"));
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("name", equalTo("Renewals")).body("version", equalTo(1));

        JsonPath added = GraphQLClient.ok(ws.adminKey(), CREATE_STAGE, Map.of("p", id, "input", Map.of(
                "name", "Negotiation", "probability", 80, "forecastCategory", "Commit", "stallAfterDays", 21)));
        assertEquals(List.of(), added.getList("data.createStage.userErrors"));
        String stage = added.getString("data.createStage.stage.id");
        assertEquals(Map.of("id", stage, "pipelineId", id, "name", "Negotiation", "position", 3, "probability", 80.0f,
                "forecastCategory", "Commit", "closed", false, "won", false, "stallAfterDays", 21, "version", 0),
                added.getMap("data.createStage.stage"));
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("stages.name", contains("Qualify", "Won", "Lost", "Negotiation"));

        JsonPath updated = GraphQLClient.ok(ws.adminKey(), UPDATE_STAGE, Map.of("p", id, "id", stage, "v", 0,
                "patch", Map.of("name", "Negotiate", "stallAfterDays", 30, "position", 1)));
        assertEquals(List.of(), updated.getList("data.updateStage.userErrors"));
        assertEquals("Negotiate", updated.getString("data.updateStage.stage.name"));
        assertEquals(30, updated.getInt("data.updateStage.stage.stallAfterDays"));
        assertEquals(80.0f, updated.getFloat("data.updateStage.stage.probability"));
        assertEquals(1, updated.getInt("data.updateStage.stage.version"));
        as(ws.adminKey()).get(PIPELINES + "/" + id + "/stages/" + stage).then().statusCode(200)
                .body("name", equalTo("Negotiate")).body("stallAfterDays", equalTo(30)).body("position", equalTo(1))
                .body("version", equalTo(1));
        // marking a stage won closes it
        JsonPath won = GraphQLClient.ok(ws.adminKey(), UPDATE_STAGE, Map.of("p", id, "id", stage, "patch", Map.of("won", true)));
        assertTrue(won.getBoolean("data.updateStage.stage.closed"));
        as(ws.adminKey()).get(PIPELINES + "/" + id + "/stages/" + stage).then().body("won", equalTo(true))
                .body("closed", equalTo(true)).body("version", equalTo(2));

        JsonPath stageDeleted = GraphQLClient.ok(ws.adminKey(), DELETE_STAGE, Map.of("p", id, "id", stage));
        assertEquals(stage, stageDeleted.getString("data.deleteStage.deletedId"));
        as(ws.adminKey()).get(PIPELINES + "/" + id + "/stages/" + stage).then().statusCode(404);
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("stages.name", contains("Qualify", "Won", "Lost"));

        JsonPath deleted = GraphQLClient.ok(ws.adminKey(), DELETE, Map.of("id", id));
        assertEquals(id, deleted.getString("data.deletePipeline.deletedId"));
        assertEquals(List.of(), deleted.getList("data.deletePipeline.userErrors"));
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().statusCode(404);
        assertEquals(List.of(), Listing.ids(ws.adminKey(), PIPELINES, ""));
    }

    @Test
    void businessRuleFailuresAreUserErrorsAndWriteNothing() {
        assertEquals(List.of(Map.of("field", "stages", "message", "a pipeline needs at least one stage")),
                createErrors(Map.of("name", "Empty", "stages", List.of())));
        assertEquals(List.of(Map.of("field", "stages[1].won", "message", "a won stage is a closed stage")),
                createErrors(Map.of("name", "Odd", "stages", List.of(OPEN, Map.of("name", "Won", "probability", 100,
                        "forecastCategory", "Closed", "won", true, "closed", false)))));
        assertEquals(List.of(Map.of("field", "stages[0].probability", "message", "must be less than or equal to 100")),
                createErrors(Map.of("name", "Odd", "stages", List.of(Map.of("name", "X", "probability", 101,
                        "forecastCategory", "Pipeline")))));
        assertEquals(List.of(Map.of("field", "name", "message", "size must be between 0 and 200")),
                createErrors(Map.of("name", "x".repeat(201), "stages", List.of(OPEN))));
        assertEquals(List.of(), Listing.ids(ws.adminKey(), PIPELINES, ""));

        String id = pipeline("Sales");
        String stage = firstStage(id);
        List<Map<String, Object>> duplicate = createErrors(Map.of("name", "SALES", "stages", List.of(OPEN)));
        assertEquals(1, duplicate.size());
        assertNull(duplicate.get(0).get("field"));
        assertTrue(((String) duplicate.get(0).get("message")).startsWith("A record with the same unique value already exists"));
        String other = pipeline("Other");
        JsonPath renamed = GraphQLClient.ok(ws.adminKey(), RENAME, Map.of("id", other, "name", "sales"));
        assertNull(renamed.get("data.renamePipeline.pipeline"));
        assertTrue(renamed.getString("data.renamePipeline.userErrors[0].message").startsWith("A record with the same unique"));
        assertEquals(List.of(Map.of("field", "name", "message", "must not be blank")),
                GraphQLClient.ok(ws.adminKey(), RENAME, Map.of("id", id, "name", " ")).getList("data.renamePipeline.userErrors"));

        assertEquals(List.of(Map.of("field", "won", "message", "a won stage is a closed stage")),
                GraphQLClient.ok(ws.adminKey(), CREATE_STAGE, Map.of("p", id, "input", Map.of("name", "Won",
                        "probability", 100, "forecastCategory", "Closed", "won", true, "closed", false)))
                        .getList("data.createStage.userErrors"));
        assertEquals(List.of(Map.of("field", "probability", "message", "must be less than or equal to 100")),
                GraphQLClient.ok(ws.adminKey(), UPDATE_STAGE, Map.of("p", id, "id", stage, "patch", Map.of("probability", 150)))
                        .getList("data.updateStage.userErrors"));
        // a stage with deals in it is not deleted
        String account = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
        Fixtures.opportunity(ws.adminKey(), Map.of("accountId", account, "stageId", stage));
        JsonPath inUse = GraphQLClient.ok(ws.adminKey(), DELETE_STAGE, Map.of("p", id, "id", stage));
        assertNull(inUse.get("data.deleteStage.deletedId"));
        assertTrue(inUse.getString("data.deleteStage.userErrors[0].message").startsWith("The record is referenced by other records"));

        assertEquals(2, Listing.ids(ws.adminKey(), PIPELINES, "").size());
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("name", equalTo("Sales")).body("version", equalTo(0))
                .body("stages", hasSize(1)).body("stages[0].version", equalTo(0)).body("stages[0].probability", equalTo(20.0f));
        as(ws.adminKey()).get(PIPELINES + "/" + other).then().body("name", equalTo("Other")).body("version", equalTo(0));
    }

    private List<Map<String, Object>> createErrors(Map<String, Object> input) {
        JsonPath result = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", input));
        assertNull(result.get("data.createPipeline.pipeline"));
        return result.getList("data.createPipeline.userErrors");
    }

    @Test
    void everyoneReadsButOnlyAnAdminWrites() {
        String id = pipeline("Sales");
        String stage = firstStage(id);
        Member reader = newMember(ws, "Reader", "read-only", null);
        Member rep = newMember(ws, "Rex Rep", "rep", null);
        String forbidden = "Only an admin may change workspace configuration";
        for (Member caller : List.of(reader, rep)) {
            assertEquals(List.of("Sales"), names(caller.key(), Map.of()));
            GraphQLClient.post(caller.key(), CREATE, Map.of("input", Map.of("name", "Mine", "stages", List.of(OPEN))))
                    .then().statusCode(200).body("errors[0].message", equalTo(forbidden))
                    .body("data.createPipeline", nullValue());
            for (var call : List.of(Map.entry(RENAME, Map.<String, Object>of("id", id, "name", "Renamed")),
                    Map.entry(DELETE, Map.<String, Object>of("id", id)),
                    Map.entry(CREATE_STAGE, Map.<String, Object>of("p", id, "input", OPEN)),
                    Map.entry(UPDATE_STAGE, Map.<String, Object>of("p", id, "id", stage, "patch", Map.of("probability", 99))),
                    Map.entry(DELETE_STAGE, Map.<String, Object>of("p", id, "id", stage)))) {
                GraphQLClient.post(caller.key(), call.getKey(), call.getValue()).then().statusCode(200)
                        .body("errors[0].message", equalTo(forbidden));
            }
        }
        assertEquals(List.of(id), Listing.ids(ws.adminKey(), PIPELINES, ""));
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("name", equalTo("Sales")).body("version", equalTo(0))
                .body("stages.id", contains(stage)).body("stages[0].probability", equalTo(20.0f));
    }

    @Test
    void anotherWorkspaceSeesNothing() {
        String id = pipeline("Sales");
        String stage = firstStage(id);
        Workspace other = newWorkspace("Other");
        GraphQLClient.post(other.adminKey(), "query($id: String!) { pipeline(id: $id) { id name stages { name } } }",
                        Map.of("id", id)).then().statusCode(200)
                .body("errors[0].message", equalTo("Pipeline not found")).body("data.pipeline", nullValue());
        assertEquals(List.of(), names(other.adminKey(), Map.of()));
        assertEquals(List.of(), names(other.adminKey(), Map.of("filter", Map.of("id", List.of(id)))));
        GraphQLClient.post(other.adminKey(), RENAME, Map.of("id", id, "name", "Stolen")).then()
                .body("errors[0].message", equalTo("Pipeline not found")).body("data.renamePipeline", nullValue());
        GraphQLClient.post(other.adminKey(), CREATE_STAGE, Map.of("p", id, "input", OPEN)).then()
                .body("errors[0].message", equalTo("Pipeline not found"));
        GraphQLClient.post(other.adminKey(), UPDATE_STAGE, Map.of("p", id, "id", stage, "patch", Map.of("probability", 1)))
                .then().body("errors[0].message", equalTo("Stage not found"));
        GraphQLClient.post(other.adminKey(), DELETE_STAGE, Map.of("p", id, "id", stage)).then()
                .body("errors[0].message", equalTo("Stage not found"));
        GraphQLClient.post(other.adminKey(), DELETE, Map.of("id", id)).then()
                .body("errors[0].message", equalTo("Pipeline not found"));
        // a stage is addressed through its own pipeline only, in the owning workspace too
        String second = pipeline("Second");
        GraphQLClient.post(ws.adminKey(), DELETE_STAGE, Map.of("p", second, "id", stage)).then()
                .body("errors[0].message", equalTo("Stage not found"));
        as(ws.adminKey()).get(PIPELINES + "/" + id).then().body("name", equalTo("Sales")).body("version", equalTo(0))
                .body("stages.id", contains(stage)).body("stages[0].version", equalTo(0));
    }

    @Test
    void stagesComeWithThePageInOneStatementWhateverItsSize() {
        long small = statementsFor(2);
        long large = statementsFor(7);
        // authentication 1 + pipelines page 1 + stages of every pipeline on the page 1
        assertEquals(3, small);
        assertEquals(small, large, "statement count must not grow with the page");
    }

    /** Tops the workspace up to {@code size} pipelines of four stages and reads them with their stages. */
    private long statementsFor(int size) {
        int existing = Listing.ids(ws.adminKey(), PIPELINES, "").size();
        for (int i = existing; i < size; i++) {
            Fixtures.pipeline(ws.adminKey(), "Pipeline " + i);
        }
        long before = db.statementCount();
        JsonPath result = GraphQLClient.ok(ws.adminKey(), """
                query($first: Int) { pipelines(first: $first) { edges { node { name stages { name } } } } }""",
                Map.of("first", size));
        long after = db.statementCount();
        List<Map<String, Object>> nodes = result.getList("data.pipelines.edges.node");
        assertEquals(size, nodes.size());
        for (int i = 0; i < size; i++) {
            assertEquals(Map.of("name", "Pipeline " + i, "stages", List.of(Map.of("name", "Qualify"),
                    Map.of("name", "Proposal"), Map.of("name", "Won"), Map.of("name", "Lost"))), nodes.get(i));
        }
        return after - before;
    }
}
