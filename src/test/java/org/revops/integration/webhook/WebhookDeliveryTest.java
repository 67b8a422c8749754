package org.revops.integration.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.integration.webhook.Receiver.Answer;
import org.revops.integration.webhook.Receiver.Received;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery end to end: the application's dispatcher and sender (test settings: 100 ms polling, back-off 100 ms
 * doubling to 400 ms, 4 attempts) post to a local {@link Receiver}, which checks every signature as the README says.
 */
@QuarkusTest
class WebhookDeliveryTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @jakarta.inject.Inject
    WebhookDispatcher dispatcher;

    private Workspace ws;
    private Receiver receiver;
    private String qualify;
    private String acme;

    @BeforeEach
    void setUp() throws Exception {
        ws = newWorkspace("Hooks");
        receiver = new Receiver();
        qualify = Fixtures.pipeline(ws.adminKey(), "New business").getString("stages[0].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void sendsSignedBatchesOfTheSubscribedChangesOnly() throws Exception {
        JsonPath hook = subscribe(receiver.url("/hooks"), List.of("opportunity.updated", "lead.created"),
                List.of("amount", "stageId"));
        receiver.trust(hook.getString("secret"));
        // Another workspace with the same kind of subscription to another receiver: its changes never come here.
        Workspace other = newWorkspace("Other hooks");
        try (Receiver otherReceiver = new Receiver()) {
            as(other.adminKey()).body(Map.of("url", otherReceiver.url("/x"), "eventTypes", List.of("*")))
                    .post("/api/v1/webhooks").then().statusCode(201);
            Fixtures.account(other.adminKey(), Map.of("name", "Not yours"));

            String deal = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
            as(ws.adminKey()).body(Map.of("amount", 2500)).patch("/api/v1/opportunities/" + deal).then().statusCode(200);
            // Only next_step changes: the field filter leaves it out.
            sql("UPDATE opportunities SET next_step = 'Call' WHERE workspace_id = ?", ws.id());
            // A rolled-back write leaves no change, so nothing is sent for it.
            try (Connection conn = connection()) {
                conn.setAutoCommit(false);
                try (PreparedStatement st = conn.prepareStatement(
                        "UPDATE opportunities SET amount = 999999 WHERE workspace_id = ?")) {
                    st.setObject(1, ws.id());
                    assertEquals(1, st.executeUpdate());
                }
                conn.rollback();
            }
            String lead = as(ws.adminKey()).body(Map.of("lastName", "Lovelace", "company", "Analytical",
                    "source", "campaign")).post("/api/v1/leads").then().statusCode(201).extract().path("id");

            receiver.await(got -> got.stream().flatMap(r -> r.events().stream())
                    .anyMatch(e -> e.get("resourceId").asText().equals(lead)), WAIT);
            otherReceiver.await(got -> !got.isEmpty(), WAIT);
            // Everything after the lead was dispatched with it or before it; give the sender no more time than that.
            List<JsonNode> events = receiver.events();
            assertEquals(List.of("opportunity.updated:" + deal, "lead.created:" + lead),
                    events.stream().map(e -> e.get("type").asText() + ":" + e.get("resourceId").asText()).toList());
            JsonNode update = events.get(0);
            assertEquals(Map.of("amount", 2500), Map.of("amount", update.get("changedFields").get("amount").intValue()));
            assertEquals("opportunity", update.get("resourceType").asText());
            assertNotNull(update.get("id").asText());
            assertTrue(update.get("occurredAt").asText().endsWith("Z"));
            for (Received r : receiver.received()) {
                assertTrue(r.signatureValid(), r.body());
                assertEquals(r.deliveryId(), r.json().get("deliveryId").asText());
                assertEquals(hook.getString("id"), r.json().get("subscriptionId").asText());
            }
            assertTrue(otherReceiver.events().stream().noneMatch(e -> e.get("resourceId").asText().equals(deal)));
        }
    }

    /**
     * The outbox rule: a change of a transaction that commits late is neither skipped nor sent early. A lead written
     * in a transaction held open, then a lead created through the API (a later transaction, committed at once): while
     * the first is open the dispatcher (every 100 ms) sends neither, since the second lies above the snapshot horizon;
     * a dispatcher ordering by position alone would send the second and move its cursor past the first for good.
     */
    @Test
    void aTransactionThatCommitsLateIsNeitherSkippedNorOvertaken() throws Exception {
        JsonPath hook = subscribe(receiver.url("/hooks"), List.of("lead.created"), null);
        receiver.trust(hook.getString("secret"));
        UUID early = UUID.randomUUID();
        String late;
        try (Connection conn = connection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement st = conn.prepareStatement("""
                    INSERT INTO leads (workspace_id, id, last_name, currency, source, created_at, updated_at)
                    VALUES (?, ?, 'Early', 'EUR', 'campaign', now(), now())""")) {
                st.setObject(1, ws.id());
                st.setObject(2, early);
                st.executeUpdate();
            }
            late = as(ws.adminKey()).body(Map.of("lastName", "Late", "company", "C", "source", "campaign"))
                    .post("/api/v1/leads").then().statusCode(201).extract().path("id");
            // Dispatcher passes run (here, on top of the timer's) with the first transaction open: the later, committed
            // lead must not be dispatched ahead of it, so no delivery exists and nothing was sent.
            for (int pass = 0; pass < 2; pass++) {
                dispatcher.tick().await().atMost(WAIT);
            }
            assertEquals(0, deliveries(hook.getString("id")));
            assertEquals(List.of(), receiver.received());
            conn.commit();
        }
        receiver.await(got -> got.stream().mapToLong(r -> r.events().size()).sum() >= 2, WAIT);
        assertEquals(List.of(early.toString(), late),
                receiver.events().stream().map(e -> e.get("resourceId").asText()).toList());
    }

    @Test
    void retriesServerErrorsAndHonoursRetryAfterThenDelivers() throws Exception {
        JsonPath hook = subscribe(receiver.url("/hooks"), List.of("lead.created"), null);
        receiver.trust(hook.getString("secret"));
        receiver.answer(new Answer(500, null), new Answer(429, "1"));
        String delivery = as(ws.adminKey()).post("/api/v1/webhooks/" + hook.getString("id") + "/test")
                .then().statusCode(202).extract().path("id");

        JsonPath done = awaitState(delivery, "delivered");
        assertEquals(List.of(500, 429, 200), done.getList("attemptLog.statusCode"));
        assertEquals(List.of("retry", "retry", "delivered"), done.getList("attemptLog.outcome"));
        assertEquals(3, done.getInt("attempts"));
        List<Received> got = receiver.received();
        assertEquals(3, got.size());
        // The same body each time (same event id for de-duplication), signed each time.
        assertEquals(1, got.stream().map(Received::body).distinct().count());
        assertTrue(got.stream().allMatch(Received::signatureValid));
        assertEquals("webhook.test", got.get(0).events().get(0).get("type").asText());
        // Retry-After: 1 was honoured: the third request came at least a second after the second.
        assertTrue(got.get(2).atNanos() - got.get(1).atNanos() >= 1_000_000_000L,
                "Retry-After ignored: " + (got.get(2).atNanos() - got.get(1).atNanos()) / 1_000_000 + " ms");
    }

    @Test
    void networkErrorsEndInADeadLetterThatAReplayDelivers() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JsonPath hook = subscribe("http://127.0.0.1:" + closedPort + "/gone", List.of("lead.created"), null);
        String id = hook.getString("id");
        receiver.trust(hook.getString("secret"));
        String delivery = as(ws.adminKey()).post("/api/v1/webhooks/" + id + "/test")
                .then().statusCode(202).extract().path("id");

        JsonPath dead = awaitState(delivery, "dead");
        assertEquals(4, dead.getInt("attempts"));
        assertEquals(List.of("retry", "retry", "retry", "dead"), dead.getList("attemptLog.outcome"));
        assertEquals(4, dead.getList("attemptLog.statusCode").stream().filter(s -> s == null).count());
        assertTrue(dead.getString("lastError").contains("no success after 4 attempts"), dead.getString("lastError"));
        as(ws.adminKey()).queryParam("state", "dead").get("/api/v1/webhooks/" + id + "/deliveries").then()
                .statusCode(200).body("data.id", org.hamcrest.Matchers.equalTo(List.of(delivery)));

        // The receiver is back (at a new address); the dead letter is replayed and arrives, signed.
        as(ws.adminKey()).body(Map.of("url", receiver.url("/hooks"))).patch("/api/v1/webhooks/" + id)
                .then().statusCode(200);
        as(ws.adminKey()).post("/api/v1/webhook-deliveries/" + delivery + "/replay").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("pending"));
        JsonPath delivered = awaitState(delivery, "delivered");
        assertEquals(5, delivered.getInt("attempts"));
        assertEquals(200, delivered.getInt("attemptLog[4].statusCode"));
        assertTrue(receiver.received().get(0).signatureValid());
        assertEquals(delivery, receiver.received().get(0).deliveryId());
        // Only a dead delivery can be replayed.
        as(ws.adminKey()).post("/api/v1/webhook-deliveries/" + delivery + "/replay").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aTimeoutIsRetried() throws Exception {
        JsonPath hook = subscribe(receiver.url("/hooks"), List.of("lead.created"), null);
        receiver.trust(hook.getString("secret"));
        // The first answer comes after the request timeout (2 s in tests): a network error, retried.
        receiver.answer(new Answer(200, null, 3_000));
        String delivery = as(ws.adminKey()).post("/api/v1/webhooks/" + hook.getString("id") + "/test")
                .then().statusCode(202).extract().path("id");
        JsonPath done = awaitState(delivery, "delivered");
        assertEquals(2, done.getInt("attempts"));
        assertNull(done.get("attemptLog[0].statusCode"));
        assertTrue(done.getString("attemptLog[0].error").contains("imeout"), done.getString("attemptLog[0].error"));
        assertTrue(done.getInt("attemptLog[0].durationMs") >= 2_000);
        assertEquals("retry", done.getString("attemptLog[0].outcome"));
        assertEquals(200, done.getInt("attemptLog[1].statusCode"));
    }

    @Test
    void aClientErrorIsDeadAtOnce() throws Exception {
        JsonPath hook = subscribe(receiver.url("/hooks"), List.of("lead.created"), null);
        receiver.answer(new Answer(410, null));
        String delivery = as(ws.adminKey()).post("/api/v1/webhooks/" + hook.getString("id") + "/test")
                .then().statusCode(202).extract().path("id");
        JsonPath dead = awaitState(delivery, "dead");
        assertEquals(1, dead.getInt("attempts"));
        assertEquals(410, dead.getInt("attemptLog[0].statusCode"));
        assertTrue(dead.getString("lastError").startsWith("HTTP 410"), dead.getString("lastError"));
    }

    /**
     * A restart cannot happen inside a @QuarkusTest, so this checks the two facts a restart relies on. (1) Changes
     * not yet turned into deliveries are found from the subscription's stored cursor: here a subscription whose cursor
     * is before three leads, as if the service had stopped before dispatching them, receives all three. (2) A
     * delivery claimed by an instance that then died (its lease token set, its lease running) is sent by this one once
     * the lease runs out, and not before.
     */
    @Test
    void undeliveredWorkSurvivesAnInstanceThatStopped() throws Exception {
        List<String> leads = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leads.add(as(ws.adminKey()).body(Map.of("lastName", "Lead " + i, "company", "C", "source", "campaign"))
                    .post("/api/v1/leads").then().statusCode(201).extract().path("id"));
        }
        UUID subscription = UUID.randomUUID();
        sql("""
                INSERT INTO webhook_subscriptions (workspace_id, id, url, event_types, active, secret, cursor_txid,
                    cursor_position, created_at, updated_at)
                VALUES (?, '%s', '%s', ARRAY['lead.created'], true, 'whsec_test', '0', 0, now(), now())"""
                .formatted(subscription, receiver.url("/boot")), ws.id());
        receiver.trust("whsec_test");
        receiver.await(got -> got.stream().mapToLong(r -> r.events().size()).sum() >= 3, WAIT);
        assertEquals(leads, receiver.events().stream().map(e -> e.get("resourceId").asText()).toList());
        assertTrue(receiver.received().stream().allMatch(Received::signatureValid));

        int before = receiver.received().size();
        UUID orphan = UUID.randomUUID();
        long claimedAt = System.nanoTime();
        sql("""
                INSERT INTO webhook_deliveries (workspace_id, id, subscription_id, state, payload, event_count,
                    next_attempt_at, lease_token, retry_until, created_at)
                VALUES (?, '%s', '%s', 'pending', '{"deliveryId":"%1$s","events":[]}', 0,
                        now() + interval '2 seconds', gen_random_uuid(), now() + interval '1 hour', now())"""
                .formatted(orphan, subscription), ws.id());
        List<Received> got = receiver.await(all -> all.size() > before, WAIT);
        assertEquals(orphan.toString(), got.get(before).deliveryId());
        assertTrue(got.get(before).atNanos() - claimedAt >= 1_500_000_000L, "sent while another instance held it");
        JsonPath done = awaitState(orphan.toString(), "delivered");
        assertEquals(1, done.getInt("attempts"));
    }

    private JsonPath subscribe(String url, List<String> types, List<String> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("url", url, "eventTypes", types));
        if (fields != null) {
            body.put("fields", fields);
        }
        return as(ws.adminKey()).body(body).post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private JsonPath awaitState(String delivery, String state) {
        return org.awaitility.Awaitility.await("delivery " + delivery + " " + state).atMost(WAIT)
                .until(() -> as(ws.adminKey()).get("/api/v1/webhook-deliveries/" + delivery).then().statusCode(200)
                        .extract().jsonPath(), read -> state.equals(read.getString("state")));
    }

    private long deliveries(String subscription) throws SQLException {
        try (Connection conn = connection();
             PreparedStatement st = conn.prepareStatement(
                     "SELECT count(*) FROM webhook_deliveries WHERE workspace_id = ? AND subscription_id = ?")) {
            st.setObject(1, ws.id());
            st.setObject(2, UUID.fromString(subscription));
            try (java.sql.ResultSet rows = st.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, password.orElse(""));
    }

    private int sql(String statement, UUID workspaceId) throws SQLException {
        try (Connection conn = connection(); PreparedStatement st = conn.prepareStatement(statement)) {
            st.setObject(1, workspaceId);
            return st.executeUpdate();
        }
    }
}
