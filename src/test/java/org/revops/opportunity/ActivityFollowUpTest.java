package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.TestClock;

import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.opportunity.ActivityResourceTest.activity;
import static org.revops.opportunity.ActivityResourceTest.log;

/** Activities keep a deal's lastActivityAt, and through it its nextFollowUpAt and inactivity stall, current. */
@QuarkusTest
class ActivityFollowUpTest extends ApiTest {
    private static final String ACTIVITIES = "/api/v1/activities";

    private Workspace ws;
    private String qualify;
    private String proposal;
    private String acme;
    private String globex;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Follow-ups");
        JsonPath pipeline = Fixtures.pipeline(ws.adminKey(), "New business");
        qualify = pipeline.getString("stages[0].id");
        proposal = pipeline.getString("stages[1].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
        globex = Fixtures.account(ws.adminKey(), Map.of("name", "Globex"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private JsonPath deal(String id) {
        return as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().statusCode(200).extract().jsonPath();
    }

    /**
     * Default policy: grade A needs amount >= 50000 and probability >= 25 (Proposal, 60%) and is followed up daily;
     * 60000 at Qualify (10%) is B (weekly); 1000 at Qualify is C (monthly). Inactivity stalls after 30 days.
     */
    @Test
    void theLatestActivityMovesTheFollowUpByTheGradesCadenceAndClearsInactivity() {
        String a = Fixtures.opportunity(ws.adminKey(), Map.of("name", "A", "accountId", acme, "stageId", proposal,
                "amount", 60000));
        String b = Fixtures.opportunity(ws.adminKey(), Map.of("name", "B", "accountId", acme, "stageId", qualify,
                "amount", 60000));
        String c = Fixtures.opportunity(ws.adminKey(), Map.of("name", "C", "accountId", globex, "stageId", qualify,
                "amount", 1000));
        assertFollowUp(a, "A", null, "2026-03-03T09:00:00Z");
        assertFollowUp(b, "B", null, "2026-03-09T09:00:00Z");
        assertFollowUp(c, "C", null, "2026-04-01T09:00:00Z");

        TestClock.set("2026-04-11T09:00:00Z");
        as(ws.adminKey()).get("/api/v1/opportunities/" + a).then().body("stalled", equalTo(true))
                .body("stalledReasons", contains("inactivity"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + b).then()
                .body("stalledReasons", contains("stage", "inactivity"));

        String latest = log(ws.adminKey(), activity("call", "2026-04-10T15:00:00Z", "opportunityId", a));
        assertFollowUp(a, "A", "2026-04-10T15:00:00Z", "2026-04-11T15:00:00Z");
        as(ws.adminKey()).get("/api/v1/opportunities/" + a).then().body("stalled", equalTo(false))
                .body("stalledReasons", hasSize(0))
                .body("version", equalTo(0)); // a derived field: the deal's ETag stays valid
        log(ws.adminKey(), activity("visit", "2026-04-10T15:00:00Z", "opportunityId", b));
        assertFollowUp(b, "B", "2026-04-10T15:00:00Z", "2026-04-17T15:00:00Z");
        as(ws.adminKey()).get("/api/v1/opportunities/" + b).then().body("stalledReasons", contains("stage"));
        log(ws.adminKey(), activity("email", "2026-04-10T15:00:00Z", "opportunityId", c));
        assertFollowUp(c, "C", "2026-04-10T15:00:00Z", "2026-05-10T15:00:00Z");

        // an older activity does not move it back; an activity on the account alone does not touch its deals
        String older = log(ws.adminKey(), activity("meeting", "2026-04-01T10:00:00Z", "opportunityId", a));
        log(ws.adminKey(), activity("visit", "2026-04-11T08:00:00Z", "accountId", acme));
        assertFollowUp(a, "A", "2026-04-10T15:00:00Z", "2026-04-11T15:00:00Z");

        // editing the latest moves it; deleting it falls back to the one before; deleting all clears it
        as(ws.adminKey()).body(Map.of("occurredAt", "2026-04-11T08:00:00Z")).patch(ACTIVITIES + "/" + latest)
                .then().statusCode(200);
        assertFollowUp(a, "A", "2026-04-11T08:00:00Z", "2026-04-12T08:00:00Z");
        as(ws.adminKey()).delete(ACTIVITIES + "/" + latest).then().statusCode(204);
        assertFollowUp(a, "A", "2026-04-01T10:00:00Z", "2026-04-02T10:00:00Z");
        as(ws.adminKey()).get("/api/v1/opportunities/" + a).then().body("stalled", equalTo(false));

        // moving the activity to another deal recomputes both
        as(ws.adminKey()).body(Map.of("opportunityId", c)).patch(ACTIVITIES + "/" + older).then().statusCode(200)
                .body("accountId", equalTo(globex)).body("opportunityId", equalTo(c));
        assertFollowUp(a, "A", null, "2026-03-03T09:00:00Z");
        assertFollowUp(c, "C", "2026-04-10T15:00:00Z", "2026-05-10T15:00:00Z");
        as(ws.adminKey()).get("/api/v1/opportunities/" + a).then().body("stalledReasons", contains("inactivity"));
    }

    private void assertFollowUp(String dealId, String grade, String lastActivityAt, String nextFollowUpAt) {
        JsonPath deal = deal(dealId);
        assertEquals(grade, deal.getString("grade"), "grade");
        assertEquals(lastActivityAt, deal.getString("lastActivityAt"), "lastActivityAt");
        assertEquals(nextFollowUpAt, deal.getString("nextFollowUpAt"), "nextFollowUpAt");
    }

}
