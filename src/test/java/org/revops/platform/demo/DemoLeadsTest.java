package org.revops.platform.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Jobs;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's leads through the API: converted with won or lost deals, and a predictive model whose factors make sense. */
@QuarkusTest
class DemoLeadsTest extends ApiTest {
    @Inject
    DemoSeeder seeder;

    @Test
    void theDemoLeadsTrainAModelThatFavoursPartnerReferralsAndDecisionMakers() {
        String key = seeder.seed(new DemoDataGenerator.Sizes(20, 100, 1, 200)).await().atMost(Duration.ofSeconds(120));

        JsonPath converted = as(key).get("/api/v1/leads?status=converted&limit=1").then().statusCode(200)
                .body("data[0].convertedOpportunityId", notNullValue()).extract().jsonPath();
        as(key).get("/api/v1/opportunities/" + converted.getString("data[0].convertedOpportunityId")).then()
                .statusCode(200).body("accountId", equalTo(converted.getString("data[0].convertedAccountId")))
                .body("primaryContactId", equalTo(converted.getString("data[0].convertedContactId")));
        as(key).get("/api/v1/leads?status=disqualified&limit=5").then().statusCode(200)
                .body("data.disqualifiedReason", org.hamcrest.Matchers.everyItem(notNullValue()));

        JsonPath job = Jobs.succeed(key, "/api/v1/predictive-models");
        JsonPath model = as(key).get("/api/v1/predictive-models/" + job.getString("result.modelId")).then()
                .statusCode(200).extract().jsonPath();
        assertTrue(model.getInt("history.wonLeads") >= 300, model.prettify());
        assertTrue(model.getDouble("quality.auc") > 0.7, "AUC " + model.getDouble("quality.auc"));

        Map<String, Double> weights = new HashMap<>();
        JsonPath table = as(key).get("/api/v1/predictive-models/" + model.getString("id")
                + "/weights?field=source&field=authority&field=budgetStatus&limit=100").then().statusCode(200)
                .extract().jsonPath();
        table.getList("data", Map.class).forEach(w -> weights.put(w.get("field") + "=" + w.get("value"),
                ((Number) w.get("weight")).doubleValue()));
        assertEquals("source=partner-referral", table.getString("data[0].field") + "="
                + table.getString("data[0].value"), "the strongest factor for a win");
        for (String good : List.of("source=partner-referral", "authority=decision-maker", "authority=economic-buyer",
                "budgetStatus=approved")) {
            assertTrue(weights.get(good) > 0.3, good + " " + weights);
        }
        for (String bad : List.of("source=outbound", "authority=user", "budgetStatus=none")) {
            assertTrue(weights.get(bad) < -0.3, bad + " " + weights);
        }
        as(key).get("/api/v1/leads?status=new&limit=5").then().statusCode(200)
                .body("data.predictiveScore", org.hamcrest.Matchers.everyItem(notNullValue()))
                .body("data.predictiveModelId", org.hamcrest.Matchers.everyItem(equalTo(model.getString("id"))));
    }
}
