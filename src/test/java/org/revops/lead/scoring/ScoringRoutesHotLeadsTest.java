package org.revops.lead.scoring;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A write that makes a lead's grade A or B routes it at once (here: the workspace pool, no territory model). */
@QuarkusTest
class ScoringRoutesHotLeadsTest extends ApiTest {

    @Test
    void aLeadThatBecomesAOrBOnAWriteIsRoutedOthersWait() {
        Workspace ws = newWorkspace("Hot leads");
        Member rep = newMember(ws, "Hal Hot", "rep", null);
        as(ws.adminKey()).body(Map.of("capacity", 10)).put("/api/v1/users/" + rep.id() + "/lead-routing").then()
                .statusCode(200);
        ScoringFixtures.published(ws.adminKey(), ScoringFixtures.model("Fit", ScoringFixtures.FIT,
                ScoringFixtures.GRADES));

        // 30 + 20 + 30 = 80: grade A on create → routed to the only rep with capacity
        String hot = ScoringFixtures.lead(ws.adminKey(), Map.of("industry", "Software", "employeeCount", 500,
                "authority", "decision-maker"));
        as(ws.adminKey()).get(ScoringFixtures.LEADS + "/" + hot).then().body("grade", equalTo("A"))
                .body("ownerId", equalTo(rep.id().toString()));

        // 10: grade D, stays in the queue; a change that lifts it to B (10 + 20 + 30 = 60) routes it
        String cold = ScoringFixtures.lead(ws.adminKey(), Map.of("industry", "Retail"));
        as(ws.adminKey()).get(ScoringFixtures.LEADS + "/" + cold).then().body("grade", equalTo("D"))
                .body("ownerId", nullValue());
        as(ws.adminKey()).body(Map.of("employeeCount", 300, "authority", "economic-buyer"))
                .patch(ScoringFixtures.LEADS + "/" + cold).then().statusCode(200)
                .body("grade", equalTo("B")).body("ownerId", equalTo(rep.id().toString()));
    }
}
