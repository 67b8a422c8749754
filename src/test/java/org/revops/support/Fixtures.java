package org.revops.support;

import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.revops.support.ApiTest.as;

/** Builds records through the public API, the way a client would. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A pipeline Qualify (10, Pipeline) → Proposal (60, BestCase) → Won (100, Closed) / Lost (0, Omitted). */
    public static JsonPath pipeline(String key, String name) {
        return as(key).body(Map.of("name", name, "stages", List.of(
                        Map.of("name", "Qualify", "probability", 10, "forecastCategory", "Pipeline", "stallAfterDays", 14),
                        Map.of("name", "Proposal", "probability", 60, "forecastCategory", "BestCase"),
                        Map.of("name", "Won", "probability", 100, "forecastCategory", "Closed", "closed", true, "won", true),
                        Map.of("name", "Lost", "probability", 0, "forecastCategory", "Omitted", "closed", true))))
                .post("/api/v1/pipelines").then().statusCode(201).extract().jsonPath();
    }

    public static String account(String key, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Acme"));
        body.putAll(fields);
        return as(key).body(body).post("/api/v1/accounts").then().statusCode(201).extract().path("id");
    }

    public static String opportunity(String key, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Deal", "amount", 1000, "closeDate", "2026-12-31"));
        body.putAll(fields);
        return as(key).body(body).post("/api/v1/opportunities").then().statusCode(201).extract().path("id");
    }
}
