package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.lead.RoutingFixtures.LEADS;

/** Conversions that are refused write nothing: who may not convert, closed leads, bad references and bodies. */
@QuarkusTest
class ConversionRefusalTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private Member mona;
    private Member ray;
    private Member otto;
    private String pipeline;
    private String won;
    private String lead;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Conversion refusals");
        mona = newMember(ws, "Mona Manager", "manager", null);
        ray = newMember(ws, "Ray Rep", "rep", mona.id());
        otto = newMember(ws, "Otto Rep", "rep", null);
        JsonPath p = Fixtures.pipeline(ws.adminKey(), "New business");
        pipeline = p.getString("id");
        won = p.getString("stages[2].id");
        lead = LeadResourceTest.lead(ray.key(), Map.of("lastName", "Lovelace", "email", "ada@analytical.example",
                "company", "Analytical Engines"));
    }

    /** accounts, contacts, opportunities, and the lead's status and version. */
    private List<Object> state() {
        List<Object> state = new java.util.ArrayList<>(List.of("accounts", "contacts", "opportunities").stream()
                .map(table -> (Object) RoutingFixtures.count(db, "SELECT count(*) FROM " + table
                        + " WHERE workspace_id = $1", ws.id())).toList());
        Map<String, Object> row = RoutingFixtures.sql(db, "SELECT status, version, converted_at FROM leads"
                + " WHERE workspace_id = $1 AND id = $2", ws.id(), UUID.fromString(lead)).get(0);
        state.add(row.get("status") + " v" + row.get("version") + " " + row.get("converted_at"));
        return state;
    }

    private void refused(Member who, Object body, int status, String field) {
        var response = as(who.key()).body(body).post(LEADS + "/" + lead + "/convert").then().statusCode(status)
                .contentType("application/problem+json");
        if (field != null) {
            response.body("errors[0].field", equalTo(field));
        }
    }

    @Test
    void whoMayNotConvert() {
        Member auditor = newMember(ws, "Abe Auditor", "read-only", null);
        List<Object> before = state();
        refused(auditor, "{}", 403, null);
        refused(otto, "{}", 404, null);
        Workspace other = newWorkspace("Elsewhere");
        as(other.adminKey()).body("{}").post(LEADS + "/" + lead + "/convert").then().statusCode(404);
        as(otto.key()).get(LEADS + "/" + lead + "/duplicates").then().statusCode(404);
        as(ws.adminKey()).body("{}").post(LEADS + "/" + UUID.randomUUID() + "/convert").then().statusCode(404);
        assertEquals(before, state());
        // the manager of the lead's owner may
        as(mona.key()).body("{}").post(LEADS + "/" + lead + "/convert").then().statusCode(200)
                .body("account.ownerId", equalTo(ray.id().toString()));
    }

    @Test
    void aDisqualifiedLeadIsNotConverted() {
        as(ray.key()).body(Map.of("status", "disqualified", "disqualifiedReason", "No budget"))
                .patch(LEADS + "/" + lead).then().statusCode(200);
        List<Object> before = state();
        as(ray.key()).body("{}").post(LEADS + "/" + lead + "/convert").then().statusCode(409)
                .body("detail", equalTo("A disqualified lead cannot be converted: requalify it first (PATCH status)"));
        assertEquals(before, state());
    }

    @Test
    void badReferencesAndBodiesAreRefusedWithNothingWritten() {
        String othersAccount = Fixtures.account(otto.key(), Map.of("name", "Otto's"));
        String raysAccount = Fixtures.account(ray.key(), Map.of("name", "Ray's"));
        String elsewhereContact = as(ray.key()).body(Map.of("accountId", raysAccount, "name", "Someone"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String otherPipelineStage = Fixtures.pipeline(ws.adminKey(), "Renewals").getString("stages[0].id");
        String noCompany = LeadResourceTest.lead(ray.key(), Map.of("lastName", "Nobody"));
        List<Object> before = state();

        refused(ray, Map.of("accountId", UUID.randomUUID().toString()), 422, "accountId");
        refused(ray, Map.of("accountId", othersAccount), 422, "accountId");
        refused(ray, Map.of("contactId", UUID.randomUUID().toString()), 422, "contactId");
        refused(ray, Map.of("accountId", othersAccount, "contactId", elsewhereContact), 422, "contactId");
        refused(ray, Map.of("createNew", true, "opportunity", Map.of("pipelineId", UUID.randomUUID().toString())),
                422, "opportunity.pipelineId");
        refused(ray, Map.of("createNew", true, "opportunity", Map.of("pipelineId", pipeline, "stageId", won)), 422,
                "opportunity.stageId");
        refused(ray, Map.of("createNew", true, "opportunity", Map.of("pipelineId", pipeline,
                "stageId", otherPipelineStage)), 422, "opportunity.stageId");
        refused(ray, Map.of("createNew", true, "opportunity", Map.of("stageId", otherPipelineStage)), 422,
                "opportunity.pipelineId");
        refused(ray, Map.of("createNew", true, "opportunity", Map.of("pipelineId", pipeline, "amount", -1)), 422,
                "opportunity.amount");
        refused(ray, Map.of("createNew", true, "opportunity", Map.of("pipelineId", pipeline, "currency", "euro")),
                422, "opportunity.currency");
        refused(ray, Map.of("createNew", true, "ownerId", otto.id().toString()), 422, "ownerId");
        refused(ray, "{\"createNew\":\"yes please\"}", 400, "createNew");
        refused(ray, "{\"merge\":true}", 400, "merge");
        refused(ray, "{not json", 400, null);
        as(ray.key()).body("{}").post(LEADS + "/" + noCompany + "/convert").then().statusCode(422)
                .body("errors[0].field", equalTo("accountId")).body("errors[0].message", equalTo(
                        "the lead has no company to create an account from: link an existing account"));
        assertEquals(before, state());

        // the same lead converts once the request is right
        JsonPath ok = as(ray.key()).body(Map.of("accountId", raysAccount, "createNew", true))
                .post(LEADS + "/" + lead + "/convert").then().statusCode(200).extract().jsonPath();
        assertEquals(raysAccount, ok.getString("account.id"));
    }
}
