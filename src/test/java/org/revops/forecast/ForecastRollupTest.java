package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.GraphQLClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Roll-ups of {@link ForecastDataset}'s hand-computed book. */
@QuarkusTest
class ForecastRollupTest extends ForecastDataset {
    static final String ROLLUP = "/api/v1/forecasts/rollup";

    @Test
    void aManagersTeamRollsUpPerCategoryAgainstTheTeamsQuota() {
        JsonPath m = as(manager.key()).get(ROLLUP + "?period=2026-Q4&breakdown=user,stage&breakdown=month")
                .then().statusCode(200)
                .body("period.id", equalTo("2026-Q4")).body("period.endDate", equalTo("2026-12-31"))
                .body("scope.type", equalTo("user")).body("scope.id", equalTo(manager.id().toString()))
                .body("scope.name", equalTo("Mo Manager")).body("currency", equalTo("EUR"))
                .extract().jsonPath();
        assertEquals(List.of("Pipeline", "BestCase", "Commit", "Closed", "Omitted"),
                m.getList("totals.categories.category"));
        assertEquals(List.of(2, 2, 1, 1, 1), m.getList("totals.categories.count"));
        assertEquals(List.of(6700f, 3000f, 2000f, 5000f, 800f), m.getList("totals.categories.amount"));
        // 10 % of 2,700 + 4,000; 60 % of 1,000 + 2,000; 90 % of 2,000; 100 %; 10 % of 800
        assertEquals(List.of(670f, 1800f, 1800f, 5000f, 80f), m.getList("totals.categories.weightedAmount"));
        assertEquals(Map.of("closed", 5000f, "commit", 7000f, "bestCase", 10000f, "openPipeline", 11700f),
                m.getMap("totals.computed"));
        assertEquals(18000f, m.getFloat("totals.quota"));
        assertEquals("team", m.getString("totals.quotaSource"));
        assertEquals(0.2778f, m.getFloat("totals.attainment"));
        assertEquals(13000f, m.getFloat("totals.gap"));
        assertEquals(0.9f, m.getFloat("totals.coverage"));
        assertEquals(List.of(Map.of("currency", "GBP", "count", 1, "amount", 500f)), m.getList("unconverted"));

        assertEquals(List.of("own", "user", "user"), m.getList("breakdowns.users.kind"));
        assertEquals(List.of("Mo Manager", "Ana Rep", "Ben Rep"), m.getList("breakdowns.users.name"));
        assertEquals(List.of(2000f, 8000f, 0f), m.getList("breakdowns.users.figures.computed.bestCase"));
        assertEquals(List.of(0.5f, 0f), m.getList("breakdowns.users.figures.attainment").subList(1, 3));
        // A: (2,700 + 1,000 + 2,000) ÷ 5,000 left; B: 4,000 ÷ 8,000
        assertEquals(List.of(1.14f, 0.5f), m.getList("breakdowns.users.figures.coverage").subList(1, 3));
        assertNull(m.get("breakdowns.territories"));

        assertEquals(List.of("Sales / Qualify", "Sales / Proposal", "Sales / Won"), m.getList("breakdowns.stages.name"));
        assertEquals(List.of(6700f, 0f, 0f), m.getList("breakdowns.stages.collect { it.figures.categories[0].amount }"));
        assertEquals(List.of(2000f, 0f, 0f), m.getList("breakdowns.stages.collect { it.figures.categories[2].amount }"));
        assertEquals(List.of(0f, 3000f, 0f), m.getList("breakdowns.stages.collect { it.figures.categories[1].amount }"));
        assertEquals(List.of(0f, 0f, 5000f), m.getList("breakdowns.stages.collect { it.figures.categories[3].amount }"));

        assertEquals(List.of("2026-10", "2026-11", "2026-12"), m.getList("breakdowns.months.id"));
        assertEquals(List.of(1000f, 2000f, 7000f), m.getList("breakdowns.months.figures.computed.bestCase"));
        assertEquals(List.of(5000f, 4700f, 2000f), m.getList("breakdowns.months.figures.computed.openPipeline"));
    }

    @Test
    void adjustmentsShowBesideTheComputedNumbersAndTheSeniorCallCounts() {
        adjustment(repA.id(), "Commit", 2500, repA.id());
        adjustment(repA.id(), "Commit", 3000, manager.id());
        adjustment(repB.id(), "BestCase", 1000, repB.id());
        JsonPath m = as(manager.key()).get(ROLLUP + "?period=2026-Q4&scope=me&breakdown=user").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(6700f, 3000f, 2000f, 5000f, 800f), m.getList("totals.categories.amount"));
        assertEquals(List.of(6700f, 4000f, 3000f, 5000f, 800f), m.getList("totals.categories.adjustedAmount"));
        assertEquals(Map.of("closed", 5000f, "commit", 7000f, "bestCase", 10000f, "openPipeline", 11700f),
                m.getMap("totals.computed"));
        assertEquals(Map.of("closed", 5000f, "commit", 8000f, "bestCase", 12000f, "openPipeline", 13700f),
                m.getMap("totals.adjusted"));
        assertEquals(List.of(0f, 3000f, 0f), m.getList("breakdowns.users.collect { it.figures.categories[2].adjustedAmount }"));

