package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.Listing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revops.territory.TerritoryFixtures.MODELS;
import static org.revops.territory.TerritoryFixtures.TERRITORIES;
import static org.revops.territory.TerritoryFixtures.member;
import static org.revops.territory.TerritoryFixtures.model;
import static org.revops.territory.TerritoryFixtures.setState;
import static org.revops.territory.TerritoryFixtures.sql;
import static org.revops.territory.TerritoryFixtures.territory;
import static org.revops.territory.TerritoryRuleResourceTest.rule;

/**
 * Cloning copies a model's content: a three-level map with owners, priorities and descriptions, members on several
 * territories, own and inherited rules, and manual, rule and tie assignments (only the manual ones travel).
 */
@QuarkusTest
class TerritoryCloneTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private String source;
    private Member rep;
    private Member manager;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Territory clones");
        rep = newMember(ws, "Ray Rep", "rep", null);
        manager = newMember(ws, "Mona Manager", "manager", null);
        source = as(ws.adminKey()).body(Map.of("name", "FY27", "description", "The plan")).post(MODELS).then()
                .statusCode(201).extract().path("id");
        String emea = territory(ws.adminKey(), source, null, "EMEA", Map.of("ownerId", ws.adminId().toString(),
                "priority", 2, "description", "Europe", "type", "geo"));
        String dach = territory(ws.adminKey(), source, emea, "DACH", Map.of("ownerId", rep.id().toString()));
        String munich = territory(ws.adminKey(), source, dach, "Munich", Map.of("code", "MUC", "priority", -3));
        String amer = territory(ws.adminKey(), source, null, "AMER", Map.of());
        member(ws.adminKey(), emea, ws.adminId(), "owner");
        member(ws.adminKey(), dach, rep.id(), "rep");
        member(ws.adminKey(), dach, manager.id(), "overlay");
        member(ws.adminKey(), munich, rep.id(), "rep");
        as(ws.adminKey()).body(Map.of("name", "EMEA region", "inherited", true, "criteria", List.of(
                Map.of("field", "region", "operator", "in", "values", List.of("EMEA"))))).post(rulesOf(emea)).then()
                .statusCode(201);
        as(ws.adminKey()).body(rule("DACH countries", List.of(
                Map.of("field", "country", "operator", "in", "values", List.of("DE", "AT", "CH")),
                Map.of("field", "postalCode", "operator", "between", "from", "80000", "to", "89999"),
                Map.of("field", "annualRevenue", "operator", "between", "min", 1000000.25)), "1 AND (2 OR 3)"))
                .post(rulesOf(dach)).then().statusCode(201);
        as(ws.adminKey()).body(rule("DACH second", List.of(
                Map.of("field", "postalCode", "operator", "startsWith", "values", List.of("8", "9"))), null))
                .post(rulesOf(dach)).then().statusCode(201);

        String a1 = Fixtures.account(ws.adminKey(), Map.of("name", "A1"));
        String a2 = Fixtures.account(ws.adminKey(), Map.of("name", "A2"));
        String a3 = Fixtures.account(ws.adminKey(), Map.of("name", "A3"));
        String a4 = Fixtures.account(ws.adminKey(), Map.of("name", "A4"));
        as(ws.adminKey()).body(Map.of("territoryId", munich)).put(MODELS + "/" + source + "/assignments/" + a1)
                .then().statusCode(200);
        as(ws.adminKey()).body(Map.of("territoryId", amer)).put(MODELS + "/" + source + "/assignments/" + a2)
                .then().statusCode(200);
        TerritoryFixtures.assign(db, ws, source, a3, emea, "rule");
        sql(db, """
                INSERT INTO territory_assignments (workspace_id, model_id, account_id, cause, tied_territory_ids,
                                                   assigned_at)
                VALUES ($1, $2::uuid, $3::uuid, 'tie', ARRAY[$4::uuid, $5::uuid], now())""",
                ws.id(), source, a4, dach, amer);
    }

    private static String rulesOf(String territoryId) {
        return TERRITORIES + "/" + territoryId + "/rules";
    }

    @Test
    void aCloneCopiesTerritoriesMembersRulesAndManualAssignments() {
        Map<String, Object> before = content(source);
        String location = as(ws.adminKey()).body(Map.of("name", "FY27 draft 2")).post(MODELS + "/" + source + "/clone")
                .then().statusCode(201).header("ETag", "\"0\"").body("name", equalTo("FY27 draft 2"))
                .body("description", equalTo("The plan")).body("state", equalTo("planning"))
                .body("clonedFromId", equalTo(source)).extract().header("Location");
        String copy = location.substring(location.lastIndexOf('/') + 1);
        assertTrue(location.endsWith(MODELS + "/" + copy), location);

        Map<String, Object> copied = content(copy);
        assertEquals(before, copied);
        assertEquals(4, ((Map<?, ?>) copied.get("territories")).size());
        assertEquals(4, ((Map<?, ?>) copied.get("members")).values().stream().mapToInt(m -> ((List<?>) m).size()).sum());
        assertEquals(3, ((Map<?, ?>) copied.get("rules")).values().stream().mapToInt(r -> ((List<?>) r).size()).sum());
        assertEquals(Map.of("A1", "MUC", "A2", "amer"), copied.get("assignments"));
        // the engine's results (rule, tie) are not copied: the next run makes them again
        assertEquals(List.of("manual", "manual"), sql(db, "SELECT cause FROM territory_assignments"
                + " WHERE workspace_id = $1 AND model_id = $2::uuid", ws.id(), copy).stream()
                .map(row -> row.get("cause")).toList());

        // new rows, not shared ones
        List<String> sourceIds = Listing.ids(ws.adminKey(), TERRITORIES, "modelId=" + source);
        List<String> copyIds = Listing.ids(ws.adminKey(), TERRITORIES, "modelId=" + copy);
        assertTrue(copyIds.stream().noneMatch(sourceIds::contains));
        JsonPath copyRules = as(ws.adminKey()).get(TERRITORIES + "/" + copyIds.get(0) + "/rules").then().extract()
                .jsonPath();
        copyRules.getList("data.modelId").forEach(model -> assertEquals(copy, model));
        // the source is as it was
        assertEquals(before, content(source));
        assertEquals(List.of(copy, source), Listing.ids(ws.adminKey(), MODELS, "sort=-name"));
    }

    @Test
    void theNameDefaultsAndArchivedModelsCloneIntoPlanning() {
        setState(db, ws, source, "archived");
        String copy = as(ws.adminKey()).post(MODELS + "/" + source + "/clone").then().statusCode(201)
                .body("name", equalTo("FY27 (copy)")).body("state", equalTo("planning"))
                .body("activatedAt", nullValue()).extract().path("id");
        assertEquals(content(source), content(copy));
        // the copy can be changed
        String root = Listing.ids(ws.adminKey(), TERRITORIES, "modelId=" + copy + "&code=amer").get(0);
        as(ws.adminKey()).body(Map.of("name", "Americas")).patch(TERRITORIES + "/" + root).then().statusCode(200);
    }

    @Test
    void badCloneRequestsWriteNothing() {
        as(ws.adminKey()).body(Map.of("name", " ")).post(MODELS + "/" + source + "/clone").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        as(ws.adminKey()).body(Map.of("name", "x".repeat(201))).post(MODELS + "/" + source + "/clone").then()
                .statusCode(422).body("errors[0].field", equalTo("name"));
        as(ws.adminKey()).body(Map.of("state", "active")).post(MODELS + "/" + source + "/clone").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        as(ws.adminKey()).post(MODELS + "/" + java.util.UUID.randomUUID() + "/clone").then().statusCode(404);
        assertEquals(List.of(source), Listing.ids(ws.adminKey(), MODELS, ""));
        assertEquals(4, Listing.ids(ws.adminKey(), TERRITORIES, "").size());
        assertEquals(4L, sql(db, "SELECT count(*) AS n FROM territory_assignments WHERE workspace_id = $1", ws.id())
                .get(0).get("n"));
    }

    /**
     * A model's content with ids replaced by codes and names, so that a source and its copy compare equal:
     * territories (code → fields and parent code), members and rules by territory code, manual assignments.
     */
    private Map<String, Object> content(String modelId) {
        List<Map<String, Object>> territories = as(ws.adminKey()).get(TERRITORIES + "?limit=500&modelId=" + modelId)
                .then().statusCode(200).extract().jsonPath().getList("data");
        Map<String, String> codeById = new HashMap<>();
        territories.forEach(t -> codeById.put((String) t.get("id"), (String) t.get("code")));
        Map<String, Object> byCode = new TreeMap<>();
        Map<String, Object> members = new TreeMap<>();
        Map<String, Object> rules = new TreeMap<>();
        for (Map<String, Object> t : territories) {
            String code = (String) t.get("code");
            Map<String, Object> fields = new HashMap<>(t);
            fields.keySet().removeAll(List.of("id", "modelId", "createdAt", "updatedAt"));
            fields.put("parentId", codeById.get((String) t.get("parentId")));
            byCode.put(code, fields);
            members.put(code, as(ws.adminKey()).get(TERRITORIES + "/" + t.get("id") + "/members").then().statusCode(200)
                    .extract().jsonPath().getList("data").stream().map(m -> {
                        Map<String, Object> member = new HashMap<>((Map<String, Object>) m);
                        member.keySet().removeAll(List.of("territoryId", "createdAt"));
                        return member;
                    }).toList());
            rules.put(code, as(ws.adminKey()).get(rulesOf((String) t.get("id"))).then().statusCode(200)
                    .extract().jsonPath().getList("data").stream().map(r -> {
                        Map<String, Object> rule = new HashMap<>((Map<String, Object>) r);
                        rule.keySet().removeAll(List.of("id", "territoryId", "modelId", "createdAt", "updatedAt"));
                        return rule;
                    }).toList());
        }
        Map<String, Object> assignments = new TreeMap<>();
        sql(db, """
                SELECT a.name, t.code, ta.assigned_by FROM territory_assignments ta
                JOIN accounts a ON a.workspace_id = ta.workspace_id AND a.id = ta.account_id
                JOIN territories t ON t.workspace_id = ta.workspace_id AND t.id = ta.territory_id
                WHERE ta.workspace_id = $1 AND ta.model_id = $2::uuid AND ta.cause = 'manual'""", ws.id(), modelId)
                .forEach(row -> {
                    assertEquals(ws.adminId(), row.get("assigned_by"));
                    assignments.put((String) row.get("name"), row.get("code"));
                });
        assertNotEquals(0, assignments.size());
        return Map.of("territories", byCode, "members", members, "rules", rules, "assignments", assignments);
    }
}
