package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Jobs;
import org.revops.territory.TerritoryMap;
import org.revops.territory.TerritoryScenario;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.lead.RoutingFixtures.LEADS;
import static org.revops.lead.RoutingFixtures.capacity;
import static org.revops.lead.RoutingFixtures.lead;
import static org.revops.lead.RoutingFixtures.member;

/**
 * Routing with an active territory model ({@link TerritoryScenario}: GLOBAL › EMEA › DACH): DACH's reps by weighted
 * round robin, EMEA's when DACH's are full, the queue when nobody is eligible up to the root.
 */
@QuarkusTest
class RoutingTerritoryTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private TerritoryMap map;
    private Member ray;
    private Member rita;
    private Member eve;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Routing by territory");
        Member mona = newMember(ws, "Mona Manager", "manager", null);
        ray = newMember(ws, "Ray Rep", "rep", mona.id());
        rita = newMember(ws, "Rita Rep", "rep", mona.id());
        eve = newMember(ws, "Eve Rep", "rep", null);
        map = TerritoryScenario.model(ws.adminKey(), "FY27");
        Jobs.succeed(ws.adminKey(), map.path("/activate"));
        member(ws.adminKey(), map.ids.get("DACH"), ray.id());
        member(ws.adminKey(), map.ids.get("DACH"), rita.id());
        member(ws.adminKey(), map.ids.get("EMEA"), eve.id());
        capacity(ws.adminKey(), ray.id(), 2);
        capacity(ws.adminKey(), rita.id(), 1);
    }

    private JsonPath route(String leadId) {
        return as(ws.adminKey()).post(LEADS + "/" + leadId + "/route").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void dachRepsByCapacityThenTheParentTerritoryThenTheQueue() {
        List<String> leads = List.of(lead(ws.adminKey(), "Berlin", "DE", "EMEA"),
                lead(ws.adminKey(), "Vienna", "AT", "EMEA"), lead(ws.adminKey(), "Zurich", "CH", "EMEA"),
                lead(ws.adminKey(), "Munich", "DE", "EMEA"), lead(ws.adminKey(), "Hamburg", "DE", "EMEA"));
        String dach = map.ids.get("DACH");
        as(ws.adminKey()).get(LEADS + "/" + leads.get(0)).then().body("territoryId", equalTo(dach));

        // Ray (capacity 2): 1/2 after taking it beats Rita's 1/1
        route(leads.get(0));
        JsonPath first = as(ws.adminKey()).get(LEADS + "/" + leads.get(0) + "/routing").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(ray.id().toString(), first.getString("data[0].ownerId"));
        assertEquals("territory", first.getString("data[0].rule"));
        assertEquals(dach, first.getString("data[0].leadTerritoryId"));
        assertEquals(dach, first.getString("data[0].poolTerritoryId"));
        assertEquals("request", first.getString("data[0].trigger"));
        assertEquals(ws.adminId().toString(), first.getString("data[0].routedBy"));
        assertEquals("DACH: Ray Rep had the lowest load after taking it (1/2 leads in 30 days) of 2 eligible reps",
                first.getString("data[0].reason"));
        as(ws.adminKey()).get(LEADS + "/" + leads.get(0)).then().body("ownerId", equalTo(ray.id().toString()))
                .header("ETag", "\"1\"");

        // Rita and Ray both at 1 after taking it: Rita was never routed to, so she is next; then Ray again
        assertEquals(rita.id().toString(), route(leads.get(1)).getString("ownerId"));
        assertEquals(ray.id().toString(), route(leads.get(2)).getString("ownerId"));

        // DACH is full: EMEA's rep takes it, and the reason says why
        JsonPath up = route(leads.get(3));
        assertEquals(eve.id().toString(), up.getString("ownerId"));
        assertEquals("parent-territory", up.getString("rule"));
        assertEquals(map.ids.get("EMEA"), up.getString("poolTerritoryId"));
        assertEquals("No eligible rep in DACH (2 reps: 2 at capacity); parent territory EMEA: Eve Rep had the lowest "
                + "load after taking it (1/50 leads in 30 days) of 1 eligible rep", up.getString("reason"));

        // Eve opts out: nobody is eligible up to GLOBAL, the lead waits in the queue with the reason
        as(eve.key()).body(Map.of("optedOut", true)).put("/api/v1/users/" + eve.id() + "/lead-routing").then()
                .statusCode(200).body("optedOut", equalTo(true)).body("capacity", equalTo(50));
        JsonPath none = route(leads.get(4));
        assertEquals(null, none.getString("ownerId"));
        assertEquals("unroutable", none.getString("rule"));
        String why = "No eligible rep in DACH (2 reps: 2 at capacity), EMEA (1 rep: 1 opted out), GLOBAL (no reps): "
                + "the lead waits in the queue";
        assertEquals(why, none.getString("reason"));
        as(ws.adminKey()).get(LEADS + "/" + leads.get(4)).then().body("ownerId", nullValue())
                .header("ETag", "\"0\"");
        as(ws.adminKey()).get(LEADS + "/queue").then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.contains(leads.get(4)))
                .body("data[0].reason", equalTo(why)).body("data[0].rule", equalTo("unroutable"))
                .body("data[0].territoryId", equalTo(dach));

        // the loads as the settings show them
        as(ws.adminKey()).get("/api/v1/users/" + ray.id() + "/lead-routing").then().statusCode(200)
                .body("routedLast30Days", equalTo(2)).body("remaining", equalTo(0)).body("saved", equalTo(true));
        assertEquals(List.of(ray.id(), rita.id(), ray.id(), eve.id()), RoutingFixtures.sql(db, """
                        SELECT owner_id FROM lead_routing_events WHERE workspace_id = $1 AND owner_id IS NOT NULL
                        ORDER BY id""", ws.id()).stream().map(row -> (UUID) row.get("owner_id")).toList());
    }

    @Test
    void aManualTerritoryIsRoutedByAndALeadWithoutTerritoryGoesToTheWorkspacePool() {
        Member ann = newMember(ws, "Ann Amer", "rep", null);
        member(ws.adminKey(), map.ids.get("AMER"), ann.id());
        String moved = lead(ws.adminKey(), "Moved", "DE", "EMEA");
        as(ws.adminKey()).body(Map.of("territoryId", map.ids.get("AMER"))).patch(LEADS + "/" + moved).then()
                .statusCode(200).body("territoryCause", equalTo("manual"));
        JsonPath manual = route(moved);
        assertEquals(ann.id().toString(), manual.getString("ownerId"));
        assertEquals("territory", manual.getString("rule"));
        assertEquals(map.ids.get("AMER"), manual.getString("leadTerritoryId"));

        // DE without region matches no territory: the workspace pool (reps with saved settings: Ray and Rita)
        String nowhere = lead(ws.adminKey(), "Nowhere", "DE", null);
        as(ws.adminKey()).get(LEADS + "/" + nowhere).then().body("territoryId", nullValue());
        JsonPath pool = route(nowhere);
        assertEquals(ray.id().toString(), pool.getString("ownerId"));
        assertEquals("workspace-pool", pool.getString("rule"));
        assertEquals(null, pool.getString("leadTerritoryId"));
        assertEquals(null, pool.getString("poolTerritoryId"));
        assertEquals("Workspace rep pool (the lead has no territory in the active model): Ray Rep had the lowest load "
                + "after taking it (1/2 leads in 30 days) of 2 eligible reps", pool.getString("reason"));
    }

    @Test
    void aBatchSharesTheLoadsAcrossItsLeadsAndSkipsWhatIsNotRoutable() {
        String a = lead(ws.adminKey(), "A", "DE", "EMEA");
        String b = lead(ws.adminKey(), "B", "DE", "EMEA");
        String c = lead(ws.adminKey(), "C", "DE", "EMEA");
        String d = lead(ws.adminKey(), "D", "DE", "EMEA");
        String owned = LeadResourceTest.lead(ray.key(), Map.of("lastName", "Ray's own"));
        String closed = LeadResourceTest.lead(ws.adminKey(), Map.of("lastName", "Closed", "status", "disqualified",
                "disqualifiedReason", "No budget"));
        String unknown = UUID.randomUUID().toString();
        JsonPath result = as(ws.adminKey()).body(Map.of("leadIds", List.of(d, c, b, a, owned, closed, unknown)))
                .post(LEADS + "/route").then().statusCode(200).extract().jsonPath();
        assertEquals(4, result.getInt("routed"));
        assertEquals(0, result.getInt("unroutable"));
        assertEquals(3, result.getInt("skipped"));
        assertEquals(List.of(owned, closed, unknown), result.getList("skippedLeadIds"));
        // decided in lead id order (the lock order), one load across the batch: Ray, Rita, Ray, then EMEA's Eve
        List<String> order = new java.util.ArrayList<>(List.of(a, b, c, d));
        order.sort(java.util.Comparator.naturalOrder());   // PostgreSQL orders uuids as their text does
        assertEquals(order, result.getList("decisions.leadId"));
        assertEquals(List.of(ray.id().toString(), rita.id().toString(), ray.id().toString(), eve.id().toString()),
                result.getList("decisions.ownerId"));
        assertEquals(List.of("batch", "batch", "batch", "batch"), result.getList("decisions.trigger"));
        assertEquals(0L, result.getLong("queued"));
        as(ws.adminKey()).get(LEADS + "/" + owned).then().body("ownerId", equalTo(ray.id().toString()))
                .header("ETag", "\"0\"");
    }
}
