package org.revops.platform.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo workspace comes with a published scoring model whose grades make sense for obvious leads. */
@QuarkusTest
class DemoScoringTest extends ApiTest {
    @Inject
    DemoSeeder seeder;

    @Test
    void theDemoPublishesAFitBantAndEngagementModel() {
        String key = seeder.seed(new DemoDataGenerator.Sizes(20, 40, 1, 80)).await().atMost(Duration.ofSeconds(60));
        JsonPath models = as(key).get("/api/v1/scoring-models?state=published").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("Fit, BANT and engagement"), models.getList("data.name"));
        assertEquals(1, models.getInt("data[0].number"));
        assertEquals(110, models.getInt("data[0].maxWeight"));

        String recent = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        as(key).body(Map.of("lastName", "Ideal", "industry", "Software", "employeeCount", 2500,
                        "authority", "economic-buyer", "budgetStatus", "approved", "need", "Forecasting",
                        "timeline", "this-quarter", "lastEngagedAt", recent, "formFills", 2))
                .post("/api/v1/leads").then().statusCode(201).body("score", equalTo(100)).body("grade", equalTo("A"))
                .body("scoreReasons.size()", equalTo(8));
        as(key).body(Map.of("lastName", "Browsing", "industry", "Media", "employeeCount", 12, "authority", "user"))
                .post("/api/v1/leads").then().statusCode(201).body("score", equalTo(0)).body("grade", equalTo("D"));
        // a mid-market manufacturer talking to an influencer, budget indicated, engaged last month: 10 + 12 + 8 + 7 + 6
        as(key).body(Map.of("lastName", "Maybe", "industry", "Manufacturing", "employeeCount", 400,
                        "authority", "influencer", "budgetStatus", "indicative",
                        "lastEngagedAt", Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
                                .toString()))
                .post("/api/v1/leads").then().statusCode(201).body("score", equalTo(39)).body("grade", equalTo("C"));
    }
}
