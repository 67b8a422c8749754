package org.revops.platform.idempotency;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;

import java.time.Duration;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Idempotency-Key on GraphQL mutations (the header on POST /graphql); queries ignore it. */
@QuarkusTest
class IdempotencyGraphQLTest extends ApiTest {
    private static final String KEY = "Idempotency-Key";
    private static final String CREATE = "mutation($input: AccountInput!) { createAccount(input: $input) { "
            + "account { id name version } userErrors { field message } } }";

    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("GraphQL idempotency");
    }

    private long accounts(String name) {
        return db.query("SELECT count(*) FROM accounts WHERE workspace_id = $1 AND name = $2", Tuple.of(ws.id(), name))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private long keys(String key) {
        return db.query("SELECT count(*) FROM idempotency_keys WHERE key = $1", Tuple.of(key))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static String create(String name) {
        return "{\"query\":\"" + CREATE.replace("\"", "\\\"") + "\",\"variables\":{\"input\":{\"name\":\"" + name
                + "\"}}}";
    }

    @Test
    void aMutationReplayReturnsTheFirstResultAndCreatesOneRecord() {
        String key = UUID.randomUUID().toString();
        Response first = as(ws.adminKey()).header(KEY, key).body(create("GraphQL Replay")).post("/graphql");
        first.then().statusCode(200).body("errors", nullValue()).header("Idempotent-Replayed", nullValue())
                .body("data.createAccount.account.name", equalTo("GraphQL Replay"));
        Response again = as(ws.adminKey()).header(KEY, key).body(create("GraphQL Replay")).post("/graphql");
        again.then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("data.createAccount.account.id", equalTo(first.path("data.createAccount.account.id")));
        assertEquals(first.asString(), again.asString());
        assertEquals(first.contentType(), again.contentType());
        assertEquals(1, accounts("GraphQL Replay"));
    }

    @Test
    void anotherMutationWithTheSameKeyIs422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        as(ws.adminKey()).header(KEY, key).body(create("GraphQL First")).post("/graphql").then().statusCode(200)
                .body("errors", nullValue());
        as(ws.adminKey()).header(KEY, key).body(create("GraphQL Second")).post("/graphql").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revops.dev/problems/idempotency-key-reused"));
        // the same key on REST is another request as well
        as(ws.adminKey()).header(KEY, key).body("{\"name\":\"GraphQL First\"}").post("/api/v1/accounts").then()
                .statusCode(422);
        assertEquals(0, accounts("GraphQL Second"));
        assertEquals(1, accounts("GraphQL First"));
    }

    @Test
    void aMalformedKeyIs400() {
        as(ws.adminKey()).header(KEY, "x".repeat(256)).body(create("GraphQL Bad Key")).post("/graphql").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(KEY));
        assertEquals(0, accounts("GraphQL Bad Key"));
    }

    @Test
    void queriesIgnoreTheKeyAndUnauthenticatedMutationsAreNotStored() {
        String key = UUID.randomUUID().toString();
        as(ws.adminKey()).header(KEY, key).body("{\"query\":\"{ accounts(first: 1) { edges { cursor } } }\"}")
                .post("/graphql").then().statusCode(200).body("errors", nullValue())
                .header("Idempotent-Replayed", nullValue());
        assertEquals(0, keys(key));

        String anonymous = UUID.randomUUID().toString();
        RestAssured.given().contentType("application/json").header(KEY, anonymous).body(create("GraphQL Anonymous"))
                .post("/graphql").then().statusCode(401);
        assertEquals(0, keys(anonymous));
        assertEquals(0, accounts("GraphQL Anonymous"));
    }

    @Test
    void aRefusedMutationIsReplayedAsRefused() {
        Member auditor = newMember(ws, "Abe Auditor", "read-only", null);
        String key = UUID.randomUUID().toString();
        Response first = as(auditor.key()).header(KEY, key).body(create("GraphQL Refused")).post("/graphql");
        first.then().statusCode(200);
        as(auditor.key()).header(KEY, key).body(create("GraphQL Refused")).post("/graphql").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body(equalTo(first.asString()));
        assertEquals(0, accounts("GraphQL Refused"));
    }
}
