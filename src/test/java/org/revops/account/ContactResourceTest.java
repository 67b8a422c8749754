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
class ContactResourceTest extends ApiTest {
    private static final String CONTACTS = "/api/v1/contacts";
    private Workspace ws;
    private String acme;
    private String globex;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Contacts");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
        globex = Fixtures.account(ws.adminKey(), Map.of("name", "Globex"));
    }

    private String contact(String key, String accountId, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Grace", "accountId", accountId));
        body.putAll(fields);
        return as(key).body(body).post(CONTACTS).then().statusCode(201).extract().path("id");
    }

    private List<String> visibleTo(String key) {
        return Listing.ids(key, CONTACTS, "");
    }

    @Test
    void createReadUpdateDelete() {
        String location = as(ws.adminKey()).body(Map.of("accountId", acme, "name", "Grace Hopper",
                        "email", "grace@acme.example", "phone", "+49 89 1234567", "title", "Head of Procurement"))
                .post(CONTACTS).then()
                .statusCode(201).header("ETag", "\"0\"")
                .body("accountId", equalTo(acme)).body("name", equalTo("Grace Hopper"))
                .body("email", equalTo("grace@acme.example")).body("phone", equalTo("+49 89 1234567"))
                .body("title", equalTo("Head of Procurement")).body("externalId", nullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).get(location).then()
                .statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id));

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"title\":\"CFO\",\"phone\":null}").patch(CONTACTS + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("title", equalTo("CFO")).body("phone", nullValue()).body("name", equalTo("Grace Hopper"));
        as(ws.adminKey()).header("If-Match", "\"1\"").body(Map.of("accountId", globex)).patch(CONTACTS + "/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("accountId", equalTo(globex));
        assertEquals(List.of(id), Listing.ids(ws.adminKey(), CONTACTS, "accountId=" + globex));

        as(ws.adminKey()).header("If-Match", "\"2\"").delete(CONTACTS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(CONTACTS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(List.of(), visibleTo(ws.adminKey()));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = contact(ws.adminKey(), acme, Map.of("title", "CTO"));
        as(ws.adminKey()).body(Map.of("title", "CEO")).patch(CONTACTS + "/" + id).then().statusCode(200);
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("title", "COO")).patch(CONTACTS + "/" + id).then()
                .statusCode(412).contentType("application/problem+json").body("type", endsWith("/stale-version"));
        as(ws.adminKey()).header("If-Match", "\"0\"").delete(CONTACTS + "/" + id).then().statusCode(412);
        as(ws.adminKey()).get(CONTACTS + "/" + id).then().header("ETag", "\"1\"").body("title", equalTo("CEO"));
    }

    @Test
    void contactsFollowTheVisibilityOfTheirAccount() {
        Member manager = newMember(ws, "Mona Manager", "manager", null);
        Member rep = newMember(ws, "Ray Rep", "rep", manager.id());
        Member colleague = newMember(ws, "Cleo Colleague", "rep", manager.id());
        Member outsider = newMember(ws, "Otto Outsider", "rep", null);
        String mine = Fixtures.account(rep.key(), Map.of("name", "Mine"));
        String shared = Fixtures.account(colleague.key(), Map.of("name", "Shared"));
        String theirs = Fixtures.account(colleague.key(), Map.of("name", "Theirs"));
        String outside = Fixtures.account(outsider.key(), Map.of("name", "Outside"));
        String qualify = Fixtures.pipeline(ws.adminKey(), "Sales").getString("stages[0].id");
        Fixtures.opportunity(ws.adminKey(), Map.of("accountId", shared, "stageId", qualify,
                "ownerId", rep.id().toString()));
        String atMine = contact(ws.adminKey(), mine, Map.of("name", "A at mine"));
        String atShared = contact(ws.adminKey(), shared, Map.of("name", "B at shared"));
        String atTheirs = contact(ws.adminKey(), theirs, Map.of("name", "C at theirs"));
        String atOutside = contact(ws.adminKey(), outside, Map.of("name", "D at outside"));

        assertEquals(List.of(atMine, atShared), visibleTo(rep.key()));
        as(rep.key()).get(CONTACTS + "/" + atShared).then().statusCode(200).body("accountId", equalTo(shared));
        // readable through the rep's deal, but the account is not the rep's to change
        as(rep.key()).body(Map.of("title", "X")).patch(CONTACTS + "/" + atShared).then().statusCode(403);
        as(rep.key()).delete(CONTACTS + "/" + atShared).then().statusCode(403);
        as(rep.key()).body(Map.of("accountId", shared, "name", "New")).post(CONTACTS).then().statusCode(403);
        as(rep.key()).get(CONTACTS + "/" + atTheirs).then().statusCode(404);
        as(rep.key()).body(Map.of("title", "X")).patch(CONTACTS + "/" + atTheirs).then().statusCode(404);
        as(rep.key()).delete(CONTACTS + "/" + atTheirs).then().statusCode(404);
        as(rep.key()).body(Map.of("accountId", theirs, "name", "New")).post(CONTACTS).then().statusCode(422)
                .body("errors[0].field", equalTo("accountId"));
        as(rep.key()).body(Map.of("accountId", theirs)).patch(CONTACTS + "/" + atMine).then().statusCode(422)
                .body("errors[0].field", equalTo("accountId"));
        as(rep.key()).body(Map.of("accountId", shared)).patch(CONTACTS + "/" + atMine).then().statusCode(403);
        as(rep.key()).body(Map.of("title", "Buyer")).patch(CONTACTS + "/" + atMine).then().statusCode(200);

        assertEquals(List.of(atMine, atShared, atTheirs), visibleTo(manager.key()));
        as(manager.key()).body(Map.of("title", "Champion")).patch(CONTACTS + "/" + atTheirs).then().statusCode(200);
        as(manager.key()).get(CONTACTS + "/" + atOutside).then().statusCode(404);
        as(manager.key()).body(Map.of("accountId", outside, "name", "New")).post(CONTACTS).then().statusCode(422);

        Member auditor = newMember(ws, "Abe Auditor", "read-only", null);
        assertEquals(List.of(atMine, atShared, atTheirs, atOutside), visibleTo(auditor.key()));
        as(auditor.key()).body(Map.of("accountId", outside, "name", "New")).post(CONTACTS).then().statusCode(403);
        as(auditor.key()).body(Map.of("title", "X")).patch(CONTACTS + "/" + atOutside).then().statusCode(403);
        as(auditor.key()).delete(CONTACTS + "/" + atOutside).then().statusCode(403);

        assertEquals(List.of(atMine, atShared, atTheirs, atOutside), visibleTo(ws.adminKey()));
        as(ws.adminKey()).get(CONTACTS + "/" + atShared).then().body("version", equalTo(0)).body("title", nullValue());
        as(ws.adminKey()).get(CONTACTS + "/" + atMine).then().body("accountId", equalTo(mine))
                .body("title", equalTo("Buyer"));
        as(ws.adminKey()).get(CONTACTS + "/" + atOutside).then().body("version", equalTo(0));
    }

    @Test
    void theAccountIsRequiredAndMustBeInTheWorkspace() {
        Workspace other = newWorkspace("Other");
        String foreign = Fixtures.account(other.adminKey(), Map.of("name", "Foreign"));
        as(ws.adminKey()).body(Map.of("name", "Nobody's")).post(CONTACTS).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("accountId"));
        for (String accountId : List.of(foreign, UUID.randomUUID().toString())) {
            as(ws.adminKey()).body(Map.of("name", "Lost", "accountId", accountId)).post(CONTACTS).then()
                    .statusCode(422).body("errors[0].field", equalTo("accountId"));
        }
        String id = contact(ws.adminKey(), acme, Map.of());
        as(ws.adminKey()).body("{\"accountId\":null}").patch(CONTACTS + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("accountId"));
        as(ws.adminKey()).body(Map.of("accountId", foreign)).patch(CONTACTS + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("accountId"));
        assertEquals(List.of(id), visibleTo(ws.adminKey()));
        assertEquals(List.of(), visibleTo(other.adminKey()));
        as(ws.adminKey()).get(CONTACTS + "/" + id).then().body("accountId", equalTo(acme)).body("version", equalTo(0));
    }

    @Test
    void deletingThePrimaryContactLeavesTheDealWithout() {
        String qualify = Fixtures.pipeline(ws.adminKey(), "Sales").getString("stages[0].id");
        String id = contact(ws.adminKey(), acme, Map.of());
        String deal = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify,
                "primaryContactId", id));
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then().body("primaryContactId", equalTo(id));
        as(ws.adminKey()).delete(CONTACTS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get("/api/v1/opportunities/" + deal).then().statusCode(200)
                .body("primaryContactId", nullValue()).body("accountId", equalTo(acme));
    }

    @Test
    void everyFilterNarrowsTheList() {
        String a = contact(ws.adminKey(), acme, Map.of("name", "Ada Lovelace", "email", "Ada@Acme.example",
                "externalId", "C-1", "externalSource", "salesforce"));
        String b = contact(ws.adminKey(), acme, Map.of("name", "Bob Noyce", "email", "bob@acme.example",
                "externalId", "C-2", "externalSource", "hubspot"));
        String c = contact(ws.adminKey(), globex, Map.of("name", "Carla Bruni", "email", "carla@globex.example"));
        String since = as(ws.adminKey()).body(Map.of("title", "CIO")).patch(CONTACTS + "/" + b).then()
                .statusCode(200).extract().path("updatedAt");
        Map<String, List<String>> expectations = new LinkedHashMap<>();
        expectations.put("id=" + a + "&id=" + c, List.of(a, c));
        expectations.put("accountId=" + acme, List.of(a, b));
        expectations.put("accountId=" + acme + "&accountId=" + globex, List.of(a, b, c));
        expectations.put("accountId=" + UUID.randomUUID(), List.of());
        expectations.put("email=ada@acme.example", List.of(a));
        expectations.put("email=bob@acme.example&email=carla@globex.example", List.of(b, c));
        expectations.put("externalId=C-2", List.of(b));
        expectations.put("externalSource=salesforce&externalSource=hubspot", List.of(a, b));
        expectations.put("updatedSince=" + since, List.of(b));
        expectations.put("q=NOY", List.of(b));
        expectations.put("q=a&accountId=" + globex, List.of(c));
        Listing.assertFilters(ws.adminKey(), CONTACTS, expectations);
    }

    @Test
    void sortsByEachSortableFieldAndPagesWithoutGaps() {
        String b = contact(ws.adminKey(), acme, Map.of("name", "Bravo"));
        String a = contact(ws.adminKey(), globex, Map.of("name", "Alpha"));
        String c = contact(ws.adminKey(), acme, Map.of("name", "Charlie"));
        Listing.assertOrder(ws.adminKey(), CONTACTS, "name", a, b, c);
        Listing.assertOrder(ws.adminKey(), CONTACTS, "-name", c, b, a);
        Listing.assertOrder(ws.adminKey(), CONTACTS, "createdAt", b, a, c);
        Listing.assertOrder(ws.adminKey(), CONTACTS, "-createdAt", c, a, b);
        Listing.assertRejectsBadParameters(ws.adminKey(), CONTACTS);

        List<String> created = new ArrayList<>(List.of(a, b, c));
        for (int i = 0; i < 9; i++) {
            created.add(contact(ws.adminKey(), i % 2 == 0 ? acme : globex, Map.of("name", "Person " + (i % 3))));
        }
        for (String sort : List.of("name", "-name", "createdAt", "-createdAt,name")) {
            List<String> seen = Listing.walk(ws.adminKey(), CONTACTS, sort, 5, 3);
            assertEquals(12, seen.size(), sort);
            assertEquals(new HashSet<>(created), new HashSet<>(seen), sort);
            assertEquals(Listing.ids(ws.adminKey(), CONTACTS, "sort=" + sort), seen, sort);
        }
    }

    @Test
    void anotherWorkspaceCannotSeeOrTouchTheContact() {
        String id = contact(ws.adminKey(), acme, Map.of("name", "Mine"));
        Workspace other = newWorkspace("Other");
        as(other.adminKey()).get(CONTACTS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(other.adminKey()).body(Map.of("name", "X")).patch(CONTACTS + "/" + id).then().statusCode(404);
        as(other.adminKey()).delete(CONTACTS + "/" + id).then().statusCode(404);
        as(other.adminKey()).get(CONTACTS).then().statusCode(200).body("data", hasSize(0));
        as(ws.adminKey()).get(CONTACTS + "/" + id).then().statusCode(200).body("name", equalTo("Mine"))
                .body("version", equalTo(0));
    }

    @Test
    void withoutAKeyNothingIsReadOrWritten() {
        String id = contact(ws.adminKey(), acme, Map.of());
        RestAssured.given().get(CONTACTS).then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().get(CONTACTS + "/" + id).then().statusCode(401);
        RestAssured.given().contentType("application/json").body(Map.of("name", "X", "accountId", acme))
                .post(CONTACTS).then().statusCode(401);
        RestAssured.given().delete(CONTACTS + "/" + id).then().statusCode(401);
        assertEquals(List.of(id), visibleTo(ws.adminKey()));
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        Map<String, Object> valid = Map.of("name", "Valid", "accountId", acme);
        expectProblem(with(valid, "unknownField", 1), 400, "unknownField");
        expectProblem(with(valid, "accountId", "acme"), 400, "accountId");
        expectProblem(with(valid, "email", "not-an-email"), 422, "email");
        expectProblem(with(valid, "phone", "1".repeat(51)), 422, "phone");
        expectProblem(with(valid, "name", " "), 422, "name");
        as(ws.adminKey()).body("{\"name\": \"broken\"").post(CONTACTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        assertEquals(List.of(), visibleTo(ws.adminKey()));

        String id = contact(ws.adminKey(), acme, Map.of("externalId", "X-1", "externalSource", "crm"));
        as(ws.adminKey()).body(Map.of("name", "Twin", "accountId", globex, "externalId", "X-1",
                "externalSource", "crm")).post(CONTACTS).then().statusCode(409).contentType("application/problem+json");
        as(ws.adminKey()).body("{\"name\":null}").patch(CONTACTS + "/" + id).then().statusCode(422)
                .body("errors.field", hasItem("name"));
        as(ws.adminKey()).body(Map.of("email", "nope")).patch(CONTACTS + "/" + id).then().statusCode(422)
                .body("errors.field", hasItem("email"));
        as(ws.adminKey()).body("\"title\"").patch(CONTACTS + "/" + id).then().statusCode(400);
        assertEquals(List.of(id), visibleTo(ws.adminKey()));
        as(ws.adminKey()).get(CONTACTS + "/" + id).then().body("version", equalTo(0)).body("name", equalTo("Grace"))
                .body("email", nullValue());
    }

    private void expectProblem(Map<String, Object> body, int status, String field) {
        as(ws.adminKey()).body(body).post(CONTACTS).then()
                .statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
