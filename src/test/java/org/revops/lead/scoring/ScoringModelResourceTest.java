package org.revops.lead.scoring;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.CsvPages;
import org.revops.support.Listing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revops.lead.scoring.ScoringFixtures.FIT;
import static org.revops.lead.scoring.ScoringFixtures.GRADES;
import static org.revops.lead.scoring.ScoringFixtures.MODELS;
import static org.revops.lead.scoring.ScoringFixtures.draft;
import static org.revops.lead.scoring.ScoringFixtures.model;

@QuarkusTest
class ScoringModelResourceTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Scoring models");
    }

    /** The stored rows of the workspace's models, to check that refused requests wrote nothing. */
    private List<String> stored() {
        List<String> rows = new java.util.ArrayList<>();
        db.query("SELECT id, name, state, criteria::text AS c, threshold_a, threshold_b, threshold_c, version"
                        + " FROM scoring_models WHERE workspace_id = $1 ORDER BY id", Tuple.of(ws.id()))
                .await().atMost(Duration.ofSeconds(10)).forEach(row -> rows.add(row.toJson().encode()));
        return rows;
    }

    @Test
    void createReadUpdateDeleteADraft() {
        String location = as(ws.adminKey()).body(model("Fit", FIT, GRADES)).post(MODELS).then().statusCode(201)
                .header("ETag", "\"0\"").body("state", equalTo("draft")).body("number", nullValue())
                .body("maxWeight", equalTo(100)).body("thresholds", equalTo(GRADES))
                .body("criteria[0]", equalTo(Map.of("field", "industry", "operator", "in",
                        "values", List.of("Software", "Fintech"), "weight", 30, "label", "Target industry",
                        "points", 30.0f)))
                .body("criteria[1].label", equalTo("industry is Retail")).body("criteria[1].value", equalTo("Retail"))
                .body("criteria[1].points", equalTo(10.0f))
                .body("criteria[2].min", equalTo(200)).body("criteria[4].days", equalTo(14))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertTrue(location.endsWith(MODELS + "/" + id), location);
        as(ws.adminKey()).get(MODELS + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("Fit")).body("criteria.size()", equalTo(5));

        // thresholds merge by grade; criteria are replaced as a list; the points follow the new W (30 + 20 = 50)
        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("thresholds", Map.of("A", 90), "criteria", FIT.subList(0, 3), "description", "v2"))
                .patch(MODELS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("thresholds", equalTo(Map.of("A", 90, "B", 50, "C", 30))).body("criteria.size()", equalTo(3))
                .body("maxWeight", equalTo(50)).body("criteria[0].points", equalTo(60.0f))
                .body("description", equalTo("v2"));
        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("name", "stale")).patch(MODELS + "/" + id).then().statusCode(412);

        as(ws.adminKey()).header("If-Match", "\"0\"").delete(MODELS + "/" + id).then().statusCode(412);
        as(ws.adminKey()).header("If-Match", "\"1\"").delete(MODELS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(MODELS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(List.of(), stored());
    }

    @Test
    void thresholdsDefaultAndTheDefaultLabelsDescribeTheCriterion() {
        as(ws.adminKey()).body(model("Defaults", List.of(
                        Map.of("field", "email", "operator", "present", "weight", 1),
                        Map.of("field", "visits", "operator", "range", "min", 3, "max", 10, "weight", 3)), null))
                .post(MODELS).then().statusCode(201)
                .body("thresholds", equalTo(Map.of("A", 80, "B", 60, "C", 40)))
                .body("criteria.label", equalTo(List.of("email given", "visits from 3 to 10")))
                .body("criteria.points", equalTo(List.of(25.0f, 75.0f)));
    }

    @Test
    void anInvalidModelIsOne422NamingEachCriterionAndWritesNothing() {
        String id = draft(ws.adminKey(), model("Fit", FIT, GRADES));
        List<String> before = stored();
        List<Map<String, Object>> bad = List.of(
                Map.of("field", "industry", "operator", "in", "values", List.of("Software"), "weight", 10),
                Map.of("field", "colour", "operator", "equals", "value", "red", "weight", 5),
                Map.of("field", "employeeCount", "operator", "range", "min", 10, "weight", -3),
                Map.of("field", "industry", "operator", "range", "min", 1, "weight", 1));
        as(ws.adminKey()).body(model("Broken", bad, Map.of("A", 60, "B", 60, "C", 20))).post(MODELS).then()
                .statusCode(422).contentType("application/problem+json").body("type", endsWith("/validation"))
                .body("errors.field", equalTo(List.of("criteria[1].field", "criteria[2].weight",
                        "criteria[3].operator", "thresholds.B")))
                .body("errors[1].message", equalTo("weight must be positive, not -3"))
                .body("errors[2].message", equalTo("operator 'range' does not apply to industry (text): use equals, "
                        + "in, present"))
                .body("errors[3].message", equalTo("must be below A (60), not 60: thresholds decrease from A to C, "
                        + "or the grades would overlap"));
        as(ws.adminKey()).body(model("Empty", List.of(), null)).post(MODELS).then().statusCode(422)
                .body("errors", equalTo(List.of(Map.of("field", "criteria",
                        "message", "a model needs at least one criterion"))));
        as(ws.adminKey()).body(Map.of("name", "No criteria")).post(MODELS).then().statusCode(422)
                .body("errors[0].field", equalTo("criteria"));
        as(ws.adminKey()).body(model(" ", FIT, null)).post(MODELS).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        as(ws.adminKey()).body("{\"name\":\"x\",\"criteria\":[],\"colour\":1}").post(MODELS).then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        as(ws.adminKey()).body("{\"name\":\"x\",\"criteria\":[{\"field\":\"email\",\"operator\":\"present\","
                + "\"weight\":\"heavy\"}]}").post(MODELS).then().statusCode(400)
                .contentType("application/problem+json");

        // a PATCH that breaks the model is refused as a whole
        as(ws.adminKey()).contentType("application/merge-patch+json")
                .body(Map.of("thresholds", Map.of("C", 55), "criteria", bad.subList(1, 2)))
                .patch(MODELS + "/" + id).then().statusCode(422)
                .body("errors.field", equalTo(List.of("criteria[0].field", "thresholds.C")));
        as(ws.adminKey()).contentType("application/merge-patch+json").body("[]").patch(MODELS + "/" + id).then()
                .statusCode(400);
        assertEquals(before, stored());
    }

    @Test
    void onlyDraftsChange() {
        String published = ScoringFixtures.published(ws.adminKey(), model("Fit", FIT, GRADES));
        List<String> before = stored();
        as(ws.adminKey()).body(Map.of("name", "Renamed")).patch(MODELS + "/" + published).then().statusCode(409)
                .contentType("application/problem+json");
        as(ws.adminKey()).delete(MODELS + "/" + published).then().statusCode(409);
        as(ws.adminKey()).post(MODELS + "/" + published + "/publish").then().statusCode(409);
        assertEquals(before, stored());

        // the next version starts as a copy of the published one
        String copy = as(ws.adminKey()).body(Map.of()).post(MODELS + "/" + published + "/clone").then()
                .statusCode(201).body("state", equalTo("draft")).body("name", equalTo("Fit (copy)"))
                .body("clonedFromId", equalTo(published)).body("criteria.size()", equalTo(5))
                .body("thresholds", equalTo(GRADES)).extract().path("id");
        as(ws.adminKey()).post(MODELS + "/" + copy + "/clone").then().statusCode(201)
                .body("name", equalTo("Fit (copy) (copy)"));
        as(ws.adminKey()).body(Map.of("name", " ")).post(MODELS + "/" + copy + "/clone").then().statusCode(422);
        as(ws.adminKey()).body(Map.of("name", "Fit v2")).patch(MODELS + "/" + copy).then().statusCode(200)
                .body("name", equalTo("Fit v2"));
    }

    @Test
    void listsFilterSortAndPage() {
        String a = draft(ws.adminKey(), model("Alpha", FIT, null));
        String b = ScoringFixtures.published(ws.adminKey(), model("Beta", FIT, null));
        String c = draft(ws.adminKey(), model("Gamma", FIT, null));
        Listing.assertFilters(ws.adminKey(), MODELS, Map.of(
                "state=draft", List.of(a, c), "state=published", List.of(b), "q=AMM", List.of(c),
                "id=" + a + "&id=" + b, List.of(a, b), "state=retired", List.of()));
        Listing.assertOrder(ws.adminKey(), MODELS, "name", a, b, c);
        Listing.assertOrder(ws.adminKey(), MODELS, "-name", c, b, a);
        assertEquals(List.of(a, b, c), Listing.walk(ws.adminKey(), MODELS, "createdAt", 2, 2));
        Listing.assertRejectsBadParameters(ws.adminKey(), MODELS);
        String csv = CsvPages.csv(ws.adminKey(), MODELS + "?sort=name");
        assertTrue(csv.lines().findFirst().orElseThrow().startsWith("id,name,description,state,number,criteria."),
                csv);
    }

    @Test
    void adminsChangeModelsManagersAndReadOnlyKeysReadThemRepsAndIntegrationsNeither() {
        String id = draft(ws.adminKey(), model("Fit", FIT, null));
        Member manager = newMember(ws, "Mia Manager", "manager", null);
        Member rep = newMember(ws, "Rex Rep", "rep", manager.id());
        Member integration = newMember(ws, "Sync", "integration", null);
        Member reader = newMember(ws, "Reader", "read-only", null);
        List<String> before = stored();
        for (Member member : List.of(manager, reader)) {
            as(member.key()).get(MODELS).then().statusCode(200).body("data.size()", equalTo(1));
            as(member.key()).get(MODELS + "/" + id).then().statusCode(200);
        }
        for (Member member : List.of(rep, integration)) {
            as(member.key()).get(MODELS).then().statusCode(403).contentType("application/problem+json");
            as(member.key()).get(MODELS + "/" + id).then().statusCode(403);
        }
        for (Member member : List.of(manager, rep, integration, reader)) {
            as(member.key()).body(model("Mine", FIT, null)).post(MODELS).then().statusCode(403)
                    .contentType("application/problem+json");
            as(member.key()).body(Map.of("name", "x")).patch(MODELS + "/" + id).then().statusCode(403);
            as(member.key()).delete(MODELS + "/" + id).then().statusCode(403);
            as(member.key()).post(MODELS + "/" + id + "/clone").then().statusCode(403);
            as(member.key()).post(MODELS + "/" + id + "/publish").then().statusCode(403);
        }
        assertEquals(before, stored());

        Workspace other = newWorkspace("Other scoring");
        as(other.adminKey()).get(MODELS + "/" + id).then().statusCode(404);
        as(other.adminKey()).body(Map.of("name", "x")).patch(MODELS + "/" + id).then().statusCode(404);
        as(other.adminKey()).delete(MODELS + "/" + id).then().statusCode(404);
        as(other.adminKey()).post(MODELS + "/" + id + "/clone").then().statusCode(404);
        as(other.adminKey()).post(MODELS + "/" + id + "/publish").then().statusCode(404);
        as(other.adminKey()).get(MODELS).then().statusCode(200).body("data.size()", equalTo(0));
        as(ws.adminKey()).get(MODELS + "/" + java.util.UUID.randomUUID()).then().statusCode(404);
        assertEquals(before, stored());
    }
}
