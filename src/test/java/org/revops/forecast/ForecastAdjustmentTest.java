package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.revops.support.GraphQLClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Adjustments of {@link ForecastDataset}'s book through the API: who may make which call, and how roll-ups show it. */
@QuarkusTest
class ForecastAdjustmentTest extends ForecastDataset {
    static final String ADJUSTMENTS = "/api/v1/forecast-adjustments";

    private Map<String, Object> call(UUID user, String category, Object amount) {
        return new HashMap<>(Map.of("userId", user.toString(), "periodId", "2026-Q4", "category", category,
                "amount", amount, "note", "my call"));
    }

    private long rows() {
        return db.query("SELECT count(*) FROM forecast_adjustments WHERE workspace_id = $1", Tuple.of(ws.id()))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private float adjustedCommitOf(String key, UUID user) {
        return as(key).get(ForecastRollupTest.ROLLUP + "?period=2026-Q4&scope=user:" + user).then().statusCode(200)
                .extract().jsonPath().getFloat("totals.categories[2].adjustedAmount");
    }

    @Test
    void ownersAndManagersCallTheNumberAndTheSeniorCallCounts() {
        as(repA.key()).body(call(repA.id(), "Commit", 2500)).post(ADJUSTMENTS).then().statusCode(201)
                .header("ETag", "\"0\"").body("amount", equalTo(2500f)).body("currency", equalTo("EUR"))
                .body("adjustedBy", equalTo(repA.id().toString()));
        as(repA.key()).body(call(repA.id(), "Commit", 2600)).post(ADJUSTMENTS).then().statusCode(200)
                .header("ETag", "\"1\"").body("amount", equalTo(2600f));
        assertEquals(2600f, adjustedCommitOf(repA.key(), repA.id()));
        String managersCall = as(manager.key()).body(call(repA.id(), "Commit", 3000)).post(ADJUSTMENTS).then()
                .statusCode(201).extract().path("id");
        assertEquals(2, rows());
        assertEquals(3000f, adjustedCommitOf(repA.key(), repA.id()));
        // the manager's own number: the team's calls added to the manager's own deals (none in Commit)
        assertEquals(3000f, adjustedCommitOf(manager.key(), manager.id()));
        as(manager.key()).get(ForecastRollupTest.ROLLUP + "?period=2026-Q4").then()
                .body("totals.categories[2].amount", equalTo(2000f))
                .body("totals.adjusted.commit", equalTo(8000f)).body("totals.computed.commit", equalTo(7000f));

        as(repA.key()).get(ADJUSTMENTS + "?periodId=2026-Q4").then().statusCode(200).body("data.size()", equalTo(2));
        as(repB.key()).get(ADJUSTMENTS).then().statusCode(200).body("data.size()", equalTo(0));
        as(repB.key()).get(ADJUSTMENTS + "/" + managersCall).then().statusCode(404);
        as(manager.key()).get(ADJUSTMENTS + "?adjustedBy=" + manager.id()).then()
                .body("data.amount", equalTo(List.of(3000f)));

        as(repA.key()).delete(ADJUSTMENTS + "/" + managersCall).then().statusCode(403);
        as(manager.key()).header("If-Match", "\"7\"").delete(ADJUSTMENTS + "/" + managersCall).then().statusCode(412);
        as(manager.key()).delete(ADJUSTMENTS + "/" + managersCall).then().statusCode(204);
        assertEquals(2600f, adjustedCommitOf(repA.key(), repA.id()));

        String mutation = "mutation($input: ForecastAdjustmentInput!) { adjustForecast(input: $input) "
                + "{ adjustment { amount category } userErrors { field message } } }";
        var gql = GraphQLClient.ok(manager.key(), mutation, Map.of("input", call(repB.id(), "BestCase", 1000)));
        assertEquals(1000f, gql.getFloat("data.adjustForecast.adjustment.amount"));
        assertEquals(List.of(), gql.getList("data.adjustForecast.userErrors"));
        var refused = GraphQLClient.ok(manager.key(), mutation, Map.of("input", call(repB.id(), "Closed", 1)));
        assertEquals("category", refused.getString("data.adjustForecast.userErrors[0].field"));
    }

    @Test
    void nobodyAdjustsOutsideTheirReachAndBadCallsChangeNothing() {
        Member readOnly = newMember(ws, "Rita Reader", "read-only", null);
        Member otherManager = newMember(ws, "Olga Other", "manager", null);
        as(repA.key()).body(call(repB.id(), "Commit", 1)).post(ADJUSTMENTS).then().statusCode(403)
                .contentType("application/problem+json");
        as(otherManager.key()).body(call(repA.id(), "Commit", 1)).post(ADJUSTMENTS).then().statusCode(403);
        as(manager.key()).body(call(ws.adminId(), "Commit", 1)).post(ADJUSTMENTS).then().statusCode(403);
        as(readOnly.key()).body(call(readOnly.id(), "Commit", 1)).post(ADJUSTMENTS).then().statusCode(403);

        Map<Map<String, Object>, String> bad = new HashMap<>();
        bad.put(call(repA.id(), "Closed", 1), "category");
        bad.put(call(repA.id(), "Omitted", 1), "category");
        bad.put(call(repA.id(), "Commit", -1), "amount");
        bad.put(call(repA.id(), "Commit", 0.00001), "amount");
        bad.put(call(UUID.randomUUID(), "Commit", 1), "userId");
        Map<String, Object> badPeriod = call(repA.id(), "Commit", 1);
        badPeriod.put("periodId", "2026-Q9");
        bad.put(badPeriod, "periodId");
        bad.forEach((body, field) -> as(ws.adminKey()).body(body).post(ADJUSTMENTS).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        as(ws.adminKey()).body(Map.of("userId", repA.id().toString(), "periodId", "2026-Q4", "category", "Sideways",
                "amount", 1)).post(ADJUSTMENTS).then().statusCode(400);
        assertEquals(0, rows());
        // an admin reaches anyone
        as(ws.adminKey()).body(call(repB.id(), "Pipeline", 4500)).post(ADJUSTMENTS).then().statusCode(201);
        assertEquals(1, rows());
    }

    @Test
    void aCallFromTheTopOutranksTheOwnersLaterOneInEveryRollUp() {
        // the admin has no manager (the top level, as the rep's manager): outside the rep's reporting line, but senior
        as(ws.adminKey()).body(call(repB.id(), "Commit", 4000)).post(ADJUSTMENTS).then().statusCode(201);
        as(repB.key()).body(call(repB.id(), "Commit", 1200)).post(ADJUSTMENTS).then().statusCode(201);
        assertEquals(4000f, adjustedCommitOf(repB.key(), repB.id()));
        float repComputed = as(repB.key()).get(ForecastRollupTest.ROLLUP + "?period=2026-Q4").then().statusCode(200)
                .extract().jsonPath().getFloat("totals.computed.commit");
        var team = as(manager.key()).get(ForecastRollupTest.ROLLUP + "?period=2026-Q4").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(team.getFloat("totals.computed.commit") - repComputed + 4000f,
                team.getFloat("totals.adjusted.commit"));
        var workspace = as(ws.adminKey()).get(ForecastRollupTest.ROLLUP + "?period=2026-Q4&scope=workspace")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(team.getFloat("totals.adjusted.commit"), workspace.getFloat("totals.adjusted.commit"));
    }
}
