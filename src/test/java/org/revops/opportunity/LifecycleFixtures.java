package org.revops.opportunity;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/** Records for the grade, follow-up and stall tests, built through the API. */
final class LifecycleFixtures {
    private LifecycleFixtures() {
    }

    private static RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    /** Qualify (10 %, stalls after 10 days) → Discovery (40 %) → Proposal (60 %) → Won / Lost. */
    static JsonPath pipeline(String key, String name) {
        return as(key).body(Map.of("name", name, "stages", List.of(
                        Map.of("name", "Qualify", "probability", 10, "forecastCategory", "Pipeline", "stallAfterDays", 10),
                        Map.of("name", "Discovery", "probability", 40, "forecastCategory", "Pipeline"),
                        Map.of("name", "Proposal", "probability", 60, "forecastCategory", "BestCase"),
                        Map.of("name", "Won", "probability", 100, "forecastCategory", "Closed", "closed", true, "won", true),
                        Map.of("name", "Lost", "probability", 0, "forecastCategory", "Omitted", "closed", true))))
                .post("/api/v1/pipelines").then().statusCode(201).extract().jsonPath();
    }

    static String deal(String key, String name, String accountId, String stageId, Number amount) {
        return deal(key, name, accountId, stageId, amount, Map.of());
    }

    static String deal(String key, String name, String accountId, String stageId, Number amount,
                       Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "accountId", accountId, "stageId", stageId,
                "amount", amount, "closeDate", "2026-12-31"));
        body.putAll(more);
        return as(key).body(body).post("/api/v1/opportunities").then().statusCode(201).extract().path("id");
    }

    static JsonPath read(String key, String dealId) {
        return as(key).get("/api/v1/opportunities/" + dealId).then().statusCode(200).extract().jsonPath();
    }

    /**
     * Stands in for logging an activity (the activities API sets this column in its own transaction): the deal's
     * latest activity happened at {@code at}.
     */
    static void lastActivity(Db db, UUID workspaceId, String dealId, String at) {
        db.query("UPDATE opportunities SET last_activity_at = $1 WHERE workspace_id = $2 AND id = $3",
                        Tuple.of(OffsetDateTime.parse(at), workspaceId, UUID.fromString(dealId)))
                .await().atMost(Duration.ofSeconds(10));
    }
}
