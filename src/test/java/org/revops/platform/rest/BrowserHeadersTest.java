package org.revops.platform.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * What browsers see: security headers on every answer (errors and preflights too), no caching of API answers, and
 * CORS for the allow-listed front end only (the test profile allows https://app.revops.test).
 */
@QuarkusTest
class BrowserHeadersTest extends ApiTest {
    private static final String FRONT_END = "https://app.revops.test";

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        Workspace ws = newWorkspace("Headers");
        securityHeaders(as(ws.adminKey()).get("/api/v1/accounts").then().statusCode(200))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        securityHeaders(RestAssured.given().get("/api/v1/accounts").then().statusCode(401))
                .header("Cache-Control", "no-store");
        securityHeaders(as(ws.adminKey()).get("/api/v1/accounts/" + java.util.UUID.randomUUID()).then()
                .statusCode(404)).header("Cache-Control", "no-store");
        // outside the API (health, the UIs) the same protections, but no content policy that would stop the UIs
        securityHeaders(RestAssured.given().get("/q/health/live").then().statusCode(200))
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void theAllowListedFrontEndMayCallTheApiFromItsOrigin() {
        Workspace ws = newWorkspace("CORS");
        securityHeaders(preflight(FRONT_END).then().statusCode(200))
                .header("Access-Control-Allow-Origin", FRONT_END)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("authorization"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true")));
        as(ws.adminKey()).header("Origin", FRONT_END).get("/api/v1/accounts").then().statusCode(200)
                .header("Access-Control-Allow-Origin", FRONT_END)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"));
    }

    @Test
    void anyOtherOriginGetsNoCrossOriginAccess() {
        Workspace ws = newWorkspace("CORS refused");
        securityHeaders(preflight("https://evil.example").then().statusCode(403))
                .header("Access-Control-Allow-Origin", nullValue());
        as(ws.adminKey()).header("Origin", "https://evil.example").get("/api/v1/accounts").then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    private static io.restassured.response.Response preflight(String origin) {
        return RestAssured.given().header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/accounts");
    }

    private static ValidatableResponse securityHeaders(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", "max-age=300");
    }
}
