package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The batch upsert's stage rules against the single writes': a stage change alone writes one history row and one
 * change-feed entry, as PATCH does; a closed stage closes the deal, an open one reopens it.
 */
@QuarkusTest
class OpportunityBatchStageTest extends OpportunityBatchTest {
    /**
     * A pipeline whose first two stages share probability and category: a move between them changes the stage
     * only, so it writes exactly one history row (as the single PATCH does) and one change-feed entry.
     */
    @Test
    void oneStageChangeWritesOneHistoryRowAndOneChangeThenClosesAndReopens() {
        var flat = as(ws.adminKey()).body(Map.of("name", "Flat", "stages", List.of(
                        Map.of("name", "Discover", "probability", 20, "forecastCategory", "Pipeline"),
                        Map.of("name", "Demo", "probability", 20, "forecastCategory", "Pipeline"),
                        Map.of("name", "Won", "probability", 100, "forecastCategory", "Closed", "closed", true,
                                "won", true))))
                .post("/api/v1/pipelines").then().statusCode(201).extract().jsonPath();
        String discover = flat.getString("stages[0].id");
        String demo = flat.getString("stages[1].id");
        String won = flat.getString("stages[2].id");
        stages.put("Discover", discover);
        stages.put("Demo", demo);
        stages.put("Won!", won);
        JsonNode created = post(integration.key(), Map.of("records", List.of(deal("S1", discover, 900, "2027-02-01"),
                deal("S2", discover, 900, "2027-02-01"))), 200);
        String s1 = created.at("/results/0/id").asText();
        String s2 = created.at("/results/1/id").asText();
        int rows = history().size();
        assertEquals(List.of("create"), changes(s1));

        Map<String, Object> move = new HashMap<>(Map.of("externalSource", "crm", "externalId", "S1", "stageId", demo));
        assertEquals(List.of("updated|"), results(post(integration.key(), Map.of("records", List.of(move)), 200)));
        List<String> after = history();
        assertEquals(List.of("S1|update|stage|Discover→Demo"), after.subList(rows, after.size()));
        assertEquals(List.of("create", "update:stageEnteredAt,stageId"), changes(s1));
        // the single PATCH writes the same row
        as(integration.key()).body(Map.of("stageId", demo)).patch("/api/v1/opportunities/" + s2).then().statusCode(200);
        assertEquals(List.of("S1|update|stage|Discover→Demo", "S2|update|stage|Discover→Demo"),
                history().subList(rows, rows + 2));
        // sent again: unchanged, no history, no change
        assertEquals(List.of("unchanged|"), results(post(integration.key(), Map.of("records", List.of(move)), 200)));
        assertEquals(rows + 2, history().size());
        assertEquals(2, changes(s1).size());

        // closing fields on an open deal are refused; won needs no reason; an open stage reopens and clears them
        move.put("competitor", "Initech");
        assertEquals(List.of("error|competitor: is for closed deals only: the stage is open"),
                results(post(integration.key(), Map.of("records", List.of(move)), 200)));
        move.put("stageId", won);
        assertEquals(List.of("updated|"), results(post(integration.key(), Map.of("records", List.of(move)), 200)));
        as(ws.adminKey()).get("/api/v1/opportunities/" + s1).then().body("status", equalTo("won"))
                .body("competitor", equalTo("Initech")).body("probability", equalTo(100.0f));
        Map<String, Object> reopen = Map.of("externalSource", "crm", "externalId", "S1", "stageId", demo);
        assertEquals(List.of("updated|"), results(post(integration.key(), Map.of("records", List.of(reopen)), 200)));
        as(ws.adminKey()).get("/api/v1/opportunities/" + s1).then().body("status", equalTo("open"))
                .body("closedAt", equalTo(null)).body("competitor", equalTo(null));
        List<String> all = history();
        assertEquals(List.of("S1|close|stage|Demo→Won!", "S1|close|probability|20→100",
                        "S1|close|forecastCategory|Pipeline→Closed", "S1|reopen|stage|Won!→Demo",
                        "S1|reopen|probability|100→20", "S1|reopen|forecastCategory|Closed→Pipeline"),
                all.subList(rows + 2, all.size()));
    }

    /** The change-feed entries of a deal, oldest first: "action" or "update:changed,fields". */
    private List<String> changes(String id) {
        List<String> changes = new ArrayList<>();
        db.query("SELECT action, changed_fields FROM changes WHERE workspace_id = $1 AND resource_id = $2"
                        + " ORDER BY txid, position", Tuple.of(ws.id(), UUID.fromString(id))).await().indefinitely()
                .forEach(r -> {
                    String action = r.getString("action");
                    if (action.equals("update")) {
                        List<String> fields = new ArrayList<>(r.getJsonObject("changed_fields").fieldNames());
                        fields.sort(null);
                        action += ":" + String.join(",", fields);
                    }
                    changes.add(action);
                });
        return changes;
    }

    @Test
    void closeReasonsContactsAndStageNamesFollowTheSingleWriteRules() {
        String retired = as(ws.adminKey()).body(Map.of("name", "Old", "appliesTo", "both"))
                .post("/api/v1/close-reasons").then().statusCode(201).extract().path("id");
        as(ws.adminKey()).body(Map.of("active", false)).patch("/api/v1/close-reasons/" + retired).then().statusCode(200);
        Map<String, Object> wrongOutcome = deal("R1", stages.get("Won"), 1, "2027-01-01");
        wrongOutcome.put("closeReasonId", lostReason);
        Map<String, Object> retiredReason = deal("R2", stages.get("Lost"), 1, "2027-01-01");
        retiredReason.put("closeReasonId", retired);
        Map<String, Object> unknownReason = deal("R3", stages.get("Lost"), 1, "2027-01-01");
        unknownReason.put("closeReasonId", UUID.randomUUID().toString());
        Map<String, Object> notAnId = deal("R4", stages.get("Lost"), 1, "2027-01-01");
        notAnId.put("closeReasonId", "price");
        Map<String, Object> contactElsewhere = deal("R5", stages.get("Qualify"), 1, "2027-01-01");
        contactElsewhere.put("primaryContactExternalId", "C1");
        Map<String, Object> unknownContact = deal("R6", stages.get("Qualify"), 1, "2027-01-01");
        unknownContact.put("primaryContactExternalId", "C9");
        Map<String, Object> nameWithoutPipeline = deal("R7", null, 1, "2027-01-01");
        nameWithoutPipeline.put("stageName", "Proposal");
        Map<String, Object> unknownName = deal("R8", null, 1, "2027-01-01");
        unknownName.put("stageName", "Negotiation");
        unknownName.put("pipelineId", pipeline);
        JsonNode answer = post(integration.key(), Map.of("records", List.of(wrongOutcome, retiredReason,
                unknownReason, notAnId, contactElsewhere, unknownContact, nameWithoutPipeline, unknownName)), 200);
        assertEquals(List.of("error|closeReasonId: this close reason applies to lost deals only",
                "error|closeReasonId: this close reason is retired", "error|closeReasonId: no such close reason",
                "error|closeReasonId: must be a UUID", "error|primaryContactId: no such contact at this account",
                "error|primaryContactExternalId: is not the external id of a contact of this workspace",
                "error|stageName: needs the stage's pipelineId",
                "error|stageName: is not the name of a stage of the pipeline"), results(answer));
        assertEquals(Map.of(), table());
    }
}
