package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.CsvPages;
import org.revops.support.GraphQLClient;
import org.revops.support.Listing;
import org.revops.support.TestClock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class ExchangeRateResourceTest extends ApiTest {
    private static final String RATES = "/api/v1/exchange-rates";

    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-11-02T09:00:00Z");
        ws = newWorkspace("Rates");   // currency EUR
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static Map<String, Object> rate(String currency, String day, Object rate) {
        Map<String, Object> item = new HashMap<>();
        item.put("currency", currency);
        item.put("effectiveDate", day);
        item.put("rate", rate);
        return item;
    }

    private List<Row> stored() {
        List<Row> rows = new ArrayList<>();
        db.query("SELECT currency, effective_date, rate, version FROM exchange_rates WHERE workspace_id = $1 "
                        + "ORDER BY currency, effective_date", Tuple.of(ws.id()))
                .await().atMost(Duration.ofSeconds(10)).forEach(rows::add);
        return rows;
    }

    /** The stored rows as "USD 2026-11-01 0.92150000 v0", to compare a whole table at once. */
    private List<String> table() {
        return stored().stream().map(r -> r.getString("currency") + " " + r.getLocalDate("effective_date") + " "
                + r.getBigDecimal("rate").toPlainString() + " v" + r.getLong("version")).toList();
    }

    @Test
    void createReadChangeAndDeleteARate() {
        String location = as(ws.adminKey()).body(rate("USD", "2026-11-01", 0.9215)).post(RATES).then()
                .statusCode(201).header("ETag", "\"0\"")
                .body("currency", equalTo("USD")).body("effectiveDate", equalTo("2026-11-01"))
                .body("rate", equalTo(0.9215f)).body("baseCurrency", equalTo("EUR"))
                .body("createdAt", equalTo("2026-11-02T09:00:00Z")).body("version", equalTo(0))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).get(location).then().statusCode(200)
                .header("ETag", "\"0\"").body("id", equalTo(id)).body("rate", equalTo(0.9215f));

        as(ws.adminKey()).body(rate("USD", "2026-11-01", 0.93)).post(RATES).then().statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("effectiveDate"));
        as(ws.adminKey()).body(rate("USD", "2026-11-02", 0.93)).post(RATES).then().statusCode(201);   // the next day

        TestClock.set("2026-11-03T10:00:00Z");
        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("rate", 0.9221)).patch(RATES + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("rate", equalTo(0.9221f)).body("updatedAt", equalTo("2026-11-03T10:00:00Z"))
                .body("createdAt", equalTo("2026-11-02T09:00:00Z"));
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("rate", 1)).patch(RATES + "/" + id).then()
                .statusCode(412).body("type", endsWith("/stale-version"));
        as(ws.adminKey()).body(Map.of("rate", 0.92210)).patch(RATES + "/" + id).then().statusCode(200)
                .header("ETag", "\"1\"");   // the same rate: nothing changes
        as(ws.adminKey()).body(Map.of("effectiveDate", "2026-10-01", "currency", "GBP")).patch(RATES + "/" + id)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("currency", "effectiveDate")));
        as(ws.adminKey()).body(Map.of("rate", 0)).patch(RATES + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("rate"));
        assertEquals(List.of("USD 2026-11-01 0.92210000 v1", "USD 2026-11-02 0.93000000 v0"), table());

        as(ws.adminKey()).header("If-Match", "\"0\"").delete(RATES + "/" + id).then().statusCode(412);
        as(ws.adminKey()).header("If-Match", "\"1\"").delete(RATES + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(RATES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(List.of("USD 2026-11-02 0.93000000 v0"), table());
    }

    @Test
    void aBatchInsertsThenUpdatesInOneGo() {
        as(ws.adminKey()).body(Map.of("rates", List.of(rate("USD", "2026-11-01", 0.9215),
                        rate("GBP", "2026-11-01", 1.1432), rate("JPY", "2026-11-01", 0.00612345))))
                .put(RATES).then().statusCode(200)
                .body("created", equalTo(3)).body("updated", equalTo(0)).body("unchanged", equalTo(0))
                .body("rates.result", equalTo(List.of("created", "created", "created")))
                .body("rates.exchangeRate.currency", equalTo(List.of("USD", "GBP", "JPY")))
                .body("rates[2].exchangeRate.rate", equalTo(0.00612345f))
                .body("rates[0].exchangeRate.baseCurrency", equalTo("EUR"))
                .body("rates[0].exchangeRate.version", equalTo(0));

        TestClock.set("2026-11-02T10:00:00Z");
        JsonPath second = as(ws.adminKey()).body(Map.of("rates", List.of(rate("CHF", "2026-11-01", 1.0712),
                        rate("GBP", "2026-11-01", 1.1432), rate("USD", "2026-11-01", 0.93))))
                .put(RATES).then().statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("unchanged", equalTo(1))
                .body("rates.result", equalTo(List.of("created", "unchanged", "updated")))
                .body("rates.exchangeRate.version", equalTo(List.of(0, 0, 1)))
                .body("rates[1].exchangeRate.updatedAt", equalTo("2026-11-02T09:00:00Z"))
                .body("rates[2].exchangeRate.updatedAt", equalTo("2026-11-02T10:00:00Z"))
                .body("rates[2].exchangeRate.createdAt", equalTo("2026-11-02T09:00:00Z"))
                .extract().jsonPath();
        assertEquals(List.of("CHF 2026-11-01 1.07120000 v0", "GBP 2026-11-01 1.14320000 v0",
                "JPY 2026-11-01 0.00612345 v0", "USD 2026-11-01 0.93000000 v1"), table());
        // the answer holds the rows as a read gives them
        as(ws.adminKey()).get(RATES + "/" + second.getString("rates[2].exchangeRate.id")).then().statusCode(200)
                .header("ETag", "\"1\"").body("rate", equalTo(0.93f));
        as(ws.adminKey()).body(Map.of("rates", List.of())).put(RATES).then().statusCode(200)
                .body("created", equalTo(0)).body("rates", equalTo(List.of()));
    }

    @Test
    void listsFilterSortPageAndSpeakCsv() {
        as(ws.adminKey()).body(Map.of("rates", List.of(rate("USD", "2026-10-01", 0.95), rate("USD", "2026-11-01", 0.92),
                rate("GBP", "2026-11-01", 1.14), rate("GBP", "2026-12-01", 1.15), rate("CHF", "2026-09-01", 1.07))))
                .put(RATES).then().statusCode(200);
        Map<String, String> ids = new HashMap<>();
        as(ws.adminKey()).get(RATES + "?limit=500").then().extract().jsonPath().getList("data", Map.class)
                .forEach(r -> ids.put(r.get("currency") + " " + r.get("effectiveDate"), (String) r.get("id")));

        // default: by day, then currency
        as(ws.adminKey()).get(RATES).then().statusCode(200).body("nextCursor", nullValue())
                .body("data.currency", equalTo(List.of("CHF", "USD", "GBP", "USD", "GBP")))
                .body("data.baseCurrency", hasItem("EUR"));
        Listing.assertFilters(ws.adminKey(), RATES, Map.of(
                "currency=USD", List.of(ids.get("USD 2026-10-01"), ids.get("USD 2026-11-01")),
                "currency=GBP&currency=CHF", List.of(ids.get("GBP 2026-11-01"), ids.get("GBP 2026-12-01"),
                        ids.get("CHF 2026-09-01")),
                "from=2026-11-01&to=2026-11-30", List.of(ids.get("USD 2026-11-01"), ids.get("GBP 2026-11-01")),
                "currency=USD&from=2026-10-02", List.of(ids.get("USD 2026-11-01")),
                "to=2026-09-01", List.of(ids.get("CHF 2026-09-01")),
                "currency=SEK", List.of()));
        Listing.assertOrder(ws.adminKey(), RATES, "currency,-effectiveDate", ids.get("CHF 2026-09-01"),
                ids.get("GBP 2026-12-01"), ids.get("GBP 2026-11-01"), ids.get("USD 2026-11-01"), ids.get("USD 2026-10-01"));
        assertEquals(List.of(ids.get("CHF 2026-09-01"), ids.get("USD 2026-10-01"), ids.get("USD 2026-11-01"),
                        ids.get("GBP 2026-11-01"), ids.get("GBP 2026-12-01")),
                Listing.walk(ws.adminKey(), RATES, "effectiveDate,-currency", 2, 3));
        Listing.assertRejectsBadParameters(ws.adminKey(), RATES);
        as(ws.adminKey()).get(RATES + "?from=November").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));

        String usd = ids.get("USD 2026-11-01");
        assertEquals("id,currency,effectiveDate,rate,baseCurrency,createdAt,updatedAt,version\r\n"
                        + usd + ",USD,2026-11-01,0.92000000,EUR,2026-11-02T09:00:00Z,2026-11-02T09:00:00Z,0\r\n",
                CsvPages.csv(ws.adminKey(), RATES + "?currency=USD&from=2026-11-01"));
        assertEquals(5, CsvPages.walk(ws.adminKey(), RATES + "?limit=2", 3).size());
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("lower case", rate("usd", "2026-11-01", 1));
        bad.put("two letters", rate("US", "2026-11-01", 1));
        bad.put("four letters", rate("USDD", "2026-11-01", 1));
        bad.put("own currency", rate("EUR", "2026-11-01", 1));
        bad.put("missing currency", rate(null, "2026-11-01", 1));
        bad.put("zero", rate("USD", "2026-11-01", 0));
        bad.put("negative", rate("USD", "2026-11-01", -0.5));
        bad.put("nine decimals", rate("USD", "2026-11-01", new java.math.BigDecimal("0.123456789")));
        bad.put("twelve integer digits", rate("USD", "2026-11-01", new java.math.BigDecimal("123456789012")));
        bad.put("missing rate", rate("USD", "2026-11-01", null));
        bad.put("missing day", rate("USD", null, 1));
        Map<String, String> field = Map.of("lower case", "currency", "two letters", "currency", "four letters",
                "currency", "own currency", "currency", "missing currency", "currency", "missing day", "effectiveDate");
        bad.forEach((what, body) -> as(ws.adminKey()).body(body).post(RATES).then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("/validation"))
                .body("errors[0].field", equalTo(field.getOrDefault(what, "rate"))));
        as(ws.adminKey()).body(rate("USD", "1 Nov", 1)).post(RATES).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("effectiveDate"));
        // the largest rate numeric(19, 8) holds is fine
        as(ws.adminKey()).body(rate("VND", "2026-11-01", new java.math.BigDecimal("99999999999.99999999")))
                .post(RATES).then().statusCode(201);
        as(ws.adminKey()).body(rate("IDR", "2026-11-01", new java.math.BigDecimal("0.00000001"))).post(RATES).then()
                .statusCode(201);

        // a batch is all or nothing: one bad item, and neither the update nor the new rate is written
        List<String> before = table();
        List<Map<String, Object>> items = new ArrayList<>(List.of(rate("VND", "2026-11-01", 0.00004),
                rate("USD", "2026-11-01", 0.92), rate("GBP", "2026-11-01", 1.14), rate("CHF", "2026-11-01", -1)));
        as(ws.adminKey()).body(Map.of("rates", items)).put(RATES).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("rates[3].rate")));
        items.set(3, rate("CHF", "2026-11-01", 1.07));
        items.add(rate("USD", "2026-11-01", 0.93));
        items.add(rate("EUR", "2026-11-01", 1));
        items.add(rate("sek", null, 0.123456789));
        items.add(null);
        as(ws.adminKey()).body(Map.of("rates", items)).put(RATES).then().statusCode(422)
                .body("errors.field", equalTo(List.of("rates[4].effectiveDate", "rates[5].currency",
                        "rates[6].currency", "rates[6].effectiveDate", "rates[6].rate", "rates[7]")))
                .body("errors[0].message", equalTo("duplicates rates[1]: one rate per currency and day"));
        as(ws.adminKey()).body(Map.of()).put(RATES).then().statusCode(422).body("errors[0].field", equalTo("rates"));
        as(ws.adminKey()).body("{\"rates\": [{\"currency\": \"USD\", \"effectiveDate\": \"2026-11-01\", "
                + "\"rate\": \"lots\"}]}").put(RATES).then().statusCode(400);

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(rate("USD", LocalDate.of(2020, 1, 1).plusDays(i).toString(), 0.9));
        }
        as(ws.adminKey()).body(Map.of("rates", tooMany)).put(RATES).then().statusCode(413)
                .contentType("application/problem+json").body("type", endsWith("/too-large"))
                .body("status", equalTo(413));
        assertEquals(before, table());
        // exactly the limit is fine
        as(ws.adminKey()).body(Map.of("rates", tooMany.subList(0, 1000))).put(RATES).then().statusCode(200)
                .body("created", equalTo(1000));
        assertEquals(before.size() + 1000, table().size());
    }

    @Test
    void everyRoleReadsOnlyAdminsWriteAndWorkspacesStayApart() {
        Member manager = newMember(ws, "Mo Manager", "manager", null);
        Member rep = newMember(ws, "Ana Rep", "rep", manager.id());
        Member reader = newMember(ws, "Rita Reader", "read-only", null);
        String id = as(ws.adminKey()).body(rate("USD", "2026-11-01", 0.92)).post(RATES).then().statusCode(201)
                .extract().path("id");
        for (Member member : List.of(manager, rep, reader)) {
            as(member.key()).body(rate("GBP", "2026-11-01", 1.14)).post(RATES).then().statusCode(403)
                    .contentType("application/problem+json").body("type", endsWith("/forbidden"));
            as(member.key()).body(Map.of("rates", List.of(rate("GBP", "2026-11-01", 1.14)))).put(RATES).then()
                    .statusCode(403);
            as(member.key()).body(Map.of("rate", 1)).patch(RATES + "/" + id).then().statusCode(403);
            as(member.key()).delete(RATES + "/" + id).then().statusCode(403);
            as(member.key()).get(RATES + "/" + id).then().statusCode(200).body("rate", equalTo(0.92f));
            assertEquals(List.of(id), Listing.ids(member.key(), RATES, ""));
        }
        assertEquals(List.of("USD 2026-11-01 0.92000000 v0"), table());

        Workspace other = newWorkspace("Other rates");
        as(other.adminKey()).get(RATES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(other.adminKey()).body(Map.of("rate", 1)).patch(RATES + "/" + id).then().statusCode(404);
        as(other.adminKey()).delete(RATES + "/" + id).then().statusCode(404);
        assertEquals(List.of(), Listing.ids(other.adminKey(), RATES, ""));
        // the same currency and day in another workspace is another rate
        as(other.adminKey()).body(Map.of("rates", List.of(rate("USD", "2026-11-01", 0.5)))).put(RATES).then()
                .statusCode(200).body("rates[0].result", equalTo("created"));
        assertEquals(List.of("USD 2026-11-01 0.92000000 v0"), table());
    }

    @Test
    void graphQLReadsAndWritesThroughTheSameRules() {
        JsonPath upserted = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: [ExchangeRateInput!]!) { upsertExchangeRates(input: $input) {
                  result { created rates { result exchangeRate { id currency rate baseCurrency } } }
                  userErrors { field message } } }""",
                Map.of("input", List.of(rate("USD", "2026-11-01", 0.92), rate("GBP", "2026-11-01", 1.14))));
        assertEquals(2, upserted.getInt("data.upsertExchangeRates.result.created"));
        assertEquals(List.of(), upserted.getList("data.upsertExchangeRates.userErrors"));
        String usd = upserted.getString("data.upsertExchangeRates.result.rates[0].exchangeRate.id");

        JsonPath created = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: ExchangeRateInput!) { createExchangeRate(input: $input) {
                  exchangeRate { id currency effectiveDate rate version } userErrors { field message } } }""",
                Map.of("input", rate("USD", "2026-12-01", 0.9)));
        String december = created.getString("data.createExchangeRate.exchangeRate.id");
        assertEquals("2026-12-01", created.getString("data.createExchangeRate.exchangeRate.effectiveDate"));

        JsonPath list = GraphQLClient.ok(ws.adminKey(), """
                { exchangeRates(filter: {currency: ["USD"]}, sort: "-effectiveDate", first: 1) {
                  edges { node { id effectiveDate } cursor } pageInfo { hasNextPage endCursor } } }""", Map.of());
        assertEquals(List.of(december), list.getList("data.exchangeRates.edges.node.id"));
        assertEquals(true, list.getBoolean("data.exchangeRates.pageInfo.hasNextPage"));

        JsonPath updated = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { updateExchangeRate(id: $id, patch: {rate: 0.95}, expectedVersion: 0) {
                  exchangeRate { rate version } userErrors { field } } }""", Map.of("id", usd));
        assertEquals(1, updated.getInt("data.updateExchangeRate.exchangeRate.version"));
        JsonPath one = GraphQLClient.ok(ws.adminKey(), """
                query($id: String!) { exchangeRate(id: $id) { currency rate baseCurrency } }""", Map.of("id", usd));
        assertEquals(0.95f, one.getFloat("data.exchangeRate.rate"));
        assertEquals("EUR", one.getString("data.exchangeRate.baseCurrency"));

        JsonPath refused = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: [ExchangeRateInput!]!) { upsertExchangeRates(input: $input) {
                  result { created } userErrors { field message } } }""",
                Map.of("input", List.of(rate("CHF", "2026-11-01", 1.07), rate("EUR", "2026-11-01", 1))));
        assertNull(refused.get("data.upsertExchangeRates.result"));
        assertEquals("input[1].currency", refused.getString("data.upsertExchangeRates.userErrors[0].field"));
        JsonPath duplicate = GraphQLClient.ok(ws.adminKey(), """
                mutation($input: ExchangeRateInput!) { createExchangeRate(input: $input) {
                  exchangeRate { id } userErrors { field } } }""", Map.of("input", rate("USD", "2026-11-01", 1)));
        assertEquals("effectiveDate", duplicate.getString("data.createExchangeRate.userErrors[0].field"));

        JsonPath deleted = GraphQLClient.ok(ws.adminKey(), """
                mutation($id: String!) { deleteExchangeRate(id: $id) { deletedId userErrors { field } } }""",
                Map.of("id", december));
        assertEquals(december, deleted.getString("data.deleteExchangeRate.deletedId"));
        assertEquals(List.of("GBP 2026-11-01 1.14000000 v0", "USD 2026-11-01 0.95000000 v1"), table());
    }
}
