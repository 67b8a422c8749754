package org.revops.platform.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo seed through the API: a small demo workspace with the same shapes as the one `make run` creates. */
@QuarkusTest
class DemoSeederTest extends ApiTest {
    @Inject
    DemoSeeder seeder;

    @Test
    void theDemoHasClosedDealsWithReasonsHistoriesAndStalledDeals() {
        String key = seeder.seed(new DemoDataGenerator.Sizes(20, 60, 2, 240)).await().atMost(Duration.ofSeconds(60));

        JsonPath lost = as(key).get("/api/v1/opportunities?won=false&closed=true&limit=500").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(lost.getList("data").isEmpty());
        assertTrue(lost.getList("data.closeReasonId").stream().allMatch(java.util.Objects::nonNull));
        assertTrue(lost.getList("data.closedAt").stream().allMatch(java.util.Objects::nonNull));

        JsonPath won = as(key).get("/api/v1/opportunities?won=true&limit=1").then().statusCode(200)
                .extract().jsonPath();
        String wonId = won.getString("data[0].id");
        JsonPath history = as(key).get("/api/v1/opportunities/" + wonId + "/history").then().statusCode(200)
                .extract().jsonPath();
        List<String> actions = history.getList("data.action");
        assertEquals("create", actions.get(0));
        assertEquals("close", history.getString("data.findAll { it.field == 'stage' }[-1].action"));
        assertEquals(won.getString("data[0].stageId"), history.getString("data.findAll { it.field == 'stage' }[-1].to"));

        JsonPath open = as(key).get("/api/v1/opportunities?closed=false&limit=500").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(open.getList("data.stalled").contains(true), "some open deals have stalled");
        assertTrue(open.getList("data.lastActivityAt").stream().anyMatch(java.util.Objects::nonNull));
        assertNotNull(open.getString("data[0].nextFollowUpAt"));
    }
}
