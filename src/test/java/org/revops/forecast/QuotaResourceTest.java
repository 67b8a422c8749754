package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.Listing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class QuotaResourceTest extends ApiTest {
    private static final String QUOTAS = "/api/v1/quotas";

    @Inject
    Db db;

    private Workspace ws;
    private Member manager;
    private Member repA;
    private Member repB;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Quotas");
        manager = newMember(ws, "Mo Manager", "manager", null);
        repA = newMember(ws, "Ana Rep", "rep", manager.id());
        repB = newMember(ws, "Ben Rep", "rep", manager.id());
    }

    private long quotaCount() {
        return db.query("SELECT count(*) FROM quotas WHERE workspace_id = $1", Tuple.of(ws.id()))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private BigDecimal amount(UUID userId, String periodId) {
        return db.query("SELECT amount FROM quotas WHERE workspace_id = $1 AND user_id = $2 AND period_id = $3",
                        Tuple.of(ws.id(), userId, periodId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getBigDecimal(0);
    }

    @Test
    void setChangeAndDeleteAQuota() {
        String id = as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "userId", repA.id().toString(),
                        "amount", 250000, "note", "full quota"))
                .post(QUOTAS).then().statusCode(201).header("ETag", "\"0\"")
                .body("periodKind", equalTo("quarter")).body("startDate", equalTo("2026-10-01"))
                .body("endDate", equalTo("2026-12-31")).body("amount", equalTo(250000.0f))
                .body("currency", equalTo("EUR")).body("userId", equalTo(repA.id().toString()))
                .extract().path("id");
        as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "userId", repA.id().toString(), "amount", 1))
                .post(QUOTAS).then().statusCode(409).contentType("application/problem+json");
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("amount", 275000.5)).patch(QUOTAS + "/" + id)
                .then().statusCode(200).body("amount", equalTo(275000.5f)).body("note", equalTo("full quota"))
                .header("ETag", "\"1\"");
        as(ws.adminKey()).body(Map.of("periodId", "2026-Q3")).patch(QUOTAS + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("periodId"));
        as(ws.adminKey()).get(QUOTAS + "/" + id).then().body("periodId", equalTo("2026-Q4"));
        as(ws.adminKey()).delete(QUOTAS + "/" + id).then().statusCode(204);
        assertEquals(0, quotaCount());
    }

    @Test
    void aYearlyPlanOverAProfileAndTwoRepsAddsUpAndReplacesOnRerun() {
        as(ws.adminKey()).body(Map.of("fiscalYearStartMonth", 2)).patch("/api/v1/workspace").then().statusCode(200);
        Map<String, Object> body = new HashMap<>(Map.of("fiscalYear", "FY2027", "userId", manager.id().toString(),
                "amount", 1000000, "quarterWeights", List.of(20, 25, 25, 30),
                "shares", List.of(Map.of("userId", repA.id().toString(), "weight", 3),
                        Map.of("userId", repB.id().toString(), "weight", 2)), "dryRun", true));
        JsonPath dry = as(ws.adminKey()).body(body).post(QUOTAS + "/plan").then().statusCode(200)
                .body("written", equalTo(false)).body("currency", equalTo("EUR"))
                .body("target.year.amount", equalTo(1000000.0f))
                .body("target.quarters[0].periodId", equalTo("2027-Q1"))
                .body("target.quarters[0].startDate", equalTo("2026-02-01"))
                .body("target.quarters.amount", equalTo(List.of(200000.0f, 250000.0f, 250000.0f, 300000.0f)))
                .body("target.quarters.milestone", equalTo(List.of(200000.0f, 450000.0f, 700000.0f, 1000000.0f)))
                .body("shares[0].year.amount", equalTo(600000.0f)).body("shares[1].year.amount", equalTo(400000.0f))
                .extract().jsonPath();
        assertEquals(List.of(66666.67f, 66666.67f, 66666.66f), dry.getList("target.months.amount").subList(0, 3));
        assertEquals(0, quotaCount());

        body.put("dryRun", false);
        as(ws.adminKey()).body(body).post(QUOTAS + "/plan").then().statusCode(200).body("written", equalTo(true));
        assertEquals(3 * 17, quotaCount());
        assertEquals(new BigDecimal("120000.0000"), amount(repA.id(), "2027-Q1"));   // 600,000 × 20 %
        assertEquals(new BigDecimal("26666.6700"), amount(repB.id(), "2026-02"));    // 80,000 / 3, first month
        assertEquals(new BigDecimal("300000.0000"), amount(manager.id(), "2027-Q4"));

        body.put("amount", 1200000);
        as(ws.adminKey()).body(body).post(QUOTAS + "/plan").then().statusCode(200);
        assertEquals(3 * 17, quotaCount());
        assertEquals(new BigDecimal("144000.0000"), amount(repA.id(), "2027-Q1"));
        Listing.assertFilters(ws.adminKey(), QUOTAS, Map.of());
        as(ws.adminKey()).get(QUOTAS + "?userId=" + repA.id() + "&periodKind=quarter&sort=startDate").then()
                .body("data.periodId", equalTo(List.of("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4")));
        as(ws.adminKey()).get(QUOTAS + "?periodId=FY2027&sort=-amount").then()
                .body("data.amount", equalTo(List.of(1200000.0f, 720000.0f, 480000.0f)));

        // quotas are stored by fiscal period: the fiscal year cannot move under them
        as(ws.adminKey()).body(Map.of("fiscalYearStartMonth", 1)).patch("/api/v1/workspace").then().statusCode(409)
                .body("errors[0].field", equalTo("fiscalYearStartMonth"));
    }

    @Test
    void managersSetTheirTeamsRepsNoneAndReadsFollowTheTeam() {
        as(repA.key()).body(Map.of("periodId", "2026-Q4", "userId", repA.id().toString(), "amount", 1)).post(QUOTAS)
                .then().statusCode(403).contentType("application/problem+json");
        as(repA.key()).body(Map.of("fiscalYear", "FY2026", "userId", repA.id().toString(), "amount", 1))
                .post(QUOTAS + "/plan").then().statusCode(403);
        as(manager.key()).body(Map.of("periodId", "2026-Q4", "userId", manager.id().toString(), "amount", 1))
                .post(QUOTAS).then().statusCode(403);
        Member outsider = newMember(ws, "Oz Outsider", "rep", null);
        as(manager.key()).body(Map.of("periodId", "2026-Q4", "userId", outsider.id().toString(), "amount", 1))
                .post(QUOTAS).then().statusCode(403);
        assertEquals(0, quotaCount());

        String a = as(manager.key()).body(Map.of("periodId", "2026-Q4", "userId", repA.id().toString(), "amount", 100))
                .post(QUOTAS).then().statusCode(201).extract().path("id");
        String b = as(manager.key()).body(Map.of("periodId", "2026-Q4", "userId", repB.id().toString(), "amount", 200))
                .post(QUOTAS).then().statusCode(201).extract().path("id");
        String mine = as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "userId", manager.id().toString(),
                "amount", 300)).post(QUOTAS).then().statusCode(201).extract().path("id");
        String theirs = as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "userId", outsider.id().toString(),
                "amount", 400)).post(QUOTAS).then().statusCode(201).extract().path("id");

        assertEquals(List.of(a), Listing.ids(repA.key(), QUOTAS, ""));
        assertEquals(java.util.Set.of(a, b, mine), new java.util.HashSet<>(Listing.ids(manager.key(), QUOTAS, "")));
        as(repA.key()).get(QUOTAS + "/" + b).then().statusCode(404);
        as(manager.key()).get(QUOTAS + "/" + theirs).then().statusCode(404);
        as(repA.key()).body(Map.of("amount", 1)).patch(QUOTAS + "/" + a).then().statusCode(403);
        as(manager.key()).body(Map.of("amount", 1)).patch(QUOTAS + "/" + mine).then().statusCode(403);
        as(manager.key()).body(Map.of("amount", 150)).patch(QUOTAS + "/" + a).then().statusCode(200);
        Workspace other = newWorkspace("Other quotas");
        as(other.adminKey()).get(QUOTAS + "/" + a).then().statusCode(404);
        assertEquals(List.of(), Listing.ids(other.adminKey(), QUOTAS, ""));
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        String rep = repA.id().toString();
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("userId", Map.of("periodId", "2026-Q4", "amount", 1));
        bad.put("periodId", Map.of("periodId", "2026-Q5", "userId", rep, "amount", 1));
        bad.put("amount", Map.of("periodId", "2026-Q4", "userId", rep, "amount", -1));
        bad.put("territoryId", Map.of("periodId", "2026-Q4", "territoryId", UUID.randomUUID().toString(), "amount", 1));
        bad.forEach((field, body) -> as(ws.adminKey()).body(body).post(QUOTAS).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem(field)));
        as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "userId", rep, "territoryId", UUID.randomUUID().toString(),
                "amount", 1)).post(QUOTAS).then().statusCode(422).body("errors[0].field", equalTo("userId"));
        as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "userId", UUID.randomUUID().toString(), "amount", 1))
                .post(QUOTAS).then().statusCode(422).body("errors[0].field", equalTo("userId"));

        Map<String, Map<String, Object>> badPlans = new java.util.LinkedHashMap<>();
        badPlans.put("quarterWeights", Map.of("fiscalYear", "FY2026", "userId", rep, "amount", 10,
                "quarterWeights", List.of(1, 2, 3)));
        badPlans.put("monthWeights", Map.of("fiscalYear", "FY2026", "userId", rep, "amount", 10,
                "monthWeights", List.of(0, 0, 0)));
        badPlans.put("fiscalYear", Map.of("fiscalYear", "2026-Q1", "userId", rep, "amount", 10));
        badPlans.put("shares", Map.of("fiscalYear", "FY2026", "userId", manager.id().toString(), "amount", 10,
                "shares", List.of(Map.of("userId", rep, "weight", 1), Map.of("userId", rep, "weight", 2))));
        badPlans.forEach((field, body) -> as(ws.adminKey()).body(body).post(QUOTAS + "/plan").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        as(ws.adminKey()).body("{\"fiscalYear\": \"FY2026\", \"userId\": \"" + rep + "\", \"amount\": \"lots\"}")
                .post(QUOTAS + "/plan").then().statusCode(400);
        assertEquals(0, quotaCount());
    }

    @Test
    void graphQLPlansAndLists() {
        JsonPath plan = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: QuotaPlanInput!) { planQuotas(input: $input) {
                  plan { written target { quarters { periodId amount milestone } } } userErrors { field message } } }""",
                Map.of("input", Map.of("fiscalYear", "FY2026", "userId", repA.id().toString(), "amount", 400)));
        assertEquals(List.of(100.0f, 100.0f, 100.0f, 100.0f), plan.getList("data.planQuotas.plan.target.quarters.amount"));
        JsonPath list = GraphQLClient.ok(ws.adminKey(), """
                { quotas(filter: {periodKind: ["quarter"]}, sort: "startDate") { edges { node { periodId amount } } } }""",
                Map.of());
        assertEquals(List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"), list.getList("data.quotas.edges.node.periodId"));
        JsonPath refused = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: QuotaPlanInput!) { planQuotas(input: $input) { plan { written } userErrors { field } } }""",
                Map.of("input", Map.of("fiscalYear", "FY2026", "userId", repA.id().toString(), "amount", 1,
                        "quarterWeights", List.of(1))));
        assertEquals("quarterWeights", refused.getString("data.planQuotas.userErrors[0].field"));
    }
}
