package org.revops.opportunity;

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
import org.revops.support.TestClock;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.support.CsvPages.csv;
import static org.revops.opportunity.ActivityResourceTest.activity;
import static org.revops.opportunity.ActivityResourceTest.log;
import static org.revops.opportunity.ActivityTargetResourceTest.target;

/**
 * A rep's week 2026-W10 (Monday 2 to Monday 9 March 2026, UTC) and month 2026-03, built by moving the clock: three
 * visits, a proposal and a call in the week, one deal won in it (another lost, another won and reopened, another won
 * the week after), against weekly targets visit 5, proposal 2, signing 1, call 0 and a monthly visit target of 20.
 */
@QuarkusTest
class ActivityAnalyticsTest extends ApiTest {
    private static final String ANALYTICS = "/api/v1/analytics/activity";

    @Inject
    Db db;

    private Workspace ws;
    private Member manager;
    private Member rep;
    private Member colleague;
    private Member outsider;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-02-20T09:00:00Z");
        ws = newWorkspace("Analytics");
        JsonPath pipeline = Fixtures.pipeline(ws.adminKey(), "New business");
        String qualify = pipeline.getString("stages[0].id");
        manager = newMember(ws, "Mona Manager", "manager", null);
        rep = newMember(ws, "Ray Rep", "rep", manager.id());
        colleague = newMember(ws, "Cleo Colleague", "rep", manager.id());
        outsider = newMember(ws, "Otto Outsider", "rep", null);
        String repAccount = Fixtures.account(rep.key(), Map.of("name", "Ray's account"));
        String colleagueAccount = Fixtures.account(colleague.key(), Map.of("name", "Cleo's account"));
        Map<String, Object> deal = Map.of("accountId", repAccount, "stageId", qualify);
        String won = Fixtures.opportunity(rep.key(), deal);
        String lost = Fixtures.opportunity(rep.key(), deal);
        String wonThenReopened = Fixtures.opportunity(rep.key(), deal);
        String wonNextWeek = Fixtures.opportunity(rep.key(), deal);
        String colleagueWon = Fixtures.opportunity(colleague.key(), Map.of("accountId", colleagueAccount,
                "stageId", qualify));
        UUID price = UUID.randomUUID();
        db.query("INSERT INTO close_reasons (workspace_id, id, name, applies_to, created_at, updated_at)"
                        + " VALUES ($1, $2, 'Price', 'lost', $3, $3)",
                Tuple.of(ws.id(), price, OffsetDateTime.parse("2026-02-20T09:00:00Z"))).await().indefinitely();

        TestClock.set("2026-03-05T12:00:00Z");
        close(rep.key(), won, Map.of("won", true));
        close(rep.key(), lost, Map.of("won", false, "reasonId", price.toString()));
        close(rep.key(), wonThenReopened, Map.of("won", true));
        as(rep.key()).body("{}").post("/api/v1/opportunities/" + wonThenReopened + "/reopen").then().statusCode(200);
        close(colleague.key(), colleagueWon, Map.of("won", true));
        TestClock.set("2026-03-10T12:00:00Z");
        close(rep.key(), wonNextWeek, Map.of("won", true));

        log(rep.key(), activity("visit", "2026-03-02T00:00:00Z", "accountId", repAccount)); // first instant: in
        log(rep.key(), activity("visit", "2026-03-04T10:00:00Z", "opportunityId", won));
        log(rep.key(), activity("visit", "2026-03-08T23:59:59Z", "accountId", repAccount));
        log(rep.key(), activity("visit", "2026-03-09T00:00:00Z", "accountId", repAccount)); // the end: next week
        log(rep.key(), activity("proposal", "2026-03-03T15:00:00Z", "opportunityId", won));
        log(rep.key(), activity("call", "2026-03-04T10:00:00Z", "accountId", repAccount));
        log(rep.key(), activity("call", "2026-03-01T23:59:59Z", "accountId", repAccount)); // week 9, but March
        log(colleague.key(), activity("demo", "2026-03-03T10:00:00Z", "accountId", colleagueAccount));
        log(ws.adminKey(), activity("meeting", "2026-03-04T10:00:00Z", "opportunityId", won)); // the admin's

