package org.revops.platform.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.support.ApiTest;
import org.revops.support.TestClock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Idempotency-Key on REST POSTs: replays, mismatches, concurrency, leases, expiry, and who may use it. */
@QuarkusTest
class IdempotencyTest extends ApiTest {
    private static final String ACCOUNTS = "/api/v1/accounts";
    private static final String KEY = "Idempotency-Key";

    @Inject
    Db db;
    @Inject
    IdempotencyStore store;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Idempotency");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private long accounts(UUID workspace, String name) {
        return db.query("SELECT count(*) FROM accounts WHERE workspace_id = $1 AND name = $2", Tuple.of(workspace, name))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private long keys(String key) {
        return db.query("SELECT count(*) FROM idempotency_keys WHERE key = $1", Tuple.of(key))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static String body(String name) {
        return "{\"name\":\"" + name + "\",\"tier\":\"A\"}";
    }

    @Test
    void aReplayReturnsTheFirstResponseAndCreatesOneRecord() {
        String key = UUID.randomUUID().toString();
        Response first = as(ws.adminKey()).header(KEY, key).body(body("Replayed Ltd")).post(ACCOUNTS);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response again = as(ws.adminKey()).header(KEY, key).body(body("Replayed Ltd")).post(ACCOUNTS);
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).header("ETag", first.header("ETag"))
                .contentType("application/json").body("id", equalTo(first.path("id")));
        assertEquals(first.asString(), again.asString());
        assertEquals(1, accounts(ws.id(), "Replayed Ltd"));
    }

