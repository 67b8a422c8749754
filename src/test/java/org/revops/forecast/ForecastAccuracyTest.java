package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Accuracy of {@link ForecastCallsData}'s 2026-Q4: on 1 December M, A and B submit and the admin snapshots every scope
 * (M and the workspace at commit 7,000, A 7,000, B 0); on 15 December A calls 7,500; b1 (4,000) is won on 20
 * December; on 2 January A calls 5,000 and a snapshot is taken, both too late to count. Actual closed: A 5,000, B
 * 4,000, M and the workspace 9,000, the admin 0.
 */
@QuarkusTest
class ForecastAccuracyTest extends ApiTest {
    static final String ACCURACY = "/api/v1/forecasts/accuracy";

    @Inject
    Db db;

    Workspace ws;
    ForecastCallsData data;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Forecast accuracy");
        Member manager = newMember(ws, "Mo Manager", "manager", null);
        data = new ForecastCallsData(db, ws, manager, newMember(ws, "Ana Rep", "rep", manager.id()),
                newMember(ws, "Ben Rep", "rep", manager.id()));
        TestClock.set("2026-12-01T09:00:00Z");
        for (Member who : List.of(data.manager, data.repA, data.repB)) {
            submit(who);
        }
        as(ws.adminKey()).body(Map.of("periodIds", List.of("2026-Q4"))).post("/api/v1/forecast-snapshots").then()
                .statusCode(201);
        TestClock.set("2026-12-15T09:00:00Z");
        data.adjustment(data.repA.id(), "Commit", 2500, data.repA.id());
        submit(data.repA);
        TestClock.set("2026-12-20T09:00:00Z");
        data.close("b1");
        TestClock.set("2027-01-02T09:00:00Z");
        data.adjustment(data.repA.id(), "Commit", 0, data.repA.id());
        submit(data.repA);
        as(ws.adminKey()).body(Map.of("periodIds", List.of("2026-Q4"))).post("/api/v1/forecast-snapshots").then()
                .statusCode(201);
        TestClock.set("2027-01-05T09:00:00Z");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private void submit(Member who) {
        as(who.key()).body(Map.of("periodId", "2026-Q4")).post("/api/v1/forecast-submissions").then().statusCode(201);
    }

    @Test
    void everyCallIsJudgedAgainstWhatClosed() {
        JsonPath a = as(ws.adminKey()).get(ACCURACY + "?period=2026-Q4").then().statusCode(200)
                .body("period.id", equalTo("2026-Q4")).body("measure", equalTo("commit"))
                .body("currency", equalTo("EUR")).extract().jsonPath();
        assertEquals(List.of("Ana Rep", "Ben Rep", "Mo Manager"), a.getList("submissions.scope.name"));
        assertEquals(List.of("2026-12-15", "2026-12-01", "2026-12-01"), a.getList("submissions.calledOn"));
        assertEquals(List.of(7500f, 0f, 7000f), a.getList("submissions.forecast"));
        assertEquals(List.of(5000f, 4000f, 9000f), a.getList("submissions.actual"));
        assertEquals(List.of(2500f, -4000f, -2000f), a.getList("submissions.error"));
        assertEquals(List.of(0.5f, 1f, 0.2222f), a.getList("submissions.absolutePercentageError"));

        String admin = "Forecast accuracy Admin";
        assertEquals(List.of("workspace", "user", "user", "user", "user"), a.getList("snapshots.scope.type"));
        assertEquals(List.of("Workspace", "Ana Rep", "Ben Rep", admin, "Mo Manager"), a.getList("snapshots.scope.name"));
        assertEquals(List.of("2026-12-01"), a.getList("snapshots.calledOn").stream().distinct().toList());
        assertEquals(List.of(7000f, 7000f, 0f, 0f, 7000f), a.getList("snapshots.forecast"));
        assertEquals(List.of(9000f, 5000f, 4000f, 0f, 9000f), a.getList("snapshots.actual"));
        assertEquals(List.of(-2000f, 2000f, -4000f, 0f, -2000f), a.getList("snapshots.error"));
        // no percentage of nothing: the admin closed 0
        assertEquals(Arrays.asList(0.2222f, 0.4f, 1f, null, 0.2222f), a.getList("snapshots.absolutePercentageError"));
        // (0.5 + 1 + 2/9) ÷ 3 and (2/9 + 0.4 + 1 + 2/9) ÷ 4
        assertEquals(Map.of("submissions", 3, "submissionsMape", 0.5741f, "snapshots", 5, "snapshotsMape", 0.4611f),
                a.getMap("summary"));

        JsonPath best = as(ws.adminKey()).get(ACCURACY + "?period=2026-Q4&measure=bestCase").then().statusCode(200)
                .body("measure", equalTo("bestCase")).extract().jsonPath();
        // A: 5,000 + 2,500 + 1,000; M: 5,000 + 2,000 + 3,000
        assertEquals(List.of(8500f, 0f, 10000f), best.getList("submissions.forecast"));
        assertEquals(List.of(0.7f, 1f, 0.1111f), best.getList("submissions.absolutePercentageError"));

        JsonPath gql = GraphQLClient.ok(ws.adminKey(), "{ forecastAccuracy(period: \"2026-Q4\") { submissions "
                + "{ source scope { id } error } summary { snapshotsMape } } }", null);
        assertEquals(List.of("submission"), gql.getList("data.forecastAccuracy.submissions.source").stream()
                .distinct().toList());
        assertEquals(0.4611f, gql.getFloat("data.forecastAccuracy.summary.snapshotsMape"));
    }

    @Test
    void eachSeesTheRowsOfTheirScopes() {
        JsonPath m = as(data.manager.key()).get(ACCURACY + "?period=2026-Q4").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("Ana Rep", "Ben Rep", "Mo Manager"), m.getList("submissions.scope.name"));
        assertEquals(List.of("Ana Rep", "Ben Rep", "Mo Manager"), m.getList("snapshots.scope.name"));
        // (0.4 + 1 + 2/9) ÷ 3
        assertEquals(0.5407f, m.getFloat("summary.snapshotsMape"));
        as(data.repB.key()).get(ACCURACY + "?period=2026-Q4").then().statusCode(200)
                .body("submissions.scope.name", equalTo(List.of("Ben Rep")))
                .body("snapshots.scope.name", equalTo(List.of("Ben Rep")))
                .body("summary.submissionsMape", equalTo(1f)).body("summary.snapshotsMape", equalTo(1f));
        Workspace other = newWorkspace("Elsewhere");
        as(other.adminKey()).get(ACCURACY + "?period=2026-Q4").then().statusCode(200)
                .body("submissions", equalTo(List.of())).body("summary.submissionsMape", equalTo(null));
    }

    @Test
    void aPeriodThatHasNotEndedOrBadParametersAre400() {
        TestClock.set("2026-12-31T23:00:00Z");
        as(ws.adminKey()).get(ACCURACY + "?period=2026-Q4").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        TestClock.set("2027-01-01T00:00:00Z");
        as(ws.adminKey()).get(ACCURACY + "?period=2026-Q4").then().statusCode(200);
        for (String query : List.of("", "?period=2026-Q9", "?period=2026-Q4&measure=pipeline")) {
            as(data.manager.key()).get(ACCURACY + query).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(query.contains("measure") ? "measure" : "period"));
        }
    }
}
