package org.revops.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.security.KeyUsage;
import org.revops.support.ApiTest;
import org.revops.support.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Expiry, rotation with a grace period, last-used time and the role cap of API keys, over HTTP. */
@QuarkusTest
class ApiKeyLifecycleTest extends ApiTest {
    private static final String KEYS = "/api/v1/api-keys";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Inject
    KeyUsage usage;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        TestClock.set(NOW);
        ws = newWorkspace("Key lifecycle");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void aKeyStopsAtItsExpiryWith401Expired() {
        String key = create(Map.of("expiresAt", "2026-11-24T11:00:00Z")).then().statusCode(201)
                .body("expiresAt", equalTo("2026-11-24T11:00:00Z")).extract().path("key");
        as(key).get("/api/v1/accounts").then().statusCode(200);

        TestClock.set(NOW.plus(Duration.ofHours(1)));
        as(key).get("/api/v1/accounts").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("type", equalTo("https://revops.dev/problems/unauthenticated"))
                .body("detail", containsString("This API key has expired"));
        // an unknown key still reads as one
        as("rk_unknown").get("/api/v1/accounts").then().statusCode(401).body("detail", equalTo("The bearer credential is invalid or expired"));
    }

    @Test
    void anExpiryNotInTheFutureIs422AndWritesNothing() {
        create(Map.of("expiresAt", "2026-11-24T10:00:00Z")).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("expiresAt"));
        create(Map.of("expiresAt", "2020-01-01T00:00:00Z")).then().statusCode(422);
        create(Map.of("expiresAt", "tomorrow")).then().statusCode(400).contentType("application/problem+json");
        as(ws.adminKey()).get(KEYS).then().body("data", hasSize(1));
    }

    @Test
    void aKeysRoleMayNotExceedItsUsersRole() {
        Member rep = newMember(ws, "Rita Rep", "rep", null);
        for (String role : List.of("admin", "manager", "integration")) {
            as(ws.adminKey()).body(Map.of("name", "too much", "userId", rep.id().toString(), "role", role))
                    .post(KEYS).then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("role"))
                    .body("errors[0].message", equalTo("'" + role + "' is above the user's role 'rep'"));
        }
        as(ws.adminKey()).body(Map.of("name", "reader", "userId", rep.id().toString(), "role", "read-only"))
                .post(KEYS).then().statusCode(201).body("role", equalTo("read-only"));
        as(ws.adminKey()).queryParam("userId", rep.id().toString()).get(KEYS).then().body("data", hasSize(2));
    }

    @Test
    void aDemotedUsersKeysActWithTheUsersNewRole() {
        Member manager = newMember(ws, "Max Manager", "manager", null);
        as(manager.key()).body(Map.of("name", "Before Demotion")).post("/api/v1/accounts").then().statusCode(201);

        as(ws.adminKey()).contentType("application/merge-patch+json").body(Map.of("role", "read-only"))
                .patch("/api/v1/users/" + manager.id()).then().statusCode(200);
        as(manager.key()).body(Map.of("name", "After Demotion")).post("/api/v1/accounts").then().statusCode(403)
                .contentType("application/problem+json");
        // the key as stored is unchanged: promoting the user back gives its rights back
        as(ws.adminKey()).queryParam("userId", manager.id().toString()).get(KEYS).then()
                .body("data[0].role", equalTo("manager"));
        as(ws.adminKey()).contentType("application/merge-patch+json").body(Map.of("role", "manager"))
                .patch("/api/v1/users/" + manager.id()).then().statusCode(200);
        as(manager.key()).body(Map.of("name", "Promoted Again")).post("/api/v1/accounts").then().statusCode(201);
    }

    @Test
    void lastUsedAtIsWrittenInBatches() {
        JsonPath created = create(Map.of()).then().statusCode(201).body("lastUsedAt", nullValue()).extract().jsonPath();
        String id = created.getString("id");
        String unused = create(Map.of()).then().statusCode(201).extract().path("id");
        usage.flush().await().atMost(Duration.ofSeconds(10));
        as(ws.adminKey()).get(KEYS + "/" + id).then().body("lastUsedAt", nullValue());

        as(created.getString("key")).get("/api/v1/accounts").then().statusCode(200);
        usage.flush().await().atMost(Duration.ofSeconds(10));
        as(ws.adminKey()).get(KEYS + "/" + id).then().statusCode(200).body("lastUsedAt", equalTo("2026-11-24T10:00:00Z"));
        as(ws.adminKey()).get(KEYS + "/" + unused).then().body("lastUsedAt", nullValue());
        // bookkeeping, not a change anyone made: the audit log has the key's creation only
        as(ws.adminKey()).queryParam("resourceId", id).get("/api/v1/audit-events").then().statusCode(200)
                .body("data.action", equalTo(List.of("create")));
    }

    @Test
    void rotationHandsOutASuccessorAndTheOldKeyWorksUntilTheGraceEnds() {
        JsonPath old = create(Map.of("scopes", List.of("accounts:read"), "rateLimitPerMinute", 600)).then()
                .statusCode(201).extract().jsonPath();
        JsonPath rotated = as(ws.adminKey()).body(Map.of("gracePeriodSeconds", 60))
                .post(KEYS + "/" + old.getString("id") + "/rotate").then().statusCode(201)
                .header("Location", containsString(KEYS + "/"))
                .body("key", notNullValue()).body("name", equalTo("script"))
                .body("scopes", contains("accounts:read")).body("rateLimitPerMinute", equalTo(600))
                .body("role", equalTo("admin")).body("expiresAt", nullValue())
                .extract().jsonPath();
        assertNotEquals(old.getString("key"), rotated.getString("key"));
        as(ws.adminKey()).get(KEYS + "/" + old.getString("id")).then().statusCode(200)
                .body("rotatedToId", equalTo(rotated.getString("id")))
                .body("expiresAt", equalTo("2026-11-24T10:01:00Z"));

        as(old.getString("key")).get("/api/v1/accounts").then().statusCode(200);
        as(rotated.getString("key")).get("/api/v1/accounts").then().statusCode(200);
        TestClock.set(NOW.plusSeconds(60));
        as(old.getString("key")).get("/api/v1/accounts").then().statusCode(401)
                .body("detail", containsString("This API key has expired"));
        as(rotated.getString("key")).get("/api/v1/accounts").then().statusCode(200);
        as(rotated.getString("key")).get("/api/v1/opportunities").then().statusCode(403);
    }

    @Test
    void rotationWithoutABodyGivesADayAndKeepsAnEarlierExpiry() {
        String id = create(Map.of("expiresAt", "2026-11-24T12:00:00Z")).then().statusCode(201).extract().path("id");
        as(ws.adminKey()).post(KEYS + "/" + id + "/rotate").then().statusCode(201);
        as(ws.adminKey()).get(KEYS + "/" + id).then().body("expiresAt", equalTo("2026-11-24T12:00:00Z"));

        String other = create(Map.of()).then().statusCode(201).extract().path("id");
        as(ws.adminKey()).body(Map.of("expiresAt", "2027-01-01T00:00:00Z")).post(KEYS + "/" + other + "/rotate")
                .then().statusCode(201).body("expiresAt", equalTo("2027-01-01T00:00:00Z"));
        as(ws.adminKey()).get(KEYS + "/" + other).then().body("expiresAt", equalTo("2026-11-25T10:00:00Z"));
    }

    @Test
    void badRotationsAreRefusedAndWriteNothing() {
        JsonPath key = create(Map.of()).then().statusCode(201).extract().jsonPath();
        String rotate = KEYS + "/" + key.getString("id") + "/rotate";
        for (Object grace : List.of(-1, 7 * 24 * 3600 + 1)) {
            as(ws.adminKey()).body(Map.of("gracePeriodSeconds", grace)).post(rotate).then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("gracePeriodSeconds"));
        }
        as(ws.adminKey()).body(Map.of("gracePeriodSeconds", "soon")).post(rotate).then().statusCode(400);
        as(ws.adminKey()).body(Map.of("expiresAt", "2026-01-01T00:00:00Z")).post(rotate).then().statusCode(422)
                .body("errors[0].field", equalTo("expiresAt"));
        as(ws.adminKey()).body(Map.of("gracePeriodSeconds", 10)).post(KEYS + "/" + UUID.randomUUID() + "/rotate")
                .then().statusCode(404).contentType("application/problem+json");
        as(newWorkspace("Other keys").adminKey()).post(rotate).then().statusCode(404);
        Member rep = newMember(ws, "Ron Rep", "rep", null);
        as(rep.key()).post(rotate).then().statusCode(403).contentType("application/problem+json");
        as(ws.adminKey()).get(KEYS + "/" + key.getString("id")).then().body("rotatedToId", nullValue())
                .body("expiresAt", nullValue());
        assertEquals(3, as(ws.adminKey()).get(KEYS).then().extract().jsonPath().getList("data").size(),
                "the admin's, the script's and the rep's keys; no successor was made");

        // a key is rotated once; a revoked one not at all
        as(ws.adminKey()).post(rotate).then().statusCode(201);
        as(ws.adminKey()).post(rotate).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already rotated"));
        String revoked = create(Map.of()).then().statusCode(201).extract().path("id");
        as(ws.adminKey()).delete(KEYS + "/" + revoked).then().statusCode(204);
        as(ws.adminKey()).post(KEYS + "/" + revoked + "/rotate").then().statusCode(409)
                .body("detail", containsString("revoked"));
    }

    @Test
    void aKeyScopedToApiKeysAdminHandsOutNothingBeyondItsScopes() {
        String keyAdmin = create(Map.of("scopes", List.of("api-keys:admin", "accounts:read"))).then().statusCode(201)
                .extract().path("key");
        as(keyAdmin).body(Map.of("name", "narrower", "userId", ws.adminId().toString(), "scopes",
                List.of("accounts:read"))).post(KEYS).then().statusCode(201);
        as(keyAdmin).body(Map.of("name", "wider", "userId", ws.adminId().toString(), "scopes",
                List.of("accounts:write"))).post(KEYS).then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("This key is limited to [accounts:read, api-keys:admin]; it cannot hand out "
                        + "a key with [accounts:write]"));
        as(keyAdmin).body(Map.of("name", "full", "userId", ws.adminId().toString())).post(KEYS).then()
                .statusCode(403);
        String full = create(Map.of()).then().statusCode(201).extract().path("id");
        as(keyAdmin).post(KEYS + "/" + full + "/rotate").then().statusCode(403);
        as(ws.adminKey()).get(KEYS + "/" + full).then().body("rotatedToId", nullValue());
    }

    private io.restassured.response.Response create(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "script", "userId", ws.adminId().toString()));
        body.putAll(extra);
        return as(ws.adminKey()).body(body).post(KEYS);
    }
}
