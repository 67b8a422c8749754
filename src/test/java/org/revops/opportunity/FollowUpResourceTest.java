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
import org.revops.support.Listing;
import org.revops.support.TestClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The follow-up queue under the default cadence (A 1 day, B 7, C 30). "Now" is Monday 2026-03-02 09:00 UTC; deals
 * are created at chosen instants so that their next follow-ups straddle each window's edge.
 */
@QuarkusTest
class FollowUpResourceTest extends ApiTest {
    private static final String NOW = "2026-03-02T09:00:00Z";

    @Inject
    Db db;

    private Workspace ws;
    private String qualify;
    private String discovery;
    private String pipelineId;
    private String acme;

    @BeforeEach
    void setUp() {
        TestClock.set(NOW);
        ws = newWorkspace("Follow-ups");
        JsonPath pipeline = LifecycleFixtures.pipeline(ws.adminKey(), "New business");
        pipelineId = pipeline.getString("id");
        qualify = pipeline.getString("stages[0].id");
        discovery = pipeline.getString("stages[1].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A grade-A deal (60000 at 40 %) created at {@code at}: due a day later. */
    private String gradeA(String name, String at) {
        TestClock.set(at);
        String id = LifecycleFixtures.deal(ws.adminKey(), name, acme, discovery, 60000);
        TestClock.set(NOW);
        return id;
    }

    private List<String> queue(String key, String query) {
        return as(key).get("/api/v1/follow-ups" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200)
                .extract().jsonPath().getList("data.id");
    }

    @Test
    void eachWindowHoldsWhatIsDueBeforeItsEndMostUrgentFirst() {
        String overdue = gradeA("Overdue", "2026-02-27T09:00:00Z");          // due 2026-02-28T09:00
        String laterToday = gradeA("Later today", "2026-03-01T20:00:00Z");   // due 2026-03-02T20:00
        String tomorrow = LifecycleFixtures.deal(ws.adminKey(), "Tomorrow", acme, discovery, 60000); // A: 03-03T09:00
        // B (20000 at 40 %): due exactly now + 7 days, which is not before it
        String nextWeek = LifecycleFixtures.deal(ws.adminKey(), "Next week", acme, discovery, 20000);
        // C (20000 at 10 %): due 2026-04-01T09:00
        String nextMonth = LifecycleFixtures.deal(ws.adminKey(), "Next month", acme, qualify, 20000);
        String closed = gradeA("Closed", "2026-02-20T09:00:00Z");
        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + closed + "/close").then()
                .statusCode(200);

        assertEquals(List.of(overdue), queue(ws.adminKey(), "due=overdue"));
        assertEquals(List.of(overdue, laterToday), queue(ws.adminKey(), "due=today"));
        assertEquals(List.of(overdue, laterToday, tomorrow), queue(ws.adminKey(), "due=week"));
        assertEquals(List.of(overdue, laterToday, tomorrow, nextWeek, nextMonth), queue(ws.adminKey(), ""));

        as(ws.adminKey()).get("/api/v1/follow-ups?due=today").then()
                .body("data.nextFollowUpAt", contains("2026-02-28T09:00:00Z", "2026-03-02T20:00:00Z"))
                .body("data.name", contains("Overdue", "Later today"))
                .body("nextCursor", equalTo(null));

        // one second later the B deal is inside the week; at 20:00 the second deal is overdue too
        TestClock.set("2026-03-02T09:00:01Z");
        assertEquals(List.of(overdue, laterToday, tomorrow, nextWeek), queue(ws.adminKey(), "due=week"));
        TestClock.set("2026-03-02T20:00:01Z");
        assertEquals(List.of(overdue, laterToday), queue(ws.adminKey(), "due=overdue"));
        // just before midnight UTC "today" still ends at midnight; just after, tomorrow's deal is today's
        TestClock.set("2026-03-02T23:59:59Z");
        assertEquals(List.of(overdue, laterToday), queue(ws.adminKey(), "due=today"));
        TestClock.set("2026-03-03T00:00:00Z");
        assertEquals(List.of(overdue, laterToday, tomorrow), queue(ws.adminKey(), "due=today"));
    }

    @Test
    void loggingAnActivityMovesTheDealBackInTheQueue() {
        String first = gradeA("First", "2026-02-27T09:00:00Z");   // due 02-28T09:00, overdue
        String second = gradeA("Second", "2026-02-28T09:00:00Z"); // due 03-01T09:00, overdue
        assertEquals(List.of(first, second), queue(ws.adminKey(), "due=overdue"));
        LifecycleFixtures.lastActivity(db, ws.id(), first, "2026-03-02T08:00:00Z");
        assertEquals(List.of(second), queue(ws.adminKey(), "due=overdue"));
        assertEquals(List.of(second, first), queue(ws.adminKey(), ""));
        as(ws.adminKey()).get("/api/v1/follow-ups?due=week").then()
                .body("data.nextFollowUpAt", contains("2026-03-01T09:00:00Z", "2026-03-03T08:00:00Z"));
    }

    @Test
    void equalDatesAreOrderedByIdAndCursorsWalkTheQueue() {
        List<String> sameTime = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sameTime.add(LifecycleFixtures.deal(ws.adminKey(), "Same " + i, acme, discovery, 60000));
        }
        sameTime.sort(String::compareTo); // uuid order in PostgreSQL is the order of the hex text
        String earlier = gradeA("Earlier", "2026-03-01T09:00:00Z");
        String later = LifecycleFixtures.deal(ws.adminKey(), "Later", acme, discovery, 20000);
        List<String> expected = new ArrayList<>(List.of(earlier));
        expected.addAll(sameTime);
        expected.add(later);

        assertEquals(expected, queue(ws.adminKey(), ""));
        assertEquals(expected, Listing.walk(ws.adminKey(), "/api/v1/follow-ups", "nextFollowUpAt", 2, 3));
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, queue(ws.adminKey(), "sort=-nextFollowUpAt"));
    }

    @Test
    void ownerPipelineAndGradeNarrowTheQueueAndEachCallerSeesTheirOwn() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        Member rep = newMember(ws, "Ray Rep", "rep", manager.id());
        Member colleague = newMember(ws, "Cleo Colleague", "rep", manager.id());
        Member outsider = newMember(ws, "Otto Outsider", "rep", null);
        Member auditor = newMember(ws, "Audrey Auditor", "read-only", null);
        String repAccount = Fixtures.account(rep.key(), Map.of("name", "Ray's"));
        String colleagueAccount = Fixtures.account(colleague.key(), Map.of("name", "Cleo's"));
        String outsiderAccount = Fixtures.account(outsider.key(), Map.of("name", "Otto's"));
        TestClock.set("2026-02-27T09:00:00Z");
        String repDeal = LifecycleFixtures.deal(rep.key(), "Ray A", repAccount, discovery, 60000);
        TestClock.set("2026-02-28T09:00:00Z");
        String colleagueDeal = LifecycleFixtures.deal(colleague.key(), "Cleo C", colleagueAccount, qualify, 20000);
        String outsiderDeal = LifecycleFixtures.deal(outsider.key(), "Otto A", outsiderAccount, discovery, 60000);
        TestClock.set(NOW);
        JsonPath other = LifecycleFixtures.pipeline(ws.adminKey(), "Renewals");
        String otherPipelineDeal = LifecycleFixtures.deal(ws.adminKey(), "Renewal", acme,
                other.getString("stages[1].id"), 60000);

        assertEquals(List.of(repDeal), queue(rep.key(), ""));
        assertEquals(List.of(), queue(rep.key(), "ownerId=" + colleague.id()));
        assertEquals(List.of(repDeal, colleagueDeal), queue(manager.key(), ""));
        assertEquals(List.of(colleagueDeal), queue(manager.key(), "ownerId=" + colleague.id()));
        assertEquals(List.of(), queue(manager.key(), "ownerId=" + outsider.id()));
        // due: Ray 02-28 09:00 (A), Otto 03-01 09:00 (A), renewal 03-03 09:00 (A), Cleo 03-30 09:00 (C)
        assertEquals(List.of(repDeal, outsiderDeal, otherPipelineDeal, colleagueDeal), queue(auditor.key(), ""));
        assertEquals(List.of(repDeal, outsiderDeal), queue(ws.adminKey(),
                "ownerId=" + rep.id() + "&ownerId=" + outsider.id()));
        assertEquals(List.of(otherPipelineDeal), queue(ws.adminKey(), "pipelineId=" + other.getString("id")));
        assertEquals(List.of(repDeal, outsiderDeal, colleagueDeal), queue(ws.adminKey(), "pipelineId=" + pipelineId));
        assertEquals(List.of(colleagueDeal), queue(ws.adminKey(), "grade=C"));
        assertEquals(List.of(repDeal, outsiderDeal, otherPipelineDeal), queue(ws.adminKey(), "grade=A&due=week"));
        assertEquals(List.of(repDeal, outsiderDeal), queue(ws.adminKey(), "grade=A&due=overdue"));

        Workspace elsewhere = newWorkspace("Elsewhere");
        assertEquals(List.of(), queue(elsewhere.adminKey(), ""));
        assertEquals(List.of(), queue(elsewhere.adminKey(), "ownerId=" + rep.id()));
    }

    @Test
    void badParametersAreA400NamingTheParameter() {
        as(ws.adminKey()).get("/api/v1/follow-ups?due=tomorrow").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("due"))
                .body("errors[0].message", equalTo("must be one of overdue, today, week"));
        as(ws.adminKey()).get("/api/v1/follow-ups?due=").then().statusCode(400).body("errors[0].field", equalTo("due"));
        as(ws.adminKey()).get("/api/v1/follow-ups?due=Overdue").then().statusCode(400);
        as(ws.adminKey()).get("/api/v1/follow-ups?due=today&due=week").then().statusCode(400)
                .body("errors[0].field", equalTo("due"));
        as(ws.adminKey()).get("/api/v1/follow-ups?ownerId=ray").then().statusCode(400)
                .body("errors[0].field", equalTo("ownerId"));
        as(ws.adminKey()).get("/api/v1/follow-ups?stalled=true").then().statusCode(400)
                .body("errors[0].field", equalTo("stalled"));
        as(ws.adminKey()).get("/api/v1/follow-ups?sort=amount").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        as(ws.adminKey()).get("/api/v1/follow-ups?limit=501").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as(ws.adminKey()).get("/api/v1/follow-ups?cursor=garbage").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        // a cursor of another sort order does not continue this one
        LifecycleFixtures.deal(ws.adminKey(), "One", acme, discovery, 60000);
        LifecycleFixtures.deal(ws.adminKey(), "Two", acme, discovery, 60000);
        String cursor = as(ws.adminKey()).get("/api/v1/opportunities?limit=1").then().extract().path("nextCursor");
        as(ws.adminKey()).queryParam("cursor", cursor).get("/api/v1/follow-ups").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        io.restassured.RestAssured.given().get("/api/v1/follow-ups").then().statusCode(401)
                .contentType("application/problem+json");
        as(ws.adminKey()).get("/api/v1/follow-ups").then().statusCode(200).body("data", hasSize(2));
    }
}