    @Test
    void aReplayAfterA4xxReturnsTheSame4xxWithoutRunningAgain() {
        String key = UUID.randomUUID().toString();
        String invalid = "{\"name\":\"Bad Tier\",\"tier\":\"Z\"}";
        Response first = as(ws.adminKey()).header(KEY, key).body(invalid).post(ACCOUNTS);
        int status = first.statusCode();
        assertTrue(status >= 400 && status < 500, "a 4xx, was " + status);
        as(ws.adminKey()).header(KEY, key).body(invalid).post(ACCOUNTS).then().statusCode(status)
                .header("Idempotent-Replayed", "true").contentType("application/problem+json")
                .body(equalTo(first.asString()));
        assertEquals(0, accounts(ws.id(), "Bad Tier"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        as(ws.adminKey()).header(KEY, key).body(body("First Body")).post(ACCOUNTS).then().statusCode(201);
        as(ws.adminKey()).header(KEY, key).body(body("Second Body")).post(ACCOUNTS).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revops.dev/problems/idempotency-key-reused"))
                .body("errors[0].field", equalTo(KEY));
        // another path with the same key and body is another request too
        as(ws.adminKey()).header(KEY, key).body(body("First Body")).post("/api/v1/contacts").then().statusCode(422);
        assertEquals(0, accounts(ws.id(), "Second Body"));
        assertEquals(1, accounts(ws.id(), "First Body"));
    }

    @Test
    void aLargeBodyIsFingerprintedWhole() {
        // beyond the size RESTEasy buffers in one piece: the body's end still tells two requests apart
        String key = UUID.randomUUID().toString();
        String padding = " ".repeat(200_000);
        String big = "{\"name\":\"Big Body Ltd\"" + padding + "}";
        String first = as(ws.adminKey()).header(KEY, key).body(big).post(ACCOUNTS).then().statusCode(201)
                .extract().path("id");
        as(ws.adminKey()).header(KEY, key).body(big).post(ACCOUNTS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(ws.adminKey()).header(KEY, key).body(big + " ").post(ACCOUNTS).then().statusCode(422);
        assertEquals(1, accounts(ws.id(), "Big Body Ltd"));
    }

    @Test
    void aMalformedKeyIs400AndWritesNothing() {
        for (String bad : List.of("", "x".repeat(256), "caf\u00e9-key", "tab\tkey")) {
            RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).contentType("application/json")
                    .header(KEY, bad).body(body("Bad Key Ltd")).post(ACCOUNTS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(KEY));
        }
        as(ws.adminKey()).header(KEY, "x".repeat(255)).body(body("Long Key Ltd")).post(ACCOUNTS).then().statusCode(201);
        assertEquals(0, accounts(ws.id(), "Bad Key Ltd"));
    }

    @Test
    void concurrentDuplicatesRunOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> as(ws.adminKey()).header(KEY, key).body(body("Concurrent Ltd")).post(ACCOUNTS));
            }
            int ran = 0;
            String id = null;
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                if (r.statusCode() == 201) {
                    if (r.header("Idempotent-Replayed") == null) {
                        ran++;
                    }
                    if (id != null) {
                        assertEquals(id, r.path("id"));
                    }
                    id = r.path("id");
                } else {
                    assertEquals(409, r.statusCode(), r.asString());
                    assertEquals("https://revops.dev/problems/idempotency-key-in-progress", r.path("type"));
                }
            }
            assertEquals(1, ran);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, accounts(ws.id(), "Concurrent Ltd"));
    }

    @Test
    void keysArePerWorkspaceAndPerUser() {
        String key = UUID.randomUUID().toString();
        Workspace other = newWorkspace("Idempotency other");
        String a = as(ws.adminKey()).header(KEY, key).body(body("Shared Key Ltd")).post(ACCOUNTS).then().statusCode(201)
                .extract().path("id");
        String b = as(other.adminKey()).header(KEY, key).body(body("Shared Key Ltd")).post(ACCOUNTS).then()
                .statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(a, b);
        assertEquals(1, accounts(other.id(), "Shared Key Ltd"));
        // another user of the same workspace cannot replay (and so read) the first user's response
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        as(manager.key()).header(KEY, key).body(body("Shared Key Ltd")).post(ACCOUNTS).then().statusCode(422);
        assertEquals(1, accounts(ws.id(), "Shared Key Ltd"));
    }

    @Test
    void aForbiddenPostIsReplayedAsForbiddenAndAnUnauthenticatedOneIsNotStored() {
        Member auditor = newMember(ws, "Abe Auditor", "read-only", null);
        String key = UUID.randomUUID().toString();
        as(auditor.key()).header(KEY, key).body(body("Forbidden Ltd")).post(ACCOUNTS).then().statusCode(403);
        as(auditor.key()).header(KEY, key).body(body("Forbidden Ltd")).post(ACCOUNTS).then().statusCode(403)
                .header("Idempotent-Replayed", "true");
        assertEquals(0, accounts(ws.id(), "Forbidden Ltd"));

        String anonymous = UUID.randomUUID().toString();
        RestAssured.given().contentType("application/json").header(KEY, anonymous).body(body("Anonymous Ltd"))
                .post(ACCOUNTS).then().statusCode(401);
        assertEquals(0, keys(anonymous));
    }

    @Test
    void requestsWithoutTheHeaderCostNoStatement() {
        long before = db.statementCount();
        as(ws.adminKey()).body(body("Plain One")).post(ACCOUNTS).then().statusCode(201);
        long plain = db.statementCount() - before;
        before = db.statementCount();
        as(ws.adminKey()).header(KEY, UUID.randomUUID().toString()).body(body("Keyed One")).post(ACCOUNTS).then()
                .statusCode(201);
        long keyed = db.statementCount() - before;
        assertEquals(plain + 2, keyed, "claim + store, nothing else");
    }

    @Test
    void anAbandonedClaimBlocksOnlyUntilItsLeaseRunsOut() {
        String key = UUID.randomUUID().toString();
        String body = body("Crashed Ltd");
        String fingerprint = RequestFingerprint.of("POST", ACCOUNTS, body);
        Instant now = Instant.now();
        db.query("""
                INSERT INTO idempotency_keys (workspace_id, key, user_id, fingerprint, state, locked_until, created_at,
                                              expires_at)
                VALUES ($1, $2, $3, $4, 'in_flight', $5, $6, $7)""", Tuple.tuple(List.of(ws.id(), key, ws.adminId(),
                        fingerprint, now.plusSeconds(30).atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC),
                        now.plus(Duration.ofHours(24)).atOffset(ZoneOffset.UTC))))
                .await().atMost(Duration.ofSeconds(10));
        // the claim is still leased: a duplicate waits, then hears that the request is in progress
        as(ws.adminKey()).header(KEY, key).body(body).post(ACCOUNTS).then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(0, accounts(ws.id(), "Crashed Ltd"));
        // the lease runs out (the instance died): the retry runs
        TestClock.set(now.plus(Duration.ofMinutes(2)));
        as(ws.adminKey()).header(KEY, key).body(body).post(ACCOUNTS).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        as(ws.adminKey()).header(KEY, key).body(body).post(ACCOUNTS).then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        assertEquals(1, accounts(ws.id(), "Crashed Ltd"));
    }

    @Test
    void a5xxIsNotKeptSoTheRetryRuns() {
        String key = UUID.randomUUID().toString();
        Caller caller = new Caller(ws.id(), ws.adminId(), Role.ADMIN);
        Claim claim = store.claim(caller, new IdempotencyKey(key), "POST /x 00").await().atMost(Duration.ofSeconds(10));
        Claim.Won won = assertInstanceOf(Claim.Won.class, claim);
        store.complete(won, new StoredResponse(503, "application/problem+json", null, null, new byte[] {'{', '}'}))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(0, keys(key));
        assertInstanceOf(Claim.Won.class, store.claim(caller, new IdempotencyKey(key), "POST /x 00")
                .await().atMost(Duration.ofSeconds(10)));
    }

    @Test
    void keysExpireAfterTheTtlAndArePruned() {
        String key = UUID.randomUUID().toString();
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        TestClock.set(start);
        as(ws.adminKey()).header(KEY, key).body(body("Expiring One")).post(ACCOUNTS).then().statusCode(201);
        TestClock.set(start.plus(Duration.ofHours(23)));
        as(ws.adminKey()).header(KEY, key).body(body("Expiring Two")).post(ACCOUNTS).then().statusCode(422);
        TestClock.set(start.plus(Duration.ofHours(24)));
        Integer pruned = store.pruneExpired().await().atMost(Duration.ofSeconds(10));
        assertTrue(pruned >= 1);
        assertEquals(0, keys(key));
        // the key is free again: the new request runs
        as(ws.adminKey()).header(KEY, key).body(body("Expiring Two")).post(ACCOUNTS).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertEquals(1, accounts(ws.id(), "Expiring Two"));
    }
}
