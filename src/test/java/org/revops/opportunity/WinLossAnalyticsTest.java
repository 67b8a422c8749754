package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.TestClock;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * GET /api/v1/analytics/win-loss. Deals (owner, amount, source; closed when, why, against whom):
 * <pre>
 * H Otto    500 web      lost 2025-12-20 Price         "Umbrella, Inc."
 * E Mona   6000 partner  won  2026-01-17 -             -
 * B Ray    4000 web      lost 2026-01-20 Price         Initech
 * A Ray   10000 partner  won  2026-01-25 Relationship  -
 * F Otto   3000 web      lost 2026-01-28 Price         Initech
 * G Ray    5000 -        won  2026-02-10 Relationship  Initech
 * C Ray    1000 -        open
 * </pre>
 * January 2026 therefore holds E, B, A and F.
 */
@QuarkusTest
class WinLossAnalyticsTest extends ApiTest {
    private static final String WIN_LOSS = "/api/v1/analytics/win-loss";
    private static final String JANUARY = "from=2026-01-01&to=2026-02-01";

    @Inject
    Db db;

    /** Built once for the class: the tests only read it. */
    private static FunnelScenario s;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        if (s != null) {
            return;
        }
        Workspace ws = newWorkspace("Win loss");
        Member mona = newMember(ws, "Mona Manager", "manager", null);
        Member ray = newMember(ws, "Ray Rep", "rep", mona.id());
        Member otto = newMember(ws, "Otto Outsider", "rep", null);
        s = new FunnelScenario(ws, mona, ray, otto, db);
        TestClock.set("2025-12-01T09:00:00Z");
        s.deal("H", 500, otto, s.acme, "web");
        TestClock.set("2025-12-20T09:00:00Z");
        s.close("H", false, s.priceReason, "Umbrella, Inc.");
        TestClock.set("2026-01-05T09:00:00Z");
        s.deal("A", 10000, ray, s.acme, "partner");
        s.deal("B", 4000, ray, s.globex, "web");
        s.deal("F", 3000, otto, s.globex, "web");
        TestClock.set("2026-01-07T09:00:00Z");
        s.deal("E", 6000, mona, s.acme, "partner");
        s.deal("G", 5000, ray, s.acme, null);
        s.deal("C", 1000, ray, s.acme, null);
        TestClock.set("2026-01-17T21:00:00Z");
        s.close("E", true, null, null);
        TestClock.set("2026-01-20T09:00:00Z");
        s.close("B", false, s.priceReason, "Initech");
        TestClock.set("2026-01-25T09:00:00Z");
        s.close("A", true, s.relationshipReason, null);
        TestClock.set("2026-01-28T09:00:00Z");
        s.close("F", false, s.priceReason, "Initech");
        TestClock.set("2026-02-10T09:00:00Z");
        s.close("G", true, s.relationshipReason, "Initech");
        TestClock.set("2026-03-02T09:00:00Z");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private JsonPath winLoss(String key, String query) {
        Response response = as(key).get(WIN_LOSS + (query.isEmpty() ? "" : "?" + query));
        response.then().statusCode(200).contentType("application/json");
        return JsonPath.from(response.asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** label, won, lost, wonAmount, lostAmount, winRate of each group, in order. */
    private static List<String> groups(JsonPath result) {
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < result.getList("groups").size(); i++) {
            String g = "groups[" + i + "].";
            rows.add(result.getString(g + "label") + " " + result.getInt(g + "won") + "/" + result.getInt(g + "lost")
                    + " " + result.get(g + "wonAmount") + "/" + result.get(g + "lostAmount") + " "
                    + result.get(g + "winRate"));
        }
        return rows;
    }

    @Test
    void byReason() {
        JsonPath r = winLoss(s.ws.adminKey(), JANUARY + "&groupBy=reason");
        assertEquals(List.of(
                "Price 0/2 0.0000/7000.0000 0.0000",
                "Relationship 1/0 10000.0000/0.0000 1.0000",
                "(none) 1/0 6000.0000/0.0000 1.0000"), groups(r));
        assertEquals(Arrays.asList(s.priceReason, s.relationshipReason, null), r.getList("groups.key"));
        assertEquals("2026-01-01", r.getString("from"));
        assertEquals("2026-02-01", r.getString("to"));
        assertEquals("reason", r.getString("groupBy"));
        assertEquals(2, r.getInt("won"));
        assertEquals(2, r.getInt("lost"));
        assertEquals(new BigDecimal("16000.0000"), r.get("wonAmount"));
        assertEquals(new BigDecimal("7000.0000"), r.get("lostAmount"));
        assertEquals(new BigDecimal("0.5000"), r.get("winRate"));
    }

    @Test
    void byCompetitorOwnerAndSource() {
        assertEquals(List.of(
                "Initech 0/2 0.0000/7000.0000 0.0000",
                "(none) 2/0 16000.0000/0.0000 1.0000"), groups(winLoss(s.ws.adminKey(), JANUARY + "&groupBy=competitor")));
        JsonPath owners = winLoss(s.ws.adminKey(), JANUARY + "&groupBy=owner");
        assertEquals(List.of(
                "Ray Rep 1/1 10000.0000/4000.0000 0.5000",
                "Mona Manager 1/0 6000.0000/0.0000 1.0000",
                "Otto Outsider 0/1 0.0000/3000.0000 0.0000"), groups(owners));
        assertEquals(List.of(s.ray.id().toString(), s.mona.id().toString(), s.otto.id().toString()),
                owners.getList("groups.key"));
        assertEquals(List.of(
                "partner 2/0 16000.0000/0.0000 1.0000",
                "web 0/2 0.0000/7000.0000 0.0000"), groups(winLoss(s.ws.adminKey(), JANUARY + "&groupBy=source")));
    }

    @Test
    void theDefaultPeriodIsTheNinetyDaysUpToToday() {
        // now is 2026-03-02: [2025-12-03, 2026-03-03) holds H (12-20) and G (02-10) as well
        JsonPath r = winLoss(s.ws.adminKey(), "");
        assertEquals("2025-12-03", r.getString("from"));
        assertEquals("2026-03-03", r.getString("to"));
        assertEquals("reason", r.getString("groupBy"));
        assertEquals(List.of(
                "Price 0/3 0.0000/7500.0000 0.0000",
                "Relationship 2/0 15000.0000/0.0000 1.0000",
                "(none) 1/0 6000.0000/0.0000 1.0000"), groups(r));
        // without `to` the period runs to today; without `from` it starts 90 days before `to`
        assertEquals(List.of("Relationship 1/0 5000.0000/0.0000 1.0000"), groups(winLoss(s.ws.adminKey(),
                "from=2026-02-01")));
        JsonPath before = winLoss(s.ws.adminKey(), "to=2026-01-18");
        assertEquals("2025-10-20", before.getString("from"));
        assertEquals(List.of("Price 0/1 0.0000/500.0000 0.0000", "(none) 1/0 6000.0000/0.0000 1.0000"), groups(before));
    }

    @Test
    void daysAreHalfOpenUtcIntervals() {
        // E closed 2026-01-17T21:00Z, B 2026-01-20T09:00Z
        assertEquals(1, winLoss(s.ws.adminKey(), "from=2026-01-17&to=2026-01-18").getInt("won"));
        JsonPath empty = winLoss(s.ws.adminKey(), "from=2026-01-18&to=2026-01-20");
        assertEquals(List.of(), groups(empty));
        assertNull(empty.get("winRate"));
        assertEquals(new BigDecimal("0.0000"), empty.get("wonAmount"));
        assertEquals(1, winLoss(s.ws.adminKey(), "from=2026-01-20&to=2026-01-21").getInt("lost"));
    }

    @Test
    void aRepCountsOwnDealsAndAManagerTheTeam() {
        assertEquals(List.of("Price 0/1 0.0000/4000.0000 0.0000", "Relationship 1/0 10000.0000/0.0000 1.0000"),
                groups(winLoss(s.ray.key(), JANUARY)));
        assertEquals(List.of("Ray Rep 1/1 10000.0000/4000.0000 0.5000", "Mona Manager 1/0 6000.0000/0.0000 1.0000"),
                groups(winLoss(s.mona.key(), JANUARY + "&groupBy=owner")));
        Member auditor = newMember(s.ws, "Audrey Auditor", "read-only", null);
        List<String> all = groups(winLoss(s.ws.adminKey(), JANUARY));
        assertEquals(3, all.size());
        assertEquals(all, groups(winLoss(auditor.key(), JANUARY)));
        Workspace other = newWorkspace("Other win loss");
        assertEquals(List.of(), groups(winLoss(other.adminKey(), JANUARY)));
    }

    @Test
    void badParametersAreProblems() {
        expect("groupBy=stage", 400, "groupBy");
        expect("groupBy=reason&groupBy=owner", 400, "groupBy");
        expect("from=2026-02-30", 400, "from");
        expect("to=soon", 400, "to");
        expect("colour=red", 400, "colour");
        expect("from=2026-02-01&to=2026-01-01", 422, "to");
        expect("from=2026-02-01&to=2026-02-01", 422, "to");
    }

    private void expect(String query, int status, String field) {
        as(s.ws.adminKey()).get(WIN_LOSS + "?" + query).then().statusCode(status)
                .contentType("application/problem+json").body("status", equalTo(status))
                .body("errors.field", hasItem(field));
    }

    @Test
    void csvQuotesWhatNeedsQuoting() {
        Response response = as(s.ws.adminKey()).accept("text/csv")
                .get(WIN_LOSS + "?from=2025-12-01&to=2026-01-01&groupBy=competitor");
        response.then().statusCode(200).header("Content-Type", "text/csv; charset=UTF-8");
        assertEquals("key,label,won,lost,wonAmount,lostAmount,winRate\r\n"
                        + "\"Umbrella, Inc.\",\"Umbrella, Inc.\",0,1,0.0000,500.0000,0.0000\r\n",
                new String(response.asByteArray(), StandardCharsets.UTF_8));
        String owners = new String(as(s.ws.adminKey()).accept("text/csv").get(WIN_LOSS + "?" + JANUARY + "&groupBy=owner")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertEquals("key,label,won,lost,wonAmount,lostAmount,winRate\r\n"
                + s.ray.id() + ",Ray Rep,1,1,10000.0000,4000.0000,0.5000\r\n"
                + s.mona.id() + ",Mona Manager,1,0,6000.0000,0.0000,1.0000\r\n"
                + s.otto.id() + ",Otto Outsider,0,1,0.0000,3000.0000,0.0000\r\n", owners);
        // JSON stays the default, also for a client that accepts anything
        as(s.ws.adminKey()).accept("*/*").get(WIN_LOSS + "?" + JANUARY).then().statusCode(200)
                .contentType("application/json");
        as(s.ws.adminKey()).accept("application/json;q=0.5, text/csv").get(WIN_LOSS + "?" + JANUARY).then()
                .statusCode(200).contentType("text/csv");
        as(s.ws.adminKey()).accept("application/xml").get(WIN_LOSS + "?" + JANUARY).then()
                .statusCode(406).contentType("application/problem+json");
    }
}
