package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Snapshots of every scope of {@link ForecastCallsData}, retakes, the weekly job's rule, and trends. */
@QuarkusTest
class ForecastSnapshotTest extends ApiTest {
    static final String SNAPSHOTS = "/api/v1/forecast-snapshots";
    static final String TREND = "/api/v1/forecasts/trend";

    @Inject
    Db db;
    @Inject
    ForecastSnapshotService snapshots;
    @Inject
    ForecastSnapshotSchedule schedule;

    Workspace ws;
    ForecastCallsData data;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Forecast snapshots");
        Member manager = newMember(ws, "Mo Manager", "manager", null);
        data = new ForecastCallsData(db, ws, manager, newMember(ws, "Ana Rep", "rep", manager.id()),
                newMember(ws, "Ben Rep", "rep", manager.id()));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** closed, commit_amount, best_case, pipeline, adjusted_commit, weighted_pipeline, open_count, quota of a scope. */
    private List<Object> row(String type, UUID scope, String day) {
        return row("2026-Q4", type, scope, day);
    }

    private List<Object> row(String period, String type, UUID scope, String day) {
        Row r = data.sql("SELECT * FROM forecast_snapshots WHERE workspace_id = $1 AND scope_type = $2 AND scope_id = $3"
                + " AND period_id = $4 AND taken_on = $5", ws.id(), type, scope, period, java.time.LocalDate.parse(day)).iterator().next();
        List<Object> out = new ArrayList<>();
        for (String column : List.of("closed", "commit_amount", "best_case", "pipeline", "adjusted_commit",
                "weighted_pipeline", "quota")) {
            BigDecimal value = r.getBigDecimal(column);
            out.add(value == null ? null : value.stripTrailingZeros().toPlainString());
        }
        out.add(r.getInteger("open_count"));
        out.add(r.getString("trigger"));
        return out;
    }

    @Test
    void aManualSnapshotKeepsEveryScopeAndARetakeTheSameDayReplacesIt() {
        data.territories();
        TestClock.set("2026-11-02T10:00:00Z");
        as(ws.adminKey()).body(Map.of("periodIds", List.of("2026-Q4"))).post(SNAPSHOTS).then().statusCode(201)
                .body("taken", equalTo(8)).body("takenOn", equalTo("2026-11-02"))
                .body("periodIds", equalTo(List.of("2026-Q4")));
        // the workspace, the admin, M, A, B, Global, EMEA, North America
        assertEquals(8, data.count("forecast_snapshots"));
        assertEquals(List.of("5000", "2000", "3000", "6700", "2000", "4270", "18000", 5, "manual"),
                row("workspace", ws.id(), "2026-11-02"));
        assertEquals(List.of("5000", "2000", "3000", "6700", "2000", "4270", "18000", 5, "manual"),
                row("user", data.manager.id(), "2026-11-02"));
        // 10 % of 2,700 + 60 % of 1,000 + 90 % of 2,000
        assertEquals(List.of("5000", "2000", "1000", "2700", "2000", "2670", "10000", 3, "manual"),
                row("user", data.repA.id(), "2026-11-02"));
        assertEquals(java.util.Arrays.asList("0", "0", "0", "0", "0", "0", null, 0, "manual"),
                row("user", ws.adminId(), "2026-11-02"));
        assertEquals(List.of("0", "2000", "1000", "0", "2000", "2400", "5000", 2, "manual"),
                row("territory", data.emea, "2026-11-02"));
        assertEquals(List.of("0", "2000", "3000", "4000", "2000", "4000", "9000", 4, "manual"),
                row("territory", data.global, "2026-11-02"));

        // A calls a higher commit; the retake the same day replaces the day's rows
        data.adjustment(data.repA.id(), "Commit", 2500, data.repA.id());
        TestClock.set("2026-11-02T16:00:00Z");
        as(ws.adminKey()).body(Map.of("periodIds", List.of("2026-Q4"))).post(SNAPSHOTS).then().statusCode(201)
                .body("taken", equalTo(8));
        assertEquals(8, data.count("forecast_snapshots"));
        assertEquals(List.of("5000", "2000", "1000", "2700", "2500", "2670", "10000", 3, "manual"),
                row("user", data.repA.id(), "2026-11-02"));
        assertEquals("2500", row("user", data.manager.id(), "2026-11-02").get(4));
        // territories are never adjusted
        assertEquals("2000", row("territory", data.emea, "2026-11-02").get(4));
    }

