package org.revops.platform.ratelimit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rate limits per API key, through HTTP: the headers on every answer, 429 with Retry-After past the limit (nothing
 * written), the next minute admitted again, limits per key set and changed by admins, and counts shared between
 * instances. The clock stands at 10:00:15, so a window has 45 seconds left.
 */
@QuarkusTest
class RateLimitTest extends ApiTest {
    private static final String KEYS = "/api/v1/api-keys";

    @Inject
    Db db;
    @Inject
    RateLimitSync sync;
    @Inject
    RateLimitConfig config;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-11-24T10:00:15Z");
        ws = newWorkspace("Rate limits");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void aKeyPastItsLimitIsRefusedUntilTheNextMinute() {
        Map<String, Object> key = createKey(3);
        assertEquals(3, key.get("rateLimitPerMinute"));
        String limited = (String) key.get("key");

        for (int remaining = 2; remaining >= 0; remaining--) {
            as(limited).get("/api/v1/accounts").then().statusCode(200)
                    .header(RateLimitGate.LIMIT, "3").header(RateLimitGate.REMAINING, String.valueOf(remaining))
                    .header(RateLimitGate.RESET, "45").header(RateLimitGate.POLICY, "3;w=60");
        }
        as(limited).body(Map.of("name", "Refused Inc")).post("/api/v1/accounts").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "45").header(RateLimitGate.REMAINING, "0")
                .body("type", equalTo("https://revops.dev/problems/rate-limited"))
                .body("detail", equalTo("This API key may make 3 requests per minute; retry after 45 seconds. An "
                        + "admin can raise the key's limit (PATCH /api/v1/api-keys/{id}, rateLimitPerMinute)."));
        GraphQLClient.post(limited, "{ workspace { name } }", null).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", "45");
        // the refused POST wrote nothing; the workspace's other keys count apart
        as(ws.adminKey()).get("/api/v1/accounts").then().statusCode(200).body("data", hasSize(0))
                .header(RateLimitGate.LIMIT, String.valueOf(config.defaultPerMinute()));

        TestClock.set("2026-11-24T10:01:00Z");
        as(limited).get("/api/v1/accounts").then().statusCode(200)
                .header(RateLimitGate.REMAINING, "2").header(RateLimitGate.RESET, "60");
    }

    @Test
    void unauthenticatedAndPublicRequestsCarryNoLimit() {
        Response anonymous = io.restassured.RestAssured.get("/api/v1/accounts");
        assertEquals(401, anonymous.statusCode());
        assertEquals(null, anonymous.header(RateLimitGate.LIMIT));
        assertEquals(null, io.restassured.RestAssured.get("/q/health/ready").header(RateLimitGate.LIMIT));
    }

    @Test
    void anAdminChangesAKeysLimitAndItAppliesToTheNextRequest() {
        Map<String, Object> key = createKey(null);
        String id = (String) key.get("id");
        String secret = (String) key.get("key");
        as(secret).get("/api/v1/accounts").then().statusCode(200)
                .header(RateLimitGate.LIMIT, String.valueOf(config.defaultPerMinute()));

        as(ws.adminKey()).contentType("application/merge-patch+json").body(Map.of("rateLimitPerMinute", 2))
                .patch(KEYS + "/" + id).then().statusCode(200)
                .body("rateLimitPerMinute", equalTo(2)).body("name", equalTo("limited script"));
        // the request made before the change counts too: 1 of 2 used
        as(secret).get("/api/v1/accounts").then().statusCode(200)
                .header(RateLimitGate.LIMIT, "2").header(RateLimitGate.REMAINING, "0");
        as(secret).get("/api/v1/accounts").then().statusCode(429);

        java.util.HashMap<String, Object> backToDefault = new java.util.HashMap<>();
        backToDefault.put("rateLimitPerMinute", null);
        as(ws.adminKey()).contentType("application/merge-patch+json").body(backToDefault)
                .patch(KEYS + "/" + id).then().statusCode(200).body("rateLimitPerMinute", nullValue());
        as(secret).get("/api/v1/accounts").then().statusCode(200)
                .header(RateLimitGate.LIMIT, String.valueOf(config.defaultPerMinute()));
    }

    @Test
    void badLimitsAndForbiddenChangesAreRefusedAndChangeNothing() {
        Map<String, Object> key = createKey(50);
        String path = KEYS + "/" + key.get("id");

        as(ws.adminKey()).body(Map.of("name", "zero", "userId", ws.adminId().toString(), "rateLimitPerMinute", 0))
                .post(KEYS).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rateLimitPerMinute"));
        patch(path, Map.of("rateLimitPerMinute", 1_000_001)).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("rateLimitPerMinute"));
        patch(path, Map.of("rateLimitPerMinute", "many")).then().statusCode(400)
                .contentType("application/problem+json");
        patch(path, Map.of("role", "admin")).then().statusCode(400).contentType("application/problem+json");
        as(ws.adminKey()).get(path).then().statusCode(200)
                .body("rateLimitPerMinute", equalTo(50)).body("role", equalTo("admin"));
        as(ws.adminKey()).get(KEYS).then().statusCode(200).body("data", hasSize(2));

        Member rep = newMember(ws, "Rita Rep", "rep", null);
        patch(rep.key(), path, Map.of("rateLimitPerMinute", 100000)).then().statusCode(403)
                .contentType("application/problem+json");
        Workspace other = newWorkspace("Other rate limits");
        patch(other.adminKey(), path, Map.of("rateLimitPerMinute", 100000)).then().statusCode(404)
                .contentType("application/problem+json");
        as(ws.adminKey()).get(path).then().statusCode(200).body("rateLimitPerMinute", equalTo(50));
    }

    @Test
    void countsAreSharedBetweenInstances() {
        Map<String, Object> key = createKey(5);
        UUID keyId = UUID.fromString((String) key.get("id"));
        String secret = (String) key.get("key");
        as(secret).get("/api/v1/accounts").then().statusCode(200).header(RateLimitGate.REMAINING, "4");

        // another instance admitted 3 requests of this key in this minute and shared them
        OffsetDateTime window = OffsetDateTime.parse("2026-11-24T10:00:00Z");
        db.query("""
                INSERT INTO rate_limit_windows AS w (workspace_id, key_id, window_start, requests) VALUES ($1, $2, $3, 3)
                ON CONFLICT (workspace_id, key_id, window_start) DO UPDATE SET requests = w.requests + 3""",
                Tuple.of(ws.id(), keyId, window)).await().atMost(Duration.ofSeconds(10));
        sync.sync().await().atMost(Duration.ofSeconds(10));

        assertEquals(4L, db.query("SELECT requests FROM rate_limit_windows WHERE workspace_id = $1 AND key_id = $2",
                Tuple.of(ws.id(), keyId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
        as(secret).get("/api/v1/accounts").then().statusCode(200).header(RateLimitGate.REMAINING, "0");
        as(secret).get("/api/v1/accounts").then().statusCode(429);
    }

    private Map<String, Object> createKey(Integer limit) {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>(Map.of("name", "limited script",
                "userId", ws.adminId().toString()));
        body.put("rateLimitPerMinute", limit);
        return as(ws.adminKey()).body(body).post(KEYS).then().statusCode(201).extract().jsonPath().getMap("");
    }

    private Response patch(String path, Object body) {
        return patch(ws.adminKey(), path, body);
    }

    private static Response patch(String key, String path, Object body) {
        return as(key).contentType("application/merge-patch+json").body(body).patch(path);
    }
}
