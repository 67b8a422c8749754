package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.territory.TerritoryFixtures.TERRITORIES;
import static org.revops.territory.TerritoryFixtures.model;
import static org.revops.territory.TerritoryFixtures.territory;

@QuarkusTest
class TerritoryMemberResourceTest extends ApiTest {
    private Workspace ws;
    private String dach;
    private String members;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Territory members");
        dach = territory(ws.adminKey(), model(ws.adminKey(), "FY27"), null, "DACH", Map.of());
        members = TERRITORIES + "/" + dach + "/members";
    }

    @Test
    void putAddsThenChangesTheRoleAndDeleteRemoves() {
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        String location = as(ws.adminKey()).body(Map.of("role", "rep")).put(members + "/" + rep.id()).then()
                .statusCode(201).body("territoryId", equalTo(dach)).body("userId", equalTo(rep.id().toString()))
                .body("role", equalTo("rep")).extract().header("Location");
        assertEquals(true, location.endsWith(members + "/" + rep.id()));
        as(ws.adminKey()).body(Map.of("role", "overlay")).put(members + "/" + rep.id()).then().statusCode(200)
                .body("role", equalTo("overlay"));
        as(ws.adminKey()).get(members + "/" + rep.id()).then().statusCode(200).body("role", equalTo("overlay"));
        assertEquals(List.of(rep.id().toString()), userIds(""));

        as(ws.adminKey()).delete(members + "/" + rep.id()).then().statusCode(204);
        as(ws.adminKey()).delete(members + "/" + rep.id()).then().statusCode(404).contentType("application/problem+json");
        as(ws.adminKey()).get(members + "/" + rep.id()).then().statusCode(404);
        assertEquals(List.of(), userIds(""));
    }

    @Test
    void listsFilterAndSortByName() {
        Member zoe = newMember(ws, "Zoe Overlay", "rep", null);
        Member amy = newMember(ws, "Amy Rep", "rep", null);
        as(ws.adminKey()).body(Map.of("role", "overlay")).put(members + "/" + zoe.id()).then().statusCode(201);
        as(ws.adminKey()).body(Map.of("role", "rep")).put(members + "/" + amy.id()).then().statusCode(201);
        as(ws.adminKey()).body(Map.of("role", "owner")).put(members + "/" + ws.adminId()).then().statusCode(201);

        // the admin is "Territory members Admin"
        assertEquals(List.of(amy.id().toString(), ws.adminId().toString(), zoe.id().toString()), userIds(""));
        assertEquals(List.of(zoe.id().toString(), ws.adminId().toString(), amy.id().toString()), userIds("sort=-name"));
        assertEquals(List.of(zoe.id().toString(), amy.id().toString(), ws.adminId().toString()), userIds("sort=createdAt"));
        assertEquals(List.of(amy.id().toString(), ws.adminId().toString()), userIds("role=rep&role=owner"));
        assertEquals(List.of(zoe.id().toString()), userIds("userId=" + zoe.id()));
        as(ws.adminKey()).queryParam("limit", 2).get(members).then().statusCode(200)
                .body("data.userId", equalTo(List.of(amy.id().toString(), ws.adminId().toString())));
        as(ws.adminKey()).queryParam("colour", "red").get(members).then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        as(ws.adminKey()).accept("text/csv").get(members).then().statusCode(200)
                .body(equalTo("territoryId,userId,role,createdAt\r\n" + csvLine(amy, "rep")
                        + csvLine(new Member(ws.adminId(), ws.adminKey()), "owner") + csvLine(zoe, "overlay")));
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        as(ws.adminKey()).body(Map.of("role", "boss")).put(members + "/" + rep.id()).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("role"))
                .body("errors[0].message", equalTo("must be owner, rep or overlay"));
        as(ws.adminKey()).body(Map.of()).put(members + "/" + rep.id()).then().statusCode(422)
                .body("errors[0].field", equalTo("role"));
        as(ws.adminKey()).body(Map.of("role", "rep", "since", "2020")).put(members + "/" + rep.id()).then()
                .statusCode(400).body("errors[0].field", equalTo("since"));
        as(ws.adminKey()).body(Map.of("role", "rep")).put(members + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("detail", equalTo("User not found"));
        as(ws.adminKey()).body(Map.of("role", "rep")).put(TERRITORIES + "/" + UUID.randomUUID() + "/members/"
                + rep.id()).then().statusCode(404).body("detail", equalTo("Territory not found"));
        Workspace other = newWorkspace("Other");
        as(ws.adminKey()).body(Map.of("role", "rep")).put(members + "/" + other.adminId()).then().statusCode(404)
                .body("type", endsWith("/not-found"));
        assertEquals(List.of(), userIds(""));
    }

    private List<String> userIds(String query) {
        return as(ws.adminKey()).get(members + "?limit=500" + (query.isEmpty() ? "" : "&" + query)).then()
                .statusCode(200).extract().jsonPath().getList("data.userId");
    }

    private String csvLine(Member member, String role) {
        String createdAt = as(ws.adminKey()).get(members + "/" + member.id()).then().extract().path("createdAt");
        return dach + "," + member.id() + "," + role + "," + createdAt + "\r\n";
    }
}