    @Test
    void theDefaultPeriodsAreTheCurrentMonthQuarterAndYearAndTheWeeklyRunKeepsADayAlreadyTaken() {
        TestClock.set("2026-11-09T02:00:00Z");
        as(ws.adminKey()).post(SNAPSHOTS).then().statusCode(201).body("taken", equalTo(15))
                .body("periodIds", equalTo(List.of("2026-11", "2026-Q4", "FY2026")));
        // November alone: A's Commit 2,000 (90 %) and Pipeline 2,700 (10 %); no quota for the month
        assertEquals(java.util.Arrays.asList("0", "2000", "0", "2700", "2000", "2070", null, 2, "manual"),
                row("2026-11", "user", data.repA.id(), "2026-11-09"));

        // the weekly run the same day keeps the manual rows; a week later it writes its own, once
        assertEquals(0, snapshots.take(ws.id(), null, "weekly").await().atMost(Duration.ofSeconds(30)).taken());
        assertEquals(15, data.count("forecast_snapshots"));
        TestClock.set("2026-11-16T02:00:00Z");
        assertEquals(15, snapshots.take(ws.id(), null, "weekly").await().atMost(Duration.ofSeconds(30)).taken());
        assertEquals(0, snapshots.take(ws.id(), null, "weekly").await().atMost(Duration.ofSeconds(30)).taken());
        assertEquals(30, data.count("forecast_snapshots"));
        assertEquals(15L, data.sql("SELECT count(*) AS n FROM forecast_snapshots WHERE workspace_id = $1"
                + " AND trigger = 'weekly' AND taken_on = '2026-11-16'", ws.id()).iterator().next().getLong("n"));

        // the scheduled run: every workspace, this one included
        TestClock.set("2026-11-23T02:00:00Z");
        schedule.takeForEveryWorkspace().await().atMost(Duration.ofSeconds(120));
        assertEquals(45, data.count("forecast_snapshots"));
    }

    @Test
    void theTrendListsASnapshotPerDayAndTodaysLiveNumbers() {
        TestClock.set("2026-11-02T10:00:00Z");
        as(ws.adminKey()).body(Map.of("periodIds", List.of("2026-Q4"))).post(SNAPSHOTS).then().statusCode(201);
        TestClock.set("2026-11-09T10:00:00Z");
        data.close("b1");
        data.adjustment(data.repB.id(), "BestCase", 1500, data.manager.id());
        snapshots.take(ws.id(), List.of("2026-Q4"), "weekly").await().atMost(Duration.ofSeconds(30));
        TestClock.set("2026-11-12T10:00:00Z");
        data.close("a2");

        JsonPath m = as(data.manager.key()).get(TREND + "?period=2026-Q4").then().statusCode(200)
                .body("scope.type", equalTo("user")).body("scope.id", equalTo(data.manager.id().toString()))
                .body("scope.name", equalTo("Mo Manager")).body("period.id", equalTo("2026-Q4"))
                .body("currency", equalTo("EUR")).extract().jsonPath();
        assertEquals(List.of("2026-11-02", "2026-11-09"), m.getList("points.takenOn"));
        assertEquals(List.of("manual", "weekly"), m.getList("points.trigger"));
        assertEquals(Map.of("closed", 5000f, "commit", 7000f, "bestCase", 10000f, "openPipeline", 11700f),
                m.getMap("points[0].computed"));
        // b1 won: 4,000 moves from Pipeline to Closed
        assertEquals(Map.of("closed", 9000f, "commit", 11000f, "bestCase", 14000f, "openPipeline", 7700f),
                m.getMap("points[1].computed"));
        // M's call on B's best case: 1,500 beside the computed 0
        assertEquals(Map.of("closed", 9000f, "commit", 11000f, "bestCase", 15500f, "openPipeline", 9200f),
                m.getMap("points[1].adjusted"));
        assertEquals(List.of(4270f, 3870f), m.getList("points.weightedPipeline"));
        assertEquals(List.of(5, 4), m.getList("points.openCount"));
        assertEquals(List.of(18000f, 18000f), m.getList("points.quota"));
        // live: a2 won too
        assertEquals("2026-11-12", m.getString("latest.takenOn"));
        assertEquals("live", m.getString("latest.trigger"));
        assertEquals(Map.of("closed", 11000f, "commit", 11000f, "bestCase", 14000f, "openPipeline", 5700f),
                m.getMap("latest.computed"));
        assertEquals(2070f, m.getFloat("latest.weightedPipeline"));
        assertEquals(3, m.getInt("latest.openCount"));

        JsonPath w = GraphQLClient.ok(ws.adminKey(), "{ forecastTrend(period: \"2026-Q4\", scope: \"workspace\") "
                + "{ scope { type } points { takenOn computed { closed } } latest { computed { closed } } } }", null);
        assertEquals(List.of("2026-11-02", "2026-11-09"), w.getList("data.forecastTrend.points.takenOn"));
        assertEquals(List.of(5000f, 9000f), w.getList("data.forecastTrend.points.computed.closed"));
        assertEquals(11000f, w.getFloat("data.forecastTrend.latest.computed.closed"));
        as(data.repA.key()).get(TREND + "?period=2026-Q4&scope=me").then().statusCode(200)
                .body("points.computed.closed", equalTo(List.of(5000f, 5000f)));
    }

