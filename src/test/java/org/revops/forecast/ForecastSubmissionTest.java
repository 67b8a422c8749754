package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Submissions of {@link ForecastCallsData}'s forecasts: frozen as adjusted, listed by who may see them. */
@QuarkusTest
class ForecastSubmissionTest extends ApiTest {
    static final String SUBMISSIONS = "/api/v1/forecast-submissions";

    @Inject
    Db db;

    Workspace ws;
    ForecastCallsData data;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Forecast submissions");
        Member manager = newMember(ws, "Mo Manager", "manager", null);
        data = new ForecastCallsData(db, ws, manager, newMember(ws, "Ana Rep", "rep", manager.id()),
                newMember(ws, "Ben Rep", "rep", manager.id()));
        // M calls A's commit at 3,000 (the senior call counts over A's own 2,500)
        data.adjustment(data.repA.id(), "Commit", 2500, data.repA.id());
        data.adjustment(data.repA.id(), "Commit", 3000, data.manager.id());
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private String submit(Member who, String note) {
        return as(who.key()).body(Map.of("periodId", "2026-Q4", "note", note)).post(SUBMISSIONS).then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void aSubmissionFreezesTheCallersForecastAsAdjusted() {
        TestClock.set("2026-11-10T09:30:00Z");
        JsonPath m = as(data.manager.key()).body(Map.of("periodId", " 2026-Q4", "note", "Team call"))
                .post(SUBMISSIONS).then().statusCode(201)
                .header("Location", containsString(SUBMISSIONS + "/"))
                .body("userId", equalTo(data.manager.id().toString()))
                .body("submittedBy", equalTo(data.manager.id().toString()))
                .body("periodId", equalTo("2026-Q4")).body("startDate", equalTo("2026-10-01"))
                .body("endDate", equalTo("2026-12-31")).body("currency", equalTo("EUR"))
                .body("note", equalTo("Team call")).body("submittedAt", equalTo("2026-11-10T09:30:00Z"))
                .extract().jsonPath();
        // Commit as M called it: A's 3,000 instead of the computed 2,000
        assertEquals(Map.of("closed", 5000f, "commit", 3000f, "bestCase", 3000f, "pipeline", 6700f),
                m.getMap("categories"));
        assertEquals(Map.of("closed", 5000f, "commit", 8000f, "bestCase", 11000f, "openPipeline", 12700f),
                m.getMap("cumulative"));
        assertEquals(18000f, m.getFloat("quota"));

        String id = m.getString("id");
        // frozen: later changes do not move it
        data.close("a2");
        as(data.manager.key()).get(SUBMISSIONS + "/" + id).then().statusCode(200)
                .body("categories.closed", equalTo(5000f)).body("cumulative.commit", equalTo(8000f));

        as(data.repA.key()).body(Map.of("periodId", "2026-Q4")).post(SUBMISSIONS).then().statusCode(201)
                .body("categories.closed", equalTo(7000f)).body("categories.commit", equalTo(3000f))
                .body("categories.bestCase", equalTo(1000f)).body("categories.pipeline", equalTo(2700f))
                .body("quota", equalTo(10000f)).body("note", nullValue());
        // an admin submits for their own user: nothing of their own, no quota
        as(ws.adminKey()).body(Map.of("periodId", "2026-11")).post(SUBMISSIONS).then().statusCode(201)
                .body("userId", equalTo(ws.adminId().toString())).body("cumulative.bestCase", equalTo(0f))
                .body("quota", nullValue());

        JsonPath gql = GraphQLClient.ok(data.repB.key(), "mutation { submitForecast(input: {periodId: \"2026-Q4\", "
                + "note: \"Pipeline only\"}) { submission { userId categories { pipeline } } userErrors { field } } }",
                null);
        assertEquals(data.repB.id().toString(), gql.getString("data.submitForecast.submission.userId"));
        assertEquals(4000f, gql.getFloat("data.submitForecast.submission.categories.pipeline"));
        assertEquals(4, data.count("forecast_submissions"));
    }

    @Test
    void eachSeesTheirOwnAndAManagerTheTeams() {
        TestClock.set("2026-11-10T09:00:00Z");
        String mine = submit(data.manager, "first");
        TestClock.set("2026-11-11T09:00:00Z");
        String a = submit(data.repA, "a");
        TestClock.set("2026-11-12T09:00:00Z");
        String b = submit(data.repB, "b");
        TestClock.set("2026-11-13T09:00:00Z");
        String admin = submit(new Member(ws.adminId(), ws.adminKey()), "admin");

        assertEquals(List.of(admin, b, a, mine), as(ws.adminKey()).get(SUBMISSIONS).then().statusCode(200)
                .extract().jsonPath().getList("data.id"));
        assertEquals(List.of(b, a, mine), as(data.manager.key()).get(SUBMISSIONS).then().statusCode(200)
                .extract().jsonPath().getList("data.id"));
        assertEquals(List.of(a), as(data.repA.key()).get(SUBMISSIONS).then().statusCode(200)
                .extract().jsonPath().getList("data.id"));
        assertEquals(List.of(mine, a), as(data.manager.key()).get(SUBMISSIONS + "?sort=submittedAt&userId="
                + data.manager.id() + "&userId=" + data.repA.id() + "&periodId=2026-Q4").then().statusCode(200)
                .extract().jsonPath().getList("data.id"));
        as(data.repA.key()).get(SUBMISSIONS + "/" + b).then().statusCode(404).contentType("application/problem+json");
        as(data.manager.key()).get(SUBMISSIONS + "/" + admin).then().statusCode(404);
        as(data.repB.key()).get(SUBMISSIONS + "/" + b).then().statusCode(200).body("note", equalTo("b"));
        as(ws.adminKey()).get(SUBMISSIONS + "?periodId=2026-Q3").then().statusCode(200).body("data", equalTo(List.of()));
        as(ws.adminKey()).get(SUBMISSIONS + "?userId=nope").then().statusCode(400)
                .body("errors[0].field", equalTo("userId"));

        JsonPath gql = GraphQLClient.ok(data.manager.key(), "{ forecastSubmissions(filter: {userId: [\""
                + data.repB.id() + "\"]}) { edges { node { id note } } pageInfo { hasNextPage } } }", null);
        assertEquals(List.of(b), gql.getList("data.forecastSubmissions.edges.node.id"));
        assertEquals("a", GraphQLClient.ok(data.repA.key(), "{ forecastSubmission(id: \"" + a + "\") { note } }", null)
                .getString("data.forecastSubmission.note"));
        assertEquals(Set.of("a"), Set.copyOf(as(data.repA.key()).get(SUBMISSIONS).then().extract().jsonPath()
                .getList("data.note")));
    }

    @Test
    void keysWithoutAForecastAndBadPeriodsWriteNothing() {
        String readOnly = as(ws.adminKey()).body(Map.of("name", "reader", "userId", ws.adminId().toString(),
                "role", "read-only")).post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        String integration = as(ws.adminKey()).body(Map.of("name", "sync", "userId", ws.adminId().toString(),
                "role", "integration")).post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        for (String key : List.of(readOnly, integration)) {
            as(key).body(Map.of("periodId", "2026-Q4")).post(SUBMISSIONS).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        as(data.repA.key()).body(Map.of("periodId", "2026-Q9")).post(SUBMISSIONS).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("periodId"));
        as(data.repA.key()).body(Map.of("note", "no period")).post(SUBMISSIONS).then().statusCode(422)
                .body("errors[0].field", equalTo("periodId"));
        as(data.repA.key()).body(Map.of("periodId", "2026-Q4", "note", "x".repeat(2001))).post(SUBMISSIONS).then()
                .statusCode(422).body("errors[0].field", equalTo("note"));
        JsonPath gql = GraphQLClient.ok(data.repA.key(), "mutation { submitForecast(input: {periodId: \"soon\"}) "
                + "{ submission { id } userErrors { field } } }", null);
        assertEquals(List.of("periodId"), gql.getList("data.submitForecast.userErrors.field"));
        assertEquals(0, data.count("forecast_submissions"));
        as(readOnly).get(SUBMISSIONS + "/" + UUID.randomUUID()).then().statusCode(404);

        // a key narrowed to forecast:read reads submissions and trends, but cannot submit
        String scoped = as(ws.adminKey()).body(Map.of("name", "reader", "userId", data.repA.id().toString(),
                "scopes", List.of("forecast:read"))).post("/api/v1/api-keys").then().statusCode(201)
                .extract().path("key");
        as(scoped).get(SUBMISSIONS).then().statusCode(200);
        as(scoped).get("/api/v1/forecasts/trend?period=2026-Q4").then().statusCode(200);
        as(scoped).body(Map.of("periodId", "2026-Q4")).post(SUBMISSIONS).then().statusCode(403);
        assertEquals(0, data.count("forecast_submissions"));
    }
}
