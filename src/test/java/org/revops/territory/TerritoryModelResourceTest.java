package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Listing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.territory.TerritoryFixtures.MODELS;
import static org.revops.territory.TerritoryFixtures.model;
import static org.revops.territory.TerritoryFixtures.setState;

@QuarkusTest
class TerritoryModelResourceTest extends ApiTest {
    private static final String CHANGE_REFUSED = "Only admins and managers change territories";

    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Territory models");
    }

    @Test
    void createReadUpdateDelete() {
        String location = as(ws.adminKey()).body(Map.of("name", "FY27 territories", "description", "Draft"))
                .post(MODELS).then().statusCode(201).header("ETag", "\"0\"")
                .body("name", equalTo("FY27 territories")).body("description", equalTo("Draft"))
                .body("state", equalTo("planning")).body("clonedFromId", nullValue())
                .body("activatedAt", nullValue()).body("version", equalTo(0))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        as(ws.adminKey()).get(MODELS + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("state", equalTo("planning"));

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\":\"FY27 v2\",\"description\":null}").patch(MODELS + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("name", equalTo("FY27 v2"))
                .body("description", nullValue()).body("state", equalTo("planning"));

        as(ws.adminKey()).header("If-Match", "\"1\"").delete(MODELS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(MODELS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(List.of(), Listing.ids(ws.adminKey(), MODELS, ""));
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        as(ws.adminKey()).body(Map.of("name", " ")).post(MODELS).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        as(ws.adminKey()).body(Map.of("name", "x".repeat(201))).post(MODELS).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        as(ws.adminKey()).body(Map.of("name", "Active from the start", "state", "active")).post(MODELS).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        as(ws.adminKey()).body("{\"name\":").post(MODELS).then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        assertEquals(List.of(), Listing.ids(ws.adminKey(), MODELS, ""));

        String id = model(ws.adminKey(), "Kept");
        as(ws.adminKey()).body(Map.of("state", "active")).patch(MODELS + "/" + id).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("state"))
                .body("errors[0].message", equalTo("changes only through activation (POST /api/v1/territory-models/{id}/activate)"));
        as(ws.adminKey()).body("{\"name\":null}").patch(MODELS + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        as(ws.adminKey()).body(Map.of("colour", "red")).patch(MODELS + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        as(ws.adminKey()).get(MODELS + "/" + id).then().body("name", equalTo("Kept")).body("state", equalTo("planning"))
                .body("version", equalTo(0));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = model(ws.adminKey(), "One");
        as(ws.adminKey()).body(Map.of("name", "Two")).patch(MODELS + "/" + id).then().statusCode(200);
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("name", "Three")).patch(MODELS + "/" + id).then()
                .statusCode(412).body("type", endsWith("/stale-version"));
        as(ws.adminKey()).header("If-Match", "\"0\"").delete(MODELS + "/" + id).then().statusCode(412);
        as(ws.adminKey()).get(MODELS + "/" + id).then().header("ETag", "\"1\"").body("name", equalTo("Two"));
    }

    @Test
    void theActiveModelIsNotDeletedAndAnArchivedOneIsReadOnly() {
        String active = model(ws.adminKey(), "Live");
        String archived = model(ws.adminKey(), "Old");
        setState(db, ws, active, "active");
        setState(db, ws, archived, "archived");

        as(ws.adminKey()).delete(MODELS + "/" + active).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("the active model cannot be deleted: activate another model first"));
        as(ws.adminKey()).body(Map.of("name", "Live 2")).patch(MODELS + "/" + active).then().statusCode(200);
        as(ws.adminKey()).body(Map.of("name", "Old 2")).patch(MODELS + "/" + archived).then().statusCode(409)
                .body("detail", equalTo("archived models are read-only"));
        as(ws.adminKey()).delete(MODELS + "/" + archived).then().statusCode(409)
                .body("detail", equalTo("archived models are read-only"));
        as(ws.adminKey()).get(MODELS + "/" + archived).then().body("name", equalTo("Old")).body("version", equalTo(0));
        assertEquals(2, Listing.ids(ws.adminKey(), MODELS, "").size());
    }

    @Test
    void filtersAndSorts() {
        String b = model(ws.adminKey(), "Bravo");
        String a = model(ws.adminKey(), "Alpha");
        String c = model(ws.adminKey(), "Charlie plan");
        setState(db, ws, a, "active");
        setState(db, ws, b, "archived");
        Map<String, List<String>> expectations = new LinkedHashMap<>();
        expectations.put("state=planning", List.of(c));
        expectations.put("state=active&state=archived", List.of(a, b));
        expectations.put("q=PLAN", List.of(c));
        expectations.put("id=" + a, List.of(a));
        Listing.assertFilters(ws.adminKey(), MODELS, expectations);
        Listing.assertOrder(ws.adminKey(), MODELS, "name", a, b, c);
        Listing.assertOrder(ws.adminKey(), MODELS, "-name", c, b, a);
        Listing.assertOrder(ws.adminKey(), MODELS, "createdAt", b, a, c);
        Listing.assertOrder(ws.adminKey(), MODELS, "-createdAt", c, a, b);
        Listing.assertRejectsBadParameters(ws.adminKey(), MODELS);
        assertEquals(List.of(a, b, c), Listing.walk(ws.adminKey(), MODELS, "name", 1, 3));
    }

    @Test
    void onlyAdminsAndManagersChangeModelsAndEveryoneReadsThem() {
        String id = model(ws.adminKey(), "Shared");
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        String managed = as(manager.key()).body(Map.of("name", "By the manager")).post(MODELS).then().statusCode(201)
                .extract().path("id");
        as(manager.key()).body(Map.of("name", "Renamed")).patch(MODELS + "/" + managed).then().statusCode(200);
        as(manager.key()).post(MODELS + "/" + managed + "/clone").then().statusCode(201);

        for (String role : List.of("rep", "integration", "read-only")) {
            Member member = newMember(ws, "A " + role, role, null);
            as(member.key()).body(Map.of("name", "Mine")).post(MODELS).then().statusCode(403)
                    .contentType("application/problem+json").body("detail", equalTo(CHANGE_REFUSED));
            as(member.key()).body(Map.of("name", "X")).patch(MODELS + "/" + id).then().statusCode(403)
                    .body("detail", equalTo(CHANGE_REFUSED));
            as(member.key()).delete(MODELS + "/" + id).then().statusCode(403).body("detail", equalTo(CHANGE_REFUSED));
            as(member.key()).post(MODELS + "/" + id + "/clone").then().statusCode(403)
                    .body("detail", equalTo(CHANGE_REFUSED));
            as(member.key()).get(MODELS + "/" + id).then().statusCode(200).body("name", equalTo("Shared"));
            assertEquals(3, Listing.ids(member.key(), MODELS, "").size(), role);
        }
        as(ws.adminKey()).get(MODELS + "/" + id).then().body("name", equalTo("Shared")).body("version", equalTo(0));
        assertEquals(3, Listing.ids(ws.adminKey(), MODELS, "").size());
    }

    @Test
    void anotherWorkspaceGets404ForEverything() {
        String id = model(ws.adminKey(), "Mine");
        Workspace other = newWorkspace("Other");
        as(other.adminKey()).get(MODELS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(other.adminKey()).body(Map.of("name", "X")).patch(MODELS + "/" + id).then().statusCode(404);
        as(other.adminKey()).delete(MODELS + "/" + id).then().statusCode(404);
        as(other.adminKey()).post(MODELS + "/" + id + "/clone").then().statusCode(404);
        assertEquals(List.of(), Listing.ids(other.adminKey(), MODELS, ""));
        assertEquals(List.of(), Listing.ids(other.adminKey(), MODELS, "id=" + id));
        as(ws.adminKey()).get(MODELS + "/" + id).then().statusCode(200).body("name", equalTo("Mine"))
                .body("version", equalTo(0));
        assertEquals(List.of(id), Listing.ids(ws.adminKey(), MODELS, ""));
    }
}
