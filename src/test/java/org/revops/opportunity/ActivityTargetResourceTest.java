package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Listing;
import org.revops.support.TestClock;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ActivityTargetResourceTest extends ApiTest {
    private static final String TARGETS = "/api/v1/activity-targets";

    private Workspace ws;
    private Member manager;
    private Member rep;
    private Member colleague;
    private Member outsider;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Targets");
        manager = newMember(ws, "Mona Manager", "manager", null);
        rep = newMember(ws, "Ray Rep", "rep", manager.id());
        colleague = newMember(ws, "Cleo Colleague", "rep", manager.id());
        outsider = newMember(ws, "Otto Outsider", "rep", null);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static Map<String, Object> target(UUID userId, String period, String metric, Object target) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", userId == null ? null : userId.toString());
        body.put("period", period);
        body.put("metric", metric);
        body.put("target", target);
        return body;
    }

    static String create(String key, Map<String, Object> body) {
        return as(key).body(body).post(TARGETS).then().statusCode(201).extract().path("id");
    }

    private int count() {
        return Listing.ids(ws.adminKey(), TARGETS, "").size();
    }

    @Test
    void createReadUpdateDelete() {
        String location = as(ws.adminKey()).body(target(rep.id(), "week", "visit", 5)).post(TARGETS).then()
                .statusCode(201).header("ETag", "\"0\"")
                .body("userId", equalTo(rep.id().toString()))
                .body("period", equalTo("week"))
                .body("metric", equalTo("visit"))
                .body("target", equalTo(5))
                .body("createdAt", equalTo("2026-03-02T09:00:00Z"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).get(location).then().statusCode(200)
                .header("ETag", "\"0\"").body("id", equalTo(id));

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("target", 6)).patch(TARGETS + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("target", equalTo(6)).body("metric", equalTo("visit"));
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("target", 7)).patch(TARGETS + "/" + id).then()
                .statusCode(412).body("type", endsWith("/stale-version"));
        as(ws.adminKey()).header("If-Match", "\"0\"").delete(TARGETS + "/" + id).then().statusCode(412);
        as(ws.adminKey()).header("If-Match", "\"1\"").delete(TARGETS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(TARGETS + "/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void oneTargetPerUserPeriodAndMetric() {
        String weekly = create(ws.adminKey(), target(rep.id(), "week", "visit", 5));
        as(ws.adminKey()).body(target(rep.id(), "week", "visit", 9)).post(TARGETS).then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(weekly));
        // the same metric per month, or for someone else, is another target
        String monthly = create(ws.adminKey(), target(rep.id(), "month", "visit", 20));
        create(ws.adminKey(), target(colleague.id(), "week", "visit", 4));
        as(ws.adminKey()).body(Map.of("period", "week")).patch(TARGETS + "/" + monthly).then().statusCode(409);
        as(ws.adminKey()).get(TARGETS + "/" + monthly).then().body("period", equalTo("month"))
                .body("version", equalTo(0));
        as(ws.adminKey()).get(TARGETS + "/" + weekly).then().body("target", equalTo(5));
        assertEquals(3, count());
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        expectProblem(target(rep.id(), "week", "visit", -1), 422, "target");
        expectProblem(target(rep.id(), "week", "visit", 100001), 422, "target");
        expectProblem(target(rep.id(), "week", "visit", null), 422, "target");
        expectProblem(target(rep.id(), "week", "visit", "five"), 400, "target");
        expectProblem(target(rep.id(), "year", "visit", 5), 422, "period");
        expectProblem(target(rep.id(), "week", "lunch", 5), 422, "metric");
        expectProblem(target(null, "week", "visit", 5), 422, "userId");
        expectProblem(target(UUID.randomUUID(), "week", "visit", 5), 422, "userId");
        Map<String, Object> unknown = target(rep.id(), "week", "visit", 5);
        unknown.put("colour", "red");
        expectProblem(unknown, 400, "colour");
        Workspace other = newWorkspace("Targets elsewhere");
        expectProblem(target(other.adminId(), "week", "visit", 5), 422, "userId");
        Listing.assertRejectsBadParameters(ws.adminKey(), TARGETS);
        assertEquals(0, count());

        String id = create(ws.adminKey(), target(rep.id(), "week", "visit", 5));
        as(ws.adminKey()).body(Map.of("target", -3)).patch(TARGETS + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("target"));
        as(ws.adminKey()).body(Map.of("metric", "nap")).patch(TARGETS + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("metric"));
        as(ws.adminKey()).body(Map.of("userId", UUID.randomUUID().toString())).patch(TARGETS + "/" + id).then()
                .statusCode(422).body("errors[0].field", equalTo("userId"));
        as(ws.adminKey()).get(TARGETS + "/" + id).then().body("target", equalTo(5)).body("version", equalTo(0));
    }

    private void expectProblem(Map<String, Object> body, int status, String field) {
        as(ws.adminKey()).body(body).post(TARGETS).then()
                .statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("errors.field", hasItem(field));
    }

    @Test
    void managersSetTheirSubtreesTargetsAndRepsOnlyReadTheirOwn() {
        String repVisits = create(manager.key(), target(rep.id(), "week", "visit", 5));
        String colleagueCalls = create(manager.key(), target(colleague.id(), "week", "call", 20));
        String managerOwn = create(manager.key(), target(manager.id(), "month", "signing", 3));
        String outsiderVisits = create(ws.adminKey(), target(outsider.id(), "week", "visit", 2));
        as(manager.key()).body(target(outsider.id(), "week", "call", 1)).post(TARGETS).then().statusCode(422)
                .body("errors[0].field", equalTo("userId"));
        as(manager.key()).get(TARGETS + "/" + outsiderVisits).then().statusCode(404);
        as(manager.key()).body(Map.of("target", 9)).patch(TARGETS + "/" + outsiderVisits).then().statusCode(404);
        as(manager.key()).delete(TARGETS + "/" + outsiderVisits).then().statusCode(404);
        as(manager.key()).body(Map.of("userId", outsider.id().toString())).patch(TARGETS + "/" + repVisits).then()
                .statusCode(422).body("errors[0].field", equalTo("userId"));
        as(manager.key()).body(Map.of("target", 6)).patch(TARGETS + "/" + repVisits).then().statusCode(200)
                .body("target", equalTo(6));
        as(manager.key()).get(TARGETS).then().body("data.id",
                containsInAnyOrder(repVisits, colleagueCalls, managerOwn));

        as(rep.key()).get(TARGETS).then().statusCode(200).body("data.id", contains(repVisits));
        as(rep.key()).get(TARGETS + "/" + repVisits).then().statusCode(200).body("target", equalTo(6));
        as(rep.key()).get(TARGETS + "/" + colleagueCalls).then().statusCode(404);
        as(rep.key()).body(target(rep.id(), "week", "call", 50)).post(TARGETS).then().statusCode(403)
                .contentType("application/problem+json");
        as(rep.key()).body(Map.of("target", 1)).patch(TARGETS + "/" + repVisits).then().statusCode(403);
        as(rep.key()).delete(TARGETS + "/" + repVisits).then().statusCode(403);

        Member integration = newMember(ws, "Ivy Integration", "integration", null);
        Member auditor = newMember(ws, "Audrey Auditor", "read-only", null);
        for (Member reader : List.of(integration, auditor)) {
            as(reader.key()).get(TARGETS).then().statusCode(200).body("data.id",
                    containsInAnyOrder(repVisits, colleagueCalls, managerOwn, outsiderVisits));
            as(reader.key()).body(target(rep.id(), "week", "call", 50)).post(TARGETS).then().statusCode(403);
            as(reader.key()).body(Map.of("target", 1)).patch(TARGETS + "/" + repVisits).then().statusCode(403);
            as(reader.key()).delete(TARGETS + "/" + repVisits).then().statusCode(403);
        }
        as(manager.key()).delete(TARGETS + "/" + colleagueCalls).then().statusCode(204);
        as(ws.adminKey()).get(TARGETS + "/" + repVisits).then().body("target", equalTo(6));
        assertEquals(3, count());

        Workspace other = newWorkspace("Targets elsewhere");
        as(other.adminKey()).get(TARGETS + "/" + repVisits).then().statusCode(404);
        as(other.adminKey()).body(Map.of("target", 1)).patch(TARGETS + "/" + repVisits).then().statusCode(404);
        as(other.adminKey()).delete(TARGETS + "/" + repVisits).then().statusCode(404);
        as(other.adminKey()).get(TARGETS).then().body("data.size()", equalTo(0));
    }

    @Test
    void everyFilterNarrowsTheListAndTheListIsOrderedByCreation() {
        String a = create(ws.adminKey(), target(rep.id(), "week", "visit", 5));
        TestClock.set("2026-03-02T09:00:01Z");
        String b = create(ws.adminKey(), target(rep.id(), "month", "signing", 2));
        TestClock.set("2026-03-02T09:00:02Z");
        String c = create(ws.adminKey(), target(colleague.id(), "week", "proposal", 2));
        Map<String, List<String>> expectations = new LinkedHashMap<>();
        expectations.put("userId=" + rep.id(), List.of(a, b));
        expectations.put("userId=" + rep.id() + "&userId=" + colleague.id(), List.of(a, b, c));
        expectations.put("period=week", List.of(a, c));
        expectations.put("period=month", List.of(b));
        expectations.put("metric=signing&metric=proposal", List.of(b, c));
        expectations.put("userId=" + colleague.id() + "&period=month", List.of());
        expectations.put("id=" + c, List.of(c));
        Listing.assertFilters(ws.adminKey(), TARGETS, expectations);
        as(ws.adminKey()).get(TARGETS).then().body("data.id", contains(a, b, c));
        Listing.assertOrder(ws.adminKey(), TARGETS, "-createdAt", c, b, a);
        assertEquals(List.of(a, b, c), Listing.walk(ws.adminKey(), TARGETS, "createdAt", 2, 2));
    }
}
