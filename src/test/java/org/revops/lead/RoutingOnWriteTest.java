package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Jobs;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.lead.RoutingFixtures.LEADS;
import static org.revops.lead.RoutingFixtures.capacity;

/**
 * A lead's own write routes it when its score grade becomes A or B. The model: authority (decision-maker or economic
 * buyer) 60 points, industry Software 40; A ≥ 80, B ≥ 50, C ≥ 30 — so authority alone is B, both are A, neither D.
 */
@QuarkusTest
class RoutingOnWriteTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private Member ann;
    private Member mona;
    private Member integration;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Routing on write");
        mona = newMember(ws, "Mona Manager", "manager", null);
        ann = newMember(ws, "Ann Rep", "rep", mona.id());
        integration = newMember(ws, "Ian Integration", "integration", null);
        capacity(ws.adminKey(), ann.id(), 2);
        String model = as(ws.adminKey()).body(Map.of("name", "Fit", "thresholds", Map.of("A", 80, "B", 50, "C", 30),
                "criteria", List.of(
                        Map.of("field", "authority", "operator", "in", "values",
                                List.of("decision-maker", "economic-buyer"), "weight", 60),
                        Map.of("field", "industry", "operator", "in", "values", List.of("Software"), "weight", 40))))
                .post("/api/v1/scoring-models").then().statusCode(201).extract().path("id");
        Jobs.succeed(ws.adminKey(), "/api/v1/scoring-models/" + model + "/publish");
    }

    private List<Map<String, Object>> events(String leadId) {
        return RoutingFixtures.sql(db, "SELECT owner_id, rule, trigger, routed_by FROM lead_routing_events"
                + " WHERE workspace_id = $1 AND lead_id = $2 ORDER BY id", ws.id(), UUID.fromString(leadId));
    }

    @Test
    void aGradeThatBecomesAOrBRoutesTheLeadInTheSameWrite() {
        // grade D: stays in the queue, nothing recorded
        String cold = as(integration.key()).body(Map.of("lastName", "Cold", "authority", "user")).post(LEADS).then()
                .statusCode(201).body("grade", equalTo("D")).body("ownerId", nullValue()).extract().path("id");
        assertEquals(List.of(), events(cold));

        // grade B on an update: routed by that write, recorded as the writer's
        as(integration.key()).body(Map.of("authority", "decision-maker")).patch(LEADS + "/" + cold).then()
                .statusCode(200).body("grade", equalTo("B")).body("ownerId", equalTo(ann.id().toString()));
        assertEquals(List.of(Map.of("owner_id", ann.id(), "rule", "workspace-pool", "trigger", "grade",
                "routed_by", integration.id())), events(cold));

        // grade A on create: the created lead comes back owned
        String hot = as(ws.adminKey()).body(Map.of("lastName", "Hot", "authority", "economic-buyer",
                        "industry", "Software")).post(LEADS).then().statusCode(201).body("grade", equalTo("A"))
                .body("ownerId", equalTo(ann.id().toString())).extract().path("id");
        assertEquals(1, events(hot).size());

        // staying B is no "becoming": an unowned B lead changed again is not routed again
        as(mona.key()).body("{\"ownerId\":null}").patch(LEADS + "/" + cold).then().statusCode(200)
                .body("ownerId", nullValue());
        as(mona.key()).body(Map.of("visits", 3)).patch(LEADS + "/" + cold).then().statusCode(200)
                .body("grade", equalTo("B")).body("ownerId", nullValue());
        assertEquals(1, events(cold).size());

        // a rep's own lead is theirs whatever its grade
        as(ann.key()).body(Map.of("lastName", "Mine", "authority", "economic-buyer", "industry", "Software"))
                .post(LEADS).then().statusCode(201).body("grade", equalTo("A"))
                .body("ownerId", equalTo(ann.id().toString()));
        assertEquals(2, RoutingFixtures.count(db, "SELECT count(*) FROM lead_routing_events WHERE workspace_id = $1",
                ws.id()));
    }

    @Test
    void anUnroutableHotLeadIsStillWrittenAndWaitsInTheQueue() {
        capacity(ws.adminKey(), ann.id(), 0);
        String hot = as(ws.adminKey()).body(Map.of("lastName", "Hot", "authority", "economic-buyer",
                        "industry", "Software")).post(LEADS).then().statusCode(201).body("grade", equalTo("A"))
                .body("ownerId", nullValue()).extract().path("id");
        assertEquals("unroutable", events(hot).get(0).get("rule"));
        as(mona.key()).get(LEADS + "/queue").then().statusCode(200).body("data.id", contains(hot))
                .body("data[0].rule", equalTo("unroutable"));
    }
}
