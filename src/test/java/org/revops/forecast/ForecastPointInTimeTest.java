package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A small book written day by day (each change at 12:00 UTC), 2026-Q4 in EUR, stages Qualify (10 %, Pipeline),
 * Proposal (60 %, BestCase), Won:
 * <pre>
 * 10-01  d1 created: rep A, Qualify, 1,000, closing 11-15
 * 10-05  d2 created: rep A, Proposal, 2,000, closing 12-10
 * 10-10  d1 moved to Proposal and raised to 1,500
 * 10-20  d2 pushed to 2027-01-15 (out of Q4); d3 created: rep A, Qualify, 4,000, closing 11-30
 * 11-05  d1 won
 * 11-10  d3 raised to 5,000; d4 created: rep B, Proposal, 700, closing 12-01
 * 11-20  today
 * </pre>
 */
@QuarkusTest
class ForecastPointInTimeTest extends ApiTest {
    static final String ROLLUP = "/api/v1/forecasts/rollup?period=2026-Q4";

    @Inject
    Db db;

    Workspace ws;
    Member repA;
    Member repB;
    Map<String, String> deals = new HashMap<>();
    String qualify;
    String account;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Point in time");
        repA = newMember(ws, "Ana Rep", "rep", null);
        repB = newMember(ws, "Ben Rep", "rep", null);
        JsonPath pipeline = Fixtures.pipeline(ws.adminKey(), "Sales");
        qualify = pipeline.getString("stages[0].id");
        String proposal = pipeline.getString("stages[1].id");
        account = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));

        on("2026-10-01");
        deal("d1", repA, account, qualify, 1000, "2026-11-15");
        on("2026-10-05");
        deal("d2", repA, account, proposal, 2000, "2026-12-10");
        on("2026-10-10");
        patch("d1", Map.of("stageId", proposal, "amount", 1500));
        on("2026-10-20");
        patch("d2", Map.of("closeDate", "2027-01-15"));
        deal("d3", repA, account, qualify, 4000, "2026-11-30");
        on("2026-11-05");
        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + deals.get("d1") + "/close")
                .then().statusCode(200);
        on("2026-11-10");
        patch("d3", Map.of("amount", 5000));
        deal("d4", repB, account, proposal, 700, "2026-12-01");
        on("2026-11-20");
        sql("INSERT INTO forecast_adjustments (workspace_id, id, user_id, period_id, category, amount, adjusted_by,"
                + " created_at, updated_at) VALUES ($1, gen_random_uuid(), $2, '2026-Q4', 'Pipeline', 4500, $2,"
                + " now(), now())", ws.id(), repA.id());
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static void on(String day) {
        TestClock.set(day + "T12:00:00Z");
    }

    private void deal(String name, Member owner, String account, String stage, int amount, String closeDate) {
        deal(name, owner, account, stage, amount, "EUR", closeDate);
    }

    private void deal(String name, Member owner, String account, String stage, int amount, String currency,
                      String closeDate) {
        Map<String, Object> body = Map.of("name", name, "accountId", account, "stageId", stage,
                "ownerId", owner.id().toString(), "amount", amount, "currency", currency, "closeDate", closeDate);
        deals.put(name, as(ws.adminKey()).body(body).post("/api/v1/opportunities").then().statusCode(201)
                .extract().path("id"));
    }

    private void patch(String name, Map<String, Object> fields) {
        as(ws.adminKey()).body(fields).patch("/api/v1/opportunities/" + deals.get(name)).then().statusCode(200);
    }

    private void sql(String statement, Object... args) {
        db.query(statement, Tuple.from(args)).await().atMost(Duration.ofSeconds(10));
    }

    /** Per category Pipeline, BestCase, Commit, Closed, Omitted: the amounts of the workspace as of {@code day}. */
    private JsonPath workspace(String day) {
        return as(ws.adminKey()).get(ROLLUP + "&scope=workspace&asOf=" + day).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    @Test
    void theRollupIsRebuiltAsThePipelineStoodAtTheEndOfEachDay() {
        JsonPath before = workspace("2026-09-30");
        assertEquals("2026-09-30", before.getString("asOf"));
        assertEquals(List.of(0f, 0f, 0f, 0f, 0f), before.getList("totals.categories.amount"));
        for (String longAgo : List.of("0001-01-01", "-5000000-01-01")) {
            assertEquals(List.of(0f, 0f, 0f, 0f, 0f), workspace(longAgo).getList("totals.categories.amount"));
        }

        // d1 alone, as created: Qualify, 1,000 at 10 %; d2 not created yet
        JsonPath first = workspace("2026-10-01");
        assertEquals(List.of(1, 0, 0, 0, 0), first.getList("totals.categories.count"));
        assertEquals(List.of(1000f, 0f, 0f, 0f, 0f), first.getList("totals.categories.amount"));
        assertEquals(100f, first.getFloat("totals.categories[0].weightedAmount"));

        // the day before d1 moved: d1 Pipeline 1,000, d2 BestCase 2,000 (60 % = 1,200)
        JsonPath nine = workspace("2026-10-09");
        assertEquals(List.of(1000f, 2000f, 0f, 0f, 0f), nine.getList("totals.categories.amount"));
        assertEquals(List.of(100f, 1200f, 0f, 0f, 0f), nine.getList("totals.categories.weightedAmount"));

        // the end of the day d1 moved (at noon): d1 BestCase 1,500 beside d2; d3 (created 10-20) is missing
        JsonPath ten = workspace("2026-10-10");
        assertEquals(List.of(0, 2, 0, 0, 0), ten.getList("totals.categories.count"));
        assertEquals(List.of(0f, 3500f, 0f, 0f, 0f), ten.getList("totals.categories.amount"));
        assertEquals(2100f, ten.getFloat("totals.categories[1].weightedAmount"));

        // d2 pushed out of the quarter, d3 in; d1 still open then though won later
        for (String day : List.of("2026-10-20", "2026-11-04")) {
            JsonPath open = workspace(day);
            assertEquals(List.of(4000f, 1500f, 0f, 0f, 0f), open.getList("totals.categories.amount"));
            assertEquals(Map.of("closed", 0f, "commit", 0f, "bestCase", 1500f, "openPipeline", 5500f),
                    open.getMap("totals.computed"));
        }

        // d1 won 11-05; d3 raised to 5,000 and d4 created 11-10; no adjustment as of a past day
        JsonPath won = as(ws.adminKey()).get(ROLLUP + "&scope=workspace&asOf=2026-11-10&breakdown=stage,month,user")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(5000f, 700f, 0f, 1500f, 0f), won.getList("totals.categories.amount"));
        assertEquals(List.of(5000f, 700f, 0f, 1500f, 0f), won.getList("totals.categories.adjustedAmount"));
        assertEquals(List.of("Sales / Qualify", "Sales / Proposal", "Sales / Won"),
                won.getList("breakdowns.stages.name"));
        assertEquals(List.of(5000f, 700f, 1500f), won.getList("breakdowns.stages.collect { it.figures.categories"
                + ".find { c -> c.count > 0 }.amount }"));
        assertEquals(List.of(0f, 1500f, 700f), won.getList("breakdowns.months.figures.computed.bestCase"));

        // live (and any day not yet ended) shows today's pipeline with the adjustment, asOf null
        for (String query : List.of("", "&asOf=2026-11-20", "&asOf=2027-03-01")) {
            JsonPath live = as(ws.adminKey()).get(ROLLUP + "&scope=workspace" + query).then().statusCode(200)
                    .body("asOf", nullValue()).extract().jsonPath();
            assertEquals(List.of(5000f, 700f, 0f, 1500f, 0f), live.getList("totals.categories.amount"));
            assertEquals(List.of(4500f, 700f, 0f, 1500f, 0f), live.getList("totals.categories.adjustedAmount"));
        }
    }

    @Test
    void aRepSeesTheirOwnPastAndGraphQLAnswersTheSame() {
        as(repA.key()).get(ROLLUP + "&asOf=2026-11-10").then().statusCode(200)
                .body("scope.id", equalTo(repA.id().toString()))
                .body("totals.categories.amount", equalTo(List.of(5000f, 0f, 0f, 1500f, 0f)));
        as(repB.key()).get(ROLLUP + "&asOf=2026-11-09").then().statusCode(200)
                .body("totals.categories.amount", equalTo(List.of(0f, 0f, 0f, 0f, 0f)));
        as(repA.key()).get(ROLLUP + "&scope=user:" + repB.id() + "&asOf=2026-11-10").then().statusCode(403)
                .contentType("application/problem+json");
        as(repA.key()).get(ROLLUP + "&scope=workspace&asOf=2026-11-10").then().statusCode(403);

        JsonPath gql = GraphQLClient.ok(repA.key(), "{ forecastRollup(period: \"2026-Q4\", asOf: \"2026-10-10\") "
                + "{ asOf totals { computed { bestCase openPipeline } } } }", null);
        assertNull(gql.get("errors"));
        assertEquals("2026-10-10", gql.getString("data.forecastRollup.asOf"));
        assertEquals(3500f, gql.getFloat("data.forecastRollup.totals.computed.bestCase"));
        assertEquals(3500f, gql.getFloat("data.forecastRollup.totals.computed.openPipeline"));
    }

    @Test
    void aPastCloseDateConvertsAtItsRateAndTerritoriesRollUpAsOfADay() {
        sql("INSERT INTO exchange_rates (workspace_id, id, currency, effective_date, rate, created_at, updated_at) VALUES"
                + " ($1, gen_random_uuid(), 'USD', '2026-10-01', 0.8, now(), now()),"
                + " ($1, gen_random_uuid(), 'USD', '2026-12-01', 0.5, now(), now())", ws.id());
        on("2026-10-01");
        deal("d5", repB, account, qualify, 1000, "USD", "2026-10-15");
        on("2026-11-12");
        patch("d5", Map.of("closeDate", "2026-12-05"));
        on("2026-11-20");

        // closing 10-15 then: 1,000 USD at 0.8; closing 12-05 now: at 0.5; d4 (created 11-10) beside it
        as(repB.key()).get(ROLLUP + "&asOf=2026-11-09").then().statusCode(200)
                .body("totals.categories.amount", equalTo(List.of(800f, 0f, 0f, 0f, 0f)));
        as(repB.key()).get(ROLLUP + "&asOf=2026-11-12").then().statusCode(200)
                .body("totals.categories.amount", equalTo(List.of(500f, 700f, 0f, 0f, 0f)));

        TerritoryFixture territories = TerritoryFixture.activeModel(db, ws.id());
        UUID emea = territories.territory(null, "EMEA", "E", "region");
        territories.place(emea, "d1", "d5");
        // today's territories: d1 (BestCase 1,500 then) and d5 (800 then)
        as(ws.adminKey()).get(ROLLUP + "&scope=territory:" + emea + "&asOf=2026-10-20").then().statusCode(200)
                .body("scope.name", equalTo("EMEA"))
                .body("totals.categories.amount", equalTo(List.of(800f, 1500f, 0f, 0f, 0f)));
    }

    @Test
    void aBadDateIs400NamingAsOf() {
        for (String bad : List.of("2026-13-01", "yesterday", "2026-10-1", "20261015")) {
            as(ws.adminKey()).get(ROLLUP + "&asOf=" + bad).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        }
        assertEquals(1, GraphQLClient.post(ws.adminKey(), "{ forecastRollup(period: \"2026-Q4\", asOf: \"nope\") "
                + "{ asOf } }", null).jsonPath().getList("errors").size());
    }
}
