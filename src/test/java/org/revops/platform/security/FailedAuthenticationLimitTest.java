package org.revops.platform.security;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.TestClock;
import org.revops.support.Tokens;

import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Failed authentications per source address, through HTTP: every test request comes from the same address, so this
 * test installs a tracker with a limit of 3 (the suite's configured limit is too high to reach) and fixes the clock at
 * 10:00:15, 45 seconds before the window ends.
 */
@QuarkusTest
class FailedAuthenticationLimitTest extends ApiTest {
    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Failed auth");
        QuarkusMock.installMockForType(new FailedAuthentications(3), FailedAuthentications.class);
        TestClock.set("2026-11-24T10:00:15Z");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void aSourcePastItsFailuresIsRefusedBeforeAnyLookupUntilTheNextMinute() {
        as("rk_guess-1").get("/api/v1/accounts").then().statusCode(401);
        // successful requests and requests without credentials do not count
        as(ws.adminKey()).get("/api/v1/accounts").then().statusCode(200);
        RestAssured.given().get("/api/v1/accounts").then().statusCode(401);
        Tokens.bearer("not-a-token").get("/api/v1/accounts").then().statusCode(401);
        Tokens.bearer(Tokens.valid(ws.id(), UUID.randomUUID())).get("/api/v1/accounts").then().statusCode(401);

        as("rk_guess-2").body(Map.of("name", "Refused Inc")).post("/api/v1/accounts").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "45")
                .body("type", equalTo("https://revops.dev/problems/too-many-failed-authentications"))
                .body("detail", equalTo("Too many requests with invalid credentials came from this address; retry "
                        + "after 45 seconds"));
        // refused before the key is looked up: a valid key from this address waits too, and nothing was written
        as(ws.adminKey()).body(Map.of("name", "Also refused")).post("/api/v1/accounts").then().statusCode(429);
        // requests without credentials are not refused here (public ones keep working)
        RestAssured.given().get("/q/health/live").then().statusCode(200);

        TestClock.set("2026-11-24T10:01:00Z");
        as(ws.adminKey()).get("/api/v1/accounts").then().statusCode(200).body("data", hasSize(0));
        as("rk_guess-3").get("/api/v1/accounts").then().statusCode(401);
    }
}
