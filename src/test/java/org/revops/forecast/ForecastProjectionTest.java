package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A hand-computed projection of 2026-Q4 (92 days) on 2026-11-20 (51 days elapsed), in EUR. Closed history in the
 * last 365 days (all rep A, pipeline Sales):
 * <pre>
 * h1  Qualify 06-01 → Proposal 06-11 → won 06-21      Qualify: won in 20 days, Proposal: won in 10
 * h2  Qualify 07-01 → Proposal 07-05 → won 07-31      Qualify: 30, Proposal: 26
 * h3  Qualify 08-01 → lost 08-10
 * h4  Proposal 08-01 → lost 08-15
 * w1  Proposal 10-01 → won 11-15, 5,100 closing 11-15 Proposal: 45; the period's closed so far
 * old Qualify 2025-01-01 → lost 2025-06-01            outside 365 days, inside 1825
 * </pre>
 * So Sales/Qualify wins 2 of 3 (median cycle 25 days) and Sales/Proposal 3 of 4 (median of 10, 26, 45 = 26). The
 * Renewals pipeline has no history: its stage probabilities stand in (Qualify 10 %, Proposal 60 %). Open deals:
 * <pre>
 * o1  A  Sales/Qualify     3,000  entered 11-01        → 11-26, in: 3,000 × 2/3 = 2,000
 * o2  A  Sales/Proposal    1,000  entered 10-10        → 11-05, so today: 1,000 × 3/4 = 750
 * o3  A  Sales/Proposal    4,000  entered 11-20        → 12-16, in: 3,000
 * o4  A  Renewals/Proposal 2,000  closing 2027-02-15   → out
 * o5  A  Renewals/Proposal   500  closing 12-20        → in: 300
 * u1  A  Sales/Qualify       100 USD, no rate          → unconverted
 * o6  B  Sales/Qualify     9,000  entered 11-20        → 12-15, in: 6,000
 * </pre>
 * Rep A: expected 6,050, projection 5,100 + 6,050 = 11,150, run rate 5,100 ÷ 51 × 92 = 9,200.
 */
@QuarkusTest
class ForecastProjectionTest extends ApiTest {
    static final String PROJECTION = "/api/v1/forecasts/projection?period=2026-Q4";

    Workspace ws;
    Member repA;
    Member repB;
    String account;
    String lostReason;
    Map<String, String> stages = new HashMap<>();
    Map<String, String> deals = new HashMap<>();

