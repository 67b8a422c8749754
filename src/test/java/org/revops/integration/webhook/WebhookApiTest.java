package org.revops.integration.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revops.support.CsvPages.csv;

/** Managing subscriptions: the life cycle, bad input (422, nothing written), roles and scopes, GraphQL. */
@QuarkusTest
class WebhookApiTest extends ApiTest {
    private static final String HOOKS = "/api/v1/webhooks";
    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Hook admin");
    }

    @Test
    void aSubscriptionIsCreatedReadChangedAndDeleted() {
        var created = as(ws.adminKey()).body(Map.of("url", "https://hooks.example.com/revops",
                        "eventTypes", List.of("opportunity.updated", "lead.*", "lead.*"), "fields", List.of("amount")))
                .post(HOOKS).then().statusCode(201).header("ETag", "\"1\"")
                .body("secret", startsWith("whsec_")).body("eventTypes", equalTo(List.of("opportunity.updated", "lead.*")))
                .body("fields", equalTo(List.of("amount"))).body("active", equalTo(true))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith(HOOKS + "/" + id));

        as(ws.adminKey()).get(HOOKS + "/" + id).then().statusCode(200).body("secret", nullValue())
                .body("url", equalTo("https://hooks.example.com/revops"));
        as(ws.adminKey()).get(HOOKS).then().statusCode(200).body("data.id", equalTo(List.of(id)))
                .body("data[0].secret", nullValue());
        assertTrue(csv(ws.adminKey(), HOOKS).contains("https://hooks.example.com/revops"));

        as(ws.adminKey()).header("If-Match", "\"7\"").body(Map.of("active", false)).patch(HOOKS + "/" + id)
                .then().statusCode(412);
        as(ws.adminKey()).header("If-Match", "\"1\"").body(Map.of("active", false, "fields", List.of()))
                .patch(HOOKS + "/" + id).then().statusCode(422).body("errors.field", hasItem("fields"));
        Map<String, Object> unfiltered = new java.util.HashMap<>();
        unfiltered.put("active", false);
        unfiltered.put("fields", null);
        as(ws.adminKey()).header("If-Match", "\"1\"").body(unfiltered).patch(HOOKS + "/" + id).then().statusCode(200)
                .body("active", equalTo(false)).body("fields", nullValue()).body("version", equalTo(2));
        as(ws.adminKey()).queryParam("active", "false").get(HOOKS).then().body("data.id", equalTo(List.of(id)));
        as(ws.adminKey()).queryParam("active", "true").get(HOOKS).then().body("data", empty());

        as(ws.adminKey()).delete(HOOKS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(HOOKS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(ws.adminKey()).delete(HOOKS + "/" + id).then().statusCode(404);
    }

    @Test
    void badUrlsAndEventTypesAre422AndWriteNothing() {
        int self = RestAssured.port;
        Map<String, String> urls = Map.of(
                "ftp://files.example.com/x", "must be an http or https URL",
                "hooks.example.com/no-scheme", "must be an http or https URL",
                "http:///no-host", "must name a host",
                "https://user:pw@hooks.example.com/x", "must not carry credentials",
                "http://localhost:" + self + "/api/v1/leads", "points at this service itself",
                "http://127.0.0.1:" + self + "/", "points at this service itself",
                "http://[::1]:" + self + "/x", "points at this service itself",
                "http://exa mple.com/", "is not a URL");
        urls.forEach((url, message) -> as(ws.adminKey()).body(Map.of("url", url, "eventTypes", List.of("*")))
                .post(HOOKS).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url")).body("errors[0].message", startsWith(message)));
        as(ws.adminKey()).body(Map.of("url", "https://ok.example.com", "eventTypes", List.of("deal.updated", "lead.won")))
                .post(HOOKS).then().statusCode(422)
                .body("errors.field", equalTo(List.of("eventTypes[0]", "eventTypes[1]")));
        as(ws.adminKey()).body(Map.of("url", "https://ok.example.com", "eventTypes", List.of())).post(HOOKS)
                .then().statusCode(422).body("errors.field", equalTo(List.of("eventTypes")));
        as(ws.adminKey()).body(Map.of("url", "javascript:alert(1)", "eventTypes", List.of("*"),
                "fields", List.of("Amount; drop"))).post(HOOKS).then().statusCode(422)
                .body("errors.field", equalTo(List.of("url", "fields[0]")));
        as(ws.adminKey()).body("{\"url\": 5").post(HOOKS).then().statusCode(400);
        as(ws.adminKey()).get(HOOKS).then().statusCode(200).body("data", empty());

        // A patch to a bad URL changes nothing either.
        String id = as(ws.adminKey()).body(Map.of("url", "https://ok.example.com/a", "eventTypes", List.of("*")))
                .post(HOOKS).then().statusCode(201).extract().path("id");
        as(ws.adminKey()).body(Map.of("url", "http://localhost:" + self + "/x")).patch(HOOKS + "/" + id)
                .then().statusCode(422).body("errors[0].message", equalTo("points at this service itself"));
        as(ws.adminKey()).get(HOOKS + "/" + id).then().body("url", equalTo("https://ok.example.com/a"))
                .body("version", equalTo(1));
        // Another port on the loopback is a local receiver, allowed in tests (allow-private-networks).
        as(ws.adminKey()).body(Map.of("url", "http://127.0.0.1:" + (self == 1 ? 2 : self - 1) + "/x",
                "eventTypes", List.of("*"))).post(HOOKS).then().statusCode(201);
    }

    @Test
    void onlyAdminAndIntegrationKeysManageWebhooks() {
        String id = as(ws.adminKey()).body(Map.of("url", "https://ok.example.com", "eventTypes", List.of("*")))
                .post(HOOKS).then().statusCode(201).extract().path("id");
        var test = as(ws.adminKey()).post(HOOKS + "/" + id + "/test").then().statusCode(202).extract();
        String delivery = test.path("id");
        assertTrue(test.header("Location").endsWith("/api/v1/webhook-deliveries/" + delivery));
        Member manager = newMember(ws, "Mia Manager", "manager", null);
        Member rep = newMember(ws, "Ray Rep", "rep", manager.id());
        Member reader = newMember(ws, "Rita Reader", "read-only", null);
        for (Member m : List.of(manager, rep, reader)) {
            as(m.key()).get(HOOKS).then().statusCode(403).contentType("application/problem+json");
            as(m.key()).body(Map.of("url", "https://x.example.com", "eventTypes", List.of("*"))).post(HOOKS)
                    .then().statusCode(403);
            as(m.key()).get(HOOKS + "/" + id).then().statusCode(403);
            as(m.key()).post(HOOKS + "/" + id + "/rotate-secret").then().statusCode(403);
            as(m.key()).post(HOOKS + "/" + id + "/test").then().statusCode(403);
            as(m.key()).get(HOOKS + "/" + id + "/deliveries").then().statusCode(403);
            as(m.key()).get("/api/v1/webhook-deliveries/" + delivery).then().statusCode(403);
            as(m.key()).post("/api/v1/webhook-deliveries/" + delivery + "/replay").then().statusCode(403);
            as(m.key()).delete(HOOKS + "/" + id).then().statusCode(403);
        }
        as(ws.adminKey()).get(HOOKS).then().body("data", hasSize(1));
        as(ws.adminKey()).get(HOOKS + "/" + id + "/deliveries").then().body("data", hasSize(1));

        Member integration = newMember(ws, "Ivy Integration", "integration", null);
        as(integration.key()).get(HOOKS + "/" + id).then().statusCode(200);
        // Keys narrowed to webhooks:manage may manage webhooks; keys narrowed to another scope may not.
        String scoped = scopedKey(integration.id(), "webhooks:manage");
        as(scoped).get(HOOKS + "/" + id + "/deliveries").then().statusCode(200);
        as(scoped).get("/api/v1/webhook-deliveries/" + delivery).then().statusCode(200);
        as(scopedKey(integration.id(), "changes:read")).get(HOOKS).then().statusCode(403);

        // Another workspace's subscription and delivery do not exist for this one.
        Workspace other = newWorkspace("Other hook admin");
        as(other.adminKey()).get(HOOKS + "/" + id).then().statusCode(404);
        as(other.adminKey()).get(HOOKS + "/" + id + "/deliveries").then().statusCode(404);
        as(other.adminKey()).post(HOOKS + "/" + id + "/test").then().statusCode(404);
        as(other.adminKey()).get("/api/v1/webhook-deliveries/" + delivery).then().statusCode(404);
        as(other.adminKey()).post("/api/v1/webhook-deliveries/" + delivery + "/replay").then().statusCode(404);
        as(other.adminKey()).delete(HOOKS + "/" + id).then().statusCode(404);
    }

    @Test
    void aRotatedSecretSignsAndTheOldOneTooDuringTheGracePeriod() throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonPath hook = as(ws.adminKey()).body(Map.of("url", receiver.url("/r"), "eventTypes", List.of("*")))
                    .post(HOOKS).then().statusCode(201).extract().jsonPath();
            String id = hook.getString("id");
            String old = hook.getString("secret");
            as(ws.adminKey()).body(Map.of("keepPreviousSecretSeconds", 700000)).post(HOOKS + "/" + id + "/rotate-secret")
                    .then().statusCode(422).body("errors[0].field", equalTo("keepPreviousSecretSeconds"));
            JsonPath rotated = as(ws.adminKey()).body(Map.of("keepPreviousSecretSeconds", 3600))
                    .post(HOOKS + "/" + id + "/rotate-secret").then().statusCode(200)
                    .body("previousSecretValidUntil", not(nullValue())).extract().jsonPath();
            String fresh = rotated.getString("secret");
            assertNotEquals(old, fresh);
            as(ws.adminKey()).post(HOOKS + "/" + id + "/test").then().statusCode(202);
            Receiver.Received got = receiver.await(r -> !r.isEmpty(), Duration.ofSeconds(20)).get(0);
            assertEquals(2, got.signature().split(",").length);
            assertTrue(Receiver.verify(List.of(fresh), got.timestamp(), got.body(), got.signature()));
            assertTrue(Receiver.verify(List.of(old), got.timestamp(), got.body(), got.signature()));
            assertFalse(Receiver.verify(List.of("whsec_other"), got.timestamp(), got.body(), got.signature()));

            // Without a grace period only the new secret signs.
            String newest = as(ws.adminKey()).post(HOOKS + "/" + id + "/rotate-secret").then().statusCode(200)
                    .body("previousSecretValidUntil", nullValue()).extract().path("secret");
            as(ws.adminKey()).post(HOOKS + "/" + id + "/test").then().statusCode(202);
            Receiver.Received second = receiver.await(r -> r.size() > 1, Duration.ofSeconds(20)).get(1);
            assertEquals(1, second.signature().split(",").length);
            assertTrue(Receiver.verify(List.of(newest), second.timestamp(), second.body(), second.signature()));
            assertFalse(Receiver.verify(List.of(fresh), second.timestamp(), second.body(), second.signature()));
        }
    }

    @Test
    void graphQLMirrorsTheRestOperations() {
        JsonPath bad = GraphQLClient.ok(ws.adminKey(), """
                mutation { createWebhook(input: {url: "ftp://x", eventTypes: ["*"]}) {
                    webhook { id } userErrors { field message } } }""", null);
        assertEquals("url", bad.getString("data.createWebhook.userErrors[0].field"));
        JsonPath created = GraphQLClient.ok(ws.adminKey(), """
                mutation { createWebhook(input: {url: "https://g.example.com/h", eventTypes: ["lead.created"]}) {
                    webhook { id secret eventTypes } userErrors { field message } } }""", null);
        String id = created.getString("data.createWebhook.webhook.id");
        assertTrue(created.getString("data.createWebhook.webhook.secret").startsWith("whsec_"));
        JsonPath listed = GraphQLClient.ok(ws.adminKey(), "{ webhooks { edges { node { id url secret } } } }", null);
        assertEquals(List.of(id), listed.getList("data.webhooks.edges.node.id"));
        assertTrue(listed.getString("data.webhooks.edges[0].node.secret") == null);
        JsonPath patched = GraphQLClient.ok(ws.adminKey(), "mutation($id: String!) { updateWebhook(id: $id, patch: "
                + "{active: false}) { webhook { active version } userErrors { message } } }", Map.of("id", id));
        assertEquals(false, patched.getBoolean("data.updateWebhook.webhook.active"));
        JsonPath test = GraphQLClient.ok(ws.adminKey(), "mutation($id: String!) { sendWebhookTestEvent(id: $id) { "
                + "delivery { id state eventCount } userErrors { message } } }", Map.of("id", id));
        String delivery = test.getString("data.sendWebhookTestEvent.delivery.id");
        assertEquals("pending", test.getString("data.sendWebhookTestEvent.delivery.state"));
        JsonPath read = GraphQLClient.ok(ws.adminKey(), "query($id: String!, $d: String!) { webhookDelivery(id: $d) { "
                + "id payload attemptLog { attempt } } webhookDeliveries(webhookId: $id, filter: {state: \"pending\"}) "
                + "{ edges { node { id } } } }", Map.of("id", id, "d", delivery));
        assertTrue(read.getString("data.webhookDelivery.payload").contains("webhook.test"));
        assertEquals(List.of(delivery), read.getList("data.webhookDeliveries.edges.node.id"));
        JsonPath replay = GraphQLClient.ok(ws.adminKey(), "mutation($d: String!) { replayWebhookDelivery(id: $d) { "
                + "delivery { id } userErrors { message } } }", Map.of("d", delivery));
        assertTrue(replay.getString("data.replayWebhookDelivery.userErrors[0].message").contains("pending"));
        JsonPath rotated = GraphQLClient.ok(ws.adminKey(), "mutation($id: String!) { rotateWebhookSecret(id: $id) { "
                + "webhook { secret } userErrors { message } } }", Map.of("id", id));
        assertTrue(rotated.getString("data.rotateWebhookSecret.webhook.secret").startsWith("whsec_"));
        GraphQLClient.ok(ws.adminKey(), "mutation($id: String!) { deleteWebhook(id: $id) { deletedId } }", Map.of("id", id));
        as(ws.adminKey()).get(HOOKS).then().body("data", empty());
    }

    private String scopedKey(UUID userId, String scope) {
        return as(ws.adminKey()).body(Map.of("name", scope + " key", "userId", userId.toString(),
                "scopes", List.of(scope))).post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
    }
}