        create(target(rep.id(), "week", "visit", 5));
        create(target(rep.id(), "week", "proposal", 2));
        create(target(rep.id(), "week", "signing", 1));
        create(target(rep.id(), "week", "call", 0));
        create(target(rep.id(), "month", "visit", 20));
        create(target(colleague.id(), "week", "visit", 9));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static void close(String key, String dealId, Map<String, Object> body) {
        as(key).body(body).post("/api/v1/opportunities/" + dealId + "/close").then().statusCode(200);
    }

    private void create(Map<String, Object> body) {
        ActivityTargetResourceTest.create(ws.adminKey(), body);
    }

    /** metric, actual, target, attainment per line, in the fixed metric order. */
    private static void assertLines(JsonPath report, Object[]... lines) {
        assertEquals(List.of("call", "email", "meeting", "visit", "demo", "proposal", "signing"),
                report.getList("metrics.metric"));
        for (Object[] line : lines) {
            String metric = (String) line[0];
            String at = "metrics.find { it.metric == '" + metric + "' }.";
            assertEquals(line[1], report.getInt(at + "actual"), metric + " actual");
            assertEquals(line[2], report.get(at + "target"), metric + " target");
            assertEquals(line[3], report.get(at + "attainment"), metric + " attainment");
        }
    }

