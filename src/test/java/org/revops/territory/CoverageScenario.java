package org.revops.territory;

import io.restassured.path.json.JsonPath;
import org.revops.support.ApiTest.Member;
import org.revops.support.ApiTest.Workspace;
import org.revops.support.Fixtures;
import org.revops.support.Jobs;
import org.revops.support.TestClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.revops.support.ApiTest.as;
import static org.revops.territory.TerritoryMap.in;

/**
 * A hand-checked workspace for the coverage report; "now" is {@link #NOW}, so the default won period is Q2 2026
 * (2026-04-01 to 2026-06-30) and 90 days back is {@link #SINCE_90} = 2026-04-01T12:00:00Z.
 * <pre>
 * Active model FY27                       members
 * WORLD                                   -
 * ├─ AMER    rule: country US             Ray rep
 * └─ EMEA    (A3 assigned by hand)        Mona owner
 *    ├─ DACH  rule: country DE            Ray rep, Otto rep, Mona overlay
 *    └─ UKI   rule: tier A                -            (white space: its only match is a tie)
 *
 * account      owner  country tier industry      region  territory     deals (owner, amount, state)
 * A1 Berlin    Ray    DE      -    Retail        EMEA    DACH          D1 Ray 1000 open, D2 Ray 2000 open
 * A2 Munich    Otto   DE      -    Manufacturing EMEA    DACH          D3 Otto 4000 won 04-01T00:00:00,
 *                                                                      D4 Otto 8000 won 03-31T23:59:59
 * A3 Paris     Ray    FR      -    Retail        EMEA    EMEA (manual) D7 Otto 300 open
 * A4 Boston    Ray    US      -    Software      AMER    AMER          D5 Ray 16000 won 06-30T11:00, D6 Ray 500 lost
 * A5 Lyon-DE   Otto   DE      A    Retail        EMEA    tie DACH/UKI  D8 Otto 700 open, created 06-01
 * A6 Tokyo     admin  JP      -    -             APAC    -             -
 * </pre>
 * Deals D1–D7 were created on 2025-10-01. Touches in the last 90 days: A1 an activity at exactly SINCE_90; A3 an
 * activity one second earlier (so A3 is untouched); A4 D5 and D6 closed in May/June; A5 D8 created 06-01. A2's deals
 * closed on 03-31 and 04-01 at midnight, before SINCE_90: A2 is untouched, and so is A6 (nothing at all).
 */
final class CoverageScenario {
    static final String NOW = "2026-06-30T12:00:00Z";
    static final String SINCE_90 = "2026-04-01T12:00:00Z";

    /** Built once per test run and shared by the coverage test classes: they only read it. */
    private static CoverageScenario shared;

    final Workspace ws;
    final Member mona;
    final Member ray;
    final Member otto;
    final TerritoryMap map;
    final Map<String, String> accounts = new HashMap<>();
    final Map<String, String> deals = new HashMap<>();
    private final String qualify;
    private final String proposal;

