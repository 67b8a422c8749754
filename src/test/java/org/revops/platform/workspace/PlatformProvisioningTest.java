package org.revops.platform.workspace;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class PlatformProvisioningTest extends ApiTest {
    private static final String PLATFORM = "/api/v1/platform/workspaces";

    private static String platformToken() {
        return ConfigProvider.getConfig().getValue("revops.platform.admin-token", String.class);
    }

    private static Map<String, Object> newWorkspace(String name, String currency, Object admin) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "currency", currency));
        if (admin != null) {
            body.put("admin", admin);
        }
        return body;
    }

    private static Map<String, Object> admin(String email) {
        return Map.of("name", "Ada Admin", "email", email);
    }

    private static long countNamed(String name) {
        return as(platformToken()).queryParam("name", name).get(PLATFORM).then().statusCode(200)
                .extract().jsonPath().getList("data").size();
    }

    @Test
    void thePlatformAdminProvisionsAWorkspaceWhoseFirstKeyWorks() {
        String name = "Globex " + UUID.randomUUID();
        Map<String, Object> body = newWorkspace(name, "CHF", admin("ada@globex.example"));
        body.put("fiscalYearStartMonth", 2);
        var made = as(platformToken()).body(body).post(PLATFORM).then().statusCode(201)
                .header("Location", containsString(PLATFORM + "/"))
                .body("workspace.name", equalTo(name))
                .body("workspace.currency", equalTo("CHF"))
                .body("workspace.fiscalYearStartMonth", equalTo(2))
                .body("workspace.status", equalTo("active"))
                .body("apiKey", startsWith("rk_"))
                .extract().jsonPath();
        String key = made.getString("apiKey");

        as(key).get("/api/v1/workspace").then().statusCode(200)
                .body("id", equalTo(made.getString("workspace.id")))
                .body("name", equalTo(name)).body("fiscalYearStartMonth", equalTo(2));
        as(key).get("/api/v1/users/" + made.getString("adminUserId")).then().statusCode(200)
                .body("role", equalTo("admin")).body("email", equalTo("ada@globex.example"));
        as(platformToken()).get(PLATFORM + "/" + made.getString("workspace.id")).then().statusCode(200)
                .body("name", equalTo(name)).body("apiKey", nullValue());
        // the new admin sees who made the workspace in its audit log
        as(key).queryParam("resourceType", "workspace").get("/api/v1/audit-events").then().statusCode(200)
                .body("data.action", hasItem("create"))
                .body("data.actorTokenSubject", hasItem("platform-admin"));
    }

    @Test
    void badInputIsRefusedAndCreatesNothing() {
        String name = "Invalid " + UUID.randomUUID();
        as(platformToken()).body(newWorkspace(name, "CHF", null)).post(PLATFORM).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("admin"));
        as(platformToken()).body(newWorkspace(name, "chf", admin("a@b.example"))).post(PLATFORM).then()
                .statusCode(422).body("errors.field", hasItem("currency"));
        as(platformToken()).body(newWorkspace(name, "CHF", admin("not an email"))).post(PLATFORM).then()
                .statusCode(422).body("errors.field", hasItem("admin.email"));
        Map<String, Object> badMonth = newWorkspace(name, "CHF", admin("a@b.example"));
        badMonth.put("fiscalYearStartMonth", 13);
        as(platformToken()).body(badMonth).post(PLATFORM).then().statusCode(422)
                .body("errors.field", hasItem("fiscalYearStartMonth"));
        as(platformToken()).body("{\"name\":").post(PLATFORM).then().statusCode(400)
                .contentType("application/problem+json");
        as(platformToken()).get(PLATFORM + "?status=sleeping").then().statusCode(400);
        org.junit.jupiter.api.Assertions.assertEquals(0, countNamed(name));
    }

    @Test
    void onlyThePlatformCredentialProvisions() {
        Workspace ws = newWorkspace("Not a platform admin");
        as(ws.adminKey()).body(newWorkspace("Sneaky", "EUR", admin("s@x.example"))).post(PLATFORM).then()
                .statusCode(403).contentType("application/problem+json");
        as(ws.adminKey()).get(PLATFORM).then().statusCode(403);
        as(ws.adminKey()).body(Map.of("reason", "mine now")).post(PLATFORM + "/" + ws.id() + "/suspend").then()
                .statusCode(403);
        RestAssured.given().get(PLATFORM).then().statusCode(401).contentType("application/problem+json");
        as(platformToken() + "x").get(PLATFORM).then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals(0, countNamed("Sneaky"));
        // the platform credential has no workspace: it cannot read or write inside one
        as(platformToken()).get("/api/v1/opportunities").then().statusCode(403)
                .body("detail", containsString("platform-admin credential"));
    }

    @Test
    void aSuspendedWorkspaceIsRefusedUntilResumed() {
        Workspace suspended = newWorkspace("To suspend");
        Workspace bystander = newWorkspace("Bystander");
        as(platformToken()).body(Map.of("reason", "Invoice overdue")).post(PLATFORM + "/" + suspended.id() + "/suspend")
                .then().statusCode(200).body("status", equalTo("suspended"))
                .body("suspensionReason", equalTo("Invoice overdue"));

        as(suspended.adminKey()).get("/api/v1/workspace").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revops.dev/problems/workspace-suspended"))
                .body("detail", containsString("Invoice overdue"));
        as(suspended.adminKey()).body(Map.of("name", "Acme")).post("/api/v1/accounts").then().statusCode(403);
        GraphQLClient.post(suspended.adminKey(), "{ workspace { name } }", null).then().statusCode(403);
        as(bystander.adminKey()).get("/api/v1/workspace").then().statusCode(200);
        // a front end's token for the suspended workspace is refused the same way
        org.revops.support.Tokens.bearer(org.revops.support.Tokens.valid(suspended.id(), suspended.adminId()))
                .get("/api/v1/workspace").then().statusCode(403)
                .body("type", equalTo("https://revops.dev/problems/workspace-suspended"));
        org.revops.support.Tokens.bearer(org.revops.support.Tokens.valid(bystander.id(), bystander.adminId()))
                .get("/api/v1/workspace").then().statusCode(200);

        as(platformToken()).queryParam("status", "suspended").queryParam("limit", 500).get(PLATFORM).then()
                .statusCode(200).body("data.id", hasItem(suspended.id().toString()))
                .body("data.id", not(hasItem(bystander.id().toString())));

        as(platformToken()).post(PLATFORM + "/" + suspended.id() + "/resume").then().statusCode(200)
                .body("status", equalTo("active")).body("suspensionReason", nullValue());
        as(suspended.adminKey()).get("/api/v1/workspace").then().statusCode(200);
        org.revops.support.Tokens.bearer(org.revops.support.Tokens.valid(suspended.id(), suspended.adminId()))
                .get("/api/v1/workspace").then().statusCode(200);
        as(suspended.adminKey()).get("/api/v1/accounts").then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void suspendingNeedsAReasonAndAKnownWorkspace() {
        Workspace ws = newWorkspace("Reasonless");
        as(platformToken()).body(Map.of("reason", " ")).post(PLATFORM + "/" + ws.id() + "/suspend").then()
                .statusCode(422).body("errors.field", hasItem("reason"));
        as(platformToken()).get(PLATFORM + "/" + ws.id()).then().statusCode(200).body("status", equalTo("active"));
        as(ws.adminKey()).get("/api/v1/workspace").then().statusCode(200);
        as(platformToken()).body(Map.of("reason", "gone")).post(PLATFORM + "/" + UUID.randomUUID() + "/suspend").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