    @BeforeEach
    void setUp() {
        on("2025-01-01");
        ws = newWorkspace("Projection");
        repA = newMember(ws, "Ana Rep", "rep", null);
        repB = newMember(ws, "Ben Rep", "rep", null);
        JsonPath sales = Fixtures.pipeline(ws.adminKey(), "Sales");
        JsonPath renewals = Fixtures.pipeline(ws.adminKey(), "Renewals");
        stages.put("Qualify", sales.getString("stages[0].id"));
        stages.put("Proposal", sales.getString("stages[1].id"));
        stages.put("R-Proposal", renewals.getString("stages[1].id"));
        account = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
        lostReason = as(ws.adminKey()).body(Map.of("name", "Price", "appliesTo", "lost"))
                .post("/api/v1/close-reasons").then().statusCode(201).extract().path("id");

        deal("old", repA, "Qualify", 100, "EUR", "2025-06-30");
        on("2025-06-01");
        close("old", false);

        on("2026-06-01");
        deal("h1", repA, "Qualify", 1000, "EUR", "2026-06-30");
        on("2026-06-11");
        move("h1", "Proposal");
        on("2026-06-21");
        close("h1", true);
        on("2026-07-01");
        deal("h2", repA, "Qualify", 1000, "EUR", "2026-07-31");
        on("2026-07-05");
        move("h2", "Proposal");
        on("2026-07-31");
        close("h2", true);
        on("2026-08-01");
        deal("h3", repA, "Qualify", 1000, "EUR", "2026-08-31");
        deal("h4", repA, "Proposal", 1000, "EUR", "2026-08-31");
        on("2026-08-10");
        close("h3", false);
        on("2026-08-15");
        close("h4", false);

        on("2026-10-01");
        deal("w1", repA, "Proposal", 5100, "EUR", "2026-11-15");
        deal("o2", repA, "Qualify", 1000, "EUR", "2026-12-01");
        on("2026-10-10");
        move("o2", "Proposal");
        on("2026-11-01");
        deal("o1", repA, "Qualify", 3000, "EUR", "2027-02-01");
        on("2026-11-15");
        close("w1", true);
        on("2026-11-20");
        deal("o3", repA, "Proposal", 4000, "EUR", "2026-12-31");
        deal("o4", repA, "R-Proposal", 2000, "EUR", "2027-02-15");
        deal("o5", repA, "R-Proposal", 500, "EUR", "2026-12-20");
        deal("u1", repA, "Qualify", 100, "USD", "2026-12-01");
        deal("o6", repB, "Qualify", 9000, "EUR", "2026-12-01");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static void on(String day) {
        TestClock.set(day + "T12:00:00Z");
    }

    private void deal(String name, Member owner, String stage, int amount, String currency, String closeDate) {
        Map<String, Object> body = Map.of("name", name, "accountId", account, "stageId", stages.get(stage),
                "ownerId", owner.id().toString(), "amount", amount, "currency", currency, "closeDate", closeDate);
        deals.put(name, as(ws.adminKey()).body(body).post("/api/v1/opportunities").then().statusCode(201)
                .extract().path("id"));
    }

    private void move(String name, String stage) {
        as(ws.adminKey()).body(Map.of("stageId", stages.get(stage))).patch("/api/v1/opportunities/" + deals.get(name))
                .then().statusCode(200);
    }

    private void close(String name, boolean won) {
        as(ws.adminKey()).body(won ? Map.of("won", true) : Map.of("won", false, "reasonId", lostReason))
                .post("/api/v1/opportunities/" + deals.get(name) + "/close").then().statusCode(200);
    }

    @Test
    void aRepsProjectionAppliesTheStagesHistoryToTheirOpenDeals() {
        JsonPath a = as(repA.key()).get(PROJECTION).then().statusCode(200).contentType("application/json")
                .body("scope.id", equalTo(repA.id().toString())).body("today", equalTo("2026-11-20"))
                .body("lookbackDays", equalTo(365)).body("currency", equalTo("EUR"))
                .extract().jsonPath();
        assertEquals(List.of("Renewals / Qualify", "Renewals / Proposal", "Sales / Qualify", "Sales / Proposal"),
                a.getList("stages.name"));
        assertEquals(List.of(0.1f, 0.6f, 0.6667f, 0.75f), a.getList("stages.winRate"));
        assertEquals(List.of("probability", "probability", "history", "history"), a.getList("stages.source"));
        assertEquals(java.util.Arrays.asList(null, null, 25, 26), a.getList("stages.cycleDays"));
        assertEquals(List.of(0, 0, 3, 4), a.getList("stages.closedDeals"));
        assertEquals(List.of(0, 0, 2, 3), a.getList("stages.wonDeals"));
        assertEquals(List.of(0, 2, 1, 2), a.getList("stages.openDeals"));
        assertEquals(List.of(0f, 2500f, 3000f, 5000f), a.getList("stages.openAmount"));
        assertEquals(List.of(0, 1, 1, 2), a.getList("stages.countedDeals"));
        assertEquals(List.of(0f, 300f, 2000f, 3750f), a.getList("stages.expected"));
        assertEquals(5100f, a.getFloat("closedToDate"));
        assertEquals(6050f, a.getFloat("pipelineExpected"));
        assertEquals(11150f, a.getFloat("projection"));
        assertEquals(9200f, a.getFloat("runRate"));
        assertEquals(Map.of("closed", 5100f, "commit", 5100f, "bestCase", 10600f, "openPipeline", 5500f),
                a.getMap("computed"));
        assertEquals(List.of(Map.of("currency", "USD", "count", 1, "amount", 100f)), a.getList("unconverted"));

        // the workspace adds rep B's 9,000 in Sales/Qualify: 6,000 more
        as(ws.adminKey()).get(PROJECTION + "&scope=workspace").then().statusCode(200)
                .body("pipelineExpected", equalTo(12050f)).body("projection", equalTo(17150f))
                .body("stages[2].openAmount", equalTo(12000f)).body("stages[2].expected", equalTo(8000f));
    }

    @Test
    void theLookBackWindowDecidesWhichClosedDealsTeach() {
        // 30 days: only w1 (Proposal, won in 45 days); Qualify falls back to 10 % and to the close date (2027: out)
        JsonPath short30 = as(repA.key()).get(PROJECTION + "&lookbackDays=30").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(0.1f, 1.0f), short30.getList("stages.winRate").subList(2, 4));
        assertEquals(java.util.Arrays.asList(null, 45), short30.getList("stages.cycleDays").subList(2, 4));
        // o2 10-10 + 45 = 11-24 in; o3 11-20 + 45 = 2027-01-04 out; Renewals 300
        assertEquals(List.of(0f, 1000f), short30.getList("stages.expected").subList(2, 4));
        assertEquals(1300f, short30.getFloat("pipelineExpected"));
        // five years: the old lost deal joins Qualify, 2 of 4
        as(repA.key()).get(PROJECTION + "&lookbackDays=1825").then().statusCode(200)
                .body("stages[2].winRate", equalTo(0.5f)).body("stages[2].closedDeals", equalTo(4));
    }