    private static JsonPath report(String key, String query) {
        return as(key).get(ANALYTICS + "?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aWeekAgainstWeeklyTargets() {
        JsonPath week = report(rep.key(), "period=2026-W10");
        assertEquals(rep.id().toString(), week.getString("userId"));
        assertEquals("2026-W10", week.getString("period"));
        assertEquals("week", week.getString("periodKind"));
        assertEquals("2026-03-02T00:00:00Z", week.getString("start"));
        assertEquals("2026-03-09T00:00:00Z", week.getString("end"));
        assertLines(week,
                new Object[] {"call", 1, 0, null},          // a target of 0 has no ratio
                new Object[] {"email", 0, null, null},
                new Object[] {"meeting", 0, null, null},    // the admin's meeting on the rep's deal is the admin's
                new Object[] {"visit", 3, 5, 0.6f},         // 3 / 5
                new Object[] {"demo", 0, null, null},       // the colleague's
                new Object[] {"proposal", 1, 2, 0.5f},      // 1 / 2
                new Object[] {"signing", 1, 1, 1.0f});      // won in the week; not the lost, reopened or later one

        JsonPath next = report(rep.key(), "period=2026-W11&userId=" + rep.id());
        assertLines(next,
                new Object[] {"visit", 1, 5, 0.2f},
                new Object[] {"signing", 1, 1, 1.0f},
                new Object[] {"call", 0, 0, null});
    }

    @Test
    void theWeekAsCsvHasOneRecordPerMetric() {
        String period = "," + rep.id() + ",2026-W10,week,2026-03-02T00:00:00Z,2026-03-09T00:00:00Z\r\n";
        assertEquals("metric,actual,target,attainment,userId,period,periodKind,start,end\r\n"
                + "call,1,0," + period
                + "email,0,," + period
                + "meeting,0,," + period
                + "visit,3,5,0.6000" + period
                + "demo,0,," + period
                + "proposal,1,2,0.5000" + period
                + "signing,1,1,1.0000" + period, csv(rep.key(), ANALYTICS + "?period=2026-W10"));
        as(rep.key()).accept("text/csv").get(ANALYTICS + "?period=2026-W99").then().statusCode(400)
                .contentType("application/problem+json");
        as(rep.key()).accept("text/csv").get(ANALYTICS + "?period=2026-W10&userId=" + colleague.id()).then()
                .statusCode(403).contentType("application/problem+json");
        as(rep.key()).accept("application/xml").get(ANALYTICS + "?period=2026-W10").then().statusCode(406)
                .contentType("application/problem+json");
        as(rep.key()).accept("*/*").get(ANALYTICS + "?period=2026-W10").then().statusCode(200)
                .contentType("application/json");
    }

    @Test
    void aMonthAgainstMonthlyTargets() {
        JsonPath month = report(rep.key(), "period=2026-03");
        assertEquals("month", month.getString("periodKind"));
        assertEquals("2026-03-01T00:00:00Z", month.getString("start"));
        assertEquals("2026-04-01T00:00:00Z", month.getString("end"));
        assertLines(month,
                new Object[] {"call", 2, null, null},       // weekly targets do not apply to a month
                new Object[] {"visit", 4, 20, 0.2f},
                new Object[] {"proposal", 1, null, null},
                new Object[] {"signing", 2, null, null});
        assertLines(report(rep.key(), "period=2026-02"),
                new Object[] {"call", 0, null, null}, new Object[] {"visit", 0, 20, 0.0f},
                new Object[] {"signing", 0, null, null});
    }

    @Test
    void managersSeeTheirSubtreeRepsThemselvesAndReadersEveryone() {
        assertLines(report(manager.key(), "period=2026-W10&userId=" + rep.id()),
                new Object[] {"visit", 3, 5, 0.6f}, new Object[] {"signing", 1, 1, 1.0f});
        assertLines(report(manager.key(), "userId=" + colleague.id() + "&period=2026-W10"),
                new Object[] {"visit", 0, 9, 0.0f}, new Object[] {"demo", 1, null, null},
                new Object[] {"signing", 1, null, null});
        assertLines(report(manager.key(), "period=2026-W10"), new Object[] {"visit", 0, null, null});
        as(manager.key()).get(ANALYTICS + "?period=2026-W10&userId=" + outsider.id()).then().statusCode(403)
                .contentType("application/problem+json");
        as(rep.key()).get(ANALYTICS + "?period=2026-W10&userId=" + colleague.id()).then().statusCode(403);
        as(rep.key()).get(ANALYTICS + "?period=2026-W10&userId=" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Workspace other = newWorkspace("Analytics elsewhere");
        as(other.adminKey()).get(ANALYTICS + "?period=2026-W10&userId=" + rep.id()).then().statusCode(404);
        Member auditor = newMember(ws, "Audrey Auditor", "read-only", null);
        assertLines(report(auditor.key(), "period=2026-W10&userId=" + rep.id()),
                new Object[] {"visit", 3, 5, 0.6f});
        assertLines(report(ws.adminKey(), "period=2026-W10&userId=" + rep.id()),
                new Object[] {"proposal", 1, 2, 0.5f});
    }

    @Test
    void periodsThatDoNotParseAndUnknownParametersAre400sNamingTheField() {
        for (String period : Arrays.asList("2026-W54", "2027-W53", "2026-13", "2026-00", "March", "2026-W1",
                "2026-11-01", "")) {
            as(rep.key()).queryParam("period", period).get(ANALYTICS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("period"));
        }
        as(rep.key()).get(ANALYTICS).then().statusCode(400).body("errors[0].field", equalTo("period"));
        as(rep.key()).get(ANALYTICS + "?period=2026-W10&period=2026-W11").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        as(rep.key()).get(ANALYTICS + "?period=2026-W10&user=me").then().statusCode(400)
                .body("errors[0].field", equalTo("user"));
        as(rep.key()).get(ANALYTICS + "?period=2026-W10&userId=me").then().statusCode(400)
                .body("errors[0].field", equalTo("userId"));
    }

    @Test
    void theFiguresCostOneStatementAfterTheUserCheck() {
        long before = db.statementCount();
        report(manager.key(), "period=2026-W10&userId=" + rep.id());
        // authentication + the user check + the actuals and targets
        assertEquals(3, db.statementCount() - before);
    }
}
