package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Listing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.territory.TerritoryFixtures.TERRITORIES;
import static org.revops.territory.TerritoryFixtures.model;
import static org.revops.territory.TerritoryFixtures.territory;

@QuarkusTest
class TerritoryResourceTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private String modelId;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Territories");
        modelId = model(ws.adminKey(), "FY27");
    }

    private String url(String id) {
        return TERRITORIES + "/" + id;
    }

    @Test
    void createReadUpdateDelete() {
        String location = as(ws.adminKey()).body(Map.of("modelId", modelId, "name", "EMEA", "type", "region",
                        "description", "Europe, Middle East, Africa", "ownerId", ws.adminId().toString(), "priority", 3))
                .post(TERRITORIES).then().statusCode(201).header("ETag", "\"0\"")
                .body("modelId", equalTo(modelId)).body("parentId", nullValue()).body("name", equalTo("EMEA"))
                .body("code", equalTo("emea")).body("type", equalTo("region"))
                .body("description", equalTo("Europe, Middle East, Africa"))
                .body("ownerId", equalTo(ws.adminId().toString())).body("priority", equalTo(3))
                .body("version", equalTo(0)).extract().header("Location");
        String emea = location.substring(location.lastIndexOf('/') + 1);
        as(ws.adminKey()).get(url(emea)).then().statusCode(200).header("ETag", "\"0\"").body("code", equalTo("emea"));

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\":\"EMEA North\",\"description\":null,\"priority\":7}").patch(url(emea)).then()
                .statusCode(200).header("ETag", "\"1\"").body("name", equalTo("EMEA North"))
                .body("description", nullValue()).body("priority", equalTo(7))
                .body("code", equalTo("emea")).body("type", equalTo("region"));

        as(ws.adminKey()).header("If-Match", "\"0\"").delete(url(emea)).then().statusCode(412);
        as(ws.adminKey()).header("If-Match", "\"1\"").delete(url(emea)).then().statusCode(204);
        as(ws.adminKey()).get(url(emea)).then().statusCode(404).contentType("application/problem+json");
        assertEquals(List.of(), Listing.ids(ws.adminKey(), TERRITORIES, ""));
    }

    @Test
    void codesDefaultFromTheParentAndAreUniqueInTheModel() {
        String emea = territory(ws.adminKey(), modelId, null, "EMEA", Map.of());
        String dach = territory(ws.adminKey(), modelId, emea, "DACH Enterprise", Map.of());
        String zurich = territory(ws.adminKey(), modelId, dach, "Zürich Nord & Süd", Map.of());
        as(ws.adminKey()).get(url(dach)).then().body("code", equalTo("emea/dach-enterprise"));
        as(ws.adminKey()).get(url(zurich)).then().body("code", equalTo("emea/dach-enterprise/zurich-nord-sud"));
        String custom = territory(ws.adminKey(), modelId, emea, "Nordics", Map.of("code", "NORD.1"));
        as(ws.adminKey()).get(url(custom)).then().body("code", equalTo("NORD.1"));

        // the same code in the same model is a conflict; in another model it is fine
        as(ws.adminKey()).body(Map.of("modelId", modelId, "name", "Other", "type", "region", "code", "emea"))
                .post(TERRITORIES).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/conflict")).body("errors[0].field", equalTo("code"));
        as(ws.adminKey()).body(Map.of("modelId", modelId, "parentId", emea, "name", "dach enterprise",
                "type", "region", "code", "other")).post(TERRITORIES).then().statusCode(409)
                .body("errors[0].field", equalTo("name"));
        as(ws.adminKey()).body(Map.of("code", "NORD.1")).patch(url(dach)).then().statusCode(409)
                .body("errors[0].field", equalTo("code"));
        String otherModel = model(ws.adminKey(), "FY28");
        String again = territory(ws.adminKey(), otherModel, null, "EMEA", Map.of());
        as(ws.adminKey()).get(url(again)).then().body("code", equalTo("emea"));

        // renames keep the code; "code": null derives it again
        as(ws.adminKey()).body(Map.of("name", "DACH")).patch(url(dach)).then().statusCode(200)
                .body("code", equalTo("emea/dach-enterprise"));
        as(ws.adminKey()).body("{\"code\":null}").patch(url(dach)).then().statusCode(200)
                .body("code", equalTo("emea/dach"));

        as(ws.adminKey()).body(Map.of("modelId", modelId, "name", "+++", "type", "region")).post(TERRITORIES).then()
                .statusCode(422).body("errors[0].field", equalTo("code"));
        as(ws.adminKey()).body(Map.of("modelId", modelId, "name", "Bad", "type", "region", "code", "-bad"))
                .post(TERRITORIES).then().statusCode(422).body("errors[0].field", equalTo("code"));
        assertEquals(4, Listing.ids(ws.adminKey(), TERRITORIES, "modelId=" + modelId).size());
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        String emea = territory(ws.adminKey(), modelId, null, "EMEA", Map.of());
        String otherModel = model(ws.adminKey(), "FY28");
        String elsewhere = territory(ws.adminKey(), otherModel, null, "AMER", Map.of());
        Map<String, Object> valid = Map.of("modelId", modelId, "name", "DACH", "type", "region");

        as(ws.adminKey()).body(with(valid, "parentId", elsewhere)).post(TERRITORIES).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("parentId"))
                .body("errors[0].message", equalTo("must be a territory of the same model"));
        as(ws.adminKey()).body(with(valid, "ownerId", UUID.randomUUID().toString())).post(TERRITORIES).then()
                .statusCode(422).body("errors[0].field", equalTo("ownerId"));
        as(ws.adminKey()).body(with(valid, "modelId", UUID.randomUUID().toString())).post(TERRITORIES).then()
                .statusCode(422).body("errors[0].field", equalTo("modelId"));
        as(ws.adminKey()).body(Map.of("name", "DACH", "type", "", "priority", 2000000)).post(TERRITORIES).then()
                .statusCode(422).body("errors.field", equalTo(List.of("modelId", "priority", "type")));
        as(ws.adminKey()).body(with(valid, "priority", 1.5)).post(TERRITORIES).then().statusCode(400)
                .body("errors[0].field", equalTo("priority"));
        as(ws.adminKey()).body(with(valid, "parentId", "not-a-uuid")).post(TERRITORIES).then().statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
        assertEquals(List.of(emea), Listing.ids(ws.adminKey(), TERRITORIES, "modelId=" + modelId));

        as(ws.adminKey()).body(Map.of("parentId", elsewhere)).patch(url(emea)).then().statusCode(422)
                .body("errors[0].field", equalTo("parentId"));
        as(ws.adminKey()).body(Map.of("modelId", otherModel)).patch(url(emea)).then().statusCode(422)
                .body("errors[0].field", equalTo("modelId"));
        as(ws.adminKey()).body("{\"name\":null,\"ownerId\":\"" + UUID.randomUUID() + "\"}").patch(url(emea)).then()
                .statusCode(422).body("errors[0].field", equalTo("name"));
        as(ws.adminKey()).body(Map.of("ownerId", UUID.randomUUID().toString(), "priority", 1)).patch(url(emea)).then()
                .statusCode(422).body("errors[0].field", equalTo("ownerId"));
        as(ws.adminKey()).get(url(emea)).then().body("version", equalTo(0)).body("parentId", nullValue())
                .body("ownerId", nullValue()).body("priority", equalTo(0)).body("name", equalTo("EMEA"));
    }

    @Test
    void aSubtreeMovesButNeverUnderItself() {
        String emea = territory(ws.adminKey(), modelId, null, "EMEA", Map.of());
        String dach = territory(ws.adminKey(), modelId, emea, "DACH", Map.of());
        String munich = territory(ws.adminKey(), modelId, dach, "Munich", Map.of());
        String amer = territory(ws.adminKey(), modelId, null, "AMER", Map.of());

        for (String target : List.of(dach, munich)) {
            as(ws.adminKey()).body(Map.of("parentId", target)).patch(url(dach)).then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("parentId"))
                    .body("errors[0].message", equalTo("would make a cycle: the new parent is the territory itself or "
                            + "one of its descendants"));
        }
        as(ws.adminKey()).body(Map.of("parentId", munich)).patch(url(emea)).then().statusCode(422)
                .body("errors[0].field", equalTo("parentId"));
        as(ws.adminKey()).get(url(dach)).then().body("parentId", equalTo(emea)).body("version", equalTo(0));
        as(ws.adminKey()).get(url(emea)).then().body("parentId", nullValue()).body("version", equalTo(0));

        // the move takes the subtree along and keeps the codes
        as(ws.adminKey()).body(Map.of("parentId", amer)).patch(url(dach)).then().statusCode(200)
                .body("parentId", equalTo(amer)).body("code", equalTo("emea/dach"));
        assertEquals(List.of(munich), Listing.ids(ws.adminKey(), TERRITORIES, "parentId=" + dach));
        assertEquals(List.of(dach), Listing.ids(ws.adminKey(), TERRITORIES, "parentId=" + amer));
        as(ws.adminKey()).body("{\"parentId\":null}").patch(url(dach)).then().statusCode(200)
                .body("parentId", nullValue());
        assertEquals(List.of(amer, dach, emea), Listing.ids(ws.adminKey(), TERRITORIES, "root=true&sort=name"));
    }

    @Test
    void aTerritoryWithChildrenIsNotDeleted() {
        String emea = territory(ws.adminKey(), modelId, null, "EMEA", Map.of());
        String dach = territory(ws.adminKey(), modelId, emea, "DACH", Map.of());
        as(ws.adminKey()).delete(url(emea)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("the territory has 1 child: delete or move them first"));
        as(ws.adminKey()).get(url(emea)).then().statusCode(200);
        as(ws.adminKey()).delete(url(dach)).then().statusCode(204);
        as(ws.adminKey()).delete(url(emea)).then().statusCode(204);
        assertEquals(List.of(), Listing.ids(ws.adminKey(), TERRITORIES, ""));
    }

    @Test
    void everyFilterNarrowsAndEverySortOrders() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        String emea = territory(ws.adminKey(), modelId, null, "EMEA", Map.of("type", "geo"));
        String dach = territory(ws.adminKey(), modelId, emea, "DACH", Map.of("ownerId", manager.id().toString()));
        String nordics = territory(ws.adminKey(), modelId, emea, "Nordics", Map.of("code", "a-nordics"));
        String otherModel = model(ws.adminKey(), "FY28");
        String amer = territory(ws.adminKey(), otherModel, null, "AMER", Map.of());

        Map<String, List<String>> expectations = new LinkedHashMap<>();
        expectations.put("modelId=" + modelId, List.of(emea, dach, nordics));
        expectations.put("modelId=" + modelId + "&modelId=" + otherModel, List.of(emea, dach, nordics, amer));
        expectations.put("parentId=" + emea, List.of(dach, nordics));
        expectations.put("root=true", List.of(emea, amer));
        expectations.put("root=false", List.of(dach, nordics));
        expectations.put("type=geo", List.of(emea));
        expectations.put("type=region&modelId=" + modelId, List.of(dach, nordics));
        expectations.put("ownerId=" + manager.id(), List.of(dach));
        expectations.put("code=emea/dach&code=a-nordics", List.of(dach, nordics));
        expectations.put("q=or", List.of(nordics));
        expectations.put("id=" + amer, List.of(amer));
        Listing.assertFilters(ws.adminKey(), TERRITORIES, expectations);
        as(ws.adminKey()).queryParam("root", "maybe").get(TERRITORIES).then().statusCode(400)
                .body("errors[0].field", equalTo("root"));

        Listing.assertOrder(ws.adminKey(), TERRITORIES, "code", nordics, amer, emea, dach);
        Listing.assertOrder(ws.adminKey(), TERRITORIES, "-code", dach, emea, amer, nordics);
        Listing.assertOrder(ws.adminKey(), TERRITORIES, "name", amer, dach, emea, nordics);
        Listing.assertOrder(ws.adminKey(), TERRITORIES, "createdAt", emea, dach, nordics, amer);
        Listing.assertOrder(ws.adminKey(), TERRITORIES, "-createdAt", amer, nordics, dach, emea);
        Listing.assertRejectsBadParameters(ws.adminKey(), TERRITORIES);
        assertEquals(List.of(nordics, amer, emea, dach), Listing.walk(ws.adminKey(), TERRITORIES, "code", 3, 2));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