    @Test
    void beforeThePeriodThereIsNoRunRateAndAfterItTheClosedAmount() {
        as(repA.key()).get("/api/v1/forecasts/projection?period=2027-Q1").then().statusCode(200)
                .body("runRate", equalTo(null)).body("closedToDate", equalTo(0f));
        // Q3 is over: nothing open can land in it, the run rate is what closed (h2's 1,000 on 07-31; h1 in June)
        as(repA.key()).get("/api/v1/forecasts/projection?period=2026-Q3").then().statusCode(200)
                .body("closedToDate", equalTo(1000f)).body("runRate", equalTo(1000f))
                .body("pipelineExpected", equalTo(0f)).body("projection", equalTo(1000f));
    }

    @Test
    void graphQLAnswersTheSame() {
        JsonPath gql = GraphQLClient.ok(repA.key(), "{ forecastProjection(period: \"2026-Q4\", lookbackDays: 365) "
                + "{ projection runRate method stages { name winRate source expected } computed { commit bestCase } } }",
                null);
        assertNull(gql.get("errors"));
        assertEquals(11150f, gql.getFloat("data.forecastProjection.projection"));
        assertEquals(9200f, gql.getFloat("data.forecastProjection.runRate"));
        assertEquals(10600f, gql.getFloat("data.forecastProjection.computed.bestCase"));
        assertEquals("history", gql.getString("data.forecastProjection.stages[3].source"));
        assertEquals(1, GraphQLClient.post(repA.key(), "{ forecastProjection(period: \"2026-Q4\", lookbackDays: 10) "
                + "{ projection } }", null).jsonPath().getList("errors").size());
    }

    @Test
    void badInputIs400AndARepSeesOnlyTheirOwn() {
        Map<String, String> bad = Map.of(
                "&lookbackDays=29", "lookbackDays",
                "&lookbackDays=1826", "lookbackDays",
                "&lookbackDays=year", "lookbackDays",
                "&scope=team:x", "scope");
        bad.forEach((query, field) -> as(repA.key()).get(PROJECTION + query).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        as(repA.key()).get("/api/v1/forecasts/projection?period=2026-Q5").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        as(repA.key()).get(PROJECTION + "&scope=user:" + repB.id()).then().statusCode(403)
                .contentType("application/problem+json");
        as(repA.key()).get(PROJECTION + "&scope=workspace").then().statusCode(403);
        Workspace other = newWorkspace("Elsewhere");
        as(other.adminKey()).get(PROJECTION + "&scope=user:" + repA.id()).then().statusCode(404);
    }
}
