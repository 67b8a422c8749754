package org.revops.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.Listing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AccountResourceTest extends ApiTest {
    private static final String ACCOUNTS = "/api/v1/accounts";
    private Workspace ws;
    private String qualify;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Accounts");
        qualify = Fixtures.pipeline(ws.adminKey(), "New business").getString("stages[0].id");
    }

    private List<String> visibleTo(String key) {
        return Listing.ids(key, ACCOUNTS, "");
    }

    private String deal(String accountId, UUID ownerId) {
        return Fixtures.opportunity(ws.adminKey(), Map.of("accountId", accountId, "stageId", qualify,
                "ownerId", ownerId.toString()));
    }

    @Test
    void aFractionForAnIntegerFieldIsRefusedNotTruncated() {
        as(ws.adminKey()).body(Map.of("name", "Fractional", "employeeCount", 5.5)).post(ACCOUNTS).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("employeeCount"));
        String id = Fixtures.account(ws.adminKey(), Map.of("name", "Whole", "employeeCount", 5));
        as(ws.adminKey()).body("{\"employeeCount\": 7.5}").patch(ACCOUNTS + "/" + id).then().statusCode(400);
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().body("employeeCount", equalTo(5));
        as(ws.adminKey()).get(ACCOUNTS + "?q=Fractional").then().body("data", org.hamcrest.Matchers.empty());
    }

    @Test
    void createReadUpdateDelete() {
        String location = as(ws.adminKey()).body(Map.of("name", "Globex GmbH", "industry", "Manufacturing",
                        "employeeCount", 1200, "annualRevenue", 250000000.5, "country", "DE", "region", "EMEA",
                        "city", "Munich", "postalCode", "80331", "tier", "A", "externalId", "0015g"))
                .post(ACCOUNTS).then()
                .statusCode(201).header("ETag", "\"0\"")
                .body("name", equalTo("Globex GmbH")).body("industry", equalTo("Manufacturing"))
                .body("employeeCount", equalTo(1200)).body("annualRevenue", equalTo(250000000.5f))
                .body("currency", equalTo("EUR")).body("country", equalTo("DE")).body("city", equalTo("Munich"))
                .body("tier", equalTo("A")).body("ownerId", equalTo(ws.adminId().toString()))
                .body("externalId", equalTo("0015g")).body("externalSource", nullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).get(location).then()
                .statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id)).body("postalCode", equalTo("80331"));

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"tier\":\"B\",\"employeeCount\":1500,\"city\":null}").patch(ACCOUNTS + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("tier", equalTo("B")).body("employeeCount", equalTo(1500)).body("city", nullValue())
                .body("name", equalTo("Globex GmbH")).body("currency", equalTo("EUR"));

        as(ws.adminKey()).header("If-Match", "\"1\"").delete(ACCOUNTS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(List.of(), visibleTo(ws.adminKey()));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = Fixtures.account(ws.adminKey(), Map.of("tier", "A"));
        as(ws.adminKey()).body(Map.of("tier", "B")).patch(ACCOUNTS + "/" + id).then().statusCode(200);
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("tier", "C")).patch(ACCOUNTS + "/" + id).then()
                .statusCode(412).contentType("application/problem+json").body("type", endsWith("/stale-version"));
        as(ws.adminKey()).header("If-Match", "\"0\"").delete(ACCOUNTS + "/" + id).then().statusCode(412);
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().header("ETag", "\"1\"").body("tier", equalTo("B"));
    }

    @Test
    void deletionWaitsForTheDealsAndTakesTheContacts() {
        String id = Fixtures.account(ws.adminKey(), Map.of("name", "Initech"));
        String keep = Fixtures.account(ws.adminKey(), Map.of("name", "Keep"));
        String contact = as(ws.adminKey()).body(Map.of("accountId", id, "name", "Peter"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String other = as(ws.adminKey()).body(Map.of("accountId", keep, "name", "Milton"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String deal = deal(id, ws.adminId());

        as(ws.adminKey()).delete(ACCOUNTS + "/" + id).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/conflict"));
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().statusCode(200).body("version", equalTo(0));
        as(ws.adminKey()).get("/api/v1/contacts/" + contact).then().statusCode(200);

        as(ws.adminKey()).delete("/api/v1/opportunities/" + deal).then().statusCode(204);
        as(ws.adminKey()).delete(ACCOUNTS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get("/api/v1/contacts/" + contact).then().statusCode(404);
        assertEquals(List.of(other), Listing.ids(ws.adminKey(), "/api/v1/contacts", ""));
        assertEquals(List.of(keep), visibleTo(ws.adminKey()));
    }

    @Test
    void aRepSeesOwnAndDealAccountsAndAManagerTheSubtree() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        Member rep = newMember(ws, "Ray Rep", "rep", manager.id());
        Member colleague = newMember(ws, "Cleo Colleague", "rep", manager.id());
        Member outsider = newMember(ws, "Otto Outsider", "rep", null);
        String mine = Fixtures.account(rep.key(), Map.of("name", "A mine"));
        String shared = Fixtures.account(colleague.key(), Map.of("name", "B shared", "tier", "A"));
        String theirs = Fixtures.account(colleague.key(), Map.of("name", "C theirs"));
        String outside = Fixtures.account(outsider.key(), Map.of("name", "D outside"));
        deal(shared, rep.id());

        assertEquals(List.of(mine, shared), visibleTo(rep.key()));
        assertEquals(List.of(mine), Listing.ids(rep.key(), ACCOUNTS, "ownerId=" + rep.id()));
        as(rep.key()).get(ACCOUNTS + "/" + shared).then().statusCode(200).body("ownerId", equalTo(colleague.id().toString()));
        // seen through the deal, but not the rep's to change
        as(rep.key()).body(Map.of("tier", "C")).patch(ACCOUNTS + "/" + shared).then().statusCode(403)
                .contentType("application/problem+json");
        as(rep.key()).delete(ACCOUNTS + "/" + shared).then().statusCode(403);
        as(rep.key()).get(ACCOUNTS + "/" + theirs).then().statusCode(404);
        as(rep.key()).body(Map.of("tier", "C")).patch(ACCOUNTS + "/" + theirs).then().statusCode(404);
        as(rep.key()).delete(ACCOUNTS + "/" + theirs).then().statusCode(404);
        as(rep.key()).body(Map.of("tier", "B")).patch(ACCOUNTS + "/" + mine).then().statusCode(200);

        assertEquals(List.of(mine, shared, theirs), visibleTo(manager.key()));
        as(manager.key()).body(Map.of("tier", "B")).patch(ACCOUNTS + "/" + theirs).then().statusCode(200);
        as(manager.key()).get(ACCOUNTS + "/" + outside).then().statusCode(404);
        assertEquals(List.of(outside), visibleTo(outsider.key()));

        Member integration = newMember(ws, "Ida Integration", "integration", null);
        Member auditor = newMember(ws, "Abe Auditor", "read-only", null);
        for (String key : List.of(ws.adminKey(), integration.key(), auditor.key())) {
            assertEquals(List.of(mine, shared, theirs, outside), visibleTo(key));
        }
        as(auditor.key()).body(Map.of("name", "X")).post(ACCOUNTS).then().statusCode(403);
        as(auditor.key()).body(Map.of("tier", "C")).patch(ACCOUNTS + "/" + outside).then().statusCode(403);
        as(auditor.key()).delete(ACCOUNTS + "/" + outside).then().statusCode(403);
        as(ws.adminKey()).get(ACCOUNTS + "/" + shared).then().body("tier", equalTo("A")).body("version", equalTo(0));
        as(ws.adminKey()).get(ACCOUNTS + "/" + outside).then().body("version", equalTo(0));
        assertEquals(4, visibleTo(ws.adminKey()).size());
    }

    @Test
    void aRepOwnsWhatTheyCreateAndAManagerAssignsWithinTheTeam() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        Member rep = newMember(ws, "Ray Rep", "rep", manager.id());
        Member colleague = newMember(ws, "Cleo Colleague", "rep", manager.id());
        Member outsider = newMember(ws, "Otto Outsider", "rep", null);
        for (UUID owner : List.of(colleague.id(), manager.id(), UUID.randomUUID())) {
            as(rep.key()).body(Map.of("name", "For someone", "ownerId", owner.toString())).post(ACCOUNTS).then()
                    .statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("ownerId"));
        }
        String mine = as(rep.key()).body(Map.of("name", "Mine", "ownerId", rep.id().toString())).post(ACCOUNTS)
                .then().statusCode(201).body("ownerId", equalTo(rep.id().toString())).extract().path("id");
        as(rep.key()).body(Map.of("ownerId", colleague.id().toString())).patch(ACCOUNTS + "/" + mine).then()
                .statusCode(422).body("errors[0].field", equalTo("ownerId"));
        as(manager.key()).body(Map.of("name", "Outside", "ownerId", outsider.id().toString())).post(ACCOUNTS).then()
                .statusCode(422).body("errors[0].field", equalTo("ownerId"));
        assertEquals(List.of(mine), visibleTo(ws.adminKey()));

        String forRep = as(manager.key()).body(Map.of("name", "For Ray", "ownerId", rep.id().toString()))
                .post(ACCOUNTS).then().statusCode(201).extract().path("id");
        as(manager.key()).body(Map.of("ownerId", colleague.id().toString())).patch(ACCOUNTS + "/" + mine).then()
                .statusCode(200).body("ownerId", equalTo(colleague.id().toString()));
        assertEquals(List.of(forRep), visibleTo(rep.key()));
        assertEquals(List.of(mine), visibleTo(colleague.key()));
    }

    @Test
    void everyFilterNarrowsTheList() {
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        String a = Fixtures.account(ws.adminKey(), Map.of("name", "Alpha Corp", "industry", "Retail", "country", "DE",
                "region", "EMEA", "tier", "A", "employeeCount", 50, "annualRevenue", 1000000,
                "externalId", "A-1", "externalSource", "salesforce"));
        String b = Fixtures.account(ws.adminKey(), Map.of("name", "Beta Ltd", "industry", "Energy", "country", "GB",
                "region", "EMEA", "tier", "B", "employeeCount", 500, "annualRevenue", 5000000,
                "externalId", "B-1", "externalSource", "hubspot", "ownerId", rep.id().toString()));
        String c = Fixtures.account(ws.adminKey(), Map.of("name", "Gamma Inc", "industry", "Retail", "country", "US",
                "region", "AMER", "tier", "C", "employeeCount", 5000));
        String since = as(ws.adminKey()).body(Map.of("city", "Boston")).patch(ACCOUNTS + "/" + c).then()
                .statusCode(200).extract().path("updatedAt");

        Map<String, List<String>> expectations = new LinkedHashMap<>();
        expectations.put("id=" + a + "&id=" + c, List.of(a, c));
        expectations.put("ownerId=" + rep.id(), List.of(b));
        expectations.put("ownerId=" + rep.id() + "&ownerId=" + ws.adminId(), List.of(a, b, c));
        expectations.put("industry=Retail", List.of(a, c));
        expectations.put("country=GB&country=US", List.of(b, c));
        expectations.put("region=AMER", List.of(c));
        expectations.put("tier=A", List.of(a));
        expectations.put("externalId=A-1", List.of(a));
        expectations.put("externalSource=hubspot", List.of(b));
        expectations.put("employeeCountMin=500", List.of(b, c));
        expectations.put("employeeCountMax=500", List.of(a, b));
        expectations.put("annualRevenueMin=1000000.5", List.of(b));
        expectations.put("annualRevenueMax=1000000", List.of(a));
        expectations.put("updatedSince=" + since, List.of(c));
        expectations.put("updatedSince=2999-01-01T00:00:00Z", List.of());
        expectations.put("q=LTD", List.of(b));
        expectations.put("q=amm", List.of(c));
        expectations.put("q=a&industry=Retail", List.of(a, c));
        Listing.assertFilters(ws.adminKey(), ACCOUNTS, expectations);
        as(ws.adminKey()).queryParam("employeeCountMin", "many").get(ACCOUNTS).then().statusCode(400)
                .body("errors[0].field", equalTo("employeeCountMin"));
        as(ws.adminKey()).queryParam("q", "a").queryParam("q", "b").get(ACCOUNTS).then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void sortsByEachSortableFieldAndPagesWithoutGaps() {
        String b = Fixtures.account(ws.adminKey(), Map.of("name", "Bravo"));
        String a = Fixtures.account(ws.adminKey(), Map.of("name", "Alpha"));
        String c = Fixtures.account(ws.adminKey(), Map.of("name", "Charlie"));
        as(ws.adminKey()).body(Map.of("tier", "A")).patch(ACCOUNTS + "/" + b).then().statusCode(200);
        Listing.assertOrder(ws.adminKey(), ACCOUNTS, "name", a, b, c);
        Listing.assertOrder(ws.adminKey(), ACCOUNTS, "-name", c, b, a);
        Listing.assertOrder(ws.adminKey(), ACCOUNTS, "createdAt", b, a, c);
        Listing.assertOrder(ws.adminKey(), ACCOUNTS, "-createdAt", c, a, b);
        Listing.assertOrder(ws.adminKey(), ACCOUNTS, "updatedAt", a, c, b);
        Listing.assertOrder(ws.adminKey(), ACCOUNTS, "-updatedAt,name", b, c, a);
        Listing.assertRejectsBadParameters(ws.adminKey(), ACCOUNTS);

        List<String> created = new ArrayList<>(List.of(a, b, c));
        for (int i = 0; i < 14; i++) {
            created.add(Fixtures.account(ws.adminKey(), Map.of("name", "Account " + (i % 4))));
        }
        for (String sort : List.of("name", "-name", "createdAt", "-updatedAt", "name,-createdAt")) {
            List<String> seen = Listing.walk(ws.adminKey(), ACCOUNTS, sort, 5, 4);
            assertEquals(17, seen.size(), sort);
            assertEquals(new HashSet<>(created), new HashSet<>(seen), sort);
            assertEquals(Listing.ids(ws.adminKey(), ACCOUNTS, "sort=" + sort), seen, sort);
        }
    }

    @Test
    void anotherWorkspaceCannotSeeOrTouchTheAccount() {
        String id = Fixtures.account(ws.adminKey(), Map.of("name", "Mine"));
        Workspace other = newWorkspace("Other");
        as(other.adminKey()).get(ACCOUNTS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(other.adminKey()).body(Map.of("name", "X")).patch(ACCOUNTS + "/" + id).then().statusCode(404);
        as(other.adminKey()).delete(ACCOUNTS + "/" + id).then().statusCode(404);
        as(other.adminKey()).get(ACCOUNTS).then().statusCode(200).body("data", hasSize(0));
        as(other.adminKey()).body(Map.of("name", "Stolen owner", "ownerId", ws.adminId().toString()))
                .post(ACCOUNTS).then().statusCode(422).body("errors[0].field", equalTo("ownerId"));
        assertEquals(List.of(), visibleTo(other.adminKey()));
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().statusCode(200).body("name", equalTo("Mine"))
                .body("version", equalTo(0));
    }

    @Test
    void withoutAKeyNothingIsReadOrWritten() {
        String id = Fixtures.account(ws.adminKey(), Map.of("name", "Mine"));
        RestAssured.given().get(ACCOUNTS).then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().get(ACCOUNTS + "/" + id).then().statusCode(401);
        RestAssured.given().contentType("application/json").body(Map.of("name", "X")).post(ACCOUNTS)
                .then().statusCode(401);
        RestAssured.given().delete(ACCOUNTS + "/" + id).then().statusCode(401);
        assertEquals(List.of(id), visibleTo(ws.adminKey()));
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        Map<String, Object> valid = Map.of("name", "Valid");
        expectProblem(with(valid, "unknownField", 1), 400, "unknownField");
        expectProblem(with(valid, "employeeCount", "many"), 400, "employeeCount");
        expectProblem(with(valid, "ownerId", "nobody"), 400, "ownerId");
        expectProblem(with(valid, "employeeCount", -1), 422, "employeeCount");
        expectProblem(with(valid, "annualRevenue", -1), 422, "annualRevenue");
        expectProblem(with(valid, "country", "Germany"), 422, "country");
        expectProblem(with(valid, "tier", "D"), 422, "tier");
        expectProblem(with(valid, "currency", "euro"), 422, "currency");
        expectProblem(with(valid, "name", ""), 422, "name");
        expectProblem(with(valid, "name", "x".repeat(201)), 422, "name");
        as(ws.adminKey()).body("{\"name\": ").post(ACCOUNTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        assertEquals(List.of(), visibleTo(ws.adminKey()));

        String id = Fixtures.account(ws.adminKey(), Map.of("name", "Valid", "externalId", "X-1",
                "externalSource", "crm"));
        as(ws.adminKey()).body(Map.of("name", "Twin", "externalId", "X-1", "externalSource", "crm")).post(ACCOUNTS)
                .then().statusCode(409).contentType("application/problem+json");
        as(ws.adminKey()).body("{\"name\":null}").patch(ACCOUNTS + "/" + id).then().statusCode(422)
                .body("errors.field", hasItem("name"));
        as(ws.adminKey()).body(Map.of("tier", "Z", "country", "de")).patch(ACCOUNTS + "/" + id).then()
                .statusCode(422).body("errors.field", hasItem("tier")).body("errors.field", hasItem("country"));
        as(ws.adminKey()).body(Map.of("employeeCount", "lots")).patch(ACCOUNTS + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("employeeCount"));
        assertEquals(List.of(id), visibleTo(ws.adminKey()));
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().body("version", equalTo(0)).body("name", equalTo("Valid"))
                .body("tier", nullValue());
    }

    private void expectProblem(Map<String, Object> body, int status, String field) {
        as(ws.adminKey()).body(body).post(ACCOUNTS).then()
                .statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
