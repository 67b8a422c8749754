package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import org.junit.jupiter.api.Test;
import org.revops.support.GraphQLClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * POST /api/v1/opportunities/batch/upsert and upsertOpportunities: a mix of unchanged, changed, new and invalid
 * records gives exact results, table contents and history rows, atomic or not; 10,000 records; size and roles.
 */
@QuarkusTest
class OpportunityBatchUpsertTest extends OpportunityBatchTest {
    /** O1..O3 seeded: O1 and O2 in Qualify, O3 in Proposal with a probability override of 30. */
    private void seed() {
        Map<String, Object> o3 = deal("O3", stages.get("Proposal"), 5000, "2026-11-30");
        o3.put("probability", 30);
        JsonNode answer = post(integration.key(), Map.of("records", List.of(
                deal("O1", stages.get("Qualify"), 1000, "2026-12-31"),
                deal("O2", stages.get("Qualify"), 2000, "2026-12-31"), o3)), 200);
        assertEquals(List.of("created|", "created|", "created|"), results(answer));
    }

    /** Unchanged, moved by stage name and pushed, lost, new by external ids, then six invalid records. */
    private List<Map<String, Object>> mixed() {
        Map<String, Object> o2 = new LinkedHashMap<>(Map.of("externalSource", "crm", "externalId", "O2",
                "pipelineId", pipeline, "stageName", "proposal", "closeDate", "2027-01-31"));
        Map<String, Object> o3 = new LinkedHashMap<>(Map.of("externalSource", "crm", "externalId", "O3",
                "stageId", stages.get("Lost"), "closeReasonId", lostReason, "competitor", "Initech"));
        Map<String, Object> o4 = deal("O4", stages.get("Qualify"), 700, "2027-03-31");
        o4.put("accountExternalId", "A2");
        o4.put("primaryContactExternalId", "C1");
        o4.put("ownerEmail", annEmail.toUpperCase());
        Map<String, Object> otherPipeline = deal("O6", otherPipelineStage, 1, "2027-01-01");
        otherPipeline.put("pipelineId", pipeline);
        Map<String, Object> noAccount = deal("O7", stages.get("Qualify"), 1, "2027-01-01");
        noAccount.put("accountExternalId", "NOPE");
        Map<String, Object> theirs = deal("O8", stages.get("Qualify"), 1, "2027-01-01");
        theirs.remove("accountExternalId");
        theirs.put("accountId", theirAccount);
        Map<String, Object> lostWithoutReason = deal("O10", stages.get("Lost"), 1, "2027-01-01");
        return List.of(deal("O1", stages.get("Qualify"), 1000, "2026-12-31"), o2, o3, o4,
                deal("O5", UUID.randomUUID().toString(), 1, "2027-01-01"), otherPipeline, noAccount, theirs,
                deal("O9", stages.get("Qualify"), -5, "2027-01-01"), lostWithoutReason);
    }

    private static List<String> expected(boolean applied) {
        String ok = applied ? "" : "not-applied|";
        return List.of(applied ? "unchanged|" : ok, applied ? "updated|" : ok, applied ? "updated|" : ok,
                applied ? "created|" : ok,
                "error|stageId: no such stage in this workspace",
                "error|pipelineId: the stage belongs to another pipeline",
                "error|accountExternalId: is not the external id of an account of this workspace",
                "error|accountId: no such account",
                "error|amount: must be greater than or equal to 0",
                "error|closeReasonId: a lost deal needs a close reason");
    }

