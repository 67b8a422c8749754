package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scorecard of {@link ForecastDataset}'s team on 20 December, five weeks after every deal was created. */
@QuarkusTest
class ScorecardTest extends ForecastDataset {
    static final String SCORECARD = "/api/v1/analytics/scorecard";

    @Test
    void aTeamsQuarterOnOnePage() {
        String lostReason = as(ws.adminKey()).body(Map.of("name", "Budget", "appliesTo", "lost"))
                .post("/api/v1/close-reasons").then().statusCode(201).extract().path("id");
        as(ws.adminKey()).body(Map.of("won", false, "reasonId", lostReason))
                .post("/api/v1/opportunities/" + deals.get("b3") + "/close").then().statusCode(200);
        TestClock.set("2026-12-20T09:00:00Z");

        JsonPath card = as(manager.key()).get(SCORECARD + "?period=2026-Q4").then().statusCode(200)
                .body("scope.id", equalTo(manager.id().toString())).body("period.id", equalTo("2026-Q4"))
                .extract().jsonPath();
        assertEquals(18000f, card.getFloat("forecast.quota"));
        assertEquals(0.2778f, card.getFloat("forecast.attainment"));
        assertEquals(0.9f, card.getFloat("forecast.coverage"));
        assertEquals(7000f, card.getFloat("forecast.computed.commit"));
        assertEquals(Map.of("won", 1, "lost", 1, "winRate", 0.5f), card.getMap("winRate"));
        // open deals of the team, any close date: a1 a2 a4 a5 b1 b2 m1; untouched for 34 days (> 30), the four in
        // Qualify also past its 14 days; all past their grade's follow-up cadence
        assertEquals(Map.of("total", 7, "inStage", 4, "inactive", 7), card.getMap("stalledDeals"));
        assertEquals(7, card.getInt("overdueFollowUps"));
        assertEquals("2026-12", card.getString("activity.period"));
        assertEquals(manager.id().toString(), card.getString("activity.userId"));
        assertEquals(7, card.getList("activity.metrics").size());

        // the default: the caller's own card for the current quarter
        JsonPath own = as(repA.key()).get(SCORECARD).then().statusCode(200).extract().jsonPath();
        assertEquals(repA.id().toString(), own.getString("scope.id"));
        assertEquals("2026-Q4", own.getString("period.id"));
        assertEquals(Map.of("won", 1, "lost", 0, "winRate", 1.0f), own.getMap("winRate"));
        assertEquals(4, own.getInt("overdueFollowUps"));

        JsonPath gql = GraphQLClient.ok(ws.adminKey(), "{ scorecard(userId: \"" + repB.id() + "\", period: \"2026-Q4\")"
                + " { winRate { won lost } forecast { quota } stalledDeals { total } } }", null);
        assertEquals(List.of(0, 1), List.of(gql.getInt("data.scorecard.winRate.won"),
                gql.getInt("data.scorecard.winRate.lost")));
        assertEquals(8000f, gql.getFloat("data.scorecard.forecast.quota"));
        assertEquals(2, gql.getInt("data.scorecard.stalledDeals.total"));
    }

    @Test
    void aRepSeesOnlyTheirOwnCardAndBadInputIs400() {
        as(repA.key()).get(SCORECARD + "?userId=" + repB.id()).then().statusCode(403)
                .contentType("application/problem+json");
        as(manager.key()).get(SCORECARD + "?userId=" + ws.adminId()).then().statusCode(403);
        as(manager.key()).get(SCORECARD + "?period=2026-Q0").then().statusCode(400)
                .body("errors[0].field", equalTo("period"));
        as(manager.key()).get(SCORECARD + "?userId=nope").then().statusCode(400).body("errors[0].field", equalTo("userId"));
        newWorkspace("Other").adminKey();
        as(newWorkspace("Another").adminKey()).get(SCORECARD + "?userId=" + repA.id()).then().statusCode(404);
    }
}
