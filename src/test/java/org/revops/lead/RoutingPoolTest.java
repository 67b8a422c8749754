package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.TestClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revops.lead.RoutingFixtures.LEADS;
import static org.revops.lead.RoutingFixtures.capacity;
import static org.revops.lead.RoutingFixtures.count;

/** Routing without an active territory model: the workspace pool, the queue, the 30-day window, concurrency. */
@QuarkusTest
class RoutingPoolTest extends ApiTest {
    static final String POOL = "Workspace rep pool (no active territory model)";

    @Inject
    Db db;

    private Workspace ws;
    private Member ann;
    private Member ben;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Routing pool");
        ann = newMember(ws, "Ann Rep", "rep", null);
        ben = newMember(ws, "Ben Rep", "rep", null);
        newMember(ws, "Cid Rep", "rep", null);   // no saved settings: not in the workspace pool
        capacity(ws.adminKey(), ann.id(), 3);
        capacity(ws.adminKey(), ben.id(), 1);
        TestClock.set("2026-03-02T09:00:00Z");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A lead created one minute after the previous one, so the queue's order is known. */
    private String lead(String name) {
        TestClock.advance(Duration.ofMinutes(1));
        return LeadResourceTest.lead(ws.adminKey(), Map.of("lastName", name));
    }

    private JsonPath batch(String body) {
        return as(ws.adminKey()).body(body).post(LEADS + "/route").then().statusCode(200).extract().jsonPath();
    }

    private String name(String ownerId) {
        return ownerId == null ? "-" : ownerId.equals(ann.id().toString()) ? "Ann"
                : ownerId.equals(ben.id().toString()) ? "Ben" : "?";
    }

    private List<String> owners(JsonPath result) {
        List<String> names = new ArrayList<>();
        result.getList("decisions.ownerId", String.class).forEach(id -> names.add(name(id)));
        return names;
    }

