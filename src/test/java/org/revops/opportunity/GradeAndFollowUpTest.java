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

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Grades and follow-up dates under the default policy: A from 50000 and 60 %, B from 10000 and 25 %, matrix
 * [[A, A, B], [A, B, C], [B, C, C]] (rows: value high/medium/low, columns: intent high/medium/low), cadence A 1 day,
 * B 7 days, C 30 days. The clock stands at Monday 2026-03-02 09:00 UTC.
 */
@QuarkusTest
class GradeAndFollowUpTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private String qualify;
    private String discovery;
    private String proposal;
    private String acme;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Grades");
        JsonPath pipeline = LifecycleFixtures.pipeline(ws.adminKey(), "New business");
        qualify = pipeline.getString("stages[0].id");
        discovery = pipeline.getString("stages[1].id");
        proposal = pipeline.getString("stages[2].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private void assertGrade(String deal, String grade, String computed, String source, String nextFollowUpAt) {
        JsonPath read = LifecycleFixtures.read(ws.adminKey(), deal);
        assertEquals(grade, read.getString("grade"), "grade");
        assertEquals(computed, read.getString("computedGrade"), "computedGrade");
        assertEquals(source, read.getString("gradeSource"), "gradeSource");
        assertEquals(nextFollowUpAt, read.getString("nextFollowUpAt"), "nextFollowUpAt");
    }

    @Test
    void theMatrixCellOfValueAndIntentIsTheGradeAndItsCadenceTheNextFollowUp() {
        // value high (60000 >= 50000), intent medium (25 <= 40 < 60): row 0, column 1 -> A, 1 day
        String highMedium = LifecycleFixtures.deal(ws.adminKey(), "High value, medium intent", acme, discovery, 60000);
        // value medium (10000 <= 20000 < 50000), intent low (10 < 25): row 1, column 2 -> C, 30 days
        String mediumLow = LifecycleFixtures.deal(ws.adminKey(), "Medium value, low intent", acme, qualify, 20000);
        // value medium, intent medium: row 1, column 1 -> B, 7 days
        String mediumMedium = LifecycleFixtures.deal(ws.adminKey(), "Medium, medium", acme, discovery, 20000);
        // value low (9999.99 < 10000), intent high (60 >= 60): row 2, column 0 -> B
        String lowHigh = LifecycleFixtures.deal(ws.adminKey(), "Low value, high intent", acme, proposal, 9999.99);
        // thresholds are inclusive: exactly 50000 and exactly 60 % -> row 0, column 0 -> A
        String boundary = LifecycleFixtures.deal(ws.adminKey(), "On the thresholds", acme, proposal, 50000);
        // an overridden probability is the intent: 20000 at 70 % -> row 1, column 0 -> A
        String overridden = LifecycleFixtures.deal(ws.adminKey(), "Override", acme, qualify, 20000,
                Map.of("probability", 70));
        // just under both B thresholds: 9999.99 at 24.99 % -> row 2, column 2 -> C
        String lowLow = LifecycleFixtures.deal(ws.adminKey(), "Low, low", acme, qualify, 9999.99,
                Map.of("probability", 24.99));

        assertGrade(highMedium, "A", "A", "computed", "2026-03-03T09:00:00Z");
        assertGrade(mediumLow, "C", "C", "computed", "2026-04-01T09:00:00Z");
        assertGrade(mediumMedium, "B", "B", "computed", "2026-03-09T09:00:00Z");
        assertGrade(lowHigh, "B", "B", "computed", "2026-03-09T09:00:00Z");
        assertGrade(boundary, "A", "A", "computed", "2026-03-03T09:00:00Z");
        assertGrade(overridden, "A", "A", "computed", "2026-03-03T09:00:00Z");
        assertGrade(lowLow, "C", "C", "computed", "2026-04-01T09:00:00Z");

        assertEquals(Set.of(highMedium, boundary, overridden), ids("grade=A"));
        assertEquals(Set.of(mediumMedium, lowHigh), ids("grade=B"));
        assertEquals(Set.of(mediumMedium, lowHigh, mediumLow, lowLow), ids("grade=B&grade=C"));
    }

    private Set<String> ids(String query) {
        return new HashSet<>(as(ws.adminKey()).get("/api/v1/opportunities?" + query).then().statusCode(200)
                .extract().jsonPath().getList("data.id"));
    }

    @Test
    void aPersonsGradeWinsIsMarkedManualAndNullGivesTheComputedGradeBack() {
        String deal = LifecycleFixtures.deal(ws.adminKey(), "Hunch", acme, qualify, 20000, Map.of("grade", "B"));
        assertGrade(deal, "B", "C", "manual", "2026-03-09T09:00:00Z");
        assertEquals(Set.of(deal), ids("grade=B"));

        as(ws.adminKey()).body(Map.of("grade", "A")).patch("/api/v1/opportunities/" + deal).then().statusCode(200)
                .body("grade", equalTo("A")).body("gradeSource", equalTo("manual"))
                .body("nextFollowUpAt", equalTo("2026-03-03T09:00:00Z"));
        // moving the deal changes the computed grade, not the person's
        as(ws.adminKey()).body(Map.of("stageId", discovery)).patch("/api/v1/opportunities/" + deal).then()
                .statusCode(200).body("grade", equalTo("A")).body("computedGrade", equalTo("B"));

        as(ws.adminKey()).body("{\"grade\":null}").patch("/api/v1/opportunities/" + deal).then().statusCode(200)
                .body("grade", equalTo("B")).body("gradeSource", equalTo("computed"))
                .body("nextFollowUpAt", equalTo("2026-03-09T09:00:00Z"));
    }

    @Test
    void anUnknownGradeIsRefusedAndChangesNothing() {
        String deal = LifecycleFixtures.deal(ws.adminKey(), "Graded", acme, qualify, 20000);
        as(ws.adminKey()).body(Map.of("grade", "D")).patch("/api/v1/opportunities/" + deal).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("grade"));
        as(ws.adminKey()).body(Map.of("grade", "a")).patch("/api/v1/opportunities/" + deal).then().statusCode(422);
        as(ws.adminKey()).body(Map.of("name", "New", "accountId", acme, "stageId", qualify, "amount", 1,
                        "closeDate", "2026-12-31", "grade", "AA")).post("/api/v1/opportunities").then().statusCode(422)
                .body("errors.field", hasItem("grade"));
        JsonPath read = LifecycleFixtures.read(ws.adminKey(), deal);
        assertEquals(0, read.getInt("version"));
        assertEquals("computed", read.getString("gradeSource"));
        assertEquals(1, as(ws.adminKey()).get("/api/v1/opportunities").then().extract().jsonPath()
                .getList("data").size());
    }

    @Test
    void theNextFollowUpCountsFromTheLastActivityAndOnlyOpenDealsHaveOne() {
        String a = LifecycleFixtures.deal(ws.adminKey(), "A deal", acme, discovery, 60000);
        String c = LifecycleFixtures.deal(ws.adminKey(), "C deal", acme, qualify, 20000);
        TestClock.set("2026-03-10T15:30:00Z");
        LifecycleFixtures.lastActivity(db, ws.id(), a, "2026-03-10T14:00:00Z");
        LifecycleFixtures.lastActivity(db, ws.id(), c, "2026-03-09T08:00:00Z");
        JsonPath readA = LifecycleFixtures.read(ws.adminKey(), a);
        assertEquals("2026-03-10T14:00:00Z", readA.getString("lastActivityAt"));
        assertEquals("2026-03-11T14:00:00Z", readA.getString("nextFollowUpAt"));
        assertEquals("2026-04-08T08:00:00Z", LifecycleFixtures.read(ws.adminKey(), c).getString("nextFollowUpAt"));

        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + a + "/close").then()
                .statusCode(200).body("status", equalTo("won")).body("nextFollowUpAt", org.hamcrest.Matchers.nullValue())
                .body("grade", equalTo("A"));
        assertNull(LifecycleFixtures.read(ws.adminKey(), a).get("nextFollowUpAt"));
        // reopened, it is followed up again from its last activity
        as(ws.adminKey()).body(Map.of("stageId", discovery)).post("/api/v1/opportunities/" + a + "/reopen").then()
                .statusCode(200).body("nextFollowUpAt", equalTo("2026-03-11T14:00:00Z"));
    }

    @Test
    void gradesAndFollowUpsReadTheSameInListsAndSingleReads() {
        String a = LifecycleFixtures.deal(ws.adminKey(), "Listed", acme, discovery, 60000, Map.of("grade", "C"));
        JsonPath list = as(ws.adminKey()).get("/api/v1/opportunities?id=" + a).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("C"), list.getList("data.grade"));
        assertEquals(List.of("A"), list.getList("data.computedGrade"));
        assertEquals(List.of("manual"), list.getList("data.gradeSource"));
        assertEquals(List.of("2026-04-01T09:00:00Z"), list.getList("data.nextFollowUpAt"));
    }
}
