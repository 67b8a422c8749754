package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.TestClock;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.opportunity.ActivityResourceTest.activity;
import static org.revops.opportunity.ActivityResourceTest.log;
import static org.revops.opportunity.ActivityTargetResourceTest.target;
import static org.revops.support.CsvPages.csv;
import static org.revops.support.CsvPages.walk;

/**
 * The opportunity feature's lists as CSV ({@code Accept: text/csv}). Built by moving the clock: at 09:00 on
 * 2026-03-02 pipelines Direct (Open 10 %, stalls after 14 days; Won) and Partner (Talk 20 %) and account Acme; at
 * 09:01 deal "Alpha, big" (1200.50) and at 09:02 deal "=Beta" (5000, next step on two lines), both in Open; then
 * targets, close reasons and activities (a visit on Acme, a call on Beta on 2026-03-11 08:30). Read on 2026-04-02
 * at 09:05: both deals 31 whole days in Open (stalled for the stage), Alpha also 31 days without activity.
 */
@QuarkusTest
class ListCsvTest extends ApiTest {
    private static final String OPPORTUNITY_HEADER = "id,name,accountId,primaryContactId,ownerId,pipelineId,stageId,"
            + "amount,currency,closeDate,probability,probabilitySource,forecastCategory,forecastCategorySource,"
            + "nextStep,source,campaign,leadId,externalId,externalSource,status,closedAt,closeReasonId,competitor,"
            + "closeNotes,grade,gradeSource,computedGrade,lastActivityAt,nextFollowUpAt,stageEnteredAt,daysInStage,daysSinceCreation,"
            + "closeDatePushes,stalled,stalledReasons,territoryId,territorySource,createdAt,updatedAt,version\r\n";

