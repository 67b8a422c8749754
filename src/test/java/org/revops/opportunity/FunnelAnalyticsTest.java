package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.TestClock;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** GET /api/v1/analytics/funnel over the hand-checked deals of {@link FunnelScenario}. */
@QuarkusTest
class FunnelAnalyticsTest extends ApiTest {
    private static final String FUNNEL = "/api/v1/analytics/funnel";

    @Inject
    Db db;

    /** Built once for the class: the tests only read it (the one that adds deals uses a pipeline of its own). */
    private static FunnelScenario s;

    @BeforeEach
    void setUp() {
        if (s == null) {
            Workspace ws = newWorkspace("Funnel");
            Member mona = newMember(ws, "Mona Manager", "manager", null);
            Member ray = newMember(ws, "Ray Rep", "rep", mona.id());
            Member otto = newMember(ws, "Otto Outsider", "rep", null);
            s = new FunnelScenario(ws, mona, ray, otto, db).build();
            TestClock.reset();
        }
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** The funnel as JSON, with decimals read as BigDecimal so their scale is checked too. */
    private JsonPath funnel(String key, String query) {
        Response response = as(key).get(FUNNEL + "?pipelineId=" + s.pipelineId + (query.isEmpty() ? "" : "&" + query));
        response.then().statusCode(200).contentType("application/json");
        return JsonPath.from(response.asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static void assertDecimal(String expected, Object actual, String what) {
        assertEquals(expected == null ? null : new BigDecimal(expected), actual, what);
    }

    private static List<Integer> reached(JsonPath funnel) {
        return funnel.getList("steps.reached", Integer.class);
    }

    @Test
    void theWholeFunnelFromTheHistory() {
        JsonPath f = funnel(s.ws.adminKey(), "");
        assertEquals(List.of(1, 2, 3, 4), f.getList("steps.step", Integer.class));
        assertEquals(List.of("Qualify", "Demo", "Proposal", "Won"), f.getList("steps.name"));
        assertEquals(Arrays.asList(s.qualify, s.demo, s.proposal, null), f.getList("steps.stageId"));
        assertEquals(List.of(false, false, false, true), f.getList("steps.won"));
        // reached: Qualify all 5; Demo A, B, D (skipped it), E (won); Proposal A, D, E; won A, E
        assertEquals(List.of(5, 4, 3, 2), reached(f));
        assertEquals(List.of(1, 0, 1, 2), f.getList("steps.currentCount", Integer.class));
        List<Object> amounts = f.getList("steps.currentAmount");
        assertDecimal("1000.0000", amounts.get(0), "C in Qualify");
        assertDecimal("0.0000", amounts.get(1), "nobody in Demo");
        assertDecimal("2000.0000", amounts.get(2), "D in Proposal");
        assertDecimal("16000.0000", amounts.get(3), "A + E won");
        List<Object> conversions = f.getList("steps.conversionToNext");
        assertDecimal("0.8000", conversions.get(0), "4/5");
        assertDecimal("0.7500", conversions.get(1), "3/4");
        assertDecimal("0.6667", conversions.get(2), "2/3");
        assertNull(conversions.get(3));

        assertEquals(5, f.getInt("deals"));
        assertEquals(2, f.getInt("openDeals"));
        assertEquals(2, f.getInt("wonDeals"));
        assertEquals(1, f.getInt("lostDeals"));
        assertDecimal("0.6667", f.get("winRate"), "2 won / 3 closed");
        // A: 2026-01-05T09:00 → 01-25T09:00 = 20 days; E: 01-07T09:00 → 01-17T21:00 = 10.5 → 10 whole days
        assertDecimal("15.00", f.get("averageSalesCycleDays"), "(20 + 10) / 2");
        assertDecimal("15.00", f.get("medianSalesCycleDays"), "middle of 10, 20");
        assertDecimal("8000.0000", f.get("averageWonAmount"), "(10000 + 6000) / 2");
        // 2 open × 2/3 × 8000 ÷ 15 days = 711.111…
        assertDecimal("711.1111", f.get("pipelineVelocity"), "velocity");
        assertEquals(3, f.getInt("largestDrop.step"));
        assertEquals(s.proposal, f.getString("largestDrop.stageId"));
        assertEquals("Proposal", f.getString("largestDrop.name"));
        assertDecimal("0.6667", f.get("largestDrop.conversionToNext"), "lowest conversion");
        assertDecimal("0.3333", f.get("largestDrop.dropRate"), "1 - 2/3");
        assertEquals(s.pipelineId, f.getString("pipelineId"));
        assertNull(f.get("from"));
    }

    @Test
    void filtersNarrowTheCohort() {
        // created on or after 01-06: C, D, E
        JsonPath late = funnel(s.ws.adminKey(), "from=2026-01-06");
        assertEquals(List.of(3, 2, 2, 1), reached(late));
        assertDecimal("1.0000", late.get("winRate"), "E won, none lost");
        assertDecimal("10.00", late.get("averageSalesCycleDays"), "E");
        assertDecimal("6000.0000", late.get("averageWonAmount"), "E");
        assertDecimal("1200.0000", late.get("pipelineVelocity"), "2 × 1 × 6000 ÷ 10");
        assertEquals(3, late.getInt("largestDrop.step"));
        assertDecimal("0.5000", late.get("largestDrop.dropRate"), "2 → 1");
        assertEquals("2026-01-06", late.getString("from"));

        // created before 01-06: A, B; nothing open, so velocity is 0 (known), not null
        JsonPath early = funnel(s.ws.adminKey(), "to=2026-01-06");
        assertEquals(List.of(2, 2, 1, 1), reached(early));
        assertDecimal("0.5000", early.get("winRate"), "A won, B lost");
        assertDecimal("0.0000", early.get("pipelineVelocity"), "no open deal");
        assertEquals(2, early.getInt("largestDrop.step"));
        assertEquals(1, funnel(s.ws.adminKey(), "from=2026-01-05&to=2026-01-06").getInt("wonDeals"));

        assertEquals(List.of(3, 2, 1, 1), reached(funnel(s.ws.adminKey(), "ownerId=" + s.ray.id())));
        assertEquals(List.of(4, 3, 2, 1), reached(funnel(s.ws.adminKey(),
                "ownerId=" + s.ray.id() + "&ownerId=" + s.otto.id())));
        // Mona's team is Mona and Ray: A, B, C, E
        assertEquals(List.of(4, 3, 2, 2), reached(funnel(s.ws.adminKey(), "managerId=" + s.mona.id())));
        assertEquals(List.of(1, 1, 0, 0), reached(funnel(s.ws.adminKey(),
                "managerId=" + s.mona.id() + "&account.industry=Energy")));

        // Energy: B (lost from Demo), D (open in Proposal): nothing won, so no cycle, size or velocity
        JsonPath energy = funnel(s.ws.adminKey(), "account.industry=Energy");
        assertEquals(List.of(2, 2, 1, 0), reached(energy));
        assertDecimal("0.0000", energy.get("winRate"), "0 won / 1 closed");
        assertNull(energy.get("averageSalesCycleDays"));
        assertNull(energy.get("medianSalesCycleDays"));
        assertNull(energy.get("averageWonAmount"));
        assertNull(energy.get("pipelineVelocity"));
        assertEquals(3, energy.getInt("largestDrop.step"));
        assertDecimal("1.0000", energy.get("largestDrop.dropRate"), "1 → 0");

        assertEquals(List.of(3, 2, 2, 2), reached(funnel(s.ws.adminKey(), "account.region=EMEA")));
        assertEquals(List.of(5, 4, 3, 2), reached(funnel(s.ws.adminKey(),
                "account.industry=Retail&account.industry=Energy")));

        JsonPath none = funnel(s.ws.adminKey(), "account.industry=Retail&account.region=NA");
        assertEquals(List.of(0, 0, 0, 0), reached(none));
        assertEquals(Arrays.asList(null, null, null, null), none.getList("steps.conversionToNext"));
        assertNull(none.get("winRate"));
        assertNull(none.get("largestDrop"));
        assertNull(none.get("pipelineVelocity"));
    }

    @Test
    void aDealMovedBackStillReachedItsFurthestStageAndTheMedianIsTheMiddleValue() {
        JsonPath pipeline = FunnelScenario.pipeline(s.ws.adminKey(), "Median");
        String qualify = pipeline.getString("stages[0].id");
        String demo = pipeline.getString("stages[1].id");
        String proposal = pipeline.getString("stages[2].id");
        TestClock.set("2026-01-01T00:00:00Z");
        String[] ids = new String[4];
        for (int i = 0; i < 4; i++) {
            ids[i] = org.revops.support.Fixtures.opportunity(s.ws.adminKey(), Map.of("name", "M" + i,
                    "accountId", s.acme, "stageId", qualify, "amount", 100 * (i + 1)));
        }
        TestClock.set("2026-01-02T00:00:00Z");
        as(s.ws.adminKey()).body(Map.of("stageId", proposal)).patch("/api/v1/opportunities/" + ids[3]).then().statusCode(200);
        TestClock.set("2026-01-03T00:00:00Z");
        as(s.ws.adminKey()).body(Map.of("stageId", demo)).patch("/api/v1/opportunities/" + ids[3]).then().statusCode(200);
        String[] closedAt = {"2026-01-04T12:00:00Z", "2026-01-05T00:00:00Z", "2026-01-21T00:00:00Z"};
        for (int i = 0; i < 3; i++) {
            TestClock.set(closedAt[i]);
            as(s.ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + ids[i] + "/close")
                    .then().statusCode(200);
        }
        Response response = as(s.ws.adminKey()).get(FUNNEL + "?pipelineId=" + pipeline.getString("id"));
        JsonPath f = JsonPath.from(response.then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        // M3 went Qualify → Proposal → Demo: it reached Proposal, and is now in Demo
        assertEquals(List.of(4, 4, 4, 3), reached(f));
        assertEquals(List.of(0, 1, 0, 3), f.getList("steps.currentCount", Integer.class));
        // cycles 3 (3.5 rounded down), 4 and 20 days
        assertDecimal("9.00", f.get("averageSalesCycleDays"), "27 / 3");
        assertDecimal("4.00", f.get("medianSalesCycleDays"), "middle of 3, 4, 20");
        assertDecimal("200.0000", f.get("averageWonAmount"), "(100 + 200 + 300) / 3");
        assertDecimal("1.0000", f.get("winRate"), "3 of 3");
        assertDecimal("22.2222", f.get("pipelineVelocity"), "1 open × 1 × 200 ÷ 9");
        // ties at 1.0 for the first two steps, 0.75 at the last: the largest drop is the last open step
        assertEquals(3, f.getInt("largestDrop.step"));
    }

    @Test
    void aRepCountsOwnDealsAndAManagerTheTeam() {
        JsonPath rep = funnel(s.ray.key(), "");
        assertEquals(3, rep.getInt("deals"));
        assertEquals(List.of(3, 2, 1, 1), reached(rep));
        // asking for a colleague's deals does not widen what a rep sees
        assertEquals(0, funnel(s.ray.key(), "ownerId=" + s.otto.id()).getInt("deals"));
        assertEquals(0, funnel(s.ray.key(), "managerId=" + s.mona.id() + "&ownerId=" + s.mona.id()).getInt("deals"));
        assertEquals(List.of(4, 3, 2, 2), reached(funnel(s.mona.key(), "")));
        assertEquals(List.of(1, 1, 1, 0), reached(funnel(s.otto.key(), "")));
        Member auditor = newMember(s.ws, "Audrey Auditor", "read-only", null);
        assertEquals(List.of(5, 4, 3, 2), reached(funnel(auditor.key(), "")));
    }

    @Test
    void anotherWorkspacesPipelineIsUnknown() {
        Workspace other = newWorkspace("Other funnel");
        as(other.adminKey()).get(FUNNEL + "?pipelineId=" + s.pipelineId).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("pipelineId"));
        RestAssured.given().get(FUNNEL + "?pipelineId=" + s.pipelineId).then().statusCode(401);
    }

    @Test
    void badParametersAreProblems() {
        String key = s.ws.adminKey();
        as(key).get(FUNNEL).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("pipelineId"));
        expect(key, "pipelineId=pipeline-1", 400, "pipelineId");
        String p = "pipelineId=" + s.pipelineId;
        expect(key, p + "&from=2026-13-01", 400, "from");
        expect(key, p + "&to=yesterday", 400, "to");
        expect(key, p + "&from=2026-01-01&from=2026-02-01", 400, "from");
        expect(key, p + "&ownerId=ray", 400, "ownerId");
        expect(key, p + "&managerId=mona", 400, "managerId");
        expect(key, p + "&colour=red", 400, "colour");
        expect(key, p + "&from=2026-02-01&to=2026-02-01", 422, "to");
        expect(key, p + "&from=2026-02-01&to=2026-01-01", 422, "to");
        expect(key, "pipelineId=" + java.util.UUID.randomUUID(), 422, "pipelineId");
        // every problem of the query at once
        as(key).get(FUNNEL + "?from=x&to=y").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("pipelineId", "from", "to"));
        // a CSV client gets its errors as problem+json too
        as(key).accept("text/csv").get(FUNNEL + "?from=x").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private void expect(String key, String query, int status, String field) {
        as(key).get(FUNNEL + "?" + query).then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("errors.field", hasItem(field));
    }

    @Test
    void oneStatementBesidesTheKeyLookup() {
        long before = db.statementCount();
        funnel(s.ws.adminKey(), "managerId=" + s.mona.id() + "&account.industry=Retail&from=2026-01-01");
        assertEquals(2, db.statementCount() - before, "key lookup + the funnel statement");
    }

    @Test
    void csvHasOneRecordPerStepWithTheFiguresRepeated() {
        Response response = as(s.ws.adminKey()).accept("text/csv").get(FUNNEL + "?pipelineId=" + s.pipelineId);
        response.then().statusCode(200).header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Disposition", containsString("funnel.csv"));
        String totals = "5,2,2,1,0.6667,15.00,15.00,8000.0000,711.1111";
        String expected = "step,stageId,name,won,reached,currentCount,currentAmount,conversionToNext,deals,openDeals,"
                + "wonDeals,lostDeals,winRate,averageSalesCycleDays,medianSalesCycleDays,averageWonAmount,"
                + "pipelineVelocity,largestDrop\r\n"
                + "1," + s.qualify + ",Qualify,false,5,1,1000.0000,0.8000," + totals + ",false\r\n"
                + "2," + s.demo + ",Demo,false,4,0,0.0000,0.7500," + totals + ",false\r\n"
                + "3," + s.proposal + ",Proposal,false,3,1,2000.0000,0.6667," + totals + ",true\r\n"
                + "4,,Won,true,2,2,16000.0000,," + totals + ",false\r\n";
        assertEquals(expected, new String(response.asByteArray(), StandardCharsets.UTF_8));
    }
}