    CoverageScenario(Workspace ws, Member mona, Member ray, Member otto) {
        this.ws = ws;
        this.mona = mona;
        this.ray = ray;
        this.otto = otto;
        String key = ws.adminKey();
        TestClock.set("2025-10-01T09:00:00Z");
        JsonPath pipeline = Fixtures.pipeline(key, "Coverage");
        qualify = pipeline.getString("stages[0].id");
        proposal = pipeline.getString("stages[1].id");
        account("A1", ray, "DE", null, "Retail", "EMEA");
        account("A2", otto, "DE", null, "Manufacturing", "EMEA");
        account("A3", ray, "FR", null, "Retail", "EMEA");
        account("A4", ray, "US", null, "Software", "AMER");
        account("A5", otto, "DE", "A", "Retail", "EMEA");
        account("A6", null, "JP", null, null, "APAC");
        deal("D1", "A1", ray, 1000, qualify);
        deal("D2", "A1", ray, 2000, proposal);
        deal("D3", "A2", otto, 4000, qualify);
        deal("D4", "A2", otto, 8000, qualify);
        deal("D5", "A4", ray, 16000, qualify);
        deal("D6", "A4", ray, 500, qualify);
        deal("D7", "A3", otto, 300, qualify);
        String price = as(key).body(Map.of("name", "Price", "appliesTo", "lost")).post("/api/v1/close-reasons")
                .then().statusCode(201).extract().path("id");

        map = TerritoryMap.create(key, "FY27").territory("WORLD", null, 0).territory("AMER", "WORLD", 0)
                .territory("EMEA", "WORLD", 0).territory("DACH", "EMEA", 0).territory("UKI", "EMEA", 0);
        map.rule("AMER", "US", false, null, List.of(in("country", "US")));
        map.rule("DACH", "DE", false, null, List.of(in("country", "DE")));
        map.rule("UKI", "Tier A", false, null, List.of(in("tier", "A")));
        member("AMER", ray, "rep");
        member("EMEA", mona, "owner");
        member("DACH", ray, "rep");
        member("DACH", otto, "rep");
        member("DACH", mona, "overlay");
        as(key).body(Map.of("territoryId", map.ids.get("EMEA"))).put(map.path("/assignments/" + accounts.get("A3")))
                .then().statusCode(200);
        Jobs.succeed(key, map.path("/activate"));

        TestClock.set("2026-03-31T23:59:59Z");
        close("D4", Map.of("won", true));
        TestClock.set("2026-04-01T00:00:00Z");
        close("D3", Map.of("won", true));
        TestClock.set("2026-04-01T11:59:59Z");
        activity("A3", "2026-04-01T11:59:59Z");
        TestClock.set(SINCE_90);
        activity("A1", SINCE_90);
        TestClock.set("2026-05-04T10:00:00Z");
        close("D6", Map.of("won", false, "reasonId", price));
        TestClock.set("2026-06-01T10:00:00Z");
        deal("D8", "A5", otto, 700, qualify);
        TestClock.set("2026-06-30T11:00:00Z");
        close("D5", Map.of("won", true));
        TestClock.set(NOW);
    }

    static synchronized CoverageScenario shared(java.util.function.Supplier<CoverageScenario> build) {
        if (shared == null) {
            shared = build.get();
        }
        return shared;
    }

    String territory(String code) {
        return map.ids.get(code);
    }

    private void account(String name, Member owner, String country, String tier, String industry, String region) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "country", country, "region", region));
        if (owner != null) {
            body.put("ownerId", owner.id().toString());
        }
        if (tier != null) {
            body.put("tier", tier);
        }
        if (industry != null) {
            body.put("industry", industry);
        }
        accounts.put(name, Fixtures.account(ws.adminKey(), body));
    }

    private void deal(String name, String account, Member owner, int amount, String stageId) {
        deals.put(name, Fixtures.opportunity(ws.adminKey(), Map.of("name", name, "accountId", accounts.get(account),
                "ownerId", owner.id().toString(), "amount", amount, "stageId", stageId)));
    }

    private void close(String deal, Map<String, Object> body) {
        as(ws.adminKey()).body(body).post("/api/v1/opportunities/" + deals.get(deal) + "/close").then()
                .statusCode(200);
    }

    /** An activity on the account alone (no deal), so no deal is touched by it. */
    private void activity(String account, String occurredAt) {
        as(ws.adminKey()).body(Map.of("type", "call", "subject", "Check-in", "occurredAt", occurredAt,
                "accountId", accounts.get(account))).post("/api/v1/activities").then().statusCode(201);
    }

    private void member(String code, Member user, String role) {
        as(ws.adminKey()).body(Map.of("role", role))
                .put("/api/v1/territories/" + territory(code) + "/members/" + user.id()).then().statusCode(201);
    }
}