    @Test
    void onlyAnAdminTakesSnapshotsAndTrendsFollowTheRollupsAccessRules() {
        data.territories();
        as(data.manager.key()).post(SNAPSHOTS).then().statusCode(403).contentType("application/problem+json");
        as(data.repA.key()).post(SNAPSHOTS).then().statusCode(403);
        assertEquals(0, data.count("forecast_snapshots"));
        as(ws.adminKey()).body(Map.of("periodIds", List.of("2026-Q4", "2026-Q5"))).post(SNAPSHOTS).then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("periodIds[1]"));
        as(ws.adminKey()).body(Map.of("periodIds", List.of())).post(SNAPSHOTS).then().statusCode(422)
                .body("errors[0].field", equalTo("periodIds"));
        assertEquals(0, data.count("forecast_snapshots"));
        GraphQLClient.ok(ws.adminKey(), "mutation { takeForecastSnapshots(input: {periodIds: [\"2026-Q4\"]}) "
                + "{ snapshots { taken } userErrors { field } } }", null);
        assertEquals(8, data.count("forecast_snapshots"));

        as(data.repA.key()).get(TREND + "?period=2026-Q4&scope=user:" + data.manager.id()).then().statusCode(403)
                .contentType("application/problem+json");
        as(data.repA.key()).get(TREND + "?period=2026-Q4&scope=territory:" + data.emea).then().statusCode(403);
        as(data.manager.key()).get(TREND + "?period=2026-Q4&scope=workspace").then().statusCode(403);
        as(data.manager.key()).get(TREND + "?period=2026-Q4&scope=user:" + ws.adminId()).then().statusCode(403);
        as(data.manager.key()).get(TREND + "?period=2026-Q4&scope=territory:" + data.emea).then().statusCode(200)
                .body("points.computed.commit", equalTo(List.of(2000f)));
        as(data.manager.key()).get(TREND + "?period=2026-Q4&scope=user:" + UUID.randomUUID()).then().statusCode(404);
        as(ws.adminKey()).get(TREND + "?period=2026-Q4&scope=territory:" + UUID.randomUUID()).then().statusCode(404);
        for (String query : List.of("", "?period=2026-Q9", "?period=2026-Q4&scope=team:1")) {
            as(data.manager.key()).get(TREND + query).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(query.contains("scope") ? "scope" : "period"));
        }
    }
}
