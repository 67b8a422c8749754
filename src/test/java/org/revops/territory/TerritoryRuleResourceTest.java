package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.territory.TerritoryFixtures.TERRITORIES;
import static org.revops.territory.TerritoryFixtures.model;
import static org.revops.territory.TerritoryFixtures.setState;
import static org.revops.territory.TerritoryFixtures.territory;

@QuarkusTest
class TerritoryRuleResourceTest extends ApiTest {
    static final String RULES = "/api/v1/territory-rules";
    private static final List<Map<String, Object>> DACH_CRITERIA = List.of(
            Map.of("field", "country", "operator", "in", "values", List.of(" DE", "AT", "CH", "DE")),
            Map.of("field", "employeeCount", "operator", "between", "min", 1000),
            Map.of("field", "industry", "operator", "in", "values", List.of("Manufacturing")));

    @Inject
    Db db;

    private Workspace ws;
    private String modelId;
    private String dach;
    private String rules;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Territory rules");
        modelId = model(ws.adminKey(), "FY27");
        dach = territory(ws.adminKey(), modelId, null, "DACH", Map.of());
        rules = TERRITORIES + "/" + dach + "/rules";
    }

    static Map<String, Object> rule(String name, List<Map<String, Object>> criteria, String expression) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "criteria", criteria));
        if (expression != null) {
            body.put("expression", expression);
        }
        return body;
    }

    private List<String> names() {
        return as(ws.adminKey()).get(rules + "?limit=500").then().statusCode(200).extract().jsonPath()
                .getList("data.name");
    }

    @Test
    void createReadUpdateDelete() {
        String location = as(ws.adminKey()).body(rule("DACH enterprise", DACH_CRITERIA, " 1 AND (2 OR 3) "))
                .post(rules).then().statusCode(201).header("ETag", "\"0\"")
                .body("territoryId", equalTo(dach)).body("modelId", equalTo(modelId))
                .body("name", equalTo("DACH enterprise")).body("position", equalTo(0))
                .body("criteria", equalTo(List.of(
                        Map.of("field", "country", "operator", "in", "values", List.of("DE", "AT", "CH")),
                        Map.of("field", "employeeCount", "operator", "between", "min", 1000),
                        Map.of("field", "industry", "operator", "in", "values", List.of("Manufacturing")))))
                .body("expression", equalTo("1 AND (2 OR 3)"))
                // m = 3 (1+2), 5 (1+3) and 7 (all) hold
                .body("truthTable", equalTo("00010101")).body("inherited", equalTo(false))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(true, location.endsWith(RULES + "/" + id));
        as(ws.adminKey()).get(RULES + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("expression", equalTo("1 AND (2 OR 3)"));

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("expression", "1 OR 2 OR 3", "inherited", true, "name", "DACH any")).patch(RULES + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("expression", equalTo("1 OR 2 OR 3"))
                .body("truthTable", equalTo("01111111")).body("inherited", equalTo(true))
                .body("name", equalTo("DACH any")).body("criteria.size()", equalTo(3));

        as(ws.adminKey()).header("If-Match", "\"0\"").delete(RULES + "/" + id).then().statusCode(412);
        as(ws.adminKey()).header("If-Match", "\"1\"").delete(RULES + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(RULES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(List.of(), names());
    }

    @Test
    void theExpressionDefaultsToAllCriteriaAndRulesLineUpByPosition() {
        String first = as(ws.adminKey()).body(rule("Two", DACH_CRITERIA.subList(0, 2), null)).post(rules).then()
                .statusCode(201).body("expression", equalTo("1 AND 2")).body("truthTable", equalTo("0001"))
                .body("position", equalTo(0)).extract().path("id");
        as(ws.adminKey()).body(rule("Three", DACH_CRITERIA, null)).post(rules).then().statusCode(201)
                .body("position", equalTo(1));
        Map<String, Object> early = rule("Early", DACH_CRITERIA.subList(0, 1), null);
        early.put("position", 0);
        as(ws.adminKey()).body(early).post(rules).then().statusCode(201).body("position", equalTo(0));
        assertEquals(List.of("Two", "Early", "Three"), names());
        as(ws.adminKey()).get(rules + "?sort=name").then().body("data.name", equalTo(List.of("Early", "Three", "Two")));
        as(ws.adminKey()).get(rules + "?sort=-position,-createdAt").then()
                .body("data.name", equalTo(List.of("Three", "Early", "Two")));

        // a default expression follows the criteria; null goes back to the default
        as(ws.adminKey()).body(Map.of("criteria", DACH_CRITERIA)).patch(RULES + "/" + first).then().statusCode(200)
                .body("expression", equalTo("1 AND 2 AND 3")).body("truthTable", equalTo("00000001"));
        as(ws.adminKey()).body(Map.of("expression", "(1 or 2) and 3")).patch(RULES + "/" + first).then()
                .statusCode(200).body("expression", equalTo("(1 or 2) and 3")).body("truthTable", equalTo("00000111"));
        as(ws.adminKey()).body("{\"expression\":null,\"position\":5}").patch(RULES + "/" + first).then()
                .statusCode(200).body("expression", equalTo("1 AND 2 AND 3")).body("position", equalTo(5));
        assertEquals(List.of("Early", "Three", "Two"), names());
    }

    @Test
    void anInvalidRuleIsOne422ListingEveryProblemAndWritesNothing() {
        List<Map<String, Object>> bad = List.of(
                Map.of("field", "colour", "operator", "in", "values", List.of("red")),
                Map.of("field", "country", "operator", "in", "values", List.of("de")),
                Map.of("field", "employeeCount", "operator", "between", "min", 10, "max", 5));
        as(ws.adminKey()).body(rule("Broken", bad, "1 AND 4")).post(rules).then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("/validation"))
                .body("errors", equalTo(List.of(
                        Map.of("field", "criteria[0].field", "message", "unknown field 'colour': use country, region, "
                                + "industry, tier, postalCode, employeeCount or annualRevenue"),
                        Map.of("field", "criteria[1].values", "message", "'de' is not an ISO 3166-1 alpha-2 code such as DE"),
                        Map.of("field", "criteria[2]", "message", "min must not exceed max"),
                        Map.of("field", "expression", "message", "criterion 4 does not exist: this rule has 3 criteria"),
                        Map.of("field", "expression", "message", "criterion 2 is not used in the expression"),
                        Map.of("field", "expression", "message", "criterion 3 is not used in the expression"))));
        as(ws.adminKey()).body(rule("Empty", List.of(), null)).post(rules).then().statusCode(422)
                .body("errors[0].field", equalTo("criteria"))
                .body("errors[0].message", equalTo("a rule needs at least one criterion"));
        as(ws.adminKey()).body(Map.of("name", "No criteria")).post(rules).then().statusCode(422)
                .body("errors[0].field", equalTo("criteria"));
        as(ws.adminKey()).body(rule(" ", DACH_CRITERIA, null)).post(rules).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        as(ws.adminKey()).body(Map.of("name", "Typed", "criteria", List.of(Map.of("field", "employeeCount",
                "operator", "between", "min", "many")))).post(rules).then().statusCode(400)
                .body("errors[0].field", equalTo("criteria[0].min"));
        as(ws.adminKey()).body(rule("x", DACH_CRITERIA, "(1 AND 2")).post(rules).then().statusCode(422)
                .body("errors[0].message", equalTo("unbalanced parentheses: '(' at position 1 is never closed"));
        assertEquals(List.of(), names());

        String id = as(ws.adminKey()).body(rule("Good", DACH_CRITERIA, null)).post(rules).then().statusCode(201)
                .extract().path("id");
        as(ws.adminKey()).body(Map.of("expression", "1 AND 2")).patch(RULES + "/" + id).then().statusCode(422)
                .body("errors", equalTo(List.of(Map.of("field", "expression",
                        "message", "criterion 3 is not used in the expression"))));
        as(ws.adminKey()).body(Map.of("criteria", List.of())).patch(RULES + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("criteria"));
        as(ws.adminKey()).body(Map.of("position", -1)).patch(RULES + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("position"));
        as(ws.adminKey()).get(RULES + "/" + id).then().body("version", equalTo(0))
                .body("expression", equalTo("1 AND 2 AND 3")).body("criteria.size()", equalTo(3));
    }

    @Test
    void onlyAdminsAndManagersChangeRulesAndARepReadsThoseOfTheirTerritories() {
        String id = as(ws.adminKey()).body(rule("DACH", DACH_CRITERIA, null)).post(rules).then().statusCode(201)
                .extract().path("id");
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        String managed = as(manager.key()).body(rule("By the manager", DACH_CRITERIA, null)).post(rules).then()
                .statusCode(201).extract().path("id");
        as(manager.key()).body(Map.of("name", "Renamed")).patch(RULES + "/" + managed).then().statusCode(200);
        as(manager.key()).delete(RULES + "/" + managed).then().statusCode(204);

        String refused = "Only admins and managers change territories";
        for (String role : List.of("rep", "integration", "read-only")) {
            Member member = newMember(ws, "A " + role, role, null);
            as(member.key()).body(rule("Mine", DACH_CRITERIA, null)).post(rules).then().statusCode(403)
                    .contentType("application/problem+json").body("detail", equalTo(refused));
            as(member.key()).body(Map.of("name", "X")).patch(RULES + "/" + id).then().statusCode(403)
                    .body("detail", equalTo(refused));
            as(member.key()).delete(RULES + "/" + id).then().statusCode(403).body("detail", equalTo(refused));
        }
        Member reader = newMember(ws, "Rita Reader", "read-only", null);
        as(reader.key()).get(RULES + "/" + id).then().statusCode(200);
        as(reader.key()).get(rules).then().statusCode(200).body("data.name", equalTo(List.of("DACH")));

        Member rep = newMember(ws, "Ray Rep", "rep", null);
        String readOwnOnly = "You may read only the territories you belong to";
        as(rep.key()).get(rules).then().statusCode(403).body("detail", equalTo(readOwnOnly));
        as(rep.key()).get(RULES + "/" + id).then().statusCode(403).body("detail", equalTo(readOwnOnly));
        as(ws.adminKey()).body(Map.of("role", "rep")).put(TERRITORIES + "/" + dach + "/members/" + rep.id()).then()
                .statusCode(201);
        as(rep.key()).get(rules).then().statusCode(200).body("data.name", equalTo(List.of("DACH")));
        as(rep.key()).get(RULES + "/" + id).then().statusCode(200).body("name", equalTo("DACH"));
        as(ws.adminKey()).get(RULES + "/" + id).then().body("version", equalTo(0)).body("name", equalTo("DACH"));
    }

    @Test
    void anotherWorkspaceGets404AndAnArchivedModelsRulesAreReadOnly() {
        String id = as(ws.adminKey()).body(rule("DACH", DACH_CRITERIA, null)).post(rules).then().statusCode(201)
                .extract().path("id");
        Workspace other = newWorkspace("Other");
        as(other.adminKey()).get(RULES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(other.adminKey()).get(rules).then().statusCode(404);
        as(other.adminKey()).body(rule("Sneaky", DACH_CRITERIA, null)).post(rules).then().statusCode(404);
        as(other.adminKey()).body(Map.of("name", "X")).patch(RULES + "/" + id).then().statusCode(404);
        as(other.adminKey()).delete(RULES + "/" + id).then().statusCode(404);
        as(ws.adminKey()).get(RULES + "/" + UUID.randomUUID()).then().statusCode(404);

        setState(db, ws, modelId, "archived");
        String readOnly = "archived models are read-only";
        as(ws.adminKey()).body(rule("New", DACH_CRITERIA, null)).post(rules).then().statusCode(409)
                .body("detail", equalTo(readOnly));
        as(ws.adminKey()).body(Map.of("name", "X")).patch(RULES + "/" + id).then().statusCode(409)
                .body("detail", equalTo(readOnly));
        as(ws.adminKey()).delete(RULES + "/" + id).then().statusCode(409).body("detail", equalTo(readOnly));
        JsonPath kept = as(ws.adminKey()).get(RULES + "/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("DACH", kept.getString("name"));
        assertEquals(0, kept.getInt("version"));
        assertEquals(List.of("DACH"), names());
    }
}
