package org.revops.lead.scoring;

import io.restassured.path.json.JsonPath;
import org.revops.support.Jobs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.support.ApiTest.as;

/** Scoring models and leads built through the API, as a client would. */
final class ScoringFixtures {
    static final String MODELS = "/api/v1/scoring-models";
    static final String LEADS = "/api/v1/leads";

    /**
     * Fit and engagement: W = 30 (industry) + 20 (size) + 30 (authority) + 20 (engagement) = 100, so points are the
     * weights. Grades: A ≥ 80, B ≥ 50, C ≥ 30.
     */
    static final List<Map<String, Object>> FIT = List.of(
            Map.of("field", "industry", "operator", "in", "values", List.of("Software", "Fintech"), "weight", 30,
                    "label", "Target industry"),
            Map.of("field", "industry", "operator", "equals", "value", "Retail", "weight", 10),
            Map.of("field", "employeeCount", "operator", "range", "min", 200, "weight", 20),
            Map.of("field", "authority", "operator", "in", "values", List.of("decision-maker", "economic-buyer"),
                    "weight", 30),
            Map.of("field", "lastEngagedAt", "operator", "recency", "days", 14, "weight", 20));
    static final Map<String, Object> GRADES = Map.of("A", 80, "B", 50, "C", 30);

    private ScoringFixtures() {
    }

    static Map<String, Object> model(String name, List<Map<String, Object>> criteria, Map<String, Object> thresholds) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "criteria", criteria));
        if (thresholds != null) {
            body.put("thresholds", thresholds);
        }
        return body;
    }

    static String draft(String key, Map<String, Object> body) {
        return as(key).body(body).post(MODELS).then().statusCode(201).extract().path("id");
    }

    /** Publishes a draft and checks the job succeeded; the job as JSON. */
    static JsonPath publish(String key, String modelId) {
        JsonPath job = Jobs.succeed(key, MODELS + "/" + modelId + "/publish");
        assertEquals("scoring.publish", job.getString("kind"));
        return job;
    }

    /** A draft of {@code body}, published. */
    static String published(String key, Map<String, Object> body) {
        String id = draft(key, body);
        publish(key, id);
        return id;
    }

    static String lead(String key, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("lastName", "Lead"));
        body.putAll(fields);
        return as(key).body(body).post(LEADS).then().statusCode(201).extract().path("id");
    }
}
