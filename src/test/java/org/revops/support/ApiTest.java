package org.revops.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.revops.platform.workspace.WorkspaceProvisioning;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Base of the HTTP tests: one shared database, and helpers that build a fresh workspace per test class. */
@WithTestResource(value = DatabaseResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtKeys.class, scope = TestResourceScope.GLOBAL)
public abstract class ApiTest {

    @Inject
    protected WorkspaceProvisioning provisioning;

    /** A new workspace with its admin, so tests never see each other's data. */
    protected Workspace newWorkspace(String name) {
        WorkspaceProvisioning.Provisioned p = provisioning
                .provision(name, "EUR", name + " Admin", "admin@" + UUID.randomUUID() + ".example")
                .await().atMost(Duration.ofSeconds(30));
        return new Workspace(p.workspaceId(), p.adminUserId(), p.apiKey());
    }

    public static RequestSpecification as(String apiKey) {
        return RestAssured.given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    /** Creates a user through the API and a key for them with their own role; returns the key and ids. */
    protected Member newMember(Workspace ws, String name, String role, UUID managerId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "email",
                name.toLowerCase().replace(' ', '.') + "@" + UUID.randomUUID() + ".example", "role", role));
        if (managerId != null) {
            body.put("managerId", managerId.toString());
        }
        String userId = as(ws.adminKey()).body(body).post("/api/v1/users").then().statusCode(201)
                .extract().path("id");
        String key = as(ws.adminKey()).body(Map.of("name", name + " key", "userId", userId))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        return new Member(UUID.fromString(userId), key);
    }

    public record Workspace(UUID id, UUID adminId, String adminKey) {
    }

    public record Member(UUID id, String key) {
    }
}
