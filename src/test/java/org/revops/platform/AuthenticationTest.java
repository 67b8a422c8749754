package org.revops.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuthenticationTest extends ApiTest {

    @Test
    void requestsWithoutAKeyAreRejectedAsProblemJson() {
        RestAssured.given().get("/api/v1/opportunities").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://revops.dev/problems/unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void unknownKeysAreRejected() {
        as("rk_not-a-real-key").get("/api/v1/users").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anAdminCreatesKeysThatAreShownOnceAndWork() {
        Workspace ws = newWorkspace("Keys");
        Member rep = newMember(ws, "Rita Rep", "rep", null);
        as(rep.key()).get("/api/v1/users/" + rep.id()).then().statusCode(200).body("role", equalTo("rep"));

        as(ws.adminKey()).queryParam("userId", rep.id().toString()).get("/api/v1/api-keys").then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].key", nullValue())
                .body("data[0].prefix", startsWith("rk_"));
    }

    @Test
    void onlyAdminsManageKeys() {
        Workspace ws = newWorkspace("Keys 403");
        Member rep = newMember(ws, "Rob Rep", "rep", null);
        as(rep.key()).body(Map.of("name", "mine", "userId", rep.id().toString()))
                .post("/api/v1/api-keys").then().statusCode(403).contentType("application/problem+json");
        as(rep.key()).get("/api/v1/api-keys").then().statusCode(403);
    }

    @Test
    void aRevokedKeyStopsWorking() {
        Workspace ws = newWorkspace("Revoke");
        Member rep = newMember(ws, "Ron Rep", "rep", null);
        String keyId = as(ws.adminKey()).queryParam("userId", rep.id().toString()).get("/api/v1/api-keys")
                .then().extract().path("data[0].id");
        as(ws.adminKey()).delete("/api/v1/api-keys/" + keyId).then().statusCode(204);
        as(rep.key()).get("/api/v1/users").then().statusCode(401);
        as(ws.adminKey()).get("/api/v1/api-keys/" + keyId).then().statusCode(200)
                .body("revokedAt", notNullValue()).body("key", nullValue());
        as(ws.adminKey()).queryParam("revoked", true).get("/api/v1/api-keys").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.contains(keyId));
        as(ws.adminKey()).queryParam("revoked", false).get("/api/v1/api-keys").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(keyId)))
                .body("data", hasSize(1));
        Workspace other = newWorkspace("Revoke other");
        as(other.adminKey()).get("/api/v1/api-keys/" + keyId).then().statusCode(404);
        as(other.adminKey()).delete("/api/v1/api-keys/" + keyId).then().statusCode(404);
    }

    @Test
    void keyCreationValidatesItsInput() {
        Workspace ws = newWorkspace("Key input");
        as(ws.adminKey()).body(Map.of("name", "", "userId", java.util.UUID.randomUUID().toString()))
                .post("/api/v1/api-keys").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("name"));
        as(ws.adminKey()).body(Map.of("name", "ghost", "userId", java.util.UUID.randomUUID().toString()))
                .post("/api/v1/api-keys").then().statusCode(422)
                .body("errors[0].field", equalTo("userId"));
        as(ws.adminKey()).get("/api/v1/api-keys").then().body("data", hasSize(1))
                .body("data[0].id", notNullValue());
    }
}
