package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ForecastPeriodResourceTest extends ApiTest {
    private static final String PERIODS = "/api/v1/forecast-periods";
    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Calendar");
        TestClock.set("2026-11-23T12:00:00Z");
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    @Test
    void theCurrentFiscalYearWithItsQuartersAndMonths() {
        as(ws.adminKey()).get(PERIODS).then().statusCode(200)
                .body("fiscalYearStartMonth", equalTo(1))
                .body("year.id", equalTo("FY2026")).body("year.startDate", equalTo("2026-01-01"))
                .body("year.endDate", equalTo("2026-12-31")).body("year.current", equalTo(true))
                .body("quarters.id", contains("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"))
                .body("quarters.current", contains(false, false, false, true))
                .body("months", hasSize(12)).body("months[10].id", equalTo("2026-11"))
                .body("months[10].current", equalTo(true)).body("months[10].parentId", equalTo("2026-Q4"));

        as(ws.adminKey()).body(Map.of("fiscalYearStartMonth", 2)).patch("/api/v1/workspace").then().statusCode(200);
        as(ws.adminKey()).get(PERIODS).then().statusCode(200).body("year.id", equalTo("FY2027"))
                .body("quarters[3].id", equalTo("2027-Q4")).body("quarters[3].startDate", equalTo("2026-11-01"))
                .body("quarters[3].endDate", equalTo("2027-01-31")).body("quarters[3].current", equalTo(true))
                .body("months[0].id", equalTo("2026-02")).body("months[11].id", equalTo("2027-01"));
        as(ws.adminKey()).get(PERIODS + "?date=2026-01-15").then().body("year.id", equalTo("FY2026"));
        as(ws.adminKey()).get(PERIODS + "?fiscalYear=FY2028").then().body("year.startDate", equalTo("2027-02-01"))
                .body("year.current", equalTo(false));
    }

    @Test
    void onePeriodWithItsParentAndChildren() {
        as(ws.adminKey()).get(PERIODS + "/2026-Q4").then().statusCode(200)
                .body("kind", equalTo("quarter")).body("startDate", equalTo("2026-10-01"))
                .body("endDate", equalTo("2026-12-31")).body("fiscalYear", equalTo(2026)).body("quarter", equalTo(4))
                .body("parentId", equalTo("FY2026")).body("childIds", contains("2026-10", "2026-11", "2026-12"));
        as(ws.adminKey()).get(PERIODS + "/FY2026").then().body("parentId", nullValue()).body("quarter", nullValue())
                .body("childIds", hasSize(4));
        as(ws.adminKey()).get(PERIODS + "/2026-02").then().body("kind", equalTo("month"))
                .body("endDate", equalTo("2026-02-28")).body("childIds", hasSize(0));
    }

    @Test
    void badIdsAnswer400NamingTheParameter() {
        as(ws.adminKey()).get(PERIODS + "/2026-Q5").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id")).body("errors[0].message", equalTo("'2026-Q5': quarters are Q1 to Q4"));
        as(ws.adminKey()).get(PERIODS + "?fiscalYear=2026-Q4").then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
        as(ws.adminKey()).get(PERIODS + "?fiscalYear=next").then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
        as(ws.adminKey()).get(PERIODS + "?date=yesterday").then().statusCode(400).body("errors[0].field", equalTo("date"));
        io.restassured.RestAssured.given().get(PERIODS).then().statusCode(401);
    }

    @Test
    void graphQLMirrorsTheCalendar() {
        JsonPath data = GraphQLClient.ok(ws.adminKey(), """
                { forecastCalendar(fiscalYear: "FY2026") { year { id } quarters { id endDate } }
                  forecastPeriod(id: "2026-11") { parentId current } }""", Map.of());
        assertEquals(List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"), data.getList("data.forecastCalendar.quarters.id"));
        assertEquals("2026-Q4", data.getString("data.forecastPeriod.parentId"));
        assertEquals(true, data.getBoolean("data.forecastPeriod.current"));
    }
}