    private Workspace ws;
    private String direct;
    private String open;
    private String won;
    private String partner;
    private String talk;
    private String acme;
    private String alpha;
    private String beta;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Csv lists");
        JsonPath pipeline = as(ws.adminKey()).body(Map.of("name", "Direct", "stages", List.of(
                        Map.of("name", "Open", "probability", 10, "forecastCategory", "Pipeline", "stallAfterDays", 14),
                        Map.of("name", "Won", "probability", 100, "forecastCategory", "Closed", "closed", true,
                                "won", true))))
                .post("/api/v1/pipelines").then().statusCode(201).extract().jsonPath();
        direct = pipeline.getString("id");
        open = pipeline.getString("stages[0].id");
        won = pipeline.getString("stages[1].id");
        JsonPath other = as(ws.adminKey()).body(Map.of("name", "Partner", "stages", List.of(
                        Map.of("name", "Talk", "probability", 20, "forecastCategory", "Pipeline"))))
                .post("/api/v1/pipelines").then().statusCode(201).extract().jsonPath();
        partner = other.getString("id");
        talk = other.getString("stages[0].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
        TestClock.set("2026-03-02T09:01:00Z");
        alpha = LifecycleFixtures.deal(ws.adminKey(), "Alpha, big", acme, open, 1200.5);
        TestClock.set("2026-03-02T09:02:00Z");
        beta = LifecycleFixtures.deal(ws.adminKey(), "=Beta", acme, open, 5000,
                Map.of("nextStep", "Call back\nTuesday"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private String alphaRow(String stalledReasons) {
        return alpha + ",\"Alpha, big\"," + acme + ",," + ws.adminId() + "," + direct + "," + open
                + ",1200.5000,EUR,2026-12-31,10.00,stage,Pipeline,stage,,,,,,,open,,,,,C,computed,C,,"
                + "2026-04-01T09:01:00Z,2026-03-02T09:01:00Z,31,31,0,true," + stalledReasons + ",,,"
                + "2026-03-02T09:01:00Z,2026-03-02T09:01:00Z,0\r\n";
    }

    private String betaRow(String lastActivityAt, String nextFollowUpAt, String stalledReasons) {
        return beta + ",'=Beta," + acme + ",," + ws.adminId() + "," + direct + "," + open
                + ",5000.0000,EUR,2026-12-31,10.00,stage,Pipeline,stage,\"Call back\nTuesday\",,,,,,open,,,,,C,computed,"
                + "C," + lastActivityAt + "," + nextFollowUpAt + ",2026-03-02T09:02:00Z,31,31,0,true," + stalledReasons
                + ",,,2026-03-02T09:02:00Z,2026-03-02T09:02:00Z,0\r\n";
    }

    @Test
    void opportunitiesAndFollowUpsOnePageAtATime() {
        TestClock.set("2026-04-02T09:05:00Z");
        String expected = OPPORTUNITY_HEADER + alphaRow("stage; inactivity")
                + betaRow("", "2026-04-01T09:02:00Z", "stage; inactivity");
        assertEquals(expected, csv(ws.adminKey(), "/api/v1/opportunities?sort=amount"));
        // the same filters and sort as JSON; a page of one, the next cursor in X-Next-Cursor and Link
        assertEquals(OPPORTUNITY_HEADER + alphaRow("stage; inactivity"),
                csv(ws.adminKey(), "/api/v1/opportunities?id=" + alpha));
        assertEquals(List.of(expected.split("\r\n")).subList(1, 3),
                walk(ws.adminKey(), "/api/v1/opportunities?sort=-amount&limit=1", 2).stream()
                        .sorted((a, b) -> a.startsWith(alpha) ? -1 : 1).toList());
        // follow-ups: most urgent first
        assertEquals(expected, csv(ws.adminKey(), "/api/v1/follow-ups"));
        assertEquals(2, walk(ws.adminKey(), "/api/v1/follow-ups?limit=1", 2).size());
        // an activity on Beta moves its follow-up and ends its inactivity
        TestClock.set("2026-03-11T09:00:00Z");
        log(ws.adminKey(), activity("call", "2026-03-11T08:30:00Z", "opportunityId", beta));
        TestClock.set("2026-04-02T09:05:00Z");
        assertEquals(OPPORTUNITY_HEADER + betaRow("2026-03-11T08:30:00Z", "2026-04-10T08:30:00Z", "stage"),
                csv(ws.adminKey(), "/api/v1/opportunities?id=" + beta));
    }

    @Test
    void historyIsOnePageWithoutCursor() {
        TestClock.set("2026-03-05T10:00:00Z");
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("amount", 1500))
                .patch("/api/v1/opportunities/" + alpha).then().statusCode(200);
        var response = as(ws.adminKey()).accept("text/csv").get("/api/v1/opportunities/" + alpha + "/history");
        response.then().statusCode(200).header("Content-Type", "text/csv; charset=UTF-8")
                .header("X-Next-Cursor", nullValue()).header("Link", nullValue());
        List<Object> ids = as(ws.adminKey()).get("/api/v1/opportunities/" + alpha + "/history").then().statusCode(200)
                .extract().jsonPath().getList("data.id");
        String by = "," + ws.adminId() + ",";
        assertEquals("id,action,field,from,to,fromStageId,toStageId,changedBy,changedAt\r\n"
                + ids.get(0) + ",create,stage,," + open + ",," + open + by + "2026-03-02T09:01:00Z\r\n"
                + ids.get(1) + ",create,amount,,1200.5,,," + by.substring(1) + "2026-03-02T09:01:00Z\r\n"
                + ids.get(2) + ",create,closeDate,,2026-12-31,,," + by.substring(1) + "2026-03-02T09:01:00Z\r\n"
                + ids.get(3) + ",create,probability,,10,,," + by.substring(1) + "2026-03-02T09:01:00Z\r\n"
                + ids.get(4) + ",create,forecastCategory,,Pipeline,,," + by.substring(1) + "2026-03-02T09:01:00Z\r\n"
                + ids.get(5) + ",update,amount,1200.5,1500,,," + by.substring(1) + "2026-03-05T10:00:00Z\r\n",
                new String(response.asByteArray(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void pipelinesGiveOneRecordPerStage() {
        String header = "id,name,stages.id,stages.pipelineId,stages.name,stages.position,stages.probability,"
                + "stages.forecastCategory,stages.closed,stages.won,stages.stallAfterDays,stages.version,createdAt,"
                + "updatedAt,version\r\n";
        String directRows = direct + ",Direct," + open + "," + direct + ",Open,0,10.00,Pipeline,false,false,14,0,"
                + "2026-03-02T09:00:00Z,2026-03-02T09:00:00Z,0\r\n"
                + direct + ",Direct," + won + "," + direct + ",Won,1,100.00,Closed,true,true,,0,"
                + "2026-03-02T09:00:00Z,2026-03-02T09:00:00Z,0\r\n";
        String partnerRows = partner + ",Partner," + talk + "," + partner + ",Talk,0,20.00,Pipeline,false,false,,0,"
                + "2026-03-02T09:00:00Z,2026-03-02T09:00:00Z,0\r\n";
        assertEquals(header + directRows + partnerRows, csv(ws.adminKey(), "/api/v1/pipelines?sort=name"));
        // paging counts pipelines, not stages
        assertEquals(List.of((directRows + partnerRows).split("\r\n")),
                walk(ws.adminKey(), "/api/v1/pipelines?sort=name&limit=1", 2));
    }

    @Test
    void activitiesTargetsAndCloseReasons() {
        TestClock.set("2026-03-02T09:03:00Z");
        String week = ActivityTargetResourceTest.create(ws.adminKey(), target(ws.adminId(), "week", "visit", 5));
        TestClock.set("2026-03-02T09:04:00Z");
        String month = ActivityTargetResourceTest.create(ws.adminKey(), target(ws.adminId(), "month", "call", 20));
        String targets = "id,userId,period,metric,target,createdAt,updatedAt,version\r\n"
                + week + "," + ws.adminId() + ",week,visit,5,2026-03-02T09:03:00Z,2026-03-02T09:03:00Z,0\r\n"
                + month + "," + ws.adminId() + ",month,call,20,2026-03-02T09:04:00Z,2026-03-02T09:04:00Z,0\r\n";
        assertEquals(targets, csv(ws.adminKey(), "/api/v1/activity-targets"));
        assertEquals(List.of(targets.split("\r\n")).subList(1, 3),
                walk(ws.adminKey(), "/api/v1/activity-targets?limit=1", 2));

        TestClock.set("2026-03-02T09:05:00Z");
        String big = reason("The \"Big\" one", "won");
        String price = reason("Price", "lost");
        String reasons = "id,name,appliesTo,active,createdAt,updatedAt,version\r\n"
                + price + ",Price,lost,true,2026-03-02T09:05:00Z,2026-03-02T09:05:00Z,0\r\n"
                + big + ",\"The \"\"Big\"\" one\",won,true,2026-03-02T09:05:00Z,2026-03-02T09:05:00Z,0\r\n";
        assertEquals(reasons, csv(ws.adminKey(), "/api/v1/close-reasons?sort=name"));
        assertEquals(List.of(reasons.split("\r\n")).subList(1, 3),
                walk(ws.adminKey(), "/api/v1/close-reasons?sort=name&limit=1", 2));

        TestClock.set("2026-03-10T11:00:00Z");
        String visit = log(ws.adminKey(), activity("visit", "2026-03-10T10:00:00Z", "accountId", acme,
                "subject", "Kick-off, on site"));
        TestClock.set("2026-03-11T09:00:00Z");
        String call = log(ws.adminKey(), activity("call", "2026-03-11T08:30:00Z", "opportunityId", beta,
                "subject", "+49 30 1234 called", "outcome", "reached"));
        String activities = "id,type,subject,notes,outcome,occurredAt,ownerId,accountId,opportunityId,createdAt,"
                + "updatedAt,version\r\n"
                + visit + ",visit,\"Kick-off, on site\",,,2026-03-10T10:00:00Z," + ws.adminId() + "," + acme
                + ",,2026-03-10T11:00:00Z,2026-03-10T11:00:00Z,0\r\n"
                + call + ",call,'+49 30 1234 called,,reached,2026-03-11T08:30:00Z," + ws.adminId() + "," + acme + ","
                + beta + ",2026-03-11T09:00:00Z,2026-03-11T09:00:00Z,0\r\n";
        assertEquals(activities, csv(ws.adminKey(), "/api/v1/activities?sort=occurredAt"));
        assertEquals(List.of(activities.split("\r\n")).subList(1, 3),
                walk(ws.adminKey(), "/api/v1/activities?sort=occurredAt&limit=1", 2));
    }

    private String reason(String name, String appliesTo) {
        return as(ws.adminKey()).body(Map.of("name", name, "appliesTo", appliesTo)).post("/api/v1/close-reasons")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void errorsStayProblemsAndOnlyListsSpeakCsv() {
        as(ws.adminKey()).accept("text/csv").get("/api/v1/opportunities?sort=colour").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        as(ws.adminKey()).accept("text/csv").get("/api/v1/opportunities?limit=501").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        Workspace other = newWorkspace("Csv elsewhere");
        as(other.adminKey()).accept("text/csv").get("/api/v1/opportunities/" + alpha + "/history").then()
                .statusCode(404).contentType("application/problem+json");
        as(ws.adminKey()).accept("application/xml").get("/api/v1/opportunities").then().statusCode(406)
                .contentType("application/problem+json");
        // a single record is JSON only
        as(ws.adminKey()).accept("text/csv").get("/api/v1/opportunities/" + alpha).then().statusCode(406)
                .contentType("application/problem+json");
        // JSON stays the default
        as(ws.adminKey()).accept("*/*").get("/api/v1/opportunities").then().statusCode(200)
                .contentType("application/json");
        // a rep reads only their own deals, in CSV as in JSON; an empty page is the header alone
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        assertEquals(OPPORTUNITY_HEADER, csv(rep.key(), "/api/v1/opportunities"));
    }
}