        // the rep sees their number as the chain adjusted it, beside their own computed one
        as(repA.key()).get(ROLLUP + "?period=2026-Q4").then().statusCode(200)
                .body("scope.id", equalTo(repA.id().toString()))
                .body("totals.categories[2].amount", equalTo(2000f))
                .body("totals.categories[2].adjustedAmount", equalTo(3000f))
                .body("totals.quotaSource", equalTo("explicit"));
    }

    @Test
    void theWorkspaceAndTerritoriesRollUpTheirOwnWay() {
        TerritoryFixture territories = TerritoryFixture.activeModel(db, ws.id());
        UUID global = territories.territory(null, "Global", "G", "global");
        UUID emea = territories.territory(global, "EMEA", "E", "region");
        UUID na = territories.territory(global, "North America", "N", "region");
        territories.place(global, "m1");
        territories.place(emea, "a1", "a2");
        territories.place(na, "b1");
        as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "territoryId", emea.toString(), "amount", 5000))
                .post("/api/v1/quotas").then().statusCode(201);
        as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "territoryId", na.toString(), "amount", 4000))
                .post("/api/v1/quotas").then().statusCode(201);

        JsonPath g = as(manager.key()).get(ROLLUP + "?period=2026-Q4&scope=territory:" + global
                        + "&breakdown=territory").then().statusCode(200)
                .body("scope.name", equalTo("Global")).extract().jsonPath();
        assertEquals(List.of(4000f, 3000f, 2000f, 0f, 0f), g.getList("totals.categories.amount"));
        assertEquals(9000f, g.getFloat("totals.quota"));
        assertEquals(1.0f, g.getFloat("totals.coverage"));
        assertEquals(List.of("own", "territory", "territory"), g.getList("breakdowns.territories.kind"));
        assertEquals(List.of("Global", "EMEA", "North America"), g.getList("breakdowns.territories.name"));
        assertEquals(List.of(2000f, 3000f, 0f), g.getList("breakdowns.territories.figures.computed.bestCase"));
        assertEquals(List.of(0f, 0f, 4000f), g.getList("breakdowns.territories.collect { it.figures.categories[0].amount }"));

        JsonPath w = as(ws.adminKey()).get(ROLLUP + "?period=2026-Q4&breakdown=territory,user").then()
                .statusCode(200).body("scope.type", equalTo("workspace")).extract().jsonPath();
        assertEquals(List.of(6700f, 3000f, 2000f, 5000f, 800f), w.getList("totals.categories.amount"));
        assertEquals(18000f, w.getFloat("totals.quota"));
        assertEquals(List.of("territory", "unassigned"), w.getList("breakdowns.territories.kind"));
        assertEquals(List.of(9000f, 2700f), w.getList("breakdowns.territories.figures.computed.openPipeline"));
        assertEquals(List.of(0f, 5000f), w.getList("breakdowns.territories.figures.computed.closed"));
        assertEquals(List.of(ws.adminId().toString(), manager.id().toString()).size(),
                w.getList("breakdowns.users").size());

        String query = "{ forecastRollup(period: \"2026-Q4\", scope: \"territory:" + global + "\") "
                + "{ scope { name } totals { quota computed { openPipeline } } } }";
        JsonPath gql = GraphQLClient.ok(ws.adminKey(), query, null);
        assertEquals("Global", gql.getString("data.forecastRollup.scope.name"));
        assertEquals(9000f, gql.getFloat("data.forecastRollup.totals.quota"));
        assertEquals(9000f, gql.getFloat("data.forecastRollup.totals.computed.openPipeline"));
    }

    @Test
    void aRepSeesOnlyTheirOwnAndAManagerOnlyTheTeam() {
        as(repA.key()).get(ROLLUP + "?period=2026-Q4&scope=user:" + repB.id()).then().statusCode(403)
                .contentType("application/problem+json");
        as(repA.key()).get(ROLLUP + "?period=2026-Q4&scope=user:" + manager.id()).then().statusCode(403);
        as(repA.key()).get(ROLLUP + "?period=2026-Q4&scope=workspace").then().statusCode(403);
        as(manager.key()).get(ROLLUP + "?period=2026-Q4&scope=workspace").then().statusCode(403);
        as(manager.key()).get(ROLLUP + "?period=2026-Q4&scope=user:" + ws.adminId()).then().statusCode(403);
        as(manager.key()).get(ROLLUP + "?period=2026-Q4&scope=user:" + repB.id()).then().statusCode(200)
                .body("totals.categories[0].amount", equalTo(4000f));
        Workspace other = newWorkspace("Elsewhere");
        as(other.adminKey()).get(ROLLUP + "?period=2026-Q4&scope=user:" + repA.id()).then().statusCode(404);
        as(other.adminKey()).get(ROLLUP + "?period=2026-Q4").then().statusCode(200)
                .body("totals.categories.amount", equalTo(List.of(0f, 0f, 0f, 0f, 0f)));
    }

    @Test
    void badPeriodsScopesAndBreakdownsAre400() {
        Map<String, String> bad = Map.of(
                "", "period",
                "?period=2026-Q5", "period",
                "?period=next", "period",
                "?period=2026-Q4&scope=team:x", "scope",
                "?period=2026-Q4&scope=user:nope", "scope",
                "?period=2026-Q4&breakdown=owner", "breakdown",
                "?period=2026-Q4&scope=me&breakdown=territory", "breakdown");
        bad.forEach((query, field) -> as(manager.key()).get(ROLLUP + query).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        as(ws.adminKey()).get(ROLLUP + "?period=2026-Q4&scope=territory:" + UUID.randomUUID()).then()
                .statusCode(404).body("detail", containsString("Territory"));
        assertEquals(LocalDate.parse("2026-12-31"), LocalDate.parse(as(ws.adminKey())
                .get(ROLLUP + "?period=2026-12").then().statusCode(200).extract().path("period.endDate")));
    }
}
