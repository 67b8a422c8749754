package org.revops.platform.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class RequestIdTest extends ApiTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aCallersRequestIdIsEchoed() {
        Workspace ws = newWorkspace("Request ids");
        as(ws.adminKey()).header("X-Request-Id", "gw-1234.abc").get("/api/v1/workspace").then()
                .statusCode(200).header("X-Request-Id", equalTo("gw-1234.abc"));
    }

    @Test
    void everyAnswerHasAnIdEvenARefusal() {
        RestAssured.given().get("/api/v1/opportunities").then().statusCode(401)
                .header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void anUnsafeIdIsReplacedNotEchoed() {
        RestAssured.given().header("X-Request-Id", "evil id<script>").get("/q/health").then()
                .header("X-Request-Id", matchesPattern(UUID));
        String tooLong = "a".repeat(129);
        RestAssured.given().header("X-Request-Id", tooLong).get("/q/health").then()
                .header("X-Request-Id", not(equalTo(tooLong)));
    }
}
