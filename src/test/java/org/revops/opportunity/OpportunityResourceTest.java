package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OpportunityResourceTest extends ApiTest {
    private Workspace ws;
    private String qualify;
    private String proposal;
    private String pipelineId;
    private String acme;
    private String globex;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Deals");
        JsonPath pipeline = Fixtures.pipeline(ws.adminKey(), "New business");
        pipelineId = pipeline.getString("id");
        qualify = pipeline.getString("stages[0].id");
        proposal = pipeline.getString("stages[1].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme", "industry", "Retail", "country", "DE", "tier", "A"));
        globex = Fixtures.account(ws.adminKey(), Map.of("name", "Globex", "industry", "Energy", "country", "FR", "tier", "B"));
    }

    private int countDeals() {
        return as(ws.adminKey()).queryParam("limit", 500).get("/api/v1/opportunities").then().statusCode(200)
                .extract().jsonPath().getList("data").size();
    }

    @Test
    void createReadUpdateDelete() {
        String location = as(ws.adminKey()).body(Map.of("name", "Acme renewal", "accountId", acme, "stageId", qualify,
                        "amount", 12500.5, "closeDate", "2026-12-15", "source", "web"))
                .post("/api/v1/opportunities").then()
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Acme renewal"))
                .body("pipelineId", equalTo(pipelineId))
                .body("ownerId", equalTo(ws.adminId().toString()))
                .body("currency", equalTo("EUR"))
                .body("amount", equalTo(12500.5f))
                .body("probability", equalTo(10.0f))
                .body("probabilitySource", equalTo("stage"))
                .body("forecastCategory", equalTo("Pipeline"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).get(location).then()
                .statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id)).body("closeDate", equalTo("2026-12-15"));

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("stageId", proposal, "nextStep", "Send proposal"))
                .patch("/api/v1/opportunities/" + id).then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("stageId", equalTo(proposal))
                .body("probability", equalTo(60.0f))
                .body("forecastCategory", equalTo("BestCase"))
                .body("nextStep", equalTo("Send proposal"))
                .body("name", equalTo("Acme renewal"));

        as(ws.adminKey()).header("If-Match", "\"1\"").delete("/api/v1/opportunities/" + id).then().statusCode(204);
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void overridesStickUntilTheStageChangesAndNullClearsThem() {
        String id = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        as(ws.adminKey()).body(Map.of("probability", 35, "forecastCategory", "Commit"))
                .patch("/api/v1/opportunities/" + id).then().statusCode(200)
                .body("probability", equalTo(35.0f)).body("probabilitySource", equalTo("manual"))
                .body("forecastCategory", equalTo("Commit")).body("forecastCategorySource", equalTo("manual"));
        // moving stage with an explicit probability keeps that one, resets the category
        as(ws.adminKey()).body(Map.of("stageId", proposal, "probability", 45))
                .patch("/api/v1/opportunities/" + id).then().statusCode(200)
                .body("probability", equalTo(45.0f)).body("forecastCategory", equalTo("BestCase"))
                .body("forecastCategorySource", equalTo("stage"));
        as(ws.adminKey()).body("{\"probability\":null}")
                .patch("/api/v1/opportunities/" + id).then().statusCode(200)
                .body("probability", equalTo(60.0f)).body("probabilitySource", equalTo("stage"));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        as(ws.adminKey()).body(Map.of("amount", 2000)).patch("/api/v1/opportunities/" + id).then().statusCode(200);
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("amount", 3000))
                .patch("/api/v1/opportunities/" + id).then()
                .statusCode(412).contentType("application/problem+json")
                .body("type", endsWith("/stale-version"));
        as(ws.adminKey()).header("If-Match", "\"0\"").delete("/api/v1/opportunities/" + id).then().statusCode(412);
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("amount", equalTo(2000.0f))
                .header("ETag", "\"1\"");
    }

    @Test
    void everyFilterNarrowsTheList() {
        String a = Fixtures.opportunity(ws.adminKey(), Map.of("name", "Alpha", "accountId", acme, "stageId", qualify,
                "amount", 100, "closeDate", "2026-01-10", "source", "web"));
        String b = Fixtures.opportunity(ws.adminKey(), Map.of("name", "Beta", "accountId", globex, "stageId", proposal,
                "amount", 5000, "closeDate", "2026-06-10", "source", "partner", "currency", "USD",
                "externalId", "X-1", "externalSource", "hubspot"));
        String c = Fixtures.opportunity(ws.adminKey(), Map.of("name", "Gamma", "accountId", acme, "stageId", proposal,
                "amount", 90000, "closeDate", "2027-03-01", "forecastCategory", "Commit"));

        Map<String, List<String>> expectations = new java.util.LinkedHashMap<>();
        expectations.put("stageId=" + qualify, List.of(a));
        expectations.put("stageId=" + qualify + "&stageId=" + proposal, List.of(a, b, c));
        expectations.put("pipelineId=" + pipelineId, List.of(a, b, c));
        expectations.put("accountId=" + globex, List.of(b));
        expectations.put("ownerId=" + ws.adminId(), List.of(a, b, c));
        expectations.put("forecastCategory=Commit", List.of(c));
        expectations.put("forecastCategory=BestCase", List.of(b));
        expectations.put("closed=false", List.of(a, b, c));
        expectations.put("won=true", List.of());
        expectations.put("currency=USD", List.of(b));
        expectations.put("source=web", List.of(a));
        expectations.put("externalId=X-1&externalSource=hubspot", List.of(b));
        expectations.put("closeDateFrom=2026-06-10", List.of(b, c));
        expectations.put("closeDateTo=2026-06-10", List.of(a, b));
        expectations.put("amountMin=5000", List.of(b, c));
        expectations.put("amountMax=5000", List.of(a, b));
        expectations.put("q=alp", List.of(a));
        expectations.put("account.industry=Energy", List.of(b));
        expectations.put("account.country=DE", List.of(a, c));
        expectations.put("account.tier=A&account.tier=B", List.of(a, b, c));
        expectations.put("account.region=EMEA", List.of());
        expectations.put("updatedSince=2000-01-01T00:00:00Z", List.of(a, b, c));
        expectations.put("id=" + a + "&id=" + c, List.of(a, c));
        expectations.forEach((query, expected) -> {
            List<String> ids = as(ws.adminKey()).get("/api/v1/opportunities?" + query).then().statusCode(200)
                    .extract().jsonPath().getList("data.id");
            assertEquals(new HashSet<>(expected), new HashSet<>(ids), query);
        });
    }

    @Test
    void sortsByEachSortableField() {
        String a = Fixtures.opportunity(ws.adminKey(), Map.of("name", "Bravo", "accountId", acme, "stageId", qualify,
                "amount", 300, "closeDate", "2026-03-01"));
        String b = Fixtures.opportunity(ws.adminKey(), Map.of("name", "Alpha", "accountId", acme, "stageId", qualify,
                "amount", 100, "closeDate", "2026-02-01"));
        String c = Fixtures.opportunity(ws.adminKey(), Map.of("name", "Charlie", "accountId", acme, "stageId", qualify,
                "amount", 200, "closeDate", "2026-02-01"));
        assertOrder("closeDate,amount", b, c, a);
        assertOrder("-closeDate,-amount", a, c, b);
        assertOrder("amount", b, c, a);
        assertOrder("-amount", a, c, b);
        assertOrder("name", b, a, c);
        assertOrder("closeDate,-amount", c, b, a);
        assertOrder("createdAt", a, b, c);
        assertOrder("-updatedAt", c, b, a);
        as(ws.adminKey()).get("/api/v1/opportunities?sort=probability").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    private void assertOrder(String sort, String... ids) {
        as(ws.adminKey()).queryParam("sort", sort).get("/api/v1/opportunities").then().statusCode(200)
                .body("data.id", contains(ids));
    }

    @Test
    void cursorPagingVisitsEveryRecordOnceInAnyOrder() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            created.add(Fixtures.opportunity(ws.adminKey(), Map.of("name", "Deal " + i, "accountId", acme,
                    "stageId", qualify, "amount", (i % 5) * 100, "closeDate", "2026-0" + (1 + i % 3) + "-01")));
        }
        for (String sort : List.of("closeDate", "-amount", "closeDate,-amount", "-closeDate,name")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = as(ws.adminKey()).queryParam("limit", 5).queryParam("sort", sort);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/opportunities").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("data.id"));
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null);
            assertEquals(5, pages, sort);
            assertEquals(23, seen.size(), sort);
            assertEquals(new HashSet<>(created), new HashSet<>(seen), sort);
        }
        as(ws.adminKey()).queryParam("cursor", "garbage").get("/api/v1/opportunities").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anotherWorkspaceCannotSeeOrTouchTheDeal() {
        String id = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        Workspace other = newWorkspace("Other");
        as(other.adminKey()).get("/api/v1/opportunities/" + id).then().statusCode(404);
        as(other.adminKey()).body(Map.of("amount", 1)).patch("/api/v1/opportunities/" + id).then().statusCode(404);
        as(other.adminKey()).delete("/api/v1/opportunities/" + id).then().statusCode(404);
        as(other.adminKey()).get("/api/v1/opportunities").then().statusCode(200).body("data", hasSize(0));
        // nor use this workspace's account and stage for its own deal
        as(other.adminKey()).body(Map.of("name", "Steal", "accountId", acme, "stageId", qualify, "amount", 1,
                        "closeDate", "2026-12-31"))
                .post("/api/v1/opportunities").then().statusCode(422)
                .body("errors.field", containsInAnyOrder("accountId", "stageId"));
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().statusCode(200).body("amount", equalTo(1000.0f));
    }

    @Test
    void aReadOnlyKeyReadsButCannotWrite() {
        String id = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        Member auditor = newMember(ws, "Audrey Auditor", "read-only", null);
        as(auditor.key()).get("/api/v1/opportunities/" + id).then().statusCode(200);
        as(auditor.key()).body(Map.of("name", "X", "accountId", acme, "stageId", qualify, "amount", 1,
                "closeDate", "2026-12-31")).post("/api/v1/opportunities").then().statusCode(403)
                .contentType("application/problem+json");
        as(auditor.key()).body(Map.of("amount", 1)).patch("/api/v1/opportunities/" + id).then().statusCode(403);
        as(auditor.key()).delete("/api/v1/opportunities/" + id).then().statusCode(403);
        assertEquals(1, countDeals());
    }

    @Test
    void aRepSeesOwnDealsAndAManagerSeesTheSubtree() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        Member rep = newMember(ws, "Ray Rep", "rep", manager.id());
        Member colleague = newMember(ws, "Cleo Colleague", "rep", manager.id());
        Member outsider = newMember(ws, "Otto Outsider", "rep", null);
        String repAccount = Fixtures.account(rep.key(), Map.of("name", "Ray's account"));
        String colleagueAccount = Fixtures.account(colleague.key(), Map.of("name", "Cleo's account"));
        String outsiderAccount = Fixtures.account(outsider.key(), Map.of("name", "Otto's account"));
        String repDeal = Fixtures.opportunity(rep.key(), Map.of("accountId", repAccount, "stageId", qualify));
        String colleagueDeal = Fixtures.opportunity(colleague.key(), Map.of("accountId", colleagueAccount,
                "stageId", qualify));
        String outsiderDeal = Fixtures.opportunity(outsider.key(), Map.of("accountId", outsiderAccount,
                "stageId", qualify));
        // a rep cannot attach a deal to an account they cannot see
        as(rep.key()).body(Map.of("name", "X", "accountId", colleagueAccount, "stageId", qualify, "amount", 1,
                "closeDate", "2026-12-31")).post("/api/v1/opportunities").then().statusCode(422)
                .body("errors[0].field", equalTo("accountId"));

        as(rep.key()).get("/api/v1/opportunities").then().statusCode(200).body("data.id", contains(repDeal));
        as(rep.key()).get("/api/v1/opportunities/" + colleagueDeal).then().statusCode(404);
        as(rep.key()).body(Map.of("amount", 1)).patch("/api/v1/opportunities/" + colleagueDeal).then().statusCode(404);
        as(manager.key()).get("/api/v1/opportunities").then().statusCode(200)
                .body("data.id", containsInAnyOrder(repDeal, colleagueDeal));
        as(manager.key()).body(Map.of("amount", 7)).patch("/api/v1/opportunities/" + repDeal).then().statusCode(200);
        as(manager.key()).get("/api/v1/opportunities/" + outsiderDeal).then().statusCode(404);
        // a rep cannot hand a deal to a colleague; a manager can, within the team
        as(rep.key()).body(Map.of("ownerId", colleague.id().toString()))
                .patch("/api/v1/opportunities/" + repDeal).then().statusCode(422)
                .body("errors[0].field", equalTo("ownerId"));
        as(manager.key()).body(Map.of("ownerId", colleague.id().toString()))
                .patch("/api/v1/opportunities/" + repDeal).then().statusCode(200);
        as(rep.key()).get("/api/v1/opportunities").then().body("data", hasSize(0));
        as(ws.adminKey()).get("/api/v1/opportunities").then().body("data", hasSize(3));
    }

    @Test
    void withoutAKeyNothingIsReadOrWritten() {
        RestAssured.given().get("/api/v1/opportunities").then().statusCode(401);
        RestAssured.given().contentType("application/json").body(Map.of("name", "X")).post("/api/v1/opportunities")
                .then().statusCode(401).contentType("application/problem+json");
        assertEquals(0, countDeals());
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        Map<String, Object> valid = Map.of("name", "Valid", "accountId", acme, "stageId", qualify, "amount", 10,
                "closeDate", "2026-12-31");
        expectProblem(with(valid, "unknownField", 1), 400, "unknownField");
        expectProblem(with(valid, "amount", "lots"), 400, "amount");
        expectProblem(with(valid, "closeDate", "31/12/2026"), 400, "closeDate");
        expectProblem(with(valid, "amount", -5), 422, "amount");
        expectProblem(with(valid, "stageId", java.util.UUID.randomUUID().toString()), 422, "stageId");
        expectProblem(with(valid, "name", "x".repeat(201)), 422, "name");
        expectProblem(with(valid, "probability", 101), 422, "probability");
        expectProblem(with(valid, "currency", "euro"), 422, "currency");
        expectProblem(with(valid, "name", ""), 422, "name");
        as(ws.adminKey()).body("{\"name\": \"broken\"").post("/api/v1/opportunities").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        as(ws.adminKey()).body("[]").post("/api/v1/opportunities").then().statusCode(400);
        as(ws.adminKey()).queryParam("limit", 501).get("/api/v1/opportunities").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as(ws.adminKey()).queryParam("amountMin", "ten").get("/api/v1/opportunities").then().statusCode(400)
                .body("errors[0].field", equalTo("amountMin"));
        as(ws.adminKey()).queryParam("colour", "red").get("/api/v1/opportunities").then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        assertEquals(0, countDeals());

        String id = Fixtures.opportunity(ws.adminKey(), valid);
        as(ws.adminKey()).body(Map.of("amount", -1)).patch("/api/v1/opportunities/" + id).then().statusCode(422)
                .body("errors.field", hasItem("amount"));
        as(ws.adminKey()).body(Map.of("stageId", "not-a-uuid")).patch("/api/v1/opportunities/" + id).then()
                .statusCode(400);
        as(ws.adminKey()).body("{\"name\":null}").patch("/api/v1/opportunities/" + id).then().statusCode(422);
        as(ws.adminKey()).get("/api/v1/opportunities/" + id).then().body("version", equalTo(0))
                .body("amount", equalTo(10.0f)).body("primaryContactId", nullValue());
    }

    private void expectProblem(Map<String, Object> body, int status, String field) {
        as(ws.adminKey()).body(body).post("/api/v1/opportunities").then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
