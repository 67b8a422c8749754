package org.revops.lead.scoring;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.CsvPages;
import org.revops.support.Listing;
import org.revops.support.TestClock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revops.lead.scoring.ScoringFixtures.FIT;
import static org.revops.lead.scoring.ScoringFixtures.GRADES;
import static org.revops.lead.scoring.ScoringFixtures.LEADS;
import static org.revops.lead.scoring.ScoringFixtures.lead;
import static org.revops.lead.scoring.ScoringFixtures.model;

/** Score on create and change (inside the write), score on demand, and the history endpoint. */
@QuarkusTest
class LeadScoringTest extends ApiTest {
    private static final Map<String, Object> HOT = Map.of("industry", "Software", "employeeCount", 500,
            "authority", "economic-buyer", "lastEngagedAt", "2026-11-20T09:00:00Z");

    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-11-23T12:00:00Z");
        ws = newWorkspace("Lead scoring");
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
    }

    private long historyRows() {
        return db.query("SELECT count(*) AS n FROM lead_scores WHERE workspace_id = $1", Tuple.of(ws.id()))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong("n");
    }

    private List<Map<String, Object>> history(String key, String leadId) {
        return as(key).get(LEADS + "/" + leadId + "/scores").then().statusCode(200).extract().jsonPath()
                .getList("data");
    }

    private void patch(String leadId, String body) {
        as(ws.adminKey()).contentType("application/merge-patch+json").body(body).patch(LEADS + "/" + leadId)
                .then().statusCode(200);
    }

    @Test
    void leadsAreScoredWhenCreatedAndChangedWithAHistoryRowPerChange() {
        String unscored = lead(ws.adminKey(), HOT);
        as(ws.adminKey()).get(LEADS + "/" + unscored).then().body("score", nullValue())
                .body("scoreReasons", nullValue());
        as(ws.adminKey()).post(LEADS + "/" + unscored + "/score").then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(0, historyRows());

        String model = ScoringFixtures.published(ws.adminKey(), model("Fit", FIT, GRADES));
        TestClock.advance(Duration.ofMinutes(1));
        String id = as(ws.adminKey()).body(Map.of("lastName", "Hot", "industry", "Software", "employeeCount", 500,
                        "authority", "economic-buyer", "lastEngagedAt", "2026-11-20T09:00:00Z"))
                .post(LEADS).then().statusCode(201)
                .body("score", equalTo(100)).body("grade", equalTo("A")).body("scoringModelId", equalTo(model))
                .body("scoredAt", equalTo("2026-11-23T12:01:00Z")).body("scoreReasons.size()", equalTo(4))
                .body("scoreReasons[0].label", equalTo("Target industry")).extract().path("id");
        List<Map<String, Object>> created = history(ws.adminKey(), id);
        assertEquals(1, created.size());
        assertEquals("write", created.get(0).get("cause"));
        assertEquals(null, created.get(0).get("previousScore"));
        assertEquals(null, created.get(0).get("jobId"));

        TestClock.advance(Duration.ofMinutes(1));
        patch(id, "{\"authority\":null}");
        as(ws.adminKey()).get(LEADS + "/" + id).then().body("score", equalTo(70)).body("grade", equalTo("B"));
        TestClock.advance(Duration.ofMinutes(1));
        patch(id, "{\"phone\":\"+49 30 1234\"}");   // a change that does not move the score: no history row
        List<Map<String, Object>> changes = history(ws.adminKey(), id);
        assertEquals(List.of(70, 100), changes.stream().map(h -> h.get("score")).toList(), "newest first");
        assertEquals(List.of(100, "A"), List.of(changes.get(0).get("previousScore"), changes.get(0).get("previousGrade")));

        // twenty days on, the engagement no longer counts: scoring on demand notices
        TestClock.advance(Duration.ofDays(20));
        as(ws.adminKey()).post(LEADS + "/" + id + "/score").then().statusCode(200)
                .body("leadId", equalTo(id)).body("modelId", equalTo(model)).body("modelVersion", equalTo(1))
                .body("score", equalTo(50)).body("grade", equalTo("B")).body("previousScore", equalTo(70))
                .body("changed", equalTo(true)).body("reasons.label", equalTo(List.of("Target industry",
                        "employeeCount at least 200")));
        as(ws.adminKey()).post(LEADS + "/" + id + "/score").then().statusCode(200).body("changed", equalTo(false))
                .body("score", equalTo(50));
        assertEquals(List.of("demand", "write", "write"),
                history(ws.adminKey(), id).stream().map(h -> h.get("cause")).toList());

        // a disqualified lead keeps its last score and is not scored; reopened, it is scored again on the write
        patch(id, "{\"status\":\"disqualified\",\"disqualifiedReason\":\"No budget\",\"employeeCount\":10}");
        as(ws.adminKey()).get(LEADS + "/" + id).then().body("score", equalTo(50));
        long rows = historyRows();
        as(ws.adminKey()).post(LEADS + "/" + id + "/score").then().statusCode(409);
        assertEquals(rows, historyRows());
        patch(id, "{\"status\":\"working\"}");
        as(ws.adminKey()).get(LEADS + "/" + id).then().body("score", equalTo(30)).body("grade", equalTo("C"));
    }

    @Test
    void repsScoreTheirOwnLeadsOnlyAndReadOnlyKeysScoreNothing() {
        ScoringFixtures.published(ws.adminKey(), model("Fit", FIT, GRADES));
        Member manager = newMember(ws, "Mia Manager", "manager", null);
        Member rep = newMember(ws, "Rex Rep", "rep", manager.id());
        Member otherRep = newMember(ws, "Ola Rep", "rep", manager.id());
        Member reader = newMember(ws, "Reader", "read-only", null);
        Member integration = newMember(ws, "Sync", "integration", null);
        String own = lead(rep.key(), HOT);
        String theirs = lead(otherRep.key(), HOT);
        String unowned = lead(ws.adminKey(), HOT);

        as(rep.key()).post(LEADS + "/" + own + "/score").then().statusCode(200).body("score", equalTo(100));
        assertEquals(1, history(rep.key(), own).size());
        long rows = historyRows();
        as(rep.key()).post(LEADS + "/" + theirs + "/score").then().statusCode(404)
                .contentType("application/problem+json");
        as(rep.key()).get(LEADS + "/" + theirs + "/scores").then().statusCode(404);
        as(rep.key()).post(LEADS + "/" + unowned + "/score").then().statusCode(404);
        as(reader.key()).post(LEADS + "/" + own + "/score").then().statusCode(403);
        as(reader.key()).get(LEADS + "/" + own + "/scores").then().statusCode(200).body("data.size()", equalTo(1));
        as(manager.key()).post(LEADS + "/" + unowned + "/score").then().statusCode(200);
        as(manager.key()).post(LEADS + "/" + theirs + "/score").then().statusCode(200);
        as(integration.key()).post(LEADS + "/" + own + "/score").then().statusCode(200);
        assertEquals(rows, historyRows(), "re-scoring unchanged leads writes no history");

        Workspace other = newWorkspace("Other lead scoring");
        as(other.adminKey()).post(LEADS + "/" + own + "/score").then().statusCode(404);
        as(other.adminKey()).get(LEADS + "/" + own + "/scores").then().statusCode(404);
        as(ws.adminKey()).post(LEADS + "/" + UUID.randomUUID() + "/score").then().statusCode(404);
        assertEquals(rows, historyRows());
    }

    @Test
    void theHistoryPagesFiltersAndAnswersCsv() {
        String model = ScoringFixtures.published(ws.adminKey(), model("Fit", FIT, GRADES));
        String id = lead(ws.adminKey(), Map.of("industry", "Software"));
        for (int employees : new int[] {300, 10, 400}) {
            TestClock.advance(Duration.ofMinutes(1));
            patch(id, "{\"employeeCount\":" + employees + "}");
        }
        String path = LEADS + "/" + id + "/scores";
        List<String> all = Listing.walk(ws.adminKey(), path, "-scoredAt", 3, 2);
        assertEquals(4, all.size());
        assertEquals(all, Listing.ids(ws.adminKey(), path, ""));
        assertEquals(List.of(all.get(3), all.get(2), all.get(1), all.get(0)),
                Listing.walk(ws.adminKey(), path, "scoredAt", 10, 1));
        Listing.assertFilters(ws.adminKey(), path, Map.of("cause=write", all, "cause=publish", List.of(),
                "modelId=" + model, all, "scoredFrom=2026-11-23T12:02:00Z", all.subList(0, 2)));
        Listing.assertRejectsBadParameters(ws.adminKey(), path);
        String csv = CsvPages.csv(ws.adminKey(), path + "?limit=1");
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).startsWith("id,leadId,modelId,modelVersion,score,grade,reasons.criterion,"), csv);
        assertEquals(3, lines.size(), "one record per reason (industry, size): " + csv);
    }
}
