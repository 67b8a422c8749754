package org.revops.platform.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.revops.forecast.FiscalCalendar;
import org.revops.forecast.ForecastPeriod;
import org.revops.support.ApiTest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's forecast history through the API: quotas, weekly snapshots, calls, trend and accuracy with numbers. */
@QuarkusTest
class DemoForecastsTest extends ApiTest {
    @Inject
    DemoSeeder seeder;

    @Test
    void theDemoHasQuotasSnapshotsAndCallsSoTrendAndAccuracyShowNumbers() {
        String key = seeder.seed(new DemoDataGenerator.Sizes(20, 60, 2, 400)).await().atMost(Duration.ofSeconds(60));
        FiscalCalendar calendar = new FiscalCalendar(1);
        LocalDate today = LocalDate.now();
        ForecastPeriod quarter = calendar.containing(ForecastPeriod.QUARTER, today);
        ForecastPeriod previous = calendar.containing(ForecastPeriod.QUARTER, quarter.start().minusDays(1));
        ForecastPeriod year = calendar.containing(ForecastPeriod.YEAR, today);

        JsonPath quotas = as(key).get("/api/v1/quotas?periodId=" + year.id() + "&limit=500").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(quotas.getList("data").isEmpty());

        JsonPath trend = as(key).get("/api/v1/forecasts/trend?period=" + quarter.id() + "&scope=workspace").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("demo"), trend.getList("points.trigger").stream().distinct().toList());
        assertEquals(List.of(today.minusWeeks(6).toString(), today.minusWeeks(1).toString()),
                List.of(trend.getString("points[0].takenOn"), trend.getString("points[-1].takenOn")));
        List<Float> closed = trend.getList("points.computed.closed", Float.class);
        assertEquals(6, closed.size());
        for (int i = 1; i < closed.size(); i++) {
            assertTrue(closed.get(i) >= closed.get(i - 1), "closed grows week by week: " + closed);
        }
        assertTrue(trend.getFloat("latest.computed.closed") >= closed.get(5));
        assertNotNull(trend.get("latest.quota"));

        JsonPath accuracy = as(key).get("/api/v1/forecasts/accuracy?period=" + previous.id()).then().statusCode(200)
                .extract().jsonPath();
        assertFalse(accuracy.getList("submissions").isEmpty());
        assertFalse(accuracy.getList("snapshots").isEmpty());
        assertNotNull(accuracy.get("summary.submissionsMape"));
        assertNotNull(accuracy.get("summary.snapshotsMape"));
        JsonPath calls = as(key).get("/api/v1/forecast-submissions?periodId=" + quarter.id() + "&limit=500").then()
                .statusCode(200).extract().jsonPath();
        assertFalse(calls.getList("data").isEmpty());
    }
}
