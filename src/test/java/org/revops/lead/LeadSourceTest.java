package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.lead.RoutingFixtures.LEADS;

/**
 * GET /api/v1/analytics/lead-sources on a dataset worked out by hand (period 2026-01-01 .. 2026-04-01):
 * <pre>
 * lead  channel           campaign        owner  created     outcome                          days  deal
 * W1    web-form          Spring promo    Ray    01-10       qualified
 * W2    web-form          Spring promo    Ray    01-12       converted 01-22                  10    1000 won
 * W3    web-form          -               -      02-01       new
 * W4    web-form          -               -      02-03       converted 02-08                  5     500 lost
 * T1    trade-show        Hannover Messe  Ray    03-01       converted 03-04 12:00            3     2000 won
 * T2    trade-show        Hannover Messe  -      03-02       disqualified
 * T3    trade-show        Hannover Messe  -      03-03       converted 03-10, no deal         7
 * P1    partner-referral  -               Otto   03-15       converted 03-20                  5     4000 won
 * X1    web-form          Spring promo    -      2025-12-31  converted, won 9999: before the period
 * X2    web-form          -               -      04-01       after the period
 * </pre>
 * web-form: 4 leads, qualified 3 (W1, W2, W4), converted 2, won 1 (1000), rate 0.5000, days (10 + 5) / 2 = 7.50;
 * trade-show: 3, 2, 2, 1 (2000), 0.6667, (3 + 7) / 2 = 5.00; partner-referral: 1, 1, 1, 1 (4000), 1.0000, 5.00;
 * total: 8, 6, 5, 3 (7000), 0.6250, 30 / 5 = 6.00.
 */
@QuarkusTest
class LeadSourceTest extends ApiTest {
    static final String REPORT = "/api/v1/analytics/lead-sources";
    static final String PERIOD = "?from=2026-01-01&to=2026-04-01";

    // built once for the class: the tests only read it
    private static Workspace ws;
    private static Member mona;
    private static Member ray;
    private String pipeline;
    private String lostReason;

