package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
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

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The funnel and winLoss queries give the figures of the REST endpoints over {@link FunnelScenario}. */
@QuarkusTest
class AnalyticsGraphQLTest extends ApiTest {
    private static final String FUNNEL = """
            query($filter: FunnelFilter!) {
              funnel(filter: $filter) {
                pipelineId from to deals openDeals wonDeals lostDeals winRate averageSalesCycleDays medianSalesCycleDays
                averageWonAmount pipelineVelocity
                steps { step stageId name won reached currentCount currentAmount conversionToNext }
                largestDrop { step stageId name conversionToNext dropRate }
              }
            }""";
    private static final String WIN_LOSS = """
            query($from: Date, $to: Date, $groupBy: WinLossGroupBy) {
              winLoss(from: $from, to: $to, groupBy: $groupBy) {
                from to groupBy won lost wonAmount lostAmount winRate
                groups { key label won lost wonAmount lostAmount winRate }
              }
            }""";

    /** Decimals as BigDecimal, so "0.8000" keeps its scale when read as text. */
    private static final JsonPathConfig DECIMALS = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    @Inject
    Db db;

    private static FunnelScenario s;

    @BeforeEach
    void setUp() {
        if (s == null) {
            Workspace ws = newWorkspace("Analytics GraphQL");
            Member mona = newMember(ws, "Mona Manager", "manager", null);
            Member ray = newMember(ws, "Ray Rep", "rep", mona.id());
            Member otto = newMember(ws, "Otto Outsider", "rep", null);
            s = new FunnelScenario(ws, mona, ray, otto, db).build();
        }
        TestClock.set("2026-02-01T00:00:00Z");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void theFunnelWithTheFiguresOfRest() {
        JsonPath f = GraphQLClient.ok(s.ws.adminKey(), FUNNEL, Map.of("filter", Map.of("pipelineId", s.pipelineId)))
                .using(DECIMALS).setRootPath("data.funnel");
        assertEquals(List.of(5, 4, 3, 2), f.getList("steps.reached", Integer.class));
        assertEquals(List.of("Qualify", "Demo", "Proposal", "Won"), f.getList("steps.name"));
        assertEquals(Arrays.asList(s.qualify, s.demo, s.proposal, null), f.getList("steps.stageId"));
        assertEquals(List.of(1, 0, 1, 2), f.getList("steps.currentCount", Integer.class));
        assertEquals(List.of("1000.0000", "0.0000", "2000.0000", "16000.0000"),
                f.getList("steps.currentAmount", String.class));
        assertEquals(Arrays.asList("0.8000", "0.7500", "0.6667", null), f.getList("steps.conversionToNext", String.class));
        assertEquals(5, f.getInt("deals"));
        assertEquals(2, f.getInt("openDeals"));
        assertEquals(2, f.getInt("wonDeals"));
        assertEquals(1, f.getInt("lostDeals"));
        assertEquals("0.6667", f.getString("winRate"));
        assertEquals("15.00", f.getString("averageSalesCycleDays"));
        assertEquals("15.00", f.getString("medianSalesCycleDays"));
        assertEquals("8000.0000", f.getString("averageWonAmount"));
        assertEquals("711.1111", f.getString("pipelineVelocity"));
        assertEquals(3, f.getInt("largestDrop.step"));
        assertEquals(s.proposal, f.getString("largestDrop.stageId"));
        assertEquals("0.3333", f.getString("largestDrop.dropRate"));
        assertNull(f.get("from"));
    }

    @Test
    void theFilterNarrowsTheCohortAndVisibilityStillApplies() {
        JsonPath team = GraphQLClient.ok(s.ws.adminKey(), FUNNEL, Map.of("filter", Map.of("pipelineId", s.pipelineId,
                "managerId", s.mona.id().toString(), "from", "2026-01-05", "to", "2026-01-07",
                "accountIndustry", List.of("Retail", "Energy")))).using(DECIMALS).setRootPath("data.funnel");
        // created 01-05 and 01-06 by Mona's team: A, B, C
        assertEquals(List.of(3, 2, 1, 1), team.getList("steps.reached", Integer.class));
        assertEquals("2026-01-05", team.getString("from"));
        JsonPath rep = GraphQLClient.ok(s.ray.key(), FUNNEL, Map.of("filter", Map.of("pipelineId", s.pipelineId,
                "ownerId", List.of(s.otto.id().toString())))).using(DECIMALS).setRootPath("data.funnel");
        assertEquals(0, rep.getInt("deals"));
        JsonPath region = GraphQLClient.ok(s.ws.adminKey(), FUNNEL, Map.of("filter", Map.of("pipelineId", s.pipelineId,
                "accountRegion", List.of("NA")))).using(DECIMALS).setRootPath("data.funnel");
        assertEquals(List.of(2, 2, 1, 0), region.getList("steps.reached", Integer.class));
    }

    @Test
    void anUnknownPipelineOrABackwardPeriodIsAnError() {
        Workspace other = newWorkspace("Other analytics");
        GraphQLClient.post(other.adminKey(), FUNNEL, Map.of("filter", Map.of("pipelineId", s.pipelineId)))
                .then().statusCode(200).body("errors[0].message", containsString("no such pipeline"))
                .body("data.funnel", nullValue());
        GraphQLClient.post(s.ws.adminKey(), FUNNEL, Map.of("filter", Map.of("pipelineId", s.pipelineId,
                        "from", "2026-02-01", "to", "2026-01-01")))
                .then().statusCode(200).body("errors[0].message", containsString("must be after from"));
        GraphQLClient.post(s.ws.adminKey(), FUNNEL, Map.of("filter", Map.of("pipelineId", s.pipelineId,
                        "from", "2026-13-01")))
                .then().statusCode(200).body("errors[0].message", containsString("2026-13-01"))
                .body("data.funnel", nullValue());
        // a null in a list is refused by the schema, not a failure inside
        GraphQLClient.post(s.ws.adminKey(), """
                        query($p: String!) { funnel(filter: {pipelineId: $p, accountIndustry: ["Retail", null]}) { deals } }""",
                        Map.of("p", s.pipelineId))
                .then().statusCode(200).body("errors[0].message", containsString("filter.accountIndustry[1]"))
                .body("data.funnel", nullValue());
    }

    @Test
    void oneStatementBesidesTheKeyLookup() {
        long before = db.statementCount();
        GraphQLClient.ok(s.ws.adminKey(), FUNNEL, Map.of("filter", Map.of("pipelineId", s.pipelineId)));
        assertEquals(2, db.statementCount() - before);
    }

    @Test
    void winLossByOwnerAndByDefault() {
        JsonPath w = GraphQLClient.ok(s.ws.adminKey(), WIN_LOSS, Map.of("from", "2026-01-01", "to", "2026-02-01",
                "groupBy", "OWNER")).using(DECIMALS).setRootPath("data.winLoss");
        assertEquals("owner", w.getString("groupBy"));
        assertEquals(List.of("Ray Rep", "Mona Manager"), w.getList("groups.label"));
        assertEquals(List.of(s.ray.id().toString(), s.mona.id().toString()), w.getList("groups.key"));
        assertEquals(List.of(1, 1), w.getList("groups.won", Integer.class));
        assertEquals(List.of(1, 0), w.getList("groups.lost", Integer.class));
        assertEquals(List.of("10000.0000", "6000.0000"), w.getList("groups.wonAmount", String.class));
        assertEquals(List.of("0.5000", "1.0000"), w.getList("groups.winRate", String.class));
        assertEquals("0.6667", w.getString("winRate"));
        assertEquals("16000.0000", w.getString("wonAmount"));
        assertEquals("4000.0000", w.getString("lostAmount"));

        // default: by reason over the 90 days up to today (2026-02-01): [2025-11-04, 2026-02-02)
        JsonPath byDefault = GraphQLClient.ok(s.ws.adminKey(), WIN_LOSS, Map.of()).using(DECIMALS).setRootPath("data.winLoss");
        assertEquals("2025-11-04", byDefault.getString("from"));
        assertEquals("2026-02-02", byDefault.getString("to"));
        assertEquals(List.of("Price", "Relationship", "(none)"), byDefault.getList("groups.label"));
        assertEquals(Arrays.asList(s.priceReason, s.relationshipReason, null), byDefault.getList("groups.key"));

        JsonPath rep = GraphQLClient.ok(s.ray.key(), WIN_LOSS, Map.of("groupBy", "COMPETITOR"))
                .using(DECIMALS).setRootPath("data.winLoss");
        assertEquals(List.of("Initech", "(none)"), rep.getList("groups.label"));
        assertEquals(List.of(0, 1), rep.getList("groups.won", Integer.class));
    }
}
