package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.TestClock;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stage history, derived ages, close and reopen, with a fixed clock. */
@QuarkusTest
class OpportunityLifecycleTest extends ApiTest {
    private static final String T0 = "2026-03-02T09:00:00Z";

    @Inject
    Db db;

    private Workspace ws;
    private String qualify;
    private String proposal;
    private String won;
    private String lost;
    private String account;

    @BeforeEach
    void setUp() {
        TestClock.set(T0);
        ws = newWorkspace("Lifecycle");
        JsonPath pipeline = Fixtures.pipeline(ws.adminKey(), "New business");
        qualify = pipeline.getString("stages[0].id");
        proposal = pipeline.getString("stages[1].id");
        won = pipeline.getString("stages[2].id");
        lost = pipeline.getString("stages[3].id");
        account = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private String deal() {
        return Fixtures.opportunity(ws.adminKey(), Map.of("accountId", account, "stageId", qualify,
                "amount", 1000, "closeDate", "2026-12-31"));
    }

    private JsonPath history(String id) {
        return as(ws.adminKey()).get("/api/v1/opportunities/" + id + "/history").then().statusCode(200)
                .body("nextCursor", nullValue()).extract().jsonPath();
    }

    @Test
    void creationWritesEveryTrackedFieldAndEachChangeOnlyWhatChanged() {
        String id = deal();
        JsonPath created = history(id);
        assertEquals(List.of("stage", "amount", "closeDate", "probability", "forecastCategory"),
                created.getList("data.field"));
        assertEquals(List.of("create", "create", "create", "create", "create"), created.getList("data.action"));
        assertEquals(java.util.Arrays.asList(null, null, null, null, null), created.getList("data.from"));
        assertEquals(List.of(qualify, "1000", "2026-12-31", "10", "Pipeline"), created.getList("data.to"));
        assertEquals(qualify, created.getString("data[0].toStageId"));
        assertEquals(ws.adminId().toString(), created.getString("data[0].changedBy"));
        assertEquals(OffsetDateTime.parse(T0).toInstant(),
                OffsetDateTime.parse(created.getString("data[0].changedAt")).toInstant());

        TestClock.advance(Duration.ofDays(3));
        as(ws.adminKey()).body(Map.of("stageId", proposal, "amount", 1500, "closeDate", "2027-01-31"))
                .patch("/api/v1/opportunities/" + id).then().statusCode(200)
                .body("closeDatePushes", equalTo(1)).body("daysInStage", equalTo(0))
                .body("daysSinceCreation", equalTo(3));
        as(ws.adminKey()).body(Map.of("name", "Renamed")).patch("/api/v1/opportunities/" + id).then().statusCode(200);
        as(ws.adminKey()).body(Map.of("probability", 70)).patch("/api/v1/opportunities/" + id).then().statusCode(200);
        as(ws.adminKey()).body(Map.of("closeDate", "2027-01-15")).patch("/api/v1/opportunities/" + id)
                .then().statusCode(200).body("closeDatePushes", equalTo(1));

        JsonPath all = history(id);
        List<Map<String, Object>> later = all.getList("data").subList(5, all.getList("data").size())
                .stream().map(o -> (Map<String, Object>) o).toList();
        assertEquals(List.of("stage", "amount", "closeDate", "probability", "forecastCategory", "probability",
                "closeDate"), later.stream().map(r -> r.get("field")).toList());
        assertEquals(List.of(qualify, "1000", "2026-12-31", "10", "Pipeline", "60", "2027-01-31"),
                later.stream().map(r -> r.get("from")).toList());
        assertEquals(List.of(proposal, "1500", "2027-01-31", "60", "BestCase", "70", "2027-01-15"),
                later.stream().map(r -> r.get("to")).toList());
        assertEquals(qualify, later.get(0).get("fromStageId"));
        assertEquals(proposal, later.get(0).get("toStageId"));

        TestClock.advance(Duration.ofDays(2).plusHours(1));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().statusCode(200)
                .body("daysInStage", equalTo(2)).body("daysSinceCreation", equalTo(5))
                .body("stageEnteredAt", equalTo("2026-03-05T09:00:00Z"));
    }

    @Test
    void closingAsWonMovesToTheWonStageAndIsRecorded() {
        String id = deal();
        as(ws.adminKey()).body(Map.of("stageId", proposal, "probability", 70)).patch("/api/v1/opportunities/" + id)
                .then().statusCode(200);
        TestClock.advance(Duration.ofDays(10));
        as(ws.adminKey()).body(Map.of("won", true, "competitor", "Initech", "notes", "Signed after the pilot"))
                .post("/api/v1/opportunities/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("won")).body("stageId", equalTo(won))
                .body("closedAt", equalTo("2026-03-12T09:00:00Z")).body("probability", equalTo(100.0f))
                .body("probabilitySource", equalTo("stage")).body("forecastCategory", equalTo("Closed"))
                .body("competitor", equalTo("Initech")).body("closeNotes", equalTo("Signed after the pilot"))
                .body("nextFollowUpAt", nullValue()).body("stalled", equalTo(false));

        JsonPath h = history(id);
        List<Object> closeRows = h.getList("data.findAll { it.action == 'close' }.field");
        assertEquals(List.of("stage", "probability", "forecastCategory"), closeRows);
        assertEquals(List.of(proposal, "70", "BestCase"), h.getList("data.findAll { it.action == 'close' }.from"));
        assertEquals(List.of(won, "100", "Closed"), h.getList("data.findAll { it.action == 'close' }.to"));

        long version = as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().extract().jsonPath().getLong("version");
        as(ws.adminKey()).body(Map.of("won", false, "reasonId", UUID.randomUUID().toString()))
                .post("/api/v1/opportunities/" + id + "/close").then().statusCode(422)
                .contentType("application/problem+json");
        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + id + "/close")
                .then().statusCode(422).body("errors.field", hasItem("status"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("version", equalTo((int) version))
                .body("status", equalTo("won"));
        assertEquals(11, history(id).getList("data").size(), "create 5 + stage change 3 + close 3; refusals add none");
    }

    @Test
    void aLostDealNeedsAnActiveReasonForLosses() {
        String id = deal();
        as(ws.adminKey()).body(Map.of("won", false)).post("/api/v1/opportunities/" + id + "/close")
                .then().statusCode(422).body("errors.field", hasItem("reasonId"));
        as(ws.adminKey()).body(Map.of("won", false, "reasonId", UUID.randomUUID().toString()))
                .post("/api/v1/opportunities/" + id + "/close").then().statusCode(422)
                .body("errors[0].message", equalTo("no such close reason"));
        UUID price = reason("Price", "lost", true);
        UUID retired = reason("Timing", "lost", false);
        UUID winOnly = reason("Best product", "won", true);
        as(ws.adminKey()).body(Map.of("won", false, "reasonId", retired.toString()))
                .post("/api/v1/opportunities/" + id + "/close").then().statusCode(422);
        as(ws.adminKey()).body(Map.of("won", false, "reasonId", winOnly.toString()))
                .post("/api/v1/opportunities/" + id + "/close").then().statusCode(422)
                .body("errors[0].message", equalTo("this close reason applies to won deals only"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("status", equalTo("open"))
                .body("closedAt", nullValue());
        assertEquals(5, history(id).getList("data").size(), "refused closes write no history");

        as(ws.adminKey()).body(Map.of("won", false, "reasonId", price.toString(), "competitor", "Initech"))
                .post("/api/v1/opportunities/" + id + "/close").then().statusCode(200)
                .body("status", equalTo("lost")).body("stageId", equalTo(lost))
                .body("closeReasonId", equalTo(price.toString())).body("forecastCategory", equalTo("Omitted"));
        as(ws.adminKey()).get("/api/v1/opportunities?closed=true").then().body("data.id", equalTo(List.of(id)));
    }

    @Test
    void reopeningReturnsToTheStageItWasClosedFromAndClearsTheClose() {
        String id = deal();
        as(ws.adminKey()).body(Map.of("stageId", proposal)).patch("/api/v1/opportunities/" + id).then().statusCode(200);
        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + id + "/close").then().statusCode(200);
        TestClock.advance(Duration.ofDays(1));
        as(ws.adminKey()).body(Map.of("stageId", won)).post("/api/v1/opportunities/" + id + "/reopen")
                .then().statusCode(422).body("errors.field", hasItem("stageId"));
        as(ws.adminKey()).body(Map.of()).post("/api/v1/opportunities/" + id + "/reopen").then().statusCode(200)
                .body("status", equalTo("open")).body("stageId", equalTo(proposal)).body("closedAt", nullValue())
                .body("probability", equalTo(60.0f)).body("stageEnteredAt", equalTo("2026-03-03T09:00:00Z"));
        JsonPath h = history(id);
        assertEquals(List.of("stage", "probability", "forecastCategory"),
                h.getList("data.findAll { it.action == 'reopen' }.field"));
        assertEquals(List.of(won, "100", "Closed"), h.getList("data.findAll { it.action == 'reopen' }.from"));

        as(ws.adminKey()).body(Map.of()).post("/api/v1/opportunities/" + id + "/reopen").then().statusCode(422)
                .body("errors.field", hasItem("status"));
        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + id + "/close").then().statusCode(200);
        as(ws.adminKey()).body(Map.of("stageId", qualify)).post("/api/v1/opportunities/" + id + "/reopen")
                .then().statusCode(200).body("stageId", equalTo(qualify));
    }

    @Test
    void closedStagesAreReachedOnlyByClosing() {
        String id = deal();
        as(ws.adminKey()).body(Map.of("stageId", won)).patch("/api/v1/opportunities/" + id).then().statusCode(422)
                .body("errors.field", hasItem("stageId"));
        as(ws.adminKey()).body(Map.of("name", "Closed at birth", "accountId", account, "stageId", lost, "amount", 5,
                "closeDate", "2026-12-31")).post("/api/v1/opportunities").then().statusCode(422);
        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + id + "/close").then().statusCode(200);
        as(ws.adminKey()).body(Map.of("stageId", qualify)).patch("/api/v1/opportunities/" + id).then().statusCode(422)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("reopen"));
        as(ws.adminKey()).body(Map.of("amount", 1200)).patch("/api/v1/opportunities/" + id).then().statusCode(200)
                .body("status", equalTo("won"));
        as(ws.adminKey()).get("/api/v1/opportunities?q=Closed at birth").then().body("data", org.hamcrest.Matchers.empty());
    }

    @Test
    void onlyThoseWhoMayEditTheDealCloseItAndOnlyThoseWhoSeeItReadItsHistory() {
        String id = deal();
        Member reader = newMember(ws, "Reader", "read-only", null);
        Member rep = newMember(ws, "Rep", "rep", null);
        as(reader.key()).body(Map.of("won", true)).post("/api/v1/opportunities/" + id + "/close").then().statusCode(403);
        as(rep.key()).body(Map.of("won", true)).post("/api/v1/opportunities/" + id + "/close").then().statusCode(404);
        as(rep.key()).get("/api/v1/opportunities/" + id + "/history").then().statusCode(404);
        as(reader.key()).get("/api/v1/opportunities/" + id + "/history").then().statusCode(200);
        Workspace other = newWorkspace("Elsewhere");
        as(other.adminKey()).get("/api/v1/opportunities/" + id + "/history").then().statusCode(404);
        as(other.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + id + "/close").then().statusCode(404);
        as(ws.adminKey()).header("If-Match", "\"99\"").body(Map.of("won", true))
                .post("/api/v1/opportunities/" + id + "/close").then().statusCode(412);
        as(ws.adminKey()).body("{\"won\": \"maybe\"}").post("/api/v1/opportunities/" + id + "/close").then().statusCode(400);
        as(ws.adminKey()).body(Map.of("won", true, "competitor", "x".repeat(201)))
                .post("/api/v1/opportunities/" + id + "/close").then().statusCode(422);
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("status", equalTo("open"));
    }

    @Test
    void aDealStallsAfterTheStagesLimitOrAMonthWithoutActivity() {
        String id = deal();  // Qualify stalls after 14 days; the policy's inactivity limit is 30 days
        TestClock.advance(Duration.ofDays(14).plusHours(23));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("stalled", equalTo(false))
                .body("daysInStage", equalTo(14));
        TestClock.advance(Duration.ofHours(1));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("stalled", equalTo(true))
                .body("stalledReasons", equalTo(List.of("stage")));
        as(ws.adminKey()).body(Map.of("stageId", proposal)).patch("/api/v1/opportunities/" + id).then()
                .body("stalled", equalTo(false));
        TestClock.advance(Duration.ofDays(16));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("stalled", equalTo(true))
                .body("stalledReasons", equalTo(List.of("inactivity")));
        as(ws.adminKey()).get("/api/v1/opportunities?stalled=true").then().body("data.id", equalTo(List.of(id)));
    }

    private UUID reason(String name, String appliesTo, boolean active) {
        UUID id = UUID.randomUUID();
        db.query("INSERT INTO close_reasons (workspace_id, id, name, applies_to, active, created_at, updated_at)"
                        + " VALUES ($1, $2, $3, $4, $5, now(), now())",
                Tuple.from(new Object[] {ws.id(), id, name, appliesTo, active})).await().atMost(Duration.ofSeconds(5));
        return id;
    }
}
