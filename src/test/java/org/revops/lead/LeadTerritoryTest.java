package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Jobs;
import org.revops.territory.TerritoryMap;
import org.revops.territory.TerritoryScenario;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.lead.LeadResourceTest.LEADS;
import static org.revops.lead.LeadResourceTest.lead;

/**
 * Leads take their territory from the active model's rules, by the same engine and on the same hand-checked map as
 * accounts ({@link TerritoryScenario}); leads have no tier, so APAC's "1 AND (2 OR 3)" needs the revenue criterion.
 */
@QuarkusTest
class LeadTerritoryTest extends ApiTest {
    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Lead territories");
    }

    private static Map<String, Object> company(String name, String country, String region, String industry,
                                               int employees, long revenue) {
        Map<String, Object> body = new HashMap<>(Map.of("company", name, "country", country, "industry", industry,
                "employeeCount", employees, "annualRevenue", revenue));
        if (region != null) {
            body.put("region", region);
        }
        return body;
    }

    /** Territory code, "tie" or null. */
    private String territoryOf(TerritoryMap map, String leadId) {
        Map<String, Object> lead = as(ws.adminKey()).get(LEADS + "/" + leadId).then().statusCode(200).extract()
                .jsonPath().getMap("");
        if ("tie".equals(lead.get("territoryCause"))) {
            return "tie";
        }
        return lead.get("territoryId") == null ? null : map.code((String) lead.get("territoryId"));
    }

    @Test
    void leadsAreMatchedOnWriteOnlyOnceAModelIsActive() {
        TerritoryMap map = TerritoryScenario.model(ws.adminKey(), "FY27");
        String early = lead(ws.adminKey(), company("Early GmbH", "DE", "EMEA", "Retail", 50, 1));
        assertEquals(null, territoryOf(map, early));   // the model is still a plan

        Jobs.succeed(ws.adminKey(), map.path("/activate"));
        Map<String, String> leads = new LinkedHashMap<>();
        leads.put("DACH", lead(ws.adminKey(), company("L1", "DE", "EMEA", "Retail", 50, 1)));
        leads.put("EMEA-MFG", lead(ws.adminKey(), company("L2", "DE", "EMEA", "Manufacturing", 200, 1)));
        leads.put("EMEA", lead(ws.adminKey(), company("L3", "FR", "EMEA", "Retail", 10, 1)));
        leads.put("none (no region)", lead(ws.adminKey(), company("L4", "DE", null, "Retail", 10, 1)));
        leads.put("AMER-ENT", lead(ws.adminKey(), company("L5", "US", "AMER", "Retail", 5000, 1)));
        leads.put("tie", lead(ws.adminKey(), company("L6", "DE", "EMEA", "Retail", 5000, 1)));
        leads.put("APAC", lead(ws.adminKey(), company("L9", "JP", "APAC", "Retail", 10, 2_000_000_000L)));
        leads.put("none (no tier on leads)", lead(ws.adminKey(), company("L8", "JP", "APAC", "Retail", 10, 1)));
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        leads.forEach((want, id) -> {
            expected.put(id, want.startsWith("none") ? null : want);
            actual.put(id, territoryOf(map, id));
        });
        assertEquals(expected, actual);
        as(ws.adminKey()).get(LEADS + "/" + leads.get("DACH")).then().body("territoryCause", equalTo("rule"));
        as(ws.adminKey()).get(LEADS + "/" + leads.get("tie")).then().body("territoryCause", equalTo("tie"))
                .body("territoryId", nullValue());
        as(ws.adminKey()).get(LEADS + "?territoryId=" + map.ids.get("EMEA")).then()
                .body("data.id", org.hamcrest.Matchers.contains(leads.get("EMEA")));

        // a change of company fields matches again
        as(ws.adminKey()).body(Map.of("country", "GB")).patch(LEADS + "/" + leads.get("DACH")).then().statusCode(200)
                .body("territoryId", equalTo(map.ids.get("UKI")));
    }

    @Test
    void aManualTerritoryIsKeptUntilClearedThenTheRulesDecideAgain() {
        TerritoryMap map = TerritoryScenario.model(ws.adminKey(), "FY27");
        Jobs.succeed(ws.adminKey(), map.path("/activate"));
        String id = lead(ws.adminKey(), Map.of("company", "Handpicked AG", "country", "DE", "region", "EMEA",
                "territoryId", map.ids.get("APAC")));
        as(ws.adminKey()).get(LEADS + "/" + id).then().body("territoryId", equalTo(map.ids.get("APAC")))
                .body("territoryCause", equalTo("manual"));
        as(ws.adminKey()).body(Map.of("country", "AT", "visits", 2)).patch(LEADS + "/" + id).then().statusCode(200)
                .body("territoryId", equalTo(map.ids.get("APAC"))).body("territoryCause", equalTo("manual"));
        as(ws.adminKey()).body("{\"territoryId\":null}").patch(LEADS + "/" + id).then().statusCode(200)
                .body("territoryId", equalTo(map.ids.get("DACH"))).body("territoryCause", equalTo("rule"));

        TerritoryMap plan = TerritoryScenario.model(ws.adminKey(), "FY28 plan");
        as(ws.adminKey()).body(Map.of("territoryId", plan.ids.get("EMEA"))).patch(LEADS + "/" + id).then()
                .statusCode(422).body("errors[0].field", equalTo("territoryId"));
        as(ws.adminKey()).get(LEADS + "/" + id).then().body("territoryId", equalTo(map.ids.get("DACH")));
    }

    /**
     * Activating a plan (same codes; no enterprise rule, APAC by country alone) moves open leads to the new model's
     * territories in the same transaction: rule-made ones re-matched, manual ones kept by code; closed leads stay.
     * A failed activation changes no lead.
     */
    @Test
    void openLeadsFollowAnActivationAndAFailedOneChangesNothing() {
        TerritoryMap live = TerritoryScenario.model(ws.adminKey(), "FY27");
        Jobs.succeed(ws.adminKey(), live.path("/activate"));
        String dach = lead(ws.adminKey(), company("L1", "DE", "EMEA", "Retail", 50, 1));
        String tie = lead(ws.adminKey(), company("L6", "DE", "EMEA", "Retail", 5000, 1));
        String japan = lead(ws.adminKey(), company("L8", "JP", "APAC", "Retail", 10, 1));
        Map<String, Object> manualBody = company("M", "US", "AMER", "Retail", 10, 1);
        manualBody.put("territoryId", live.ids.get("UKI"));
        String manual = lead(ws.adminKey(), manualBody);
        Map<String, Object> closedBody = company("D", "DE", "EMEA", "Retail", 50, 1);
        closedBody.putAll(Map.of("status", "disqualified", "disqualifiedReason", "Competitor"));
        String closed = lead(ws.adminKey(), closedBody);
        assertEquals(java.util.Arrays.asList("DACH", "tie", null, "UKI", "DACH"),
                java.util.stream.Stream.of(dach, tie, japan, manual, closed).map(id -> territoryOf(live, id)).toList());

        TerritoryMap plan = TerritoryScenario.territories(ws.adminKey(), "FY28");
        TerritoryScenario.rules(plan, false, false);
        org.revops.support.TestCheckpoint.failAt("territory.activate", "switch");
        try {
            assertEquals("failed", Jobs.start(ws.adminKey(), plan.path("/activate")).getString("state"));
        } finally {
            org.revops.support.TestCheckpoint.reset();
        }
        as(ws.adminKey()).get(LEADS + "/" + tie).then().body("territoryCause", equalTo("tie"));
        as(ws.adminKey()).get(LEADS + "/" + manual).then().body("territoryId", equalTo(live.ids.get("UKI")));

        io.restassured.path.json.JsonPath job = Jobs.succeed(ws.adminKey(), plan.path("/activate"));
        assertEquals(1, job.getInt("result.leadTerritoriesKept"), job.prettify());
        assertEquals(0, job.getInt("result.leadTerritoriesCleared"));
        assertEquals(3, job.getInt("result.leadsRematched"));
        assertEquals(java.util.Arrays.asList(plan.ids.get("DACH"), plan.ids.get("DACH"), plan.ids.get("APAC"),
                        plan.ids.get("UKI"), live.ids.get("DACH")),
                java.util.stream.Stream.of(dach, tie, japan, manual, closed).map(id -> (String) as(ws.adminKey())
                        .get(LEADS + "/" + id).then().extract().path("territoryId")).toList());
        as(ws.adminKey()).get(LEADS + "/" + manual).then().body("territoryCause", equalTo("manual"));
        as(ws.adminKey()).get(LEADS + "/" + tie).then().body("territoryCause", equalTo("rule"));
    }
}