    @Test
    void theQueueIsRoutedByCapacityThenTriedAgainOldestAttemptFirstAndLoadsLeaveAfter30Days() {
        List<String> leads = List.of(lead("L0"), lead("L1"), lead("L2"), lead("L3"), lead("L4"));
        JsonPath first = batch("{}");
        assertEquals(leads, first.getList("decisions.leadId"));
        // Ann 1/3 < Ben 1/1; Ann 2/3 < 1/1; Ann 3/3 = Ben 1/1: Ben was never routed to; Ann 3/3; everyone full
        assertEquals(List.of("Ann", "Ann", "Ben", "Ann", "-"), owners(first));
        assertEquals(POOL + ": Ann Rep had the lowest load after taking it (1/3 leads in 30 days) of 2 eligible reps",
                first.getString("decisions[0].reason"));
        String full = "No eligible rep in " + POOL + " (2 reps: 2 at capacity): the lead waits in the queue";
        assertEquals(full, first.getString("decisions[4].reason"));
        assertEquals("workspace-pool", first.getString("decisions[0].rule"));
        assertEquals(List.of(4, 1, 0, 1L), List.of(first.getInt("routed"), first.getInt("unroutable"),
                first.getInt("skipped"), first.getLong("queued")));

        as(ws.adminKey()).get(LEADS + "/queue").then().statusCode(200).body("data.id", contains(leads.get(4)))
                .body("data[0].reason", equalTo(full)).body("data[0].attemptedAt", equalTo("2026-03-02T09:05:00Z"));
        String l5 = lead("L5");
        as(ws.adminKey()).get(LEADS + "/queue?attempted=false").then().body("data.id", contains(l5))
                .body("data[0].reason", equalTo(null));
        as(ws.adminKey()).get(LEADS + "/queue?attempted=true").then().body("data.id", contains(leads.get(4)));

        // one at a time: the never-tried lead first, then the one tried longest ago
        TestClock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(l5), batch("{\"limit\":1}").getList("decisions.leadId"));
        TestClock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(leads.get(4)), batch("{\"limit\":1}").getList("decisions.leadId"));
        TestClock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(l5), batch("{\"limit\":1}").getList("decisions.leadId"));

        // 30 days after the first routing the loads are gone: Ann takes both (1/3 and 2/3 beat Ben's 1/1)
        as(ws.adminKey()).get("/api/v1/users/" + ann.id() + "/lead-routing").then()
                .body("routedLast30Days", equalTo(3)).body("remaining", equalTo(0))
                .body("lastRoutedAt", equalTo("2026-03-02T09:05:00Z"));
        TestClock.set("2026-04-01T09:06:01Z");
        JsonPath later = batch("{}");
        assertEquals(List.of(leads.get(4), l5), later.getList("decisions.leadId"));
        assertEquals(List.of("Ann", "Ann"), owners(later));
        assertEquals(0L, later.getLong("queued"));
        as(ws.adminKey()).get("/api/v1/users/" + ann.id() + "/lead-routing").then()
                .body("routedLast30Days", equalTo(2));
        as(ws.adminKey()).get(LEADS + "/queue").then().body("data", empty());
        // every decision is a row: 6 routed, 4 unroutable attempts
        assertEquals(6, count(db, "SELECT count(*) FROM lead_routing_events WHERE workspace_id = $1"
                + " AND owner_id IS NOT NULL", ws.id()));
        assertEquals(4, count(db, "SELECT count(*) FROM lead_routing_events WHERE workspace_id = $1"
                + " AND rule = 'unroutable' AND owner_id IS NULL AND pool_territory_id IS NULL", ws.id()));
    }

    @Test
    void theQueueListsAsCsvToo() {
        capacity(ws.adminKey(), ann.id(), 0);
        capacity(ws.adminKey(), ben.id(), 0);
        String lead = lead("Csv");
        batch("{}");
        String csv = as(ws.adminKey()).accept("text/csv").get(LEADS + "/queue").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("id,firstName,lastName,email,company,source,campaign,status,score,grade,territoryId,createdAt,"
                + "rule,reason,attemptedAt", lines[0]);
        assertEquals(2, lines.length);
        assertEquals(lead + ",,Csv,,,other,,new,,,,2026-03-02T09:01:00Z,unroutable,No eligible rep in " + POOL
                + " (2 reps: 2 at capacity): the lead waits in the queue,2026-03-02T09:01:00Z", lines[1]);
    }

    /**
     * Two routings that need the same rep at once: a test transaction holds Ben's user row, both requests queue
     * behind it (they would not if routing took no lock), then it lets go. One gets Ben, the other finds him full.
     */
    @Test
    void twoRoutingsAtOnceNeverOverfillARep() throws Exception {
        capacity(ws.adminKey(), ann.id(), 0);
        String x = lead("X");
        String y = lead("Y");
        CompletableFuture<Void> held = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        db.inTransaction(tx -> db.query(tx, "SELECT id FROM users WHERE workspace_id = $1 AND id = $2 FOR NO KEY UPDATE",
                                Tuple.of(ws.id(), ben.id()))
                        .invoke(rows -> held.complete(null))
                        .flatMap(rows -> Uni.createFrom().completionStage(release)))
                .subscribe().with(done -> { }, failure -> held.completeExceptionally(failure));
        held.get(10, TimeUnit.SECONDS);

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                () -> as(ws.adminKey()).post(LEADS + "/" + x + "/route"));
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(
                () -> as(ws.adminKey()).post(LEADS + "/" + y + "/route"));
        // both routings must be seen waiting for the rep's lock before it is released
        org.awaitility.Awaitility.await("both routings wait for the rep's lock").atMost(Duration.ofSeconds(10))
                .until(() -> count(db, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE OF u%'") == 2);
        release.complete(null);

        List<String> outcomes = new ArrayList<>();
        for (Response response : List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS))) {
            response.then().statusCode(200);
            outcomes.add(name(response.path("ownerId")) + " " + response.path("rule"));
        }
        outcomes.sort(null);
        assertEquals(List.of("- unroutable", "Ben workspace-pool"), outcomes);
        assertEquals(1, count(db, "SELECT count(*) FROM leads WHERE workspace_id = $1 AND owner_id = $2", ws.id(),
                ben.id()));
        as(ws.adminKey()).get("/api/v1/users/" + ben.id() + "/lead-routing").then()
                .body("routedLast30Days", equalTo(1));
        assertTrue(Arrays.asList(x, y).containsAll(as(ws.adminKey()).get(LEADS + "/queue").then().extract()
                .jsonPath().getList("data.id")));
    }
}
