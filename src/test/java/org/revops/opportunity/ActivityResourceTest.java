package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.Listing;
import org.revops.support.TestClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ActivityResourceTest extends ApiTest {
    private static final String ACTIVITIES = "/api/v1/activities";

    private Workspace ws;
    private String qualify;
    private String proposal;
    private String acme;
    private String globex;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Activities");
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

    static Map<String, Object> activity(String type, String occurredAt, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("type", type, "subject", type + " at " + occurredAt,
                "occurredAt", occurredAt));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static String log(String key, Map<String, Object> body) {
        return as(key).body(body).post(ACTIVITIES).then().statusCode(201).extract().path("id");
    }

    private JsonPath deal(String id) {
        return as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().statusCode(200).extract().jsonPath();
    }

    private int countActivities(String key) {
        return Listing.ids(key, ACTIVITIES, "").size();
    }

    @Test
    void createReadUpdateDelete() {
        String dealId = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        String location = as(ws.adminKey()).body(Map.of("type", "visit", "subject", "  On-site workshop ",
                        "notes", "Met IT and purchasing", "outcome", "positive", "occurredAt", "2026-03-02T08:30:00Z",
                        "opportunityId", dealId))
                .post(ACTIVITIES).then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("type", equalTo("visit"))
                .body("subject", equalTo("On-site workshop"))
                .body("notes", equalTo("Met IT and purchasing"))
                .body("outcome", equalTo("positive"))
                .body("occurredAt", equalTo("2026-03-02T08:30:00Z"))
                .body("opportunityId", equalTo(dealId))
                .body("accountId", equalTo(acme))
                .body("ownerId", equalTo(ws.adminId().toString()))
                .body("createdAt", equalTo("2026-03-02T09:00:00Z"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).get(location).then()
                .statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id));

        TestClock.set("2026-03-02T10:00:00Z");
        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"outcome\":\"proposal requested\",\"notes\":null}")
                .patch(ACTIVITIES + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("outcome", equalTo("proposal requested"))
                .body("notes", nullValue())
                .body("subject", equalTo("On-site workshop"))
                .body("opportunityId", equalTo(dealId))
                .body("updatedAt", equalTo("2026-03-02T10:00:00Z"));

        as(ws.adminKey()).header("If-Match", "\"1\"").delete(ACTIVITIES + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(ACTIVITIES + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, countActivities(ws.adminKey()));
        assertEquals(null, deal(dealId).getString("lastActivityAt"));
    }

    @Test
    void anActivityIsOnADealOrAnAccountOfTheCallersWorkspace() {
        String dealId = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        as(ws.adminKey()).body(activity("call", "2026-03-02T08:00:00Z", "opportunityId", dealId, "accountId", acme))
                .post(ACTIVITIES).then().statusCode(201).body("accountId", equalTo(acme));
        as(ws.adminKey()).body(activity("call", "2026-03-02T08:00:00Z", "accountId", globex))
                .post(ACTIVITIES).then().statusCode(201).body("accountId", equalTo(globex))
                .body("opportunityId", nullValue());
        expectProblem(ws.adminKey(), activity("call", "2026-03-02T08:00:00Z", "opportunityId", dealId,
                "accountId", globex), 422, "accountId");
        expectProblem(ws.adminKey(), activity("call", "2026-03-02T08:00:00Z"), 422, "accountId");
        expectProblem(ws.adminKey(), activity("call", "2026-03-02T08:00:00Z",
                "opportunityId", UUID.randomUUID().toString()), 422, "opportunityId");

        Workspace other = newWorkspace("Activities elsewhere");
        JsonPath otherPipeline = Fixtures.pipeline(other.adminKey(), "Theirs");
        String theirAccount = Fixtures.account(other.adminKey(), Map.of("name", "Initech"));
        String theirDeal = Fixtures.opportunity(other.adminKey(), Map.of("accountId", theirAccount,
                "stageId", otherPipeline.getString("stages[0].id")));
        expectProblem(ws.adminKey(), activity("call", "2026-03-02T08:00:00Z", "opportunityId", theirDeal), 422,
                "opportunityId");
        expectProblem(ws.adminKey(), activity("call", "2026-03-02T08:00:00Z", "accountId", theirAccount), 422,
                "accountId");
        assertEquals(2, countActivities(ws.adminKey()));
        assertEquals(0, countActivities(other.adminKey()));
        as(other.adminKey()).get("/api/v1/opportunities/" + theirDeal).then().body("lastActivityAt", nullValue());
        // the other workspace cannot reach ours either
        String ours = Listing.ids(ws.adminKey(), ACTIVITIES, "").get(0);
        as(other.adminKey()).get(ACTIVITIES + "/" + ours).then().statusCode(404);
        as(other.adminKey()).body(Map.of("subject", "mine")).patch(ACTIVITIES + "/" + ours).then().statusCode(404);
        as(other.adminKey()).delete(ACTIVITIES + "/" + ours).then().statusCode(404);
        assertEquals(2, countActivities(ws.adminKey()));
    }

    private static void expectProblem(String key, Map<String, Object> body, int status, String field) {
        as(key).body(body).post(ACTIVITIES).then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        String dealId = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        Map<String, Object> valid = activity("visit", "2026-03-02T08:00:00Z", "opportunityId", dealId);
        expectProblem(ws.adminKey(), with(valid, "colour", "red"), 400, "colour");
        expectProblem(ws.adminKey(), with(valid, "occurredAt", "yesterday"), 400, "occurredAt");
        expectProblem(ws.adminKey(), with(valid, "opportunityId", "deal-1"), 400, "opportunityId");
        expectProblem(ws.adminKey(), with(valid, "type", "lunch"), 422, "type");
        expectProblem(ws.adminKey(), with(valid, "type", null), 422, "type");
        expectProblem(ws.adminKey(), with(valid, "subject", " "), 422, "subject");
        expectProblem(ws.adminKey(), with(valid, "subject", "x".repeat(201)), 422, "subject");
        expectProblem(ws.adminKey(), with(valid, "notes", "x".repeat(5001)), 422, "notes");
        expectProblem(ws.adminKey(), with(valid, "outcome", "x".repeat(101)), 422, "outcome");
        expectProblem(ws.adminKey(), with(valid, "occurredAt", null), 422, "occurredAt");
        // more than a day ahead of the clock (2026-03-02T09:00Z)
        expectProblem(ws.adminKey(), with(valid, "occurredAt", "2026-03-03T09:00:01Z"), 422, "occurredAt");
        expectProblem(ws.adminKey(), with(valid, "ownerId", UUID.randomUUID().toString()), 422, "ownerId");
        as(ws.adminKey()).body("{\"type\": \"visit\"").post(ACTIVITIES).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        Listing.assertRejectsBadParameters(ws.adminKey(), ACTIVITIES);
        as(ws.adminKey()).queryParam("occurredFrom", "March").get(ACTIVITIES).then().statusCode(400)
                .body("errors[0].field", equalTo("occurredFrom"));
        assertEquals(0, countActivities(ws.adminKey()));
        assertEquals(null, deal(dealId).getString("lastActivityAt"));

        // exactly one day ahead is allowed
        String id = log(ws.adminKey(), with(valid, "occurredAt", "2026-03-03T09:00:00Z"));
        as(ws.adminKey()).body(Map.of("occurredAt", "2026-03-03T09:00:01Z")).patch(ACTIVITIES + "/" + id).then()
                .statusCode(422).body("errors[0].field", equalTo("occurredAt"));
        as(ws.adminKey()).body(Map.of("accountId", globex)).patch(ACTIVITIES + "/" + id).then()
                .statusCode(422).body("errors[0].field", equalTo("accountId"));
        as(ws.adminKey()).body("{\"type\":null}").patch(ACTIVITIES + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("type"));
        as(ws.adminKey()).body(Map.of("opportunityId", "x")).patch(ACTIVITIES + "/" + id).then().statusCode(400);
        as(ws.adminKey()).body("[]").patch(ACTIVITIES + "/" + id).then().statusCode(400);
        as(ws.adminKey()).get(ACTIVITIES + "/" + id).then().body("version", equalTo(0))
                .body("occurredAt", equalTo("2026-03-03T09:00:00Z")).body("accountId", equalTo(acme));
        assertEquals("2026-03-03T09:00:00Z", deal(dealId).getString("lastActivityAt"));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = log(ws.adminKey(), activity("call", "2026-03-02T08:00:00Z", "accountId", acme));
        as(ws.adminKey()).body(Map.of("outcome", "voicemail")).patch(ACTIVITIES + "/" + id).then().statusCode(200);
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("outcome", "reached"))
                .patch(ACTIVITIES + "/" + id).then().statusCode(412).contentType("application/problem+json")
                .body("type", endsWith("/stale-version"));
        as(ws.adminKey()).header("If-Match", "\"0\"").delete(ACTIVITIES + "/" + id).then().statusCode(412);
        as(ws.adminKey()).get(ACTIVITIES + "/" + id).then().header("ETag", "\"1\"").body("outcome", equalTo("voicemail"));
    }

    @Test
    void everyFilterNarrowsTheListAndEverySortOrdersIt() {
        Member rep = newMember(ws, "Rita Rep", "rep", null);
        String repAccount = Fixtures.account(rep.key(), Map.of("name", "Rita's"));
        String dealA = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        String dealB = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", globex, "stageId", qualify));
        String v1 = log(ws.adminKey(), activity("visit", "2026-02-27T10:00:00Z", "opportunityId", dealA,
                "outcome", "positive"));
        TestClock.set("2026-03-02T09:00:01Z");
        String c1 = log(ws.adminKey(), activity("call", "2026-03-01T10:00:00Z", "opportunityId", dealB,
                "outcome", "voicemail"));
        TestClock.set("2026-03-02T09:00:02Z");
        String e1 = log(ws.adminKey(), activity("email", "2026-02-28T10:00:00Z", "accountId", acme));
        TestClock.set("2026-03-02T09:00:03Z");
        String p1 = log(rep.key(), activity("proposal", "2026-03-02T08:00:00Z", "accountId", repAccount,
                "outcome", "positive"));

        Map<String, List<String>> expectations = new LinkedHashMap<>();
        expectations.put("type=visit", List.of(v1));
        expectations.put("type=call&type=email", List.of(c1, e1));
        expectations.put("ownerId=" + rep.id(), List.of(p1));
        expectations.put("ownerId=" + ws.adminId(), List.of(v1, c1, e1));
        expectations.put("accountId=" + acme, List.of(v1, e1));
        expectations.put("opportunityId=" + dealA + "&opportunityId=" + dealB, List.of(v1, c1));
        expectations.put("occurredFrom=2026-02-28T10:00:00Z", List.of(c1, e1, p1));
        expectations.put("occurredTo=2026-02-28T10:00:00Z", List.of(v1));
        expectations.put("occurredFrom=2026-02-28T00:00:00Z&occurredTo=2026-03-02T00:00:00Z", List.of(c1, e1));
        expectations.put("outcome=positive", List.of(v1, p1));
        expectations.put("outcome=reached", List.of());
        expectations.put("id=" + v1 + "&id=" + p1, List.of(v1, p1));
        Listing.assertFilters(ws.adminKey(), ACTIVITIES, expectations);

        as(ws.adminKey()).get(ACTIVITIES).then().statusCode(200).body("data.id", contains(p1, c1, e1, v1))
                .body("nextCursor", nullValue());
        Listing.assertOrder(ws.adminKey(), ACTIVITIES, "occurredAt", v1, e1, c1, p1);
        Listing.assertOrder(ws.adminKey(), ACTIVITIES, "createdAt", v1, c1, e1, p1);
        Listing.assertOrder(ws.adminKey(), ACTIVITIES, "-createdAt", p1, e1, c1, v1);
        assertEquals(List.of(p1, c1, e1, v1), Listing.walk(ws.adminKey(), ACTIVITIES, "-occurredAt", 1, 4));
        assertEquals(List.of(v1, c1, e1, p1), Listing.walk(ws.adminKey(), ACTIVITIES, "createdAt", 3, 2));
    }

    @Test
    void callersSeeTheirOwnAndWhatIsOnRecordsTheySeeAndChangeOnlyWhatTheyMayActFor() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        Member rep = newMember(ws, "Ray Rep", "rep", manager.id());
        Member colleague = newMember(ws, "Cleo Colleague", "rep", manager.id());
        Member outsider = newMember(ws, "Otto Outsider", "rep", null);
        String repAccount = Fixtures.account(rep.key(), Map.of("name", "Ray's account"));
        String colleagueAccount = Fixtures.account(colleague.key(), Map.of("name", "Cleo's account"));
        String repDeal = Fixtures.opportunity(rep.key(), Map.of("accountId", repAccount, "stageId", qualify));
        String colleagueDeal = Fixtures.opportunity(colleague.key(), Map.of("accountId", colleagueAccount,
                "stageId", qualify));
        String when = "2026-03-02T08:00:00Z";
        String onColleagueDeal = log(colleague.key(), activity("call", when, "opportunityId", colleagueDeal));
        String onRepDeal = log(rep.key(), activity("visit", when, "opportunityId", repDeal));
        String adminOnRepDeal = log(ws.adminKey(), activity("demo", when, "opportunityId", repDeal));
        String onColleagueAccount = log(colleague.key(), activity("email", when, "accountId", colleagueAccount));
        String adminOnRepAccount = log(ws.adminKey(), activity("meeting", when, "accountId", repAccount));
        // the manager logs a call the rep made on a colleague's deal: the rep sees it as theirs, not the deal
        String repsOnColleagueDeal = log(manager.key(), activity("call", when, "opportunityId", colleagueDeal,
                "ownerId", rep.id().toString()));
        String outsiders = log(outsider.key(), activity("call", when, "accountId",
                Fixtures.account(outsider.key(), Map.of("name", "Otto's account"))));

        as(rep.key()).get(ACTIVITIES).then().statusCode(200)
                .body("data.id", containsInAnyOrder(onRepDeal, adminOnRepDeal, adminOnRepAccount, repsOnColleagueDeal));
        as(manager.key()).get(ACTIVITIES).then().statusCode(200)
                .body("data.id", containsInAnyOrder(onColleagueDeal, onRepDeal, adminOnRepDeal, onColleagueAccount,
                        adminOnRepAccount, repsOnColleagueDeal));
        as(outsider.key()).get(ACTIVITIES).then().body("data.id", contains(outsiders));
        assertEquals(7, countActivities(ws.adminKey()));

        // not visible: 404, whatever the method
        as(rep.key()).get(ACTIVITIES + "/" + onColleagueDeal).then().statusCode(404);
        as(rep.key()).body(Map.of("subject", "x")).patch(ACTIVITIES + "/" + onColleagueAccount).then().statusCode(404);
        as(rep.key()).delete(ACTIVITIES + "/" + onColleagueDeal).then().statusCode(404);
        // visible but someone else's: 403
        as(rep.key()).get(ACTIVITIES + "/" + adminOnRepDeal).then().statusCode(200);
        as(rep.key()).body(Map.of("subject", "mine now")).patch(ACTIVITIES + "/" + adminOnRepDeal).then()
                .statusCode(403).contentType("application/problem+json");
        as(rep.key()).delete(ACTIVITIES + "/" + adminOnRepDeal).then().statusCode(403);
        // nor log on a deal or account they cannot see, nor for a colleague
        as(rep.key()).body(activity("call", when, "opportunityId", colleagueDeal)).post(ACTIVITIES).then()
                .statusCode(422).body("errors[0].field", equalTo("opportunityId"));
        as(rep.key()).body(activity("call", when, "accountId", colleagueAccount)).post(ACTIVITIES).then()
                .statusCode(422).body("errors[0].field", equalTo("accountId"));
        as(rep.key()).body(activity("call", when, "opportunityId", repDeal, "ownerId", colleague.id().toString()))
                .post(ACTIVITIES).then().statusCode(422).body("errors[0].field", equalTo("ownerId"));
        as(rep.key()).body(Map.of("opportunityId", colleagueDeal)).patch(ACTIVITIES + "/" + onRepDeal).then()
                .statusCode(422).body("errors[0].field", equalTo("opportunityId"));
        // the manager changes what the team owns
        as(manager.key()).body(Map.of("outcome", "checked")).patch(ACTIVITIES + "/" + onRepDeal).then()
                .statusCode(200).body("outcome", equalTo("checked"));
        as(manager.key()).get(ACTIVITIES + "/" + outsiders).then().statusCode(404);
        as(ws.adminKey()).get(ACTIVITIES + "/" + adminOnRepDeal).then().body("subject", equalTo("demo at " + when));
        assertEquals(7, countActivities(ws.adminKey()));
        as(rep.key()).get("/api/v1/opportunities/" + repDeal).then().body("lastActivityAt", equalTo(when));
    }

    @Test
    void aReadOnlyKeyReadsEverythingButWritesNothing() {
        String id = log(ws.adminKey(), activity("call", "2026-03-02T08:00:00Z", "accountId", acme));
        Member auditor = newMember(ws, "Audrey Auditor", "read-only", null);
        as(auditor.key()).get(ACTIVITIES + "/" + id).then().statusCode(200);
        as(auditor.key()).get(ACTIVITIES).then().body("data.id", contains(id));
        as(auditor.key()).body(activity("call", "2026-03-02T08:00:00Z", "accountId", acme)).post(ACTIVITIES).then()
                .statusCode(403).contentType("application/problem+json");
        as(auditor.key()).body(Map.of("subject", "x")).patch(ACTIVITIES + "/" + id).then().statusCode(403);
        as(auditor.key()).delete(ACTIVITIES + "/" + id).then().statusCode(403);
        as(ws.adminKey()).get(ACTIVITIES + "/" + id).then().body("version", equalTo(0));
        assertEquals(1, countActivities(ws.adminKey()));
    }

    @Test
    void aPageOfManyActivitiesIsWalkedOnceEach() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(log(ws.adminKey(), activity(i % 2 == 0 ? "call" : "email",
                    "2026-03-0" + (1 + i % 2) + "T0" + i + ":00:00Z", "accountId", acme)));
        }
        List<String> seen = Listing.walk(ws.adminKey(), ACTIVITIES, "-occurredAt", 3, 3);
        assertEquals(new HashSet<>(created), new HashSet<>(seen));
        assertEquals(7, seen.size());
    }
}
