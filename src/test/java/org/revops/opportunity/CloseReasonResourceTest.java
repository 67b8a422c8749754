package org.revops.opportunity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.Listing;
import org.revops.support.TestClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
class CloseReasonResourceTest extends ApiTest {
    private static final String REASONS = "/api/v1/close-reasons";

    private Workspace ws;
    private String qualify;
    private String acme;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Reasons");
        qualify = LifecycleFixtures.pipeline(ws.adminKey(), "New business").getString("stages[0].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private String reason(String name, String appliesTo) {
        return as(ws.adminKey()).body(Map.of("name", name, "appliesTo", appliesTo)).post(REASONS).then()
                .statusCode(201).extract().path("id");
    }

    private List<String> names(String key, String query) {
        return as(key).get(REASONS + "?limit=500" + (query.isEmpty() ? "" : "&" + query)).then().statusCode(200).extract().jsonPath().getList("data.name");
    }

    @Test
    void createReadUpdateDelete() {
        String location = as(ws.adminKey()).body(Map.of("name", "  Price too high ", "appliesTo", "lost"))
                .post(REASONS).then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Price too high"))
                .body("appliesTo", equalTo("lost"))
                .body("active", equalTo(true))
                .body("createdAt", equalTo("2026-03-02T09:00:00Z"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).get(location).then().statusCode(200)
                .header("ETag", "\"0\"").body("id", equalTo(id)).body("name", equalTo("Price too high"));

        TestClock.set("2026-03-03T10:00:00Z");
        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("name", "Too expensive", "appliesTo", "both")).patch(REASONS + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Too expensive")).body("appliesTo", equalTo("both")).body("active", equalTo(true))
                .body("updatedAt", equalTo("2026-03-03T10:00:00Z")).body("createdAt", equalTo("2026-03-02T09:00:00Z"));
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("active", false)).patch(REASONS + "/" + id).then()
                .statusCode(412).body("type", endsWith("/stale-version"));
        as(ws.adminKey()).header("If-Match", "\"0\"").delete(REASONS + "/" + id).then().statusCode(412);
        as(ws.adminKey()).header("If-Match", "\"1\"").delete(REASONS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(REASONS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(ws.adminKey()).delete(REASONS + "/" + id).then().statusCode(404);
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        String price = reason("Price", "lost");
        String timing = reason("Timing", "both");
        as(ws.adminKey()).body(Map.of("name", " PRICE ", "appliesTo", "won")).post(REASONS).then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/conflict"))
                .body("detail", containsString("PRICE"));
        as(ws.adminKey()).body(Map.of("name", "price")).patch(REASONS + "/" + timing).then().statusCode(409);
        // renaming a reason to its own name in another case is fine
        as(ws.adminKey()).body(Map.of("name", "PRICE")).patch(REASONS + "/" + price).then().statusCode(200)
                .body("name", equalTo("PRICE"));
        assertEquals(List.of("PRICE", "Timing"), names(ws.adminKey(), "sort=name"));
        as(ws.adminKey()).get(REASONS + "/" + timing).then().body("name", equalTo("Timing")).body("version", equalTo(0));
        // another workspace may use the same names
        Workspace other = newWorkspace("Other reasons");
        as(other.adminKey()).body(Map.of("name", "Price", "appliesTo", "lost")).post(REASONS).then().statusCode(201);
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        Map<String, Object> valid = Map.of("name", "Valid", "appliesTo", "lost");
        expectProblem(with(valid, "name", ""), 422, "name");
        expectProblem(with(valid, "name", "   "), 422, "name");
        expectProblem(with(valid, "name", "x".repeat(101)), 422, "name");
        expectProblem(without(valid, "name"), 422, "name");
        expectProblem(without(valid, "appliesTo"), 422, "appliesTo");
        expectProblem(with(valid, "appliesTo", "maybe"), 400, "appliesTo");
        expectProblem(with(valid, "active", "yes please"), 400, "active");
        expectProblem(with(valid, "colour", "red"), 400, "colour");
        as(ws.adminKey()).body("{\"name\":").post(REASONS).then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        assertEquals(List.of(), names(ws.adminKey(), ""));

        String id = reason("Kept", "won");
        as(ws.adminKey()).body("{\"name\":null}").patch(REASONS + "/" + id).then().statusCode(422)
                .body("errors.field", hasItem("name"));
        as(ws.adminKey()).body(Map.of("appliesTo", "never")).patch(REASONS + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("appliesTo"));
        as(ws.adminKey()).body(Map.of("id", UUID.randomUUID().toString())).patch(REASONS + "/" + id).then()
                .statusCode(400);
        as(ws.adminKey()).body("[]").patch(REASONS + "/" + id).then().statusCode(400);
        as(ws.adminKey()).get(REASONS + "/" + id).then().body("version", equalTo(0)).body("name", equalTo("Kept"))
                .body("appliesTo", equalTo("won"));
    }

    private void expectProblem(Map<String, Object> body, int status, String field) {
        as(ws.adminKey()).body(body).post(REASONS).then().statusCode(status)
                .contentType("application/problem+json").body("status", equalTo(status))
                .body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.remove(key);
        return copy;
    }

    @Test
    void filtersSortsAndPaging() {
        String price = reason("Price", "lost");
        TestClock.set("2026-03-02T09:00:01Z");
        String champion = reason("Champion", "won");
        TestClock.set("2026-03-02T09:00:02Z");
        String timing = reason("Timing", "both");
        TestClock.set("2026-03-02T09:00:03Z");
        String old = reason("Old habit", "lost");
        as(ws.adminKey()).body(Map.of("active", false)).patch(REASONS + "/" + old).then().statusCode(200)
                .body("active", equalTo(false));

        Map<String, List<String>> expectations = new java.util.LinkedHashMap<>();
        expectations.put("active=true", List.of(price, champion, timing));
        expectations.put("active=false", List.of(old));
        expectations.put("appliesTo=lost", List.of(price, old));
        expectations.put("appliesTo=lost&appliesTo=both", List.of(price, timing, old));
        expectations.put("appliesTo=lost&appliesTo=both&active=true", List.of(price, timing));
        expectations.put("q=TIM", List.of(timing));
        expectations.put("id=" + price + "&id=" + champion, List.of(price, champion));
        Listing.assertFilters(ws.adminKey(), REASONS, expectations);
        Listing.assertOrder(ws.adminKey(), REASONS, "name", champion, old, price, timing);
        Listing.assertOrder(ws.adminKey(), REASONS, "-name", timing, price, old, champion);
        Listing.assertOrder(ws.adminKey(), REASONS, "createdAt", price, champion, timing, old);
        Listing.assertOrder(ws.adminKey(), REASONS, "-createdAt", old, timing, champion, price);
        assertEquals(List.of(champion, old, price, timing), Listing.walk(ws.adminKey(), REASONS, "name", 3, 2));
        Listing.assertRejectsBadParameters(ws.adminKey(), REASONS);
        as(ws.adminKey()).get(REASONS + "?active=maybe").then().statusCode(400).body("errors[0].field", equalTo("active"));
    }

    @Test
    void everyoneReadsTheListOnlyAnAdminChangesIt() {
        String id = reason("Price", "lost");
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        Member rep = newMember(ws, "Ray Rep", "rep", manager.id());
        Member auditor = newMember(ws, "Audrey Auditor", "read-only", null);
        Member robot = newMember(ws, "Ida Integration", "integration", null);
        for (Member member : List.of(manager, rep, auditor, robot)) {
            assertEquals(List.of("Price"), names(member.key(), ""));
            as(member.key()).get(REASONS + "/" + id).then().statusCode(200);
            as(member.key()).body(Map.of("name", "Mine", "appliesTo", "won")).post(REASONS).then().statusCode(403)
                    .contentType("application/problem+json");
            as(member.key()).body(Map.of("name", "Renamed")).patch(REASONS + "/" + id).then().statusCode(403);
            as(member.key()).delete(REASONS + "/" + id).then().statusCode(403);
        }
        assertEquals(List.of("Price"), names(ws.adminKey(), ""));
        as(ws.adminKey()).get(REASONS + "/" + id).then().body("version", equalTo(0));

        Workspace other = newWorkspace("Other");
        as(other.adminKey()).get(REASONS + "/" + id).then().statusCode(404);
        as(other.adminKey()).body(Map.of("name", "Stolen")).patch(REASONS + "/" + id).then().statusCode(404);
        as(other.adminKey()).delete(REASONS + "/" + id).then().statusCode(404);
        assertEquals(List.of(), names(other.adminKey(), ""));
        as(ws.adminKey()).get(REASONS + "/" + id).then().statusCode(200).body("name", equalTo("Price"));
        RestAssured.given().get(REASONS).then().statusCode(401);
    }

    @Test
    void aReasonInUseIsRetiredNotDeletedAndKeepsFittingItsDeals() {
        String price = reason("Price", "both");
        String deal = LifecycleFixtures.deal(ws.adminKey(), "Lost on price", acme, qualify, 20000);
        as(ws.adminKey()).body(Map.of("won", false, "reasonId", price, "competitor", "Initech"))
                .post("/api/v1/opportunities/" + deal + "/close").then().statusCode(200)
                .body("status", equalTo("lost")).body("closeReasonId", equalTo(price));

        as(ws.adminKey()).delete(REASONS + "/" + price).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("The close reason is given on 1 deal: retire it with PATCH "
                        + "{\"active\": false} instead of deleting it"));
        // a lost deal carries it: it cannot become a reason for won deals only
        as(ws.adminKey()).body(Map.of("appliesTo", "won")).patch(REASONS + "/" + price).then().statusCode(409)
                .body("detail", equalTo("appliesTo cannot become 'won': 1 lost deal carries this reason"));
        as(ws.adminKey()).body(Map.of("appliesTo", "lost")).patch(REASONS + "/" + price).then().statusCode(200);
        as(ws.adminKey()).body(Map.of("active", false)).patch(REASONS + "/" + price).then().statusCode(200)
                .body("active", equalTo(false)).body("version", equalTo(2));
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then().body("closeReasonId", equalTo(price));

        // reopened, the deal no longer carries the reason, which can then go
        as(ws.adminKey()).body("{}").post("/api/v1/opportunities/" + deal + "/reopen").then().statusCode(200)
                .body("closeReasonId", nullValue());
        as(ws.adminKey()).delete(REASONS + "/" + price).then().statusCode(204);
    }

    @Test
    void closingChecksTheReasonAndARefusedCloseChangesNothing() {
        String lostOnly = reason("No budget", "lost");
        String wonOnly = reason("Champion", "won");
        String retired = reason("Old habit", "both");
        as(ws.adminKey()).body(Map.of("active", false)).patch(REASONS + "/" + retired).then().statusCode(200);
        Workspace other = newWorkspace("Other workspace");
        String foreign = as(other.adminKey()).body(Map.of("name", "Foreign", "appliesTo", "both")).post(REASONS)
                .then().statusCode(201).extract().path("id");
        String deal = LifecycleFixtures.deal(ws.adminKey(), "Contested", acme, qualify, 20000);

        refusedClose(deal, Map.of("won", false), "a lost deal needs a close reason");
        refusedClose(deal, Map.of("won", false, "reasonId", UUID.randomUUID().toString()), "no such close reason");
        refusedClose(deal, Map.of("won", false, "reasonId", foreign), "no such close reason");
        refusedClose(deal, Map.of("won", false, "reasonId", retired), "this close reason is retired");
        refusedClose(deal, Map.of("won", true, "reasonId", retired), "this close reason is retired");
        refusedClose(deal, Map.of("won", false, "reasonId", wonOnly), "this close reason applies to won deals only");
        refusedClose(deal, Map.of("won", true, "reasonId", lostOnly), "this close reason applies to lost deals only");
        as(ws.adminKey()).body(Map.of("won", false, "reasonId", "price")).post("/api/v1/opportunities/" + deal + "/close")
                .then().statusCode(400).body("errors[0].field", equalTo("reasonId"));
        as(ws.adminKey()).body(Map.of("reasonId", lostOnly)).post("/api/v1/opportunities/" + deal + "/close")
                .then().statusCode(422).body("errors[0].field", equalTo("won"));

        JsonPath after = LifecycleFixtures.read(ws.adminKey(), deal);
        assertEquals("open", after.getString("status"));
        assertEquals(0, after.getInt("version"));
        assertNull(after.get("closeReasonId"));
        assertNull(after.get("closedAt"));
        assertEquals(List.of("create"), as(ws.adminKey()).get("/api/v1/opportunities/" + deal + "/history").then()
                .statusCode(200).extract().jsonPath().getList("data.action").stream().distinct().toList());

        // the fitting reasons close it; a won deal needs none
        as(ws.adminKey()).body(Map.of("won", false, "reasonId", lostOnly))
                .post("/api/v1/opportunities/" + deal + "/close").then().statusCode(200)
                .body("status", equalTo("lost")).body("closeReasonId", equalTo(lostOnly));
        String won = LifecycleFixtures.deal(ws.adminKey(), "Easy", acme, qualify, 20000);
        as(ws.adminKey()).body(Map.of("won", true)).post("/api/v1/opportunities/" + won + "/close").then()
                .statusCode(200).body("status", equalTo("won")).body("closeReasonId", nullValue());
    }

    private void refusedClose(String deal, Map<String, Object> body, String message) {
        as(ws.adminKey()).body(body).post("/api/v1/opportunities/" + deal + "/close").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reasonId")).body("errors[0].message", equalTo(message));
    }
}
