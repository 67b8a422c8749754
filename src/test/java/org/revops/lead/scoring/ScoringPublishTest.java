package org.revops.lead.scoring;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Jobs;
import org.revops.support.TestCheckpoint;
import org.revops.support.TestClock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revops.lead.scoring.ScoringFixtures.FIT;
import static org.revops.lead.scoring.ScoringFixtures.GRADES;
import static org.revops.lead.scoring.ScoringFixtures.LEADS;
import static org.revops.lead.scoring.ScoringFixtures.MODELS;
import static org.revops.lead.scoring.ScoringFixtures.lead;
import static org.revops.lead.scoring.ScoringFixtures.model;

/**
 * Draft → publish → job → every open lead re-scored with history rows, the previous model retired; a second version
 * writes history only where a score or grade changed; a failed publish changes nothing. Seven leads, chunks of three
 * (test profile): three id ranges.
 */
@QuarkusTest
class ScoringPublishTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private final Map<String, String> leads = new LinkedHashMap<>();

    @BeforeEach
    void setUp() {
        TestClock.set("2026-11-23T12:00:00Z");
        ws = newWorkspace("Scoring publish");
        String key = ws.adminKey();
        // FIT: industry 30 (Retail 10), employees >= 200: 20, authority 30, engaged within 14 days 20; W = 100
        leads.put("hot", lead(key, Map.of("industry", "Software", "employeeCount", 500,
                "authority", "economic-buyer", "lastEngagedAt", "2026-11-20T09:00:00Z")));                    // 100 A
        leads.put("retail", lead(key, Map.of("industry", "retail", "employeeCount", 50,
                "authority", "decision-maker", "lastEngagedAt", "2026-10-01T00:00:00Z")));                   // 40 C
        leads.put("cold", lead(key, Map.of()));                                                               // 0 D
        leads.put("edge", lead(key, Map.of("industry", "FINTECH", "employeeCount", 200,
                "lastEngagedAt", "2026-11-09T12:00:00Z")));                                                  // 70 B
        leads.put("mid", lead(key, Map.of("industry", "Software", "employeeCount", 1000, "authority", "user"))); // 50 B
        leads.put("disqualified", lead(key, Map.of("industry", "Software", "status", "disqualified",
                "disqualifiedReason", "Student")));
        leads.put("converted", lead(key, Map.of("industry", "Software")));
        sql("UPDATE leads SET status = 'converted', converted_at = now() WHERE workspace_id = $1 AND id = $2",
                ws.id(), UUID.fromString(leads.get("converted")));
    }

    @AfterEach
    void tearDown() {
        TestCheckpoint.reset();
        TestClock.reset();
    }

    private io.vertx.mutiny.sqlclient.RowSet<Row> sql(String sql, Object... params) {
        return db.query(sql, Tuple.from(params)).await().atMost(Duration.ofSeconds(10));
    }

    private JsonPath read(String name) {
        return as(ws.adminKey()).get(LEADS + "/" + leads.get(name)).then().statusCode(200).extract().jsonPath();
    }

    private List<Object> scoreAndGrade(String name) {
        JsonPath lead = read(name);
        List<Object> values = new ArrayList<>();
        values.add(lead.get("score"));
        values.add(lead.get("grade"));
        return values;
    }

    /** Every lead's score columns and the history rows, as text: what a failed publish must leave alone. */
    private List<String> scoringState() {
        List<String> state = new ArrayList<>();
        sql("SELECT id, score, grade, score_reasons::text AS r, scoring_model_id, scored_at FROM leads"
                + " WHERE workspace_id = $1 ORDER BY id", ws.id()).forEach(row -> state.add(row.toJson().encode()));
        sql("SELECT count(*) AS n FROM lead_scores WHERE workspace_id = $1", ws.id())
                .forEach(row -> state.add("history " + row.getLong("n")));
        sql("SELECT id, state, number FROM scoring_models WHERE workspace_id = $1 ORDER BY id", ws.id())
                .forEach(row -> state.add(row.toJson().encode()));
        return state;
    }

    private List<Map<String, Object>> history(String name) {
        return as(ws.adminKey()).get(LEADS + "/" + leads.get(name) + "/scores").then().statusCode(200).extract()
                .jsonPath().getList("data");
    }

    @Test
    void publishingScoresEveryOpenLeadWritesHistoryAndRetiresThePreviousVersion() {
        String v1 = ScoringFixtures.draft(ws.adminKey(), model("Fit", FIT, GRADES));
        assertNull(read("hot").get("score"), "no model published yet: leads are unscored");

        JsonPath job = ScoringFixtures.publish(ws.adminKey(), v1);
        assertEquals(v1, job.getString("subjectId"));
        assertEquals(Map.of("publishedModelId", v1, "number", 1, "leads", 5, "changed", 5,
                "grades", Map.of("A", 1, "B", 2, "C", 1, "D", 1)), withoutNull(job.getMap("result")));
        assertNull(job.get("result.retiredModelId"));
        assertEquals(5, job.getInt("counts.leads"));
        as(ws.adminKey()).get(MODELS + "/" + v1).then().body("state", equalTo("published")).body("number", equalTo(1))
                .body("publishedBy", equalTo(ws.adminId().toString()))
                .body("publishedAt", equalTo("2026-11-23T12:00:00Z"));

        assertEquals(List.of(100, "A"), scoreAndGrade("hot"));
        assertEquals(List.of(40, "C"), scoreAndGrade("retail"));
        assertEquals(List.of(0, "D"), scoreAndGrade("cold"));
        assertEquals(List.of(70, "B"), scoreAndGrade("edge"), "both bounds are inclusive");
        assertEquals(List.of(50, "B"), scoreAndGrade("mid"));
        assertEquals(java.util.Arrays.asList(null, null), scoreAndGrade("disqualified"));
        assertEquals(java.util.Arrays.asList(null, null), scoreAndGrade("converted"));
        JsonPath hot = read("hot");
        assertEquals(v1, hot.getString("scoringModelId"));
        assertEquals("2026-11-23T12:00:00Z", hot.getString("scoredAt"));
        assertEquals(List.of("Target industry", "employeeCount at least 200",
                "authority is one of decision-maker, economic-buyer", "lastEngagedAt within 14 days"),
                hot.getList("scoreReasons.label"));
        assertEquals(List.of(0, 2, 3, 4), hot.getList("scoreReasons.criterion"));
        assertEquals(List.of(30.0f, 20.0f, 30.0f, 20.0f), hot.getList("scoreReasons.points"));
        assertEquals(List.of(10), read("retail").getList("scoreReasons.weight").subList(0, 1));
        assertEquals(List.of(), read("cold").getList("scoreReasons"));

        List<Map<String, Object>> hotHistory = history("hot");
        assertEquals(1, hotHistory.size());
        assertEquals(Map.of("cause", "publish", "modelId", v1, "modelVersion", 1, "score", 100, "grade", "A",
                "jobId", job.getString("id")), pick(hotHistory.get(0), "cause", "modelId", "modelVersion", "score",
                "grade", "jobId"));
        assertNull(hotHistory.get(0).get("previousScore"));
        assertEquals(4, ((List<?>) hotHistory.get(0).get("reasons")).size());
        assertEquals(List.of(), history("disqualified"));

        // v2: Retail no longer counts and A starts at 70: only "retail" (40 → 30) and "edge" (B → A) change
        String v2 = as(ws.adminKey()).post(MODELS + "/" + v1 + "/clone").then().statusCode(201).extract().path("id");
        List<Map<String, Object>> withoutRetail = new ArrayList<>(FIT);
        withoutRetail.remove(1);
        as(ws.adminKey()).body(Map.of("criteria", withoutRetail, "thresholds", Map.of("A", 70)))
                .patch(MODELS + "/" + v2).then().statusCode(200);
        JsonPath second = ScoringFixtures.publish(ws.adminKey(), v2);
        assertEquals(Map.of("publishedModelId", v2, "number", 2, "retiredModelId", v1, "leads", 5, "changed", 2,
                "grades", Map.of("A", 2, "B", 1, "C", 1, "D", 1)), second.getMap("result"));
        as(ws.adminKey()).get(MODELS + "/" + v1).then().body("state", equalTo("retired"))
                .body("retiredAt", equalTo("2026-11-23T12:00:00Z")).body("number", equalTo(1));
        as(ws.adminKey()).get(MODELS + "/" + v2).then().body("state", equalTo("published")).body("number", equalTo(2));
        assertEquals(List.of(30, "C"), scoreAndGrade("retail"));
        assertEquals(List.of(70, "A"), scoreAndGrade("edge"));
        assertEquals(v2, read("hot").getString("scoringModelId"), "unchanged leads carry the new model too");
        assertEquals(1, history("hot").size(), "no history row without a change");
        List<Map<String, Object>> edge = history("edge");
        // both publications ran at the same (fixed) instant, so their order in the list is the id tie-break
        assertEquals(java.util.Set.of(1, 2), new java.util.HashSet<>(edge.stream().map(h -> h.get("modelVersion")).toList()));
        assertEquals(Map.of("score", 70, "grade", "A", "previousScore", 70, "previousGrade", "B"),
                pick(edge.stream().filter(h -> Integer.valueOf(2).equals(h.get("modelVersion"))).findFirst()
                        .orElseThrow(), "score", "grade", "previousScore", "previousGrade"));
        assertEquals(1, sql("SELECT count(*) AS n FROM scoring_models WHERE workspace_id = $1 AND state = 'published'",
                ws.id()).iterator().next().getLong("n"));
    }

    @Test
    void aFailedPublishLeavesThePreviousModelPublishedAndEveryScoreAsItWas() {
        String v1 = ScoringFixtures.published(ws.adminKey(), model("Fit", FIT, GRADES));
        String v2 = ScoringFixtures.draft(ws.adminKey(), model("Email only", List.of(
                Map.of("field", "email", "operator", "present", "weight", 1)), null));
        List<String> before = scoringState();

        // after every lead was re-scored, just before the switch
        TestCheckpoint.failAt("scoring.publish", "switch");
        JsonPath failed = Jobs.start(ws.adminKey(), MODELS + "/" + v2 + "/publish");
        assertEquals("failed", failed.getString("state"), failed.prettify());
        assertTrue(failed.getString("errors[0].message").contains("Nothing was changed"), failed.prettify());
        assertEquals(before, scoringState());
        as(ws.adminKey()).get(MODELS + "/" + v1).then().body("state", equalTo("published"));
        as(ws.adminKey()).get(MODELS + "/" + v2).then().body("state", equalTo("draft")).body("number", nullValue());

        // halfway: the first of three chunks was reported, then the job failed
        TestCheckpoint.failAt("scoring.publish", "chunk 2");
        JsonPath halfway = Jobs.start(ws.adminKey(), MODELS + "/" + v2 + "/publish");
        assertEquals("failed", halfway.getString("state"));
        assertEquals(95 / 3, halfway.getInt("percent"), halfway.prettify());
        assertEquals(before, scoringState());

        // the lock is free again and the draft is still a draft: the next attempt goes through
        JsonPath ok = ScoringFixtures.publish(ws.adminKey(), v2);
        assertEquals(2, ok.getInt("result.number"), "failed attempts use no version number");
        assertEquals(List.of(0, "D"), scoreAndGrade("hot"));
    }

    @Test
    void onePublishAtATimeAndOnlyDrafts() {
        String draft = ScoringFixtures.draft(ws.adminKey(), model("Fit", FIT, GRADES));
        // another publish of this workspace is running
        UUID running = UUID.randomUUID();
        sql("""
                INSERT INTO jobs (workspace_id, id, kind, lock_key, state, created_by, created_at, heartbeat_at)
                VALUES ($1, $2, 'scoring.publish', 'scoring-models', 'running', $3, now(), now())""",
                ws.id(), running, ws.adminId());
        List<String> before = scoringState();
        as(ws.adminKey()).post(MODELS + "/" + draft + "/publish").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(before, scoringState());
        sql("UPDATE jobs SET state = 'failed' WHERE workspace_id = $1 AND id = $2", ws.id(), running);

        ScoringFixtures.publish(ws.adminKey(), draft);
        as(ws.adminKey()).post(MODELS + "/" + draft + "/publish").then().statusCode(409);
        as(ws.adminKey()).post(MODELS + "/" + UUID.randomUUID() + "/publish").then().statusCode(404);
    }

    private static Map<String, Object> pick(Map<String, Object> map, String... keys) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String key : keys) {
            picked.put(key, map.get(key));
        }
        return picked;
    }

    private static Map<String, Object> withoutNull(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
