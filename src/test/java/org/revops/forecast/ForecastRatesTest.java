package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which rate converts a deal: the rate of its close day when there is one, else the latest before it — also when that
 * rate is older than the period ({@link ForecastQueries#periodRate}). {@link ForecastDataset}'s USD rates are
 * 0.8 from 2026-10-01, 0.9 from 11-01 and 0.5 from 12-01; Cy's deals are all 1,000 USD in Pipeline, so each converts
 * to 1,000 × its rate.
 */
@QuarkusTest
class ForecastRatesTest extends ForecastDataset {
    private static final String ROLLUP = "/api/v1/forecasts/rollup";

    @Test
    void aDealTakesItsCloseDaysRateOrTheLatestBefore() {
        Member cy = newMember(ws, "Cy Rep", "rep", null);
        String account = as(ws.adminKey()).get("/api/v1/opportunities/" + deals.get("a1")).then().statusCode(200)
                .extract().path("accountId");
        sql("INSERT INTO exchange_rates (workspace_id, id, currency, effective_date, rate, created_at, updated_at)"
                + " VALUES ($1, gen_random_uuid(), 'USD', '2026-09-15', 0.7, now(), now())", ws.id());
        sql("DELETE FROM exchange_rates WHERE workspace_id = $1 AND currency = 'USD' AND effective_date = '2026-10-01'",
                ws.id());
        deal("c1", cy, account, qualify, 1000, "USD", "2026-12-01", Map.of());   // its own day: 0.5
        deal("c2", cy, account, qualify, 1000, "USD", "2026-11-30", Map.of());   // from 11-01: 0.9
        deal("c3", cy, account, qualify, 1000, "USD", "2026-12-02", Map.of());   // from 12-01: 0.5
        deal("c4", cy, account, qualify, 1000, "USD", "2026-10-02", Map.of());   // from 09-15, before the quarter: 0.7

        JsonPath facts = as(ws.adminKey()).get(ROLLUP + "?period=2026-Q4&scope=user:" + cy.id() + "&breakdown=month")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2600f, facts.getFloat("totals.categories[0].amount"));
        assertEquals(List.of(700f, 900f, 1000f),
                facts.getList("breakdowns.months.collect { it.figures.categories[0].amount }"));

        // a territory scope reads the deals themselves, through the same rate
        TerritoryFixture territories = TerritoryFixture.activeModel(db, ws.id());
        UUID territory = territories.territory(null, "Global", "G", "global");
        territories.place(territory, "c1", "c2", "c3", "c4");
        as(ws.adminKey()).get(ROLLUP + "?period=2026-Q4&scope=territory:" + territory).then().statusCode(200)
                .body("totals.categories[0].amount", equalTo(2600f));
    }
}