    @BeforeEach
    void setUp() {
        if (ws != null) {
            TestClock.set("2026-03-31T12:00:00Z");
            return;
        }
        ws = newWorkspace("Lead sources");
        mona = newMember(ws, "Mona Manager", "manager", null);
        ray = newMember(ws, "Ray Rep", "rep", mona.id());
        Member otto = newMember(ws, "Otto Rep", "rep", null);
        pipeline = Fixtures.pipeline(ws.adminKey(), "New business").getString("id");
        lostReason = as(ws.adminKey()).body(Map.of("name", "Price", "appliesTo", "lost"))
                .post("/api/v1/close-reasons").then().statusCode(201).extract().path("id");

        lead(ray.key(), "W1", "web-form", "Spring promo", "2026-01-10T09:00:00Z", Map.of("status", "qualified"));
        close(convert(lead(ray.key(), "W2", "web-form", "Spring promo", "2026-01-12T09:00:00Z", Map.of()),
                "2026-01-22T10:00:00Z", 1000), true);
        lead(ws.adminKey(), "W3", "web-form", null, "2026-02-01T09:00:00Z", Map.of());
        close(convert(lead(ws.adminKey(), "W4", "web-form", null, "2026-02-03T09:00:00Z", Map.of()),
                "2026-02-08T09:00:00Z", 500), false);
        close(convert(lead(ray.key(), "T1", "trade-show", "Hannover Messe", "2026-03-01T00:00:00Z", Map.of()),
                "2026-03-04T12:00:00Z", 2000), true);
        lead(ws.adminKey(), "T2", "trade-show", "Hannover Messe", "2026-03-02T09:00:00Z",
                Map.of("status", "disqualified", "disqualifiedReason", "Student"));
        convert(lead(ws.adminKey(), "T3", "trade-show", "Hannover Messe", "2026-03-03T09:00:00Z", Map.of()),
                "2026-03-10T09:00:00Z", null);
        close(convert(lead(otto.key(), "P1", "partner-referral", null, "2026-03-15T09:00:00Z", Map.of()),
                "2026-03-20T09:00:00Z", 4000), true);
        close(convert(lead(ws.adminKey(), "X1", "web-form", "Spring promo", "2025-12-31T23:59:59Z", Map.of()),
                "2026-01-05T09:00:00Z", 9999), true);
        lead(ws.adminKey(), "X2", "web-form", null, "2026-04-01T00:00:00Z", Map.of());
        TestClock.set("2026-03-31T12:00:00Z");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private String lead(String key, String name, String source, String campaign, String at,
                        Map<String, Object> extra) {
        TestClock.set(at);
        Map<String, Object> body = new HashMap<>(Map.of("lastName", name, "company", name + " Corp", "source",
                source));
        if (campaign != null) {
            body.put("campaign", campaign);
        }
        body.putAll(extra);
        return LeadResourceTest.lead(key, body);
    }

    /** Converts at {@code at}; with an amount, into a deal of that amount; answers the deal (or null). */
    private String convert(String leadId, String at, Integer amount) {
        TestClock.set(at);
        Map<String, Object> body = amount == null ? Map.of()
                : Map.of("opportunity", Map.of("pipelineId", pipeline, "amount", amount));
        return as(ws.adminKey()).body(body).post(LEADS + "/" + leadId + "/convert").then().statusCode(200)
                .extract().path("opportunity.id");
    }

    private void close(String dealId, boolean won) {
        Map<String, Object> body = won ? Map.of("won", true) : Map.of("won", false, "reasonId", lostReason);
        as(ws.adminKey()).body(body).post("/api/v1/opportunities/" + dealId + "/close").then().statusCode(200);
    }

    private static JsonPath report(String key, String query) {
        String body = as(key).get(REPORT + query).then().statusCode(200).contentType("application/json").extract()
                .asString();
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** "leads/qualified/converted/won revenue rate days" at a path of the report. */
    private static String figures(JsonPath report, String at) {
        return report.get(at + "leads") + "/" + report.get(at + "qualified") + "/" + report.get(at + "converted") + "/"
                + report.get(at + "wonDeals") + " " + report.get(at + "wonRevenue") + " "
                + report.get(at + "conversionRate") + " " + report.get(at + "averageDaysToConvert");
    }

    private static List<String> rows(JsonPath report) {
        List<String> rows = new ArrayList<>();
        for (int c = 0; c < report.getList("channels").size(); c++) {
            String channel = "channels[" + c + "].";
            rows.add(report.getString(channel + "channel") + " " + figures(report, channel));
            for (int k = 0; k < report.getList(channel + "campaigns").size(); k++) {
                String campaign = channel + "campaigns[" + k + "].";
                rows.add("  " + report.getString(campaign + "campaign") + " " + figures(report, campaign));
            }
        }
        rows.add("total " + figures(report, ""));
        return rows;
    }

    @Test
    void figuresPerChannelAndCampaignMatchTheHandCount() {
        JsonPath report = report(ws.adminKey(), PERIOD);
        assertEquals(List.of(
                "web-form 4/3/2/1 1000.0000 0.5000 7.50",
                "  Spring promo 2/2/1/1 1000.0000 0.5000 10.00",
                "  null 2/1/1/0 0.0000 0.5000 5.00",
                "trade-show 3/2/2/1 2000.0000 0.6667 5.00",
                "  Hannover Messe 3/2/2/1 2000.0000 0.6667 5.00",
                "partner-referral 1/1/1/1 4000.0000 1.0000 5.00",
                "  null 1/1/1/1 4000.0000 1.0000 5.00",
                "total 8/6/5/3 7000.0000 0.6250 6.00"), rows(report));
        assertEquals("2026-01-01", report.getString("from"));
        assertEquals("2026-04-01", report.getString("to"));
        assertEquals("EUR", report.getString("currency"));
        // without a period: the 90 days up to today (2026-03-31), the same one
        assertEquals(rows(report), rows(report(ws.adminKey(), "")));
    }

    @Test
    void eachCallerCountsTheLeadsTheySee() {
        assertEquals(List.of(
                "web-form 2/2/1/1 1000.0000 0.5000 10.00",
                "  Spring promo 2/2/1/1 1000.0000 0.5000 10.00",
                "trade-show 1/1/1/1 2000.0000 1.0000 3.00",
                "  Hannover Messe 1/1/1/1 2000.0000 1.0000 3.00",
                "total 3/3/2/2 3000.0000 0.6667 6.50"), rows(report(ray.key(), PERIOD)));
        // the manager: Ray's leads and the unowned ones, not Otto's
        assertEquals("total 7/5/4/2 3000.0000 0.5714 6.25",
                rows(report(mona.key(), PERIOD)).get(rows(report(mona.key(), PERIOD)).size() - 1));
        assertEquals("total 0/0/0/0 0.0000 null null",
                rows(report(ws.adminKey(), "?from=2020-01-01&to=2020-02-01")).get(0));
    }

    @Test
    void csvAndGraphQLCarryTheSameFigures() {
        String csv = as(ws.adminKey()).accept("text/csv").get(REPORT + PERIOD).then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asString();
        assertEquals(List.of(
                "level,channel,campaign,leads,qualified,converted,wonDeals,wonRevenue,conversionRate,"
                        + "averageDaysToConvert",
                "campaign,web-form,Spring promo,2,2,1,1,1000.0000,0.5000,10.00",
                "campaign,web-form,,2,1,1,0,0.0000,0.5000,5.00",
                "channel,web-form,,4,3,2,1,1000.0000,0.5000,7.50",
                "campaign,trade-show,Hannover Messe,3,2,2,1,2000.0000,0.6667,5.00",
                "channel,trade-show,,3,2,2,1,2000.0000,0.6667,5.00",
                "campaign,partner-referral,,1,1,1,1,4000.0000,1.0000,5.00",
                "channel,partner-referral,,1,1,1,1,4000.0000,1.0000,5.00",
                "total,,,8,6,5,3,7000.0000,0.6250,6.00"), List.of(csv.split("\r\n")));
        JsonPath graph = GraphQLClient.ok(ws.adminKey(), """
                { leadSources(from: "2026-01-01", to: "2026-04-01") {
                    leads converted wonRevenue conversionRate averageDaysToConvert
                    channels { channel leads campaigns { campaign leads } } } }""", null);
        assertEquals(8, graph.getInt("data.leadSources.leads"));
        assertEquals(5, graph.getInt("data.leadSources.converted"));
        assertEquals(List.of("web-form", "trade-show", "partner-referral"),
                graph.getList("data.leadSources.channels.channel"));
        assertEquals(java.util.Arrays.asList("Spring promo", null),
                graph.getList("data.leadSources.channels[0].campaigns.campaign"));
    }

    @Test
    void badPeriodsAreRefused() {
        as(ws.adminKey()).get(REPORT + "?from=2026-04-01&to=2026-04-01").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        as(ws.adminKey()).get(REPORT + "?from=April").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(ws.adminKey()).get(REPORT + "?channel=web-form").then().statusCode(400)
                .body("errors[0].field", equalTo("channel"));
        as(ws.adminKey()).get(REPORT + "?from=2026-01-01&from=2026-02-01").then().statusCode(400);
    }
}
