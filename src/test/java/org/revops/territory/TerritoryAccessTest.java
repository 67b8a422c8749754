package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Listing;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.territory.TerritoryFixtures.TERRITORIES;
import static org.revops.territory.TerritoryFixtures.member;
import static org.revops.territory.TerritoryFixtures.model;
import static org.revops.territory.TerritoryFixtures.setState;
import static org.revops.territory.TerritoryFixtures.territory;

/** Who may read and change territories and their members, across roles, workspaces and model states. */
@QuarkusTest
class TerritoryAccessTest extends ApiTest {
    private static final String CHANGE_REFUSED = "Only admins and managers change territories";
    private static final String READ_OWN_ONLY = "You may read only the territories you belong to";

    @Inject
    Db db;

    private Workspace ws;
    private String modelId;
    private String emea;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Territory access");
        modelId = model(ws.adminKey(), "FY27");
        emea = territory(ws.adminKey(), modelId, null, "EMEA", Map.of());
    }

    private String url(String id) {
        return TERRITORIES + "/" + id;
    }

    @Test
    void managersChangeTerritoriesAndOtherRolesMayNot() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        String dach = as(manager.key()).body(Map.of("modelId", modelId, "parentId", emea, "name", "DACH",
                "type", "region")).post(TERRITORIES).then().statusCode(201).extract().path("id");
        as(manager.key()).body(Map.of("priority", 4)).patch(url(dach)).then().statusCode(200);
        as(manager.key()).body(Map.of("role", "owner")).put(url(dach) + "/members/" + manager.id()).then()
                .statusCode(201);
        as(manager.key()).delete(url(dach) + "/members/" + manager.id()).then().statusCode(204);

        for (String role : List.of("rep", "integration", "read-only")) {
            Member member = newMember(ws, "A " + role, role, null);
            as(member.key()).body(Map.of("modelId", modelId, "name", "Mine", "type", "region")).post(TERRITORIES)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo(CHANGE_REFUSED));
            as(member.key()).body(Map.of("priority", 9)).patch(url(dach)).then().statusCode(403)
                    .body("detail", equalTo(CHANGE_REFUSED));
            as(member.key()).delete(url(dach)).then().statusCode(403).body("detail", equalTo(CHANGE_REFUSED));
            as(member.key()).body(Map.of("role", "rep")).put(url(dach) + "/members/" + member.id()).then()
                    .statusCode(403).body("detail", equalTo(CHANGE_REFUSED));
            as(member.key()).delete(url(dach) + "/members/" + ws.adminId()).then().statusCode(403)
                    .body("detail", equalTo(CHANGE_REFUSED));
        }
        as(ws.adminKey()).get(url(dach)).then().body("priority", equalTo(4)).body("version", equalTo(1));
        assertEquals(List.of(emea, dach), Listing.ids(ws.adminKey(), TERRITORIES, ""));
        as(ws.adminKey()).get(url(dach) + "/members").then().body("data", equalTo(List.of()));
    }

    @Test
    void aRepReadsOnlyTheTerritoriesTheyOwnOrWork() {
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        String owned = territory(ws.adminKey(), modelId, emea, "DACH", Map.of("ownerId", rep.id().toString()));
        String worked = territory(ws.adminKey(), modelId, emea, "Nordics", Map.of());
        String foreign = territory(ws.adminKey(), modelId, emea, "Iberia", Map.of());
        member(ws.adminKey(), worked, rep.id(), "overlay");
        member(ws.adminKey(), foreign, ws.adminId(), "owner");

        assertEquals(List.of(owned, worked), Listing.ids(rep.key(), TERRITORIES, ""));
        assertEquals(List.of(owned), Listing.ids(rep.key(), TERRITORIES, "q=DACH"));
        as(rep.key()).get(url(owned)).then().statusCode(200).body("name", equalTo("DACH"));
        as(rep.key()).get(url(worked) + "/members").then().statusCode(200)
                .body("data.userId", equalTo(List.of(rep.id().toString())));
        for (String path : List.of(url(foreign), url(foreign) + "/members", url(foreign) + "/members/" + ws.adminId(),
                url(emea))) {
            as(rep.key()).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo(READ_OWN_ONLY));
        }
        // the models are everyone's to read
        as(rep.key()).get("/api/v1/territory-models/" + modelId).then().statusCode(200);

        for (String role : List.of("manager", "integration", "read-only")) {
            Member reader = newMember(ws, "A " + role, role, null);
            assertEquals(List.of(emea, owned, worked, foreign), Listing.ids(reader.key(), TERRITORIES, "sort=createdAt"));
            as(reader.key()).get(url(foreign) + "/members").then().statusCode(200)
                    .body("data.userId", equalTo(List.of(ws.adminId().toString())));
        }
    }

    @Test
    void anotherWorkspaceGets404ForEverything() {
        member(ws.adminKey(), emea, ws.adminId(), "owner");
        Workspace other = newWorkspace("Other");
        Member otherRep = newMember(other, "Olga Rep", "rep", null);
        for (String key : List.of(other.adminKey(), otherRep.key())) {
            as(key).get(url(emea)).then().statusCode(404).contentType("application/problem+json");
            as(key).get(url(emea) + "/members").then().statusCode(404);
            as(key).get(url(emea) + "/members/" + ws.adminId()).then().statusCode(404);
            assertEquals(List.of(), Listing.ids(key, TERRITORIES, ""));
            assertEquals(List.of(), Listing.ids(key, TERRITORIES, "id=" + emea));
        }
        as(other.adminKey()).body(Map.of("name", "X")).patch(url(emea)).then().statusCode(404);
        as(other.adminKey()).delete(url(emea)).then().statusCode(404);
        as(other.adminKey()).body(Map.of("role", "rep")).put(url(emea) + "/members/" + other.adminId()).then()
                .statusCode(404);
        as(other.adminKey()).delete(url(emea) + "/members/" + ws.adminId()).then().statusCode(404);
        as(other.adminKey()).body(Map.of("modelId", modelId, "name", "Sneaky", "type", "region")).post(TERRITORIES)
                .then().statusCode(422).body("errors[0].field", equalTo("modelId"));
        as(other.adminKey()).body(Map.of("parentId", emea)).patch(url(emea)).then().statusCode(404);

        as(ws.adminKey()).get(url(emea)).then().body("name", equalTo("EMEA")).body("version", equalTo(0));
        as(ws.adminKey()).get(url(emea) + "/members").then().body("data.userId",
                equalTo(List.of(ws.adminId().toString())));
        assertEquals(List.of(emea), Listing.ids(ws.adminKey(), TERRITORIES, ""));
    }

    @Test
    void anArchivedModelsTerritoriesAndMembersAreReadOnly() {
        String dach = territory(ws.adminKey(), modelId, emea, "DACH", Map.of());
        member(ws.adminKey(), dach, ws.adminId(), "owner");
        setState(db, ws, modelId, "archived");
        String readOnly = "archived models are read-only";

        as(ws.adminKey()).body(Map.of("modelId", modelId, "name", "New", "type", "region")).post(TERRITORIES).then()
                .statusCode(409).contentType("application/problem+json").body("detail", equalTo(readOnly));
        as(ws.adminKey()).body(Map.of("name", "Renamed")).patch(url(dach)).then().statusCode(409)
                .body("detail", equalTo(readOnly));
        as(ws.adminKey()).body("{\"parentId\":null}").patch(url(dach)).then().statusCode(409)
                .body("detail", equalTo(readOnly));
        as(ws.adminKey()).delete(url(dach)).then().statusCode(409).body("detail", equalTo(readOnly));
        as(ws.adminKey()).body(Map.of("role", "rep")).put(url(dach) + "/members/" + ws.adminId()).then()
                .statusCode(409).body("detail", equalTo(readOnly));
        as(ws.adminKey()).delete(url(dach) + "/members/" + ws.adminId()).then().statusCode(409)
                .body("detail", equalTo(readOnly));

        as(ws.adminKey()).get(url(dach)).then().statusCode(200).body("name", equalTo("DACH"))
                .body("parentId", equalTo(emea)).body("version", equalTo(0));
        as(ws.adminKey()).get(url(dach) + "/members").then().body("data.role", equalTo(List.of("owner")));
        assertEquals(List.of(emea, dach), Listing.ids(ws.adminKey(), TERRITORIES, "modelId=" + modelId));

        // the active model stays editable
        setState(db, ws, modelId, "active");
        as(ws.adminKey()).body(Map.of("name", "Renamed")).patch(url(dach)).then().statusCode(200);
    }
}
