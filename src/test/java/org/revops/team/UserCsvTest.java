package org.revops.team;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.TestClock;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.support.CsvPages.csv;
import static org.revops.support.CsvPages.walk;

/** Users and API keys as CSV: the admin (09:00), Mona Manager (09:01) and Ray Rep reporting to her (09:02). */
@QuarkusTest
class UserCsvTest extends ApiTest {

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void usersAndKeysOnePageAtATime() {
        TestClock.set("2026-03-02T09:00:00Z");
        Workspace ws = newWorkspace("Csv users");
        TestClock.set("2026-03-02T09:01:00Z");
        Member mona = newMember(ws, "Mona Manager", "manager", null);
        TestClock.set("2026-03-02T09:02:00Z");
        Member ray = newMember(ws, "Ray Rep", "rep", mona.id());
        JsonPath json = as(ws.adminKey()).get("/api/v1/users?sort=name").then().statusCode(200).extract().jsonPath();
        List<String> emails = json.getList("data.email");
        String users = "id,name,email,role,managerId,createdAt,updatedAt,version\r\n"
                + ws.adminId() + ",Csv users Admin," + emails.get(0) + ",admin,,2026-03-02T09:00:00Z,"
                + "2026-03-02T09:00:00Z,0\r\n"
                + mona.id() + ",Mona Manager," + emails.get(1) + ",manager,,2026-03-02T09:01:00Z,"
                + "2026-03-02T09:01:00Z,0\r\n"
                + ray.id() + ",Ray Rep," + emails.get(2) + ",rep," + mona.id() + ",2026-03-02T09:02:00Z,"
                + "2026-03-02T09:02:00Z,0\r\n";
        assertEquals(users, csv(ws.adminKey(), "/api/v1/users?sort=name"));
        assertEquals(List.of(users.split("\r\n")).subList(1, 4),
                walk(ws.adminKey(), "/api/v1/users?sort=name&limit=2", 2));

        // keys: the key itself is never listed (empty), read-only and revoked show as in JSON
        TestClock.set("2026-03-02T09:03:00Z");
        String auditKey = as(ws.adminKey()).body(Map.of("name", "=export", "userId", ray.id().toString(),
                "role", "read-only")).post("/api/v1/api-keys").then().statusCode(201).extract().path("id");
        TestClock.set("2026-03-02T09:04:00Z");
        as(ws.adminKey()).delete("/api/v1/api-keys/" + auditKey).then().statusCode(204);
        JsonPath keys = as(ws.adminKey()).get("/api/v1/api-keys?sort=createdAt&userId=" + ray.id()).then()
                .statusCode(200).extract().jsonPath();
        List<String> ids = keys.getList("data.id");
        List<String> prefixes = keys.getList("data.prefix");
        assertEquals(2, ids.size());
        String expected = "id,name,userId,role,prefix,createdAt,revokedAt,scopes,rateLimitPerMinute,expiresAt,"
                + "lastUsedAt,rotatedToId,key\r\n"
                + ids.get(0) + ",Ray Rep key," + ray.id() + ",rep," + prefixes.get(0) + ",2026-03-02T09:02:00Z,,,,,,,\r\n"
                + auditKey + ",'=export," + ray.id() + ",read-only," + prefixes.get(1)
                + ",2026-03-02T09:03:00Z,2026-03-02T09:04:00Z,,,,,,\r\n";
        assertEquals(auditKey, ids.get(1));
        assertEquals(expected, csv(ws.adminKey(), "/api/v1/api-keys?sort=createdAt&userId=" + ray.id()));
        assertEquals(List.of(expected.split("\r\n")).subList(1, 3),
                walk(ws.adminKey(), "/api/v1/api-keys?sort=createdAt&userId=" + ray.id() + "&limit=1", 2));
        // a rep may not list keys, whatever the format
        as(ray.key()).accept("text/csv").get("/api/v1/api-keys").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
