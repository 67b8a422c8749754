package org.revops.integration.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Ended deliveries are kept for the retention (30 days) after they ended, then deleted with their attempts; pending
 * ones never, whatever their age. Deliveries are written straight in SQL, against a paused subscription, so nothing is
 * sent while the test runs.
 */
@QuarkusTest
class WebhookRetentionTest extends ApiTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Inject
    Db db;
    @Inject
    WebhookRetention retention;

    private Workspace ws;
    private UUID subscription;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Webhook retention");
        subscription = UUID.fromString(as(ws.adminKey()).body(Map.of("url", "https://hooks.example/revops",
                        "eventTypes", List.of("lead.created"), "active", false))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
    }

    private UUID delivery(String state, int endedDaysAgo, int createdDaysAgo) {
        UUID id = UUID.randomUUID();
        OffsetDateTime ended = NOW.minus(Duration.ofDays(endedDaysAgo)).atOffset(ZoneOffset.UTC);
        OffsetDateTime created = NOW.minus(Duration.ofDays(createdDaysAgo)).atOffset(ZoneOffset.UTC);
        db.query("""
                INSERT INTO webhook_deliveries (workspace_id, id, subscription_id, state, payload, event_count, attempts,
                    next_attempt_at, retry_until, created_at, delivered_at, dead_at)
                VALUES ($1, $2, $3, $4, '{"events":[]}', 0, 1, $6 + interval '10 years', $6, $6,
                        CASE WHEN $4 = 'delivered' THEN $5 END, CASE WHEN $4 = 'dead' THEN $5 END)""",
                Tuple.from(new Object[] {ws.id(), id, subscription, state, ended, created}))
                .await().atMost(Duration.ofSeconds(10));
        db.query("""
                INSERT INTO webhook_attempts (workspace_id, delivery_id, attempt, attempted_at, status_code, duration_ms,
                    outcome) VALUES ($1, $2, 1, $3, 500, 12, 'retry')""", Tuple.of(ws.id(), id, ended))
                .await().atMost(Duration.ofSeconds(10));
        return id;
    }

    private List<String> kept() {
        List<String> rows = new ArrayList<>();
        db.query("""
                SELECT d.id, d.state, (SELECT count(*) FROM webhook_attempts a
                                       WHERE a.workspace_id = d.workspace_id AND a.delivery_id = d.id) AS attempts
                FROM webhook_deliveries d WHERE d.workspace_id = $1 ORDER BY d.created_at, d.id""",
                Tuple.of(ws.id())).await().atMost(Duration.ofSeconds(10))
                .forEach(r -> rows.add(r.getUUID("id") + " " + r.getString("state") + " " + r.getLong("attempts")));
        return rows;
    }

    @Test
    void endedDeliveriesGoAfterTheRetentionWithTheirAttemptsPendingOnesStay() {
        UUID oldPending = delivery("pending", 60, 60);
        UUID oldDelivered = delivery("delivered", 31, 31);
        UUID oldDead = delivery("dead", 31, 33);
        UUID deadLately = delivery("dead", 29, 40);
        UUID delivered = delivery("delivered", 1, 1);
        as(ws.adminKey()).get("/api/v1/webhook-deliveries/" + oldDead).then().statusCode(200);

        long deleted = retention.prune(NOW).await().atMost(Duration.ofSeconds(10));

        assertEquals(2, deleted);
        assertEquals(List.of(oldPending + " pending 1", deadLately + " dead 1", delivered + " delivered 1"), kept());
        as(ws.adminKey()).get("/api/v1/webhook-deliveries/" + oldDead).then().statusCode(404)
                .contentType("application/problem+json");
        as(ws.adminKey()).get("/api/v1/webhook-deliveries/" + oldDelivered).then().statusCode(404);
        // a dead delivery within the retention can still be replayed
        as(ws.adminKey()).post("/api/v1/webhook-deliveries/" + deadLately + "/replay").then().statusCode(200)
                .body("state", equalTo("pending"));
        assertEquals(0, retention.prune(NOW).await().atMost(Duration.ofSeconds(10)));
    }
}
