package org.revops.territory;

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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.revops.territory.TerritoryFixtures.MODELS;
import static org.revops.territory.TerritoryFixtures.TERRITORIES;
import static org.revops.territory.TerritoryFixtures.member;
import static org.revops.territory.TerritoryFixtures.model;
import static org.revops.territory.TerritoryFixtures.territory;

@QuarkusTest
class TerritoryGraphQLTest extends ApiTest {
    private static final String TREE = """
            query($id: String!, $first: Int) { territory(id: $id) { name code parent { code } children { code }
              members { role user { name } } rules { name expression criteria { field operator values min } }
              owner { name } model { name state } accounts(first: $first) { name } } }""";
    private static final String CREATE = """
            mutation($input: TerritoryInput!) { createTerritory(input: $input) {
              territory { id code parentId } userErrors { field message } } }""";
    private static final String UPDATE = """
            mutation($id: String!, $patch: TerritoryPatch!, $v: BigInteger) {
              updateTerritory(id: $id, patch: $patch, expectedVersion: $v) {
                territory { id code parentId name version } userErrors { field message } } }""";

    @Inject
    Db db;

    private Workspace ws;
    private String modelId;
    private String emea;
    private String dach;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Territory GraphQL");
        modelId = model(ws.adminKey(), "FY27");
        emea = territory(ws.adminKey(), modelId, null, "EMEA", Map.of());
        dach = territory(ws.adminKey(), modelId, emea, "DACH", Map.of("ownerId", ws.adminId().toString()));
    }

    @Test
    void aTerritoryWithItsRelations() {
        territory(ws.adminKey(), modelId, dach, "Munich", Map.of());
        member(ws.adminKey(), dach, ws.adminId(), "owner");
        as(ws.adminKey()).body(TerritoryRuleResourceTest.rule("DACH", List.of(Map.of("field", "country",
                "operator", "in", "values", List.of("DE", "AT")), Map.of("field", "employeeCount",
                "operator", "between", "min", 10)), "1 OR 2")).post(TERRITORIES + "/" + dach + "/rules").then()
                .statusCode(201);
        for (String name : List.of("Cobalt", "Amber", "Beryl")) {
            TerritoryFixtures.assign(db, ws, modelId, Fixtures.account(ws.adminKey(), Map.of("name", name)), dach,
                    name.equals("Beryl") ? "manual" : "rule");
        }
        TerritoryFixtures.assign(db, ws, modelId, Fixtures.account(ws.adminKey(), Map.of("name", "Elsewhere")), emea,
                "rule");

        Map<String, Object> expected = new HashMap<>();
        expected.put("name", "DACH");
        expected.put("code", "emea/dach");
        expected.put("parent", Map.of("code", "emea"));
        expected.put("children", List.of(Map.of("code", "emea/dach/munich")));
        expected.put("members", List.of(Map.of("role", "owner", "user", Map.of("name", "Territory GraphQL Admin"))));
        Map<String, Object> country = new HashMap<>(Map.of("field", "country", "operator", "in",
                "values", List.of("DE", "AT")));
        country.put("min", null);
        Map<String, Object> size = new HashMap<>(Map.of("field", "employeeCount", "operator", "between", "min", 10));
        size.put("values", null);
        expected.put("rules", List.of(Map.of("name", "DACH", "expression", "1 OR 2", "criteria", List.of(country, size))));
        expected.put("owner", Map.of("name", "Territory GraphQL Admin"));
        expected.put("model", Map.of("name", "FY27", "state", "planning"));
        expected.put("accounts", List.of(Map.of("name", "Amber"), Map.of("name", "Beryl"), Map.of("name", "Cobalt")));
        assertEquals(expected, GraphQLClient.ok(ws.adminKey(), TREE, Map.of("id", dach)).getMap("data.territory"));
        assertEquals(List.of(Map.of("name", "Amber"), Map.of("name", "Beryl")), GraphQLClient.ok(ws.adminKey(), TREE,
                Map.of("id", dach, "first", 2)).getList("data.territory.accounts"));
        GraphQLClient.post(ws.adminKey(), TREE, Map.of("id", dach, "first", 0)).then()
                .body("errors[0].message", equalTo("must be between 1 and 500"));

        JsonPath models = GraphQLClient.ok(ws.adminKey(), """
                { territoryModels(filter: {state: ["planning"]}, sort: "name") { edges { node { name
                  territories { code } } } pageInfo { hasNextPage } } }""", null);
        assertEquals(List.of("emea", "emea/dach", "emea/dach/munich"),
                models.getList("data.territoryModels.edges[0].node.territories.code"));
        JsonPath list = GraphQLClient.ok(ws.adminKey(), """
                query($m: [String]) { territories(filter: {modelId: $m, root: false}, sort: "-code", first: 1) {
                  edges { node { code } cursor } pageInfo { hasNextPage endCursor } } }""", Map.of("m", List.of(modelId)));
        assertEquals(List.of("emea/dach/munich"), list.getList("data.territories.edges.node.code"));
        assertEquals(true, list.getBoolean("data.territories.pageInfo.hasNextPage"));
    }

    @Test
    void mutationsMirrorRestAndReportUserErrors() {
        JsonPath created = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("modelId", modelId,
                "parentId", dach, "name", "Bavaria", "type", "state")));
        assertEquals(List.of(), created.getList("data.createTerritory.userErrors"));
        assertEquals("emea/dach/bavaria", created.getString("data.createTerritory.territory.code"));
        String bavaria = created.getString("data.createTerritory.territory.id");

        JsonPath cycle = GraphQLClient.ok(ws.adminKey(), UPDATE, Map.of("id", emea, "patch", Map.of("parentId", bavaria)));
        assertNull(cycle.get("data.updateTerritory.territory"));
        assertEquals(List.of("parentId"), cycle.getList("data.updateTerritory.userErrors.field"));
        JsonPath moved = GraphQLClient.ok(ws.adminKey(), UPDATE, Map.of("id", bavaria, "v", 0,
                "patch", Map.of("moveToRoot", true, "name", "Bayern")));
        assertEquals(List.of(), moved.getList("data.updateTerritory.userErrors"));
        assertNull(moved.get("data.updateTerritory.territory.parentId"));
        assertEquals("emea/dach/bavaria", moved.getString("data.updateTerritory.territory.code"));
        JsonPath duplicate = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("modelId", modelId,
                "name", "Other", "type", "region", "code", "emea")));
        assertEquals(List.of(Map.of("field", "code", "message", "is already used by another territory of this model")),
                duplicate.getList("data.createTerritory.userErrors"));

        JsonPath put = GraphQLClient.ok(ws.adminKey(), """
                mutation($t: String!, $u: String!) { putTerritoryMember(territoryId: $t, userId: $u, input: {role: "rep"})
                  { member { role user { name } } userErrors { field message } } }""",
                Map.of("t", bavaria, "u", ws.adminId().toString()));
        assertEquals("rep", put.getString("data.putTerritoryMember.member.role"));
        JsonPath badRole = GraphQLClient.ok(ws.adminKey(), """
                mutation($t: String!, $u: String!) { putTerritoryMember(territoryId: $t, userId: $u, input: {role: "boss"})
                  { member { role } userErrors { field message } } }""", Map.of("t", bavaria, "u", ws.adminId().toString()));
        assertEquals(List.of(Map.of("field", "role", "message", "must be owner, rep or overlay")),
                badRole.getList("data.putTerritoryMember.userErrors"));

        JsonPath badRule = GraphQLClient.ok(ws.adminKey(), """
                mutation($t: String!) { createTerritoryRule(territoryId: $t, input: {name: "Bad", expression: "1 AND 2",
                  criteria: [{field: "tier", operator: "in", values: ["D"]}]}) { rule { id } userErrors { field message } } }""",
                Map.of("t", bavaria));
        assertEquals(List.of(Map.of("field", "criteria[0].values", "message", "'D' is not a tier: use A, B or C"),
                        Map.of("field", "expression", "message", "criterion 2 does not exist: this rule has 1 criterion")),
                badRule.getList("data.createTerritoryRule.userErrors"));
        JsonPath rule = GraphQLClient.ok(ws.adminKey(), """
                mutation($t: String!) { createTerritoryRule(territoryId: $t, input: {name: "Tier A",
                  criteria: [{field: "tier", operator: "in", values: ["A"]}]}) { rule { id expression truthTable }
                  userErrors { field message } } }""", Map.of("t", bavaria));
        assertEquals("1", rule.getString("data.createTerritoryRule.rule.expression"));
        assertEquals("01", rule.getString("data.createTerritoryRule.rule.truthTable"));
        String ruleId = rule.getString("data.createTerritoryRule.rule.id");
        JsonPath renamed = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { updateTerritoryRule(id: $id, patch: {name: "Tier A or B",
                  criteria: [{field: "tier", operator: "in", values: ["A", "B"]}]}) { rule { name criteria { values } } } }""",
                Map.of("id", ruleId));
        assertEquals(List.of("A", "B"), renamed.getList("data.updateTerritoryRule.rule.criteria[0].values"));
        assertEquals(ruleId, GraphQLClient.ok(ws.adminKey(), "mutation($id: String!) { deleteTerritoryRule(id: $id) "
                + "{ deletedId } }", Map.of("id", ruleId)).getString("data.deleteTerritoryRule.deletedId"));
        GraphQLClient.ok(ws.adminKey(), "mutation($t: String!, $u: String!) { removeTerritoryMember(territoryId: $t, "
                + "userId: $u) { removedUserId } }", Map.of("t", bavaria, "u", ws.adminId().toString()));
        JsonPath deleted = GraphQLClient.ok(ws.adminKey(), "mutation($id: String!) { deleteTerritory(id: $id) "
                + "{ deletedId userErrors { message } } }", Map.of("id", emea));
        assertEquals("the territory has 1 child: delete or move them first",
                deleted.getString("data.deleteTerritory.userErrors[0].message"));

        JsonPath model = GraphQLClient.ok(ws.adminKey(), """
                mutation { createTerritoryModel(input: {name: "FY28"}) { territoryModel { id state } userErrors { message } } }""",
                null);
        String fy28 = model.getString("data.createTerritoryModel.territoryModel.id");
        assertEquals("planning", model.getString("data.createTerritoryModel.territoryModel.state"));
        JsonPath clone = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { cloneTerritoryModel(id: $id, input: {name: "FY27 copy"}) {
                  territoryModel { name clonedFromId territories { code } } } }""", Map.of("id", modelId));
        assertEquals(modelId, clone.getString("data.cloneTerritoryModel.territoryModel.clonedFromId"));
        assertEquals(List.of("emea", "emea/dach", "emea/dach/bavaria"),
                clone.getList("data.cloneTerritoryModel.territoryModel.territories.code"));
        GraphQLClient.ok(ws.adminKey(), "mutation($id: String!) { updateTerritoryModel(id: $id, patch: {name: \"FY28b\"}) "
                + "{ territoryModel { name } } }", Map.of("id", fy28));
        GraphQLClient.ok(ws.adminKey(), "mutation($id: String!) { deleteTerritoryModel(id: $id) { deletedId } }",
                Map.of("id", fy28));
        assertEquals(List.of("FY27", "FY27 copy"), as(ws.adminKey()).get(MODELS + "?sort=name").then().extract()
                .jsonPath().getList("data.name"));
        as(ws.adminKey()).get(TERRITORIES + "/" + bavaria).then().body("name", equalTo("Bayern"))
                .body("parentId", nullValue()).body("version", equalTo(1));
    }

    @Test
    void aRepReadsOnlyTheirTerritoriesAndNobodyElsesWorkspace() {
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        member(ws.adminKey(), dach, rep.id(), "rep");
        JsonPath mine = GraphQLClient.ok(rep.key(), "{ territories { edges { node { code parent { code } } } } }", null);
        // the parent (EMEA) is not the rep's: it resolves to null
        assertEquals(List.of("emea/dach"), mine.getList("data.territories.edges.node.code"));
        assertEquals(java.util.Collections.singletonList(null), mine.getList("data.territories.edges.node.parent"));
        GraphQLClient.post(rep.key(), TREE, Map.of("id", emea)).then().statusCode(200)
                .body("errors[0].message", equalTo("You may read only the territories you belong to"))
                .body("data.territory", nullValue());
        GraphQLClient.post(rep.key(), CREATE, Map.of("input", Map.of("modelId", modelId, "name", "Mine",
                "type", "region"))).then().body("errors[0].message", equalTo("Only admins and managers change territories"));
        assertEquals(2, Listing.ids(ws.adminKey(), TERRITORIES, "").size());

        Workspace other = newWorkspace("Other");
        GraphQLClient.post(other.adminKey(), TREE, Map.of("id", dach)).then()
                .body("errors[0].message", equalTo("Territory not found"));
        GraphQLClient.post(other.adminKey(), UPDATE, Map.of("id", dach, "patch", Map.of("name", "X"))).then()
                .body("errors[0].message", equalTo("Territory not found"));
        assertEquals(List.of(), GraphQLClient.ok(other.adminKey(), "{ territoryModels { edges { node { id } } } }", null)
                .getList("data.territoryModels.edges"));
        as(ws.adminKey()).get(TERRITORIES + "/" + dach).then().body("name", equalTo("DACH")).body("version", equalTo(0));
    }

    @Test
    void aPageOfTerritoriesResolvesEachRelationInOneStatementWhateverItsSize() {
        long small = statementsFor(2);
        long large = statementsFor(7);
        // authentication 1 + page 1 + parent, children, members, members' users, rules, owner, model, accounts 8
        assertEquals(10, small);
        assertEquals(small, large, "statement count must not grow with the page");
    }

    private long statementsFor(int size) {
        int existing = Listing.ids(ws.adminKey(), TERRITORIES, "parentId=" + emea).size();
        for (int i = existing; i < size; i++) {
            String t = territory(ws.adminKey(), modelId, emea, "Child " + i, Map.of("ownerId", ws.adminId().toString()));
            member(ws.adminKey(), t, ws.adminId(), "owner");
            as(ws.adminKey()).body(TerritoryRuleResourceTest.rule("Rule " + i, List.of(Map.of("field", "tier",
                    "operator", "in", "values", List.of("A"))), null)).post(TERRITORIES + "/" + t + "/rules").then()
                    .statusCode(201);
            TerritoryFixtures.assign(db, ws, modelId, Fixtures.account(ws.adminKey(), Map.of("name", "Account " + i)),
                    t, "rule");
        }
        long before = db.statementCount();
        JsonPath result = GraphQLClient.ok(ws.adminKey(), """
                query($p: [String], $first: Int) { territories(filter: {parentId: $p}, sort: "createdAt", first: $first) {
                  edges { node { name parent { name } children { name } members { role user { name } } rules { name }
                  owner { name } model { name } accounts { name } } } } }""", Map.of("p", List.of(emea), "first", size));
        long after = db.statementCount();
        List<Map<String, Object>> nodes = result.getList("data.territories.edges.node");
        assertEquals(size, nodes.size());
        for (int i = 0; i < size; i++) {
            Map<String, Object> node = nodes.get(i);
            String name = i == 0 ? "DACH" : "Child " + i;
            assertEquals(name, node.get("name"));
            assertEquals(Map.of("name", "EMEA"), node.get("parent"));
            assertEquals(Map.of("name", "FY27"), node.get("model"));
            if (i > 0) {
                assertEquals(List.of(Map.of("name", "Rule " + i)), node.get("rules"));
                assertEquals(List.of(Map.of("name", "Account " + i)), node.get("accounts"));
                assertEquals(List.of(Map.of("role", "owner", "user", Map.of("name", "Territory GraphQL Admin"))),
                        node.get("members"));
            }
        }
        return after - before;
    }
}
