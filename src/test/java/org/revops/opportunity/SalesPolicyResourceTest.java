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

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class SalesPolicyResourceTest extends ApiTest {
    private static final String POLICY = "/api/v1/sales-policy";
    private static final List<List<String>> DEFAULT_MATRIX = List.of(List.of("A", "A", "B"), List.of("A", "B", "C"),
            List.of("B", "C", "C"));

    private Workspace ws;
    private String qualify;
    private String discovery;
    private String acme;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Policy");
        JsonPath pipeline = LifecycleFixtures.pipeline(ws.adminKey(), "New business");
        qualify = pipeline.getString("stages[0].id");
        discovery = pipeline.getString("stages[1].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private JsonPath policy() {
        return as(ws.adminKey()).get(POLICY).then().statusCode(200).extract().jsonPath();
    }

    private io.restassured.response.ValidatableResponse patch(String key, String ifMatch, Object body) {
        var request = as(key).contentType("application/merge-patch+json").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch(POLICY).then();
    }

    @Test
    void aNewWorkspaceStartsWithTheDefaultPolicy() {
        as(ws.adminKey()).get(POLICY).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("gradeAAmount", equalTo(50000.0f))
                .body("gradeBAmount", equalTo(10000.0f))
                .body("gradeAProbability", equalTo(60.0f))
                .body("gradeBProbability", equalTo(25.0f))
                .body("gradeMatrix", equalTo(DEFAULT_MATRIX))
                .body("cadenceDays", equalTo(Map.of("A", 1, "B", 7, "C", 30)))
                .body("inactivityStallDays", equalTo(30))
                .body("version", equalTo(0));
    }

    @Test
    void aPatchMergesFieldByFieldAndTakesEffectOnEveryDealAtOnce() {
        // 60000 at 40 %: value high (>= 50000), intent medium (>= 25, < 60) -> matrix[0][1] = A
        String deal = LifecycleFixtures.deal(ws.adminKey(), "Big", acme, discovery, 60000);
        JsonPath before = LifecycleFixtures.read(ws.adminKey(), deal);
        assertEquals("A", before.getString("grade"));
        assertEquals("2026-03-03T09:00:00Z", before.getString("nextFollowUpAt"));

        TestClock.set("2026-03-05T12:00:00Z");
        patch(ws.adminKey(), "\"0\"", Map.of("gradeAAmount", 70000, "cadenceDays", Map.of("B", 5)))
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("gradeAAmount", equalTo(70000.0f))
                .body("gradeBAmount", equalTo(10000.0f))
                .body("cadenceDays", equalTo(Map.of("A", 1, "B", 5, "C", 30)))
                .body("gradeMatrix", equalTo(DEFAULT_MATRIX))
                .body("inactivityStallDays", equalTo(30))
                .body("updatedAt", equalTo("2026-03-05T12:00:00Z"));

        // now value medium (< 70000, >= 10000), intent medium -> matrix[1][1] = B; follow up 5 days after creation
        JsonPath after = LifecycleFixtures.read(ws.adminKey(), deal);
        assertEquals("B", after.getString("grade"));
        assertEquals("B", after.getString("computedGrade"));
        assertEquals("computed", after.getString("gradeSource"));
        assertEquals("2026-03-07T09:00:00Z", after.getString("nextFollowUpAt"));
        assertEquals(0, after.getInt("version"), "the deal itself was not written");
        as(ws.adminKey()).get("/api/v1/opportunities?grade=A").then().body("data", org.hamcrest.Matchers.hasSize(0));
        as(ws.adminKey()).get("/api/v1/opportunities?grade=B").then().body("data.id", org.hamcrest.Matchers.contains(deal));

        // the whole matrix is replaced; every cell C makes every deal C (30 days)
        patch(ws.adminKey(), "\"1\"", Map.of("gradeMatrix", List.of(List.of("C", "C", "C"), List.of("C", "C", "C"),
                List.of("C", "C", "C")))).statusCode(200).header("ETag", "\"2\"");
        JsonPath allC = LifecycleFixtures.read(ws.adminKey(), deal);
        assertEquals("C", allC.getString("grade"));
        assertEquals("2026-04-01T09:00:00Z", allC.getString("nextFollowUpAt"));
    }

    @Test
    void nullTurnsTheInactivityRuleOff() {
        String deal = LifecycleFixtures.deal(ws.adminKey(), "Quiet", acme, discovery, 20000);
        TestClock.set("2026-04-02T09:00:00Z"); // 31 days without activity
        assertEquals(List.of("inactivity"), LifecycleFixtures.read(ws.adminKey(), deal).getList("stalledReasons"));

        as(ws.adminKey()).contentType("application/merge-patch+json").body("{\"inactivityStallDays\":null}")
                .patch(POLICY).then().statusCode(200).body("inactivityStallDays", nullValue());
        JsonPath read = LifecycleFixtures.read(ws.adminKey(), deal);
        assertEquals(false, read.getBoolean("stalled"));
        assertEquals(List.of(), read.getList("stalledReasons"));

        patch(ws.adminKey(), null, Map.of("inactivityStallDays", 31)).statusCode(200);
        assertEquals(false, LifecycleFixtures.read(ws.adminKey(), deal).getBoolean("stalled"), "31 days is not > 31");
        patch(ws.adminKey(), null, Map.of("inactivityStallDays", 30)).statusCode(200);
        assertEquals(true, LifecycleFixtures.read(ws.adminKey(), deal).getBoolean("stalled"));
    }

    @Test
    void invalidPoliciesAreRefusedWithEveryFieldNamedAndNothingChanges() {
        expect422(Map.of("gradeBAmount", 80000), "gradeBAmount");
        expect422(Map.of("gradeAAmount", 5000), "gradeBAmount"); // A below the unchanged B (10000)
        expect422(Map.of("gradeBProbability", 70), "gradeBProbability");
        expect422(Map.of("gradeMatrix", List.of(List.of("A", "B", "C"), List.of("A", "B"), List.of("A", "B", "C"))),
                "gradeMatrix");
        expect422(Map.of("gradeMatrix", List.of(List.of("A", "B", "C"), List.of("A", "B", "C"))), "gradeMatrix");
        expect422(Map.of("gradeMatrix", List.of(List.of("A", "D", "C"), List.of("A", "B", "C"),
                List.of("A", "B", "a"))), "gradeMatrix[0][1]", "gradeMatrix[2][2]");
        expect422(Map.of("cadenceDays", Map.of("A", 0)), "cadenceDays.A");
        expect422(Map.of("cadenceDays", Map.of("C", 366)), "cadenceDays.C");
        expect422(Map.of("cadenceDays", Map.of("A", 0, "B", 400)), "cadenceDays.A", "cadenceDays.B");
        expect422(Map.of("inactivityStallDays", 0), "inactivityStallDays");
        expect422(Map.of("gradeAAmount", -1), "gradeAAmount");
        expect422(Map.of("gradeAProbability", 101), "gradeAProbability");
        expect422(Map.of("gradeBAmount", 80000, "gradeBProbability", 61, "gradeMatrix",
                List.of(List.of("A", "A", "X"), List.of("A", "B", "C"), List.of("B", "C", "C"))),
                "gradeBAmount", "gradeBProbability", "gradeMatrix[0][2]");
        expectProblem("{\"gradeAAmount\":null}", 422, "gradeAAmount");
        expectProblem("{\"cadenceDays\":null}", 422, "cadenceDays");
        expectProblem("{\"gradeMatrix\":\"AABABCBCC\"}", 400, "gradeMatrix");
        expectProblem("{\"cadenceDays\":{\"D\":3}}", 400, "cadenceDays.D");
        expectProblem("{\"colour\":\"red\"}", 400, "colour");
        expectProblem("{\"gradeAAmount\":\"lots\"}", 400, "gradeAAmount");
        expectProblem("{\"gradeAAmount\": 1", 400, "body");
        as(ws.adminKey()).contentType("application/merge-patch+json").body("[]").patch(POLICY).then().statusCode(400)
                .contentType("application/problem+json");
        as(ws.adminKey()).header("If-Match", "yesterday").body(Map.of("gradeAAmount", 1)).patch(POLICY).then()
                .statusCode(400).body("errors[0].field", equalTo("If-Match"));

        as(ws.adminKey()).get(POLICY).then().statusCode(200).header("ETag", "\"0\"")
                .body("gradeAAmount", equalTo(50000.0f)).body("gradeBAmount", equalTo(10000.0f))
                .body("gradeBProbability", equalTo(25.0f)).body("gradeMatrix", equalTo(DEFAULT_MATRIX))
                .body("cadenceDays", equalTo(Map.of("A", 1, "B", 7, "C", 30))).body("inactivityStallDays", equalTo(30));
    }

    private void expect422(Map<String, Object> body, String... fields) {
        patch(ws.adminKey(), null, body).statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("errors.field", containsInAnyOrder((Object[]) fields));
    }

    private void expectProblem(String body, int status, String field) {
        as(ws.adminKey()).contentType("application/merge-patch+json").body(body).patch(POLICY).then()
                .statusCode(status).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void aStaleVersionIsRefused() {
        patch(ws.adminKey(), "\"0\"", Map.of("cadenceDays", Map.of("A", 2))).statusCode(200);
        patch(ws.adminKey(), "\"0\"", Map.of("cadenceDays", Map.of("A", 3))).statusCode(412)
                .contentType("application/problem+json").body("type", endsWith("/stale-version"));
        as(ws.adminKey()).get(POLICY).then().header("ETag", "\"1\"").body("cadenceDays.A", equalTo(2));
    }

    @Test
    void onlyAnAdminChangesThePolicyAndEveryoneReadsIt() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        Member rep = newMember(ws, "Ray Rep", "rep", manager.id());
        Member auditor = newMember(ws, "Audrey Auditor", "read-only", null);
        Member robot = newMember(ws, "Ida Integration", "integration", null);
        for (Member member : List.of(manager, rep, auditor, robot)) {
            as(member.key()).get(POLICY).then().statusCode(200).body("gradeAAmount", equalTo(50000.0f));
            patch(member.key(), null, Map.of("gradeAAmount", 1)).statusCode(403)
                    .contentType("application/problem+json").body("detail", containsString("admin"));
        }
        as(ws.adminKey()).get(POLICY).then().header("ETag", "\"0\"").body("gradeAAmount", equalTo(50000.0f));
    }

    @Test
    void eachWorkspaceHasItsOwnPolicy() {
        Workspace other = newWorkspace("Other policy");
        patch(other.adminKey(), null, Map.of("gradeAAmount", 99000, "cadenceDays", Map.of("A", 3))).statusCode(200);
        JsonPath mine = policy();
        assertEquals(50000.0f, mine.getFloat("gradeAAmount"));
        assertEquals(1, mine.getInt("cadenceDays.A"));
        assertEquals(0, mine.getInt("version"));
        // and a deal here is graded by this workspace's policy
        String deal = LifecycleFixtures.deal(ws.adminKey(), "Mid", acme, qualify, 60000);
        assertEquals("B", LifecycleFixtures.read(ws.adminKey(), deal).getString("grade")); // high value, low intent
    }
}
