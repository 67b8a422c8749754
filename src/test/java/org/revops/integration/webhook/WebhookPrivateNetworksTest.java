package org.revops.integration.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code revops.webhooks.allow-private-networks=false} (the Docker image's setting): private addresses are
 * refused when a subscription is written, and a host that resolves to one is never called when a delivery is sent.
 */
@QuarkusTest
@TestProfile(WebhookPrivateNetworksTest.PrivateNetworksRefused.class)
class WebhookPrivateNetworksTest extends ApiTest {
    public static class PrivateNetworksRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("revops.webhooks.allow-private-networks", "false");
        }
    }

    @Inject
    Db db;

    @Test
    void privateAddressesAreRefusedWhenSubscribing() {
        Workspace ws = newWorkspace("Private hooks");
        for (String url : List.of("http://127.0.0.1:9/x", "http://localhost:9/x", "http://10.1.2.3/x",
                "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/x", "http://[::ffff:192.168.0.1]/x",
                "http://[fd00::1]/x")) {
            as(ws.adminKey()).body(Map.of("url", url, "eventTypes", List.of("*"))).post("/api/v1/webhooks").then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"))
                    .body("errors[0].message", containsString("private network"));
        }
        as(ws.adminKey()).get("/api/v1/webhooks").then().statusCode(200).body("data.size()", equalTo(0));
        // a name is not looked up when subscribing
        as(ws.adminKey()).body(Map.of("url", "https://hooks.example.com/revops", "eventTypes", List.of("*")))
                .post("/api/v1/webhooks").then().statusCode(201);
    }

    @Test
    void aHostThatResolvesToAPrivateAddressIsNeverCalled() throws Exception {
        Workspace ws = newWorkspace("Rebound hooks");
        try (Receiver receiver = new Receiver()) {
            String id = as(ws.adminKey()).body(Map.of("url", "https://hooks.example.com/revops",
                    "eventTypes", List.of("*"))).post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            // the name now points at this machine (as a rebinding DNS server would make it): localhost, resolved
            // when sending, is a loopback address
            int changed = db.query("UPDATE webhook_subscriptions SET url = $1 WHERE workspace_id = $2 AND id = $3",
                    Tuple.of(receiver.url("/hooks").replace("127.0.0.1", "localhost"), ws.id(), UUID.fromString(id)))
                    .await().atMost(Duration.ofSeconds(10)).rowCount();
            assertEquals(1, changed);
            String delivery = as(ws.adminKey()).post("/api/v1/webhooks/" + id + "/test").then().statusCode(202)
                    .extract().path("id");

            JsonPath dead = org.awaitility.Awaitility.await("delivery refused").atMost(Duration.ofSeconds(20))
                    .until(() -> as(ws.adminKey()).get("/api/v1/webhook-deliveries/" + delivery).then()
                            .statusCode(200).extract().jsonPath(), read -> "dead".equals(read.getString("state")));
            assertEquals(4, dead.getInt("attempts"));
            assertTrue(dead.getString("attemptLog[0].error").startsWith("refused: localhost resolves to "),
                    dead.getString("attemptLog[0].error"));
            assertTrue(dead.getString("attemptLog[0].error").endsWith("a private network address, which this service "
                    + "does not call"), dead.getString("attemptLog[0].error"));
            assertEquals(List.of(), receiver.received());
        }
    }
}
