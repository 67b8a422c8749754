package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.TestClock;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.support.CsvPages.csv;

/**
 * Stalled deals: Qualify stalls after 10 days in the stage, Discovery has no limit, the default policy stalls a
 * deal after 30 days without activity. Deals are created at T0 = 2026-03-02 09:00 UTC and the clock moves on.
 */
@QuarkusTest
class StalledDealsTest extends ApiTest {
    private static final String T0 = "2026-03-02T09:00:00Z";

    @Inject
    Db db;

    private Workspace ws;
    private String pipelineId;
    private String qualify;
    private String discovery;
    private String acme;
    private String lostReason;

    @BeforeEach
    void setUp() {
        TestClock.set(T0);
        ws = newWorkspace("Stalls");
        JsonPath pipeline = LifecycleFixtures.pipeline(ws.adminKey(), "New business");
        pipelineId = pipeline.getString("id");
        qualify = pipeline.getString("stages[0].id");
        discovery = pipeline.getString("stages[1].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
        lostReason = as(ws.adminKey()).body(Map.of("name", "No budget", "appliesTo", "lost"))
                .post("/api/v1/close-reasons").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private void assertStall(String deal, int daysInStage, boolean stalled, String... reasons) {
        JsonPath read = LifecycleFixtures.read(ws.adminKey(), deal);
        assertEquals(daysInStage, read.getInt("daysInStage"), "daysInStage");
        assertEquals(stalled, read.getBoolean("stalled"), "stalled");
        assertEquals(List.of(reasons), read.getList("stalledReasons"), "stalledReasons");
    }

    private Set<String> ids(String key, String query) {
        return new HashSet<>(as(key).get("/api/v1/opportunities?" + query).then().statusCode(200).extract().jsonPath()
                .getList("data.id"));
    }

    @Test
    void aDealStallsTheDayAfterItsStagesLimitAndAfterThirtyDaysWithoutActivity() {
        String inQualify = LifecycleFixtures.deal(ws.adminKey(), "In qualify", acme, qualify, 20000);
        String inDiscovery = LifecycleFixtures.deal(ws.adminKey(), "In discovery", acme, discovery, 20000);
        String closed = LifecycleFixtures.deal(ws.adminKey(), "Closed", acme, qualify, 20000);
        as(ws.adminKey()).body(Map.of("won", false, "reasonId", lostReason))
                .post("/api/v1/opportunities/" + closed + "/close").then().statusCode(200);
        assertStall(inQualify, 0, false);

        TestClock.set("2026-03-12T09:00:00Z"); // 10 whole days: not more than 10
        assertStall(inQualify, 10, false);
        TestClock.set("2026-03-13T08:59:59Z"); // still 10 whole days
        assertStall(inQualify, 10, false);
        TestClock.set("2026-03-13T09:00:00Z"); // 11
        assertStall(inQualify, 11, true, "stage");
        assertStall(inDiscovery, 11, false);
        assertEquals(Set.of(inQualify), ids(ws.adminKey(), "stalled=true"));
        assertEquals(Set.of(inDiscovery, closed), ids(ws.adminKey(), "stalled=false"));

        TestClock.set("2026-04-01T09:00:00Z"); // 30 days without activity: not more than 30
        assertStall(inDiscovery, 30, false);
        assertStall(inQualify, 30, true, "stage");
        TestClock.set("2026-04-02T09:00:00Z"); // 31
        assertStall(inDiscovery, 31, true, "inactivity");
        assertStall(inQualify, 31, true, "stage", "inactivity");
        // closed deals never stall, however old
        TestClock.set("2027-03-02T09:00:00Z");
        JsonPath old = LifecycleFixtures.read(ws.adminKey(), closed);
        assertEquals(false, old.getBoolean("stalled"));
        assertEquals(List.of(), old.getList("stalledReasons"));
        assertEquals(Set.of(inQualify, inDiscovery), ids(ws.adminKey(), "stalled=true"));
        assertEquals(Set.of(), ids(ws.adminKey(), "stalled=true&closed=true"));
    }

    @Test
    void movingStageRestartsTheStageClockAndAnActivityTheInactivityClock() {
        String deal = LifecycleFixtures.deal(ws.adminKey(), "Mover", acme, qualify, 20000);
        TestClock.set("2026-04-02T09:00:00Z");
        assertStall(deal, 31, true, "stage", "inactivity");

        LifecycleFixtures.lastActivity(db, ws.id(), deal, "2026-04-01T09:00:00Z");
        assertStall(deal, 31, true, "stage");
        as(ws.adminKey()).body(Map.of("stageId", discovery)).patch("/api/v1/opportunities/" + deal).then()
                .statusCode(200).body("daysInStage", equalTo(0)).body("stalled", equalTo(false));
        // a stage change is no activity: 30 days after the last one the deal stalls again
        TestClock.set("2026-05-02T09:00:00Z");
        assertStall(deal, 30, true, "inactivity");
        // and a stage limit added later applies at once
        String stageEtag = as(ws.adminKey()).get("/api/v1/pipelines/" + pipelineId + "/stages/" + discovery).then()
                .extract().header("ETag");
        as(ws.adminKey()).header("If-Match", stageEtag).body(Map.of("stallAfterDays", 29))
                .patch("/api/v1/pipelines/" + pipelineId + "/stages/" + discovery).then().statusCode(200);
        assertStall(deal, 30, true, "stage", "inactivity");
    }

    @Test
    void theInactivityLimitIsThePolicysAndCanBeTurnedOff() {
        String deal = LifecycleFixtures.deal(ws.adminKey(), "Quiet", acme, discovery, 20000);
        TestClock.set("2026-03-13T09:00:00Z"); // 11 days
        assertStall(deal, 11, false);
        as(ws.adminKey()).body(Map.of("inactivityStallDays", 10)).patch("/api/v1/sales-policy").then().statusCode(200);
        assertStall(deal, 11, true, "inactivity");
        as(ws.adminKey()).body("{\"inactivityStallDays\":null}").patch("/api/v1/sales-policy").then().statusCode(200);
        TestClock.set("2027-03-13T09:00:00Z");
        assertStall(deal, 376, false);
        assertEquals(Set.of(), ids(ws.adminKey(), "stalled=true"));
    }

    /**
     * Ray and Cleo report to Mona; Otto reports to no one. At T0 + 31 days: Ray's Qualify deal is stalled for both
     * reasons and his Discovery deal for inactivity; Cleo's Qualify deal for the stage only (activity on day 20);
     * Otto's Qualify deal for both; Ray's fresh Discovery deal (created on day 25) and a lost deal are not stalled.
     */
    @Test
    void theReportCountsStalledDealsPerOwnerStageBothAndReason() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        Member ray = newMember(ws, "Ray Rep", "rep", manager.id());
        Member cleo = newMember(ws, "Cleo Colleague", "rep", manager.id());
        Member otto = newMember(ws, "Otto Outsider", "rep", null);
        String rays = Fixtures.account(ray.key(), Map.of("name", "Ray's"));
        String cleos = Fixtures.account(cleo.key(), Map.of("name", "Cleo's"));
        String ottos = Fixtures.account(otto.key(), Map.of("name", "Otto's"));
        LifecycleFixtures.deal(ray.key(), "Ray Q", rays, qualify, 20000);
        LifecycleFixtures.deal(ray.key(), "Ray D", rays, discovery, 20000);
        String cleoDeal = LifecycleFixtures.deal(cleo.key(), "Cleo Q", cleos, qualify, 20000);
        LifecycleFixtures.deal(otto.key(), "Otto Q", ottos, qualify, 20000);
        String lost = LifecycleFixtures.deal(otto.key(), "Otto lost", ottos, qualify, 20000);
        as(otto.key()).body(Map.of("won", false, "reasonId", lostReason))
                .post("/api/v1/opportunities/" + lost + "/close").then().statusCode(200);
        LifecycleFixtures.lastActivity(db, ws.id(), cleoDeal, "2026-03-22T09:00:00Z");
        TestClock.set("2026-03-27T09:00:00Z");
        LifecycleFixtures.deal(ray.key(), "Ray fresh", rays, discovery, 20000);
        TestClock.set("2026-04-02T09:00:00Z");

        long before = db.statementCount();
        JsonPath all = report(ws.adminKey(), "");
        assertEquals(2, db.statementCount() - before, "authentication + one statement for every figure");
        assertEquals("2026-04-02T09:00:00Z", all.getString("asOf"));
        assertEquals(4, all.getInt("total"));
        assertEquals(Map.of("stage", 3, "inactivity", 3), all.getMap("reasons"));
        assertEquals(List.of(
                owner(ray, "Ray Rep", 2, 1, 2),
                owner(cleo, "Cleo Colleague", 1, 1, 0),
                owner(otto, "Otto Outsider", 1, 1, 1)), all.getList("byOwner"));
        assertEquals(List.of(
                stage(qualify, "Qualify", 3, 3, 2),
                stage(discovery, "Discovery", 1, 0, 1)), all.getList("byStage"));
        assertEquals(List.of(
                both(cleo, "Cleo Colleague", qualify, "Qualify", 1, 1, 0),
                both(otto, "Otto Outsider", qualify, "Qualify", 1, 1, 1),
                both(ray, "Ray Rep", qualify, "Qualify", 1, 1, 1),
                both(ray, "Ray Rep", discovery, "Discovery", 1, 0, 1)), all.getList("byOwnerAndStage"));
        // the same deals as the list filter
        assertEquals(4, ids(ws.adminKey(), "stalled=true&limit=500").size());

        // filters
        assertEquals(2, report(ws.adminKey(), "ownerId=" + ray.id()).getInt("total"));
        assertEquals(3, report(ws.adminKey(), "ownerId=" + ray.id() + "&ownerId=" + otto.id()).getInt("total"));
        assertEquals(4, report(ws.adminKey(), "pipelineId=" + pipelineId).getInt("total"));
        String renewals = LifecycleFixtures.pipeline(ws.adminKey(), "Renewals").getString("id");
        JsonPath none = report(ws.adminKey(), "pipelineId=" + renewals);
        assertEquals(0, none.getInt("total"));
        assertEquals(Map.of("stage", 0, "inactivity", 0), none.getMap("reasons"));
        assertEquals(List.of(), none.getList("byOwner"));
        assertEquals(List.of(), none.getList("byStage"));

        // visibility: a manager counts the team, a rep their own and nothing of a colleague's
        JsonPath team = report(manager.key(), "");
        assertEquals(3, team.getInt("total"));
        assertEquals(List.of("Ray Rep", "Cleo Colleague"), team.getList("byOwner.ownerName"));
        assertEquals(0, report(manager.key(), "ownerId=" + otto.id()).getInt("total"));
        JsonPath own = report(ray.key(), "");
        assertEquals(2, own.getInt("total"));
        assertEquals(Map.of("stage", 1, "inactivity", 2), own.getMap("reasons"));
        assertEquals(0, report(ray.key(), "ownerId=" + cleo.id()).getInt("total"));
        Member auditor = newMember(ws, "Audrey Auditor", "read-only", null);
        assertEquals(4, report(auditor.key(), "").getInt("total"));
        assertEquals(0, report(newWorkspace("Elsewhere").adminKey(), "").getInt("total"));
    }

    private JsonPath report(String key, String query) {
        return as(key).get("/api/v1/analytics/stalled" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200)
                .extract().jsonPath();
    }

    private static Map<String, Object> owner(Member member, String name, int count, int stage, int inactivity) {
        return Map.of("ownerId", member.id().toString(), "ownerName", name, "count", count,
                "reasons", Map.of("stage", stage, "inactivity", inactivity));
    }

    private Map<String, Object> stage(String stageId, String name, int count, int stage, int inactivity) {
        return Map.of("stageId", stageId, "stageName", name, "pipelineId", pipelineId, "count", count,
                "reasons", Map.of("stage", stage, "inactivity", inactivity));
    }

    private Map<String, Object> both(Member member, String ownerName, String stageId, String stageName, int count,
                                     int stage, int inactivity) {
        return Map.of("ownerId", member.id().toString(), "ownerName", ownerName, "stageId", stageId,
                "stageName", stageName, "pipelineId", pipelineId, "count", count,
                "reasons", Map.of("stage", stage, "inactivity", inactivity));
    }

    /** Ray's Qualify deal stalls for both reasons, Otto's Discovery deal for inactivity, at T0 + 31 days. */
    @Test
    void theReportAsCsvHasOneRecordPerGroup() {
        Member ray = newMember(ws, "Ray Rep", "rep", null);
        Member otto = newMember(ws, "Otto Outsider", "rep", null);
        LifecycleFixtures.deal(ray.key(), "Ray Q", Fixtures.account(ray.key(), Map.of("name", "Ray's")), qualify,
                20000);
        LifecycleFixtures.deal(otto.key(), "Otto D", Fixtures.account(otto.key(), Map.of("name", "Otto's")),
                discovery, 20000);
        TestClock.set("2026-04-02T09:00:00Z");
        String asOf = ",2026-04-02T09:00:00Z\r\n";
        assertEquals("group,ownerId,ownerName,pipelineId,stageId,stageName,count,reasons.stage,reasons.inactivity,"
                        + "asOf\r\n"
                        + "total,,,,,,2,1,2" + asOf
                        + "owner," + otto.id() + ",Otto Outsider,,,,1,0,1" + asOf
                        + "owner," + ray.id() + ",Ray Rep,,,,1,1,1" + asOf
                        + "stage,,," + pipelineId + "," + qualify + ",Qualify,1,1,1" + asOf
                        + "stage,,," + pipelineId + "," + discovery + ",Discovery,1,0,1" + asOf
                        + "ownerAndStage," + otto.id() + ",Otto Outsider," + pipelineId + "," + discovery
                        + ",Discovery,1,0,1" + asOf
                        + "ownerAndStage," + ray.id() + ",Ray Rep," + pipelineId + "," + qualify + ",Qualify,1,1,1"
                        + asOf,
                csv(ws.adminKey(), "/api/v1/analytics/stalled"));
        // filters and visibility as in JSON; nothing stalled is the total alone
        assertEquals("group,ownerId,ownerName,pipelineId,stageId,stageName,count,reasons.stage,reasons.inactivity,"
                + "asOf\r\ntotal,,,,,,1,1,1" + asOf + "owner," + ray.id() + ",Ray Rep,,,,1,1,1" + asOf
                + "stage,,," + pipelineId + "," + qualify + ",Qualify,1,1,1" + asOf
                + "ownerAndStage," + ray.id() + ",Ray Rep," + pipelineId + "," + qualify + ",Qualify,1,1,1" + asOf,
                csv(ray.key(), "/api/v1/analytics/stalled"));
        assertEquals("group,ownerId,ownerName,pipelineId,stageId,stageName,count,reasons.stage,reasons.inactivity,"
                + "asOf\r\ntotal,,,,,,0,0,0" + asOf, csv(ws.adminKey(), "/api/v1/analytics/stalled?ownerId="
                + java.util.UUID.randomUUID()));
        as(ws.adminKey()).accept("text/csv").get("/api/v1/analytics/stalled?ownerId=ray").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("ownerId"));
        as(ws.adminKey()).accept("application/xml").get("/api/v1/analytics/stalled").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void badReportParametersAreA400() {
        as(ws.adminKey()).get("/api/v1/analytics/stalled?ownerId=ray").then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/bad-request"))
                .body("errors[0].field", equalTo("ownerId"));
        as(ws.adminKey()).get("/api/v1/analytics/stalled?pipelineId=1").then().statusCode(400)
                .body("errors[0].field", equalTo("pipelineId"));
        as(ws.adminKey()).get("/api/v1/analytics/stalled?stageId=" + qualify).then().statusCode(400)
                .body("errors[0].field", equalTo("stageId"));
        as(ws.adminKey()).get("/api/v1/analytics/stalled?limit=10").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        io.restassured.RestAssured.given().get("/api/v1/analytics/stalled").then().statusCode(401);
    }
}
