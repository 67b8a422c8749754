package org.revops.forecast;

import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.TestClock;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;


/**
 * A small hand-computed book, 2026-Q4 in EUR. Rep A: BestCase 1,000 (60 %), Commit 2,000 (override, 90 %), Closed
 * 5,000, Pipeline 3,000 USD at 0.9 = 2,700 (10 %), and a deal in January (outside). Rep B: Pipeline 4,000 (10 %),
 * 500 GBP (no rate: unconverted), Omitted 800. Manager M: BestCase 2,000 (60 %). Quotas A 10,000 and B 8,000, none
 * for M (so M's is the team's 18,000).
 */
abstract class ForecastDataset extends ApiTest {
    @Inject
    Db db;

    Workspace ws;
    Member manager;
    Member repA;
    Member repB;
    Map<String, String> deals = new HashMap<>();
    String qualify;
    String proposal;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-11-16T09:00:00Z");
        ws = newWorkspace("Forecast roll-up");
        manager = newMember(ws, "Mo Manager", "manager", null);
        repA = newMember(ws, "Ana Rep", "rep", manager.id());
        repB = newMember(ws, "Ben Rep", "rep", manager.id());
        JsonPath pipeline = Fixtures.pipeline(ws.adminKey(), "Sales");
        qualify = pipeline.getString("stages[0].id");
        proposal = pipeline.getString("stages[1].id");
        String account = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
        sql("INSERT INTO exchange_rates (workspace_id, id, currency, effective_date, rate, created_at, updated_at) VALUES"
                + " ($1, gen_random_uuid(), 'USD', '2026-10-01', 0.8, now(), now()),"
                + " ($1, gen_random_uuid(), 'USD', '2026-11-01', 0.9, now(), now()),"
                + " ($1, gen_random_uuid(), 'USD', '2026-12-01', 0.5, now(), now())", ws.id());
        deal("a1", repA, account, proposal, 1000, "EUR", "2026-10-15", Map.of());
        deal("a2", repA, account, qualify, 2000, "EUR", "2026-11-20", Map.of("forecastCategory", "Commit",
                "probability", 90));
        deal("a3", repA, account, proposal, 5000, "EUR", "2026-12-01", Map.of());
        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + deals.get("a3") + "/close")
                .then().statusCode(200);
        deal("a4", repA, account, qualify, 3000, "USD", "2026-11-10", Map.of());
        deal("a5", repA, account, qualify, 9999, "EUR", "2027-01-05", Map.of());
        deal("b1", repB, account, qualify, 4000, "EUR", "2026-10-20", Map.of());
        deal("b2", repB, account, proposal, 500, "GBP", "2026-12-10", Map.of());
        deal("b3", repB, account, qualify, 800, "EUR", "2026-12-12", Map.of("forecastCategory", "Omitted"));
        deal("m1", manager, account, proposal, 2000, "EUR", "2026-12-20", Map.of());
        quota(repA.id(), 10000);
        quota(repB.id(), 8000);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    void deal(String name, Member owner, String account, String stage, int amount, String currency,
                      String closeDate, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "accountId", account, "stageId", stage,
                "ownerId", owner.id().toString(), "amount", amount, "currency", currency, "closeDate", closeDate));
        body.putAll(extra);
        deals.put(name, as(ws.adminKey()).body(body).post("/api/v1/opportunities").then().statusCode(201)
                .extract().path("id"));
    }

    void quota(UUID user, int amount) {
        as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "userId", user.toString(), "amount", amount))
                .post("/api/v1/quotas").then().statusCode(201);
    }

    void sql(String statement, Object... args) {
        db.query(statement, Tuple.from(args)).await().atMost(Duration.ofSeconds(10));
    }

    void adjustment(UUID user, String category, int amount, UUID by) {
        sql("INSERT INTO forecast_adjustments (workspace_id, id, user_id, period_id, category, amount, adjusted_by,"
                + " created_at, updated_at) VALUES ($1, gen_random_uuid(), $2, '2026-Q4', $3, $4, $5, now(), now())",
                ws.id(), user, category, amount, by);
    }

}
