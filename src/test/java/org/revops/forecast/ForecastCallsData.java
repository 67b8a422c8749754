package org.revops.forecast;

import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest.Member;
import org.revops.support.ApiTest.Workspace;
import org.revops.support.Fixtures;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.revops.support.ApiTest.as;

/**
 * The small hand-computed book of {@link ForecastRollupTest}, 2026-Q4 in EUR, for the submission, snapshot and
 * accuracy tests. Rep A: BestCase 1,000 (60 %), Commit 2,000 (90 %), Closed 5,000, Pipeline 3,000 USD at 0.9 = 2,700
 * (10 %). Rep B: Pipeline 4,000 (10 %), 500 GBP (no rate: unconverted), Omitted 800. Manager M: BestCase 2,000 (60 %).
 * Quotas A 10,000 and B 8,000 (M's is the team's 18,000). So A: closed 5,000, commit 7,000, bestCase 8,000, open
 * 5,700; B: 0, 0, 0, 4,000; M's team: 5,000, 7,000, 10,000, 11,700; the workspace as M's team.
 */
final class ForecastCallsData {
    final Db db;
    final Workspace ws;
    final Member manager;
    final Member repA;
    final Member repB;
    final Map<String, String> deals = new HashMap<>();
    UUID global;
    UUID emea;
    UUID na;

    ForecastCallsData(Db db, Workspace ws, Member manager, Member repA, Member repB) {
        this.db = db;
        this.ws = ws;
        this.manager = manager;
        this.repA = repA;
        this.repB = repB;
        JsonPath pipeline = Fixtures.pipeline(ws.adminKey(), "Sales");
        String qualify = pipeline.getString("stages[0].id");
        String proposal = pipeline.getString("stages[1].id");
        String account = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
        sql("INSERT INTO exchange_rates (workspace_id, id, currency, effective_date, rate, created_at, updated_at) VALUES"
                + " ($1, gen_random_uuid(), 'USD', '2026-11-01', 0.9, now(), now())", ws.id());
        deal("a1", repA, account, proposal, 1000, "EUR", "2026-10-15", Map.of());
        deal("a2", repA, account, qualify, 2000, "EUR", "2026-11-20", Map.of("forecastCategory", "Commit",
                "probability", 90));
        deal("a3", repA, account, proposal, 5000, "EUR", "2026-12-01", Map.of());
        close("a3");
        deal("a4", repA, account, qualify, 3000, "USD", "2026-11-10", Map.of());
        deal("a5", repA, account, qualify, 9999, "EUR", "2027-01-05", Map.of());
        deal("b1", repB, account, qualify, 4000, "EUR", "2026-10-20", Map.of());
        deal("b2", repB, account, proposal, 500, "GBP", "2026-12-10", Map.of());
        deal("b3", repB, account, qualify, 800, "EUR", "2026-12-12", Map.of("forecastCategory", "Omitted"));
        deal("m1", manager, account, proposal, 2000, "EUR", "2026-12-20", Map.of());
        quota(repA.id(), 10000);
        quota(repB.id(), 8000);
    }

    /**
     * An active model Global > EMEA, North America: m1 in Global, a1 and a2 in EMEA, b1 in North America; quotas EMEA
     * 5,000 and NA 4,000. So EMEA: commit 2,000, bestCase 1,000; Global: commit 2,000, bestCase 3,000, pipeline 4,000.
     */
    void territories() {
        TerritoryFixture territories = TerritoryFixture.activeModel(db, ws.id());
        global = territories.territory(null, "Global", "G", "global");
        emea = territories.territory(global, "EMEA", "E", "region");
        na = territories.territory(global, "North America", "N", "region");
        territories.place(global, "m1");
        territories.place(emea, "a1", "a2");
        territories.place(na, "b1");
        as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "territoryId", emea.toString(), "amount", 5000))
                .post("/api/v1/quotas").then().statusCode(201);
        as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "territoryId", na.toString(), "amount", 4000))
                .post("/api/v1/quotas").then().statusCode(201);
    }

    void deal(String name, Member owner, String account, String stage, int amount, String currency,
              String closeDate, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "accountId", account, "stageId", stage,
                "ownerId", owner.id().toString(), "amount", amount, "currency", currency, "closeDate", closeDate));
        body.putAll(extra);
        deals.put(name, as(ws.adminKey()).body(body).post("/api/v1/opportunities").then().statusCode(201)
                .extract().path("id"));
    }

    void close(String name) {
        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + deals.get(name) + "/close")
                .then().statusCode(200);
    }

    void quota(UUID user, int amount) {
        as(ws.adminKey()).body(Map.of("periodId", "2026-Q4", "userId", user.toString(), "amount", amount))
                .post("/api/v1/quotas").then().statusCode(201);
    }

    void adjustment(UUID user, String category, int amount, UUID by) {
        sql("INSERT INTO forecast_adjustments (workspace_id, id, user_id, period_id, category, amount, adjusted_by,"
                + " created_at, updated_at) VALUES ($1, gen_random_uuid(), $2, '2026-Q4', $3, $4, $5, now(), now())"
                + " ON CONFLICT ON CONSTRAINT forecast_adjustments_uq DO UPDATE SET amount = excluded.amount",
                ws.id(), user, category, amount, by);
    }

    RowSet<Row> sql(String statement, Object... args) {
        return db.query(statement, Tuple.from(args)).await().atMost(Duration.ofSeconds(10));
    }

    long count(String table) {
        return sql("SELECT count(*) AS n FROM " + table + " WHERE workspace_id = $1", ws.id()).iterator().next()
                .getLong("n");
    }
}