    @Test
    void aMixedBatchFollowsTheSingleWriteRulesAtomicOrNot() {
        seed();
        Map<String, String> seeded = table();
        assertEquals(Map.of(
                "O1", "Qualify|1000|2026-12-31|null|10|Pipeline|false|null|null|0|0|false|true",
                "O2", "Qualify|2000|2026-12-31|null|10|Pipeline|false|null|null|0|0|false|true",
                "O3", "Proposal|5000|2026-11-30|30|30|BestCase|false|null|null|0|0|false|true"), seeded);
        List<String> seededHistory = new ArrayList<>();
        seededHistory.addAll(created("O1", "Qualify", "1000", "2026-12-31", "10", "Pipeline"));
        seededHistory.addAll(created("O2", "Qualify", "2000", "2026-12-31", "10", "Pipeline"));
        seededHistory.addAll(created("O3", "Proposal", "5000", "2026-11-30", "30", "BestCase"));
        assertEquals(seededHistory, history());

        JsonNode refused = post(integration.key(), Map.of("atomic", true, "records", mixed()), 422);
        assertEquals(expected(false), results(refused));
        assertEquals(seeded, table());
        assertEquals(seededHistory, history());

        JsonNode answer = post(integration.key(), Map.of("records", mixed()), 200);
        assertEquals(expected(true), results(answer));
        assertEquals(Map.of("created", 1, "updated", 2, "unchanged", 1, "error", 6, "notApplied", 0),
                JSON.convertValue(answer.get("counts"), Map.class));
        assertEquals(Map.of(
                "O1", "Qualify|1000|2026-12-31|null|10|Pipeline|false|null|null|0|0|false|true",
                // moved by name: the stage's probability and category, a new stage clock, one push
                "O2", "Proposal|2000|2027-01-31|null|60|BestCase|false|null|null|1|1|false|false",
                // lost: closed, the override reset by the stage move, the reason and competitor kept
                "O3", "Lost|5000|2026-11-30|null|0|Omitted|true|price|Initech|0|1|false|false",
                "O4", "Qualify|700|2027-03-31|null|10|Pipeline|false|null|null|0|0|true|true"), table());
        List<String> expectedHistory = new ArrayList<>(seededHistory);
        expectedHistory.addAll(List.of("O2|update|stage|Qualify→Proposal", "O2|update|closeDate|2026-12-31→2027-01-31",
                "O2|update|probability|10→60", "O2|update|forecastCategory|Pipeline→BestCase",
                "O3|close|stage|Proposal→Lost", "O3|close|probability|30→0", "O3|close|forecastCategory|BestCase→Omitted"));
        expectedHistory.addAll(created("O4", "Qualify", "700", "2027-03-31", "10", "Pipeline"));
        assertEquals(expectedHistory, history());
        String contact = sql("SELECT id FROM contacts WHERE workspace_id = $1").get(0).getUUID("id").toString();
        as(ws.adminKey()).get("/api/v1/opportunities/" + answer.at("/results/3/id").asText()).then().statusCode(200)
                .body("primaryContactId", equalTo(contact)).body("status", equalTo("open"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + answer.at("/results/2/id").asText()).then().statusCode(200)
                .body("status", equalTo("lost")).body("closeReasonId", equalTo(lostReason));

        // the same batch again: nothing changes, no history
        JsonNode again = post(integration.key(), Map.of("records", mixed()), 200);
        assertEquals(Map.of("created", 0, "updated", 0, "unchanged", 4, "error", 6, "notApplied", 0),
                JSON.convertValue(again.get("counts"), Map.class));
        assertEquals(expectedHistory, history());
    }

    @Test
    void tenThousandRecordsGiveExactCountsAndHistory() {
        List<Map<String, Object>> seed = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            seed.add(deal("B" + i, stages.get("Qualify"), 100 + i, "2026-12-31"));
        }
        assertEquals(4000, post(ws.adminKey(), Map.of("records", seed), 200).at("/counts/created").asInt());
        // 0-1999 as seeded, 2000-3999 moved to Proposal, 4000-9899 new, 9900-9999 a negative amount
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            records.add(deal("B" + i, stages.get(i >= 2000 && i < 4000 ? "Proposal" : "Qualify"),
                    i >= 9900 ? -1 : 100 + i, "2026-12-31"));
        }
        JsonNode answer = post(ws.adminKey(), Map.of("records", records), 200);
        assertEquals(Map.of("created", 5900, "updated", 2000, "unchanged", 2000, "error", 100, "notApplied", 0),
                JSON.convertValue(answer.get("counts"), Map.class));
        for (int i = 0; i < 10_000; i++) {
            String status = answer.at("/results/" + i + "/status").asText();
            assertEquals(i < 2000 ? "unchanged" : i < 4000 ? "updated" : i < 9900 ? "created" : "error", status);
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Row r : sql("""
                SELECT s.name, o.version, count(*) AS n FROM opportunities o
                JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                WHERE o.workspace_id = $1 GROUP BY s.name, o.version""")) {
            counts.put(r.getString("name") + "|" + r.getLong("version"), r.getInteger("n"));
        }
        assertEquals(Map.of("Qualify|0", 7900, "Proposal|1", 2000), counts);
        Map<String, Integer> history = new TreeMap<>();
        for (Row r : sql("SELECT action, field, count(*) AS n FROM opportunity_history WHERE workspace_id = $1"
                + " GROUP BY action, field")) {
            history.put(r.getString("action") + "|" + r.getString("field"), r.getInteger("n"));
        }
        // 4000 + 5900 creates of five rows each; 2000 moves of stage, probability and category
        assertEquals(Map.of("create|stage", 9900, "create|amount", 9900, "create|closeDate", 9900,
                "create|probability", 9900, "create|forecastCategory", 9900, "update|stage", 2000,
                "update|probability", 2000, "update|forecastCategory", 2000), history);
    }

    @Test
    void oversizedMalformedAndForbiddenBatchesWriteNothing() {
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.add(deal("X" + i, stages.get("Qualify"), 1, "2027-01-01"));
        }
        as(ws.adminKey()).body(Map.of("records", tooMany)).post(UPSERT).then().statusCode(413)
                .contentType("application/problem+json").body("type", equalTo("https://revops.dev/problems/too-large"));
        as(ws.adminKey()).body("{\"records\": [").post(UPSERT).then().statusCode(400)
                .contentType("application/problem+json");
        as(ws.adminKey()).body(Map.of("records", List.of())).post(UPSERT).then().statusCode(400)
                .body("errors[0].field", equalTo("records"));
        Member mona = newMember(ws, "Mona Manager", "manager", null);
        Member reader = newMember(ws, "Rita Reader", "read-only", null);
        List<Map<String, Object>> one = List.of(deal("X1", stages.get("Qualify"), 1, "2027-01-01"));
        for (String key : List.of(ann.key(), mona.key(), reader.key())) {
            as(key).body(Map.of("records", one)).post(UPSERT).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        assertEquals(Map.of(), table());
        assertEquals(List.of(), history());
    }

    @Test
    void graphQLUpsertsWithTheSameSemantics() {
        String mutation = """
                mutation($input: OpportunityUpsertInput!) { upsertOpportunities(input: $input) {
                  result { applied counts { created updated unchanged error notApplied }
                           results { index externalId status id errors { field message } } }
                  userErrors { field message } } }""";
        Map<String, Object> good = deal("G1", stages.get("Proposal"), 4200, "2027-05-01");
        good.put("ownerEmail", annEmail);
        good.put("probability", 75);
        List<Map<String, Object>> records = List.of(good, deal("G2", UUID.randomUUID().toString(), 1, "2027-01-01"));
        var atomic = GraphQLClient.ok(integration.key(), mutation, Map.of("input", Map.of("atomic", true,
                "records", records)));
        assertEquals(false, atomic.getBoolean("data.upsertOpportunities.result.applied"));
        assertEquals(List.of("not-applied", "error"), atomic.getList("data.upsertOpportunities.result.results.status"));
        assertEquals(1, atomic.getList("data.upsertOpportunities.userErrors").size());
        assertEquals(Map.of(), table());

        var landed = GraphQLClient.ok(integration.key(), mutation, Map.of("input", Map.of("records", records)));
        assertEquals(List.of("created", "error"), landed.getList("data.upsertOpportunities.result.results.status"));
        assertEquals("stageId", landed.getString("data.upsertOpportunities.result.results[1].errors[0].field"));
        assertEquals(List.of(), landed.getList("data.upsertOpportunities.userErrors"));
        assertEquals(Map.of("G1", "Proposal|4200|2027-05-01|75|75|BestCase|false|null|null|0|0|true|true"), table());
        assertEquals(created("G1", "Proposal", "4200", "2027-05-01", "75", "BestCase"), history());

        GraphQLClient.post(ann.key(), mutation, Map.of("input", Map.of("records", records))).then().statusCode(200)
                .body("errors[0].message", org.hamcrest.Matchers.containsString("admin or integration"));
        assertEquals(1, table().size());
    }
}
