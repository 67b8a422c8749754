package org.revops.team;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.Listing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class UserResourceTest extends ApiTest {
    private static final String USERS = "/api/v1/users";
    private Workspace ws;

    @BeforeEach
    void setUp() {
        // "Zulu Admin" sorts after every user these tests name
        ws = newWorkspace("Zulu");
    }

    private String create(String name, String email, String role, Object managerId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "email", email, "role", role));
        body.put("managerId", managerId == null ? null : managerId.toString());
        return as(ws.adminKey()).body(body).post(USERS).then().statusCode(201).extract().path("id");
    }

    private List<String> allIds() {
        return Listing.ids(ws.adminKey(), USERS, "");
    }

    @Test
    void createReadUpdateDelete() {
        String location = as(ws.adminKey()).body(Map.of("name", "Ada Byron", "email", "ada@example.com",
                        "role", "rep", "managerId", ws.adminId().toString()))
                .post(USERS).then()
                .statusCode(201).header("ETag", "\"0\"")
                .body("name", equalTo("Ada Byron")).body("email", equalTo("ada@example.com"))
                .body("role", equalTo("rep")).body("managerId", equalTo(ws.adminId().toString()))
                .body("version", equalTo(0))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertEquals(USERS + "/" + id, location.substring(location.indexOf(USERS)));

        RestAssured.given().header("Authorization", "Bearer " + ws.adminKey()).get(location).then()
                .statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id)).body("role", equalTo("rep"));

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("role", "manager")).patch(USERS + "/" + id).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("role", equalTo("manager")).body("name", equalTo("Ada Byron"))
                .body("managerId", equalTo(ws.adminId().toString()));
        // plain application/json is accepted too, and null clears a field
        as(ws.adminKey()).header("If-Match", "\"1\"").body("{\"managerId\":null,\"name\":\"Ada King\"}")
                .patch(USERS + "/" + id).then()
                .statusCode(200).header("ETag", "\"2\"")
                .body("managerId", nullValue()).body("name", equalTo("Ada King")).body("role", equalTo("manager"));

        as(ws.adminKey()).header("If-Match", "\"2\"").delete(USERS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(USERS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(List.of(ws.adminId().toString()), allIds());
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = create("Bo Rep", "bo@example.com", "rep", null);
        as(ws.adminKey()).body(Map.of("name", "Bo Renamed")).patch(USERS + "/" + id).then().statusCode(200);
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("name", "Bo Stale"))
                .patch(USERS + "/" + id).then()
                .statusCode(412).contentType("application/problem+json").body("type", endsWith("/stale-version"));
        as(ws.adminKey()).header("If-Match", "\"0\"").delete(USERS + "/" + id).then().statusCode(412);
        as(ws.adminKey()).get(USERS + "/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("name", equalTo("Bo Renamed"));
    }

    @Test
    void everyoneReadsButOnlyAnAdminWrites() {
        Member manager = newMember(ws, "Mia Manager", "manager", null);
        Member rep = newMember(ws, "Rex Rep", "rep", manager.id());
        Member integration = newMember(ws, "Ivy Integration", "integration", null);
        Member auditor = newMember(ws, "Abe Auditor", "read-only", null);
        List<String> everyone = allIds();
        assertEquals(5, everyone.size());
        for (Member caller : List.of(manager, rep, integration, auditor)) {
            // users are workspace-wide: every role sees everyone, not just a subtree
            assertEquals(everyone, Listing.ids(caller.key(), USERS, ""));
            as(caller.key()).get(USERS + "/" + ws.adminId()).then().statusCode(200).body("role", equalTo("admin"));
            as(caller.key()).body(Map.of("name", "New", "email", "new@example.com", "role", "rep"))
                    .post(USERS).then().statusCode(403).contentType("application/problem+json");
            as(caller.key()).body(Map.of("role", "admin")).patch(USERS + "/" + caller.id()).then().statusCode(403);
            as(caller.key()).body(Map.of("name", "Hijacked")).patch(USERS + "/" + rep.id()).then().statusCode(403);
            as(caller.key()).delete(USERS + "/" + rep.id()).then().statusCode(403);
        }
        assertEquals(everyone, allIds());
        as(ws.adminKey()).get(USERS + "/" + rep.id()).then().header("ETag", "\"0\"")
                .body("name", equalTo("Rex Rep")).body("role", equalTo("rep"));
        as(manager.key()).get(USERS + "/" + manager.id()).then().body("role", equalTo("manager"));
    }

    @Test
    void theManagerMustExistAndMustNotMakeACycle() {
        String top = create("Top", "top@example.com", "manager", null);
        String middle = create("Middle", "middle@example.com", "manager", top);
        String bottom = create("Bottom", "bottom@example.com", "rep", middle);
        Workspace other = newWorkspace("Other");

        expectManagerRefused(Map.of("name", "X", "email", "x@example.com", "role", "rep",
                "managerId", UUID.randomUUID().toString()), null);
        expectManagerRefused(Map.of("name", "X", "email", "x@example.com", "role", "rep",
                "managerId", other.adminId().toString()), null);
        expectManagerRefused(Map.of("managerId", top), top);
        expectManagerRefused(Map.of("managerId", middle), top);
        expectManagerRefused(Map.of("managerId", bottom), top);
        expectManagerRefused(Map.of("managerId", bottom), middle);
        expectManagerRefused(Map.of("managerId", UUID.randomUUID().toString()), bottom);

        assertEquals(4, allIds().size());
        as(ws.adminKey()).get(USERS + "/" + top).then().body("managerId", nullValue()).body("version", equalTo(0));
        as(ws.adminKey()).get(USERS + "/" + middle).then().body("managerId", equalTo(top)).body("version", equalTo(0));
        // moving a subtree sideways is fine
        as(ws.adminKey()).body(Map.of("managerId", top)).patch(USERS + "/" + bottom).then().statusCode(200)
                .body("managerId", equalTo(top));
        as(ws.adminKey()).body(Map.of("managerId", bottom)).patch(USERS + "/" + middle).then().statusCode(200)
                .body("managerId", equalTo(bottom));
    }

    /** A create (when {@code userId} is null) or a patch of {@code userId} is 422 on managerId. */
    private void expectManagerRefused(Map<String, Object> body, String userId) {
        var request = as(ws.adminKey()).body(body);
        (userId == null ? request.post(USERS) : request.patch(USERS + "/" + userId)).then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("managerId"));
    }

    @Test
    void anEmailIsUsedOncePerWorkspace() {
        String ada = create("Ada", "ada@example.com", "rep", null);
        String bob = create("Bob", "bob@example.com", "rep", null);
        as(ws.adminKey()).body(Map.of("name", "Ada Again", "email", "ADA@example.com", "role", "rep"))
                .post(USERS).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/conflict"));
        as(ws.adminKey()).body(Map.of("email", "Ada@Example.com")).patch(USERS + "/" + bob).then().statusCode(409);
        assertEquals(new HashSet<>(List.of(ws.adminId().toString(), ada, bob)), new HashSet<>(allIds()));
        as(ws.adminKey()).get(USERS + "/" + bob).then().body("email", equalTo("bob@example.com"))
                .body("version", equalTo(0));
        // another workspace may use the same address
        Workspace other = newWorkspace("Other");
        as(other.adminKey()).body(Map.of("name", "Ada", "email", "ada@example.com", "role", "rep"))
                .post(USERS).then().statusCode(201);
    }

    @Test
    void aUserWhoOwnsRecordsOrManagesOthersIsNotDeleted() {
        Member owner = newMember(ws, "Olga Owner", "rep", null);
        String account = Fixtures.account(owner.key(), Map.of("name", "Olga's account"));
        String boss = create("Boss", "boss@example.com", "manager", null);
        String report = create("Report", "report@example.com", "rep", boss);

        as(ws.adminKey()).delete(USERS + "/" + owner.id()).then().statusCode(409)
                .contentType("application/problem+json");
        as(ws.adminKey()).delete(USERS + "/" + boss).then().statusCode(409);
        as(ws.adminKey()).delete(USERS + "/" + ws.adminId()).then().statusCode(409);
        assertEquals(4, allIds().size());
        as(owner.key()).get("/api/v1/accounts/" + account).then().statusCode(200);

        as(ws.adminKey()).body(Map.of("ownerId", ws.adminId().toString())).patch("/api/v1/accounts/" + account)
                .then().statusCode(200);
        as(ws.adminKey()).delete(USERS + "/" + owner.id()).then().statusCode(204);
        as(ws.adminKey()).body("{\"managerId\":null}").patch(USERS + "/" + report).then().statusCode(200);
        as(ws.adminKey()).delete(USERS + "/" + boss).then().statusCode(204);
        assertEquals(new HashSet<>(List.of(ws.adminId().toString(), report)), new HashSet<>(allIds()));
        // the deleted user's key went with them
        as(owner.key()).get(USERS).then().statusCode(401);
    }

    @Test
    void everyFilterNarrowsTheList() {
        String admin = ws.adminId().toString();
        String boss = create("Boss Lady", "boss@example.com", "manager", null);
        String rep = create("Rita Rep", "rita@example.com", "rep", boss);
        String other = create("Otto Rep", "otto@example.com", "rep", boss);
        String auditor = create("Abe Auditor", "abe@example.com", "read-only", null);
        Map<String, List<String>> expectations = new LinkedHashMap<>();
        expectations.put("", List.of(admin, boss, rep, other, auditor));
        expectations.put("id=" + rep + "&id=" + auditor, List.of(rep, auditor));
        expectations.put("role=rep", List.of(rep, other));
        expectations.put("role=admin&role=read-only", List.of(admin, auditor));
        expectations.put("role=integration", List.of());
        expectations.put("managerId=" + boss, List.of(rep, other));
        expectations.put("managerId=" + rep, List.of());
        expectations.put("email=rita@example.com", List.of(rep));
        expectations.put("email=RITA@Example.com", List.of(rep));
        expectations.put("email=rita@example.com&email=abe@example.com", List.of(rep, auditor));
        expectations.put("q=REP", List.of(rep, other));
        expectations.put("q=boss&role=manager", List.of(boss));
        expectations.put("q=boss&role=rep", List.of());
        Listing.assertFilters(ws.adminKey(), USERS, expectations);
    }

    @Test
    void sortsByEachSortableField() {
        String admin = ws.adminId().toString();
        String c = create("Charlie", "c@example.com", "rep", null);
        String a = create("Alpha", "a@example.com", "rep", null);
        String b = create("Bravo", "b@example.com", "rep", null);
        Listing.assertOrder(ws.adminKey(), USERS, "name", a, b, c, admin);
        Listing.assertOrder(ws.adminKey(), USERS, "-name", admin, c, b, a);
        Listing.assertOrder(ws.adminKey(), USERS, "createdAt", admin, c, a, b);
        Listing.assertOrder(ws.adminKey(), USERS, "-createdAt", b, a, c, admin);
        Listing.assertOrder(ws.adminKey(), USERS, "", a, b, c, admin);
        Listing.assertRejectsBadParameters(ws.adminKey(), USERS);
    }

    @Test
    void cursorPagingVisitsEveryUserOnce() {
        List<String> created = new java.util.ArrayList<>(List.of(ws.adminId().toString()));
        for (int i = 0; i < 12; i++) {
            // pairs of equal names, so the id tie-breaker matters
            created.add(create("User " + (i / 2), "u" + i + "@example.com", "rep", null));
        }
        for (String sort : List.of("name", "-name", "createdAt", "-createdAt")) {
            List<String> seen = Listing.walk(ws.adminKey(), USERS, sort, 4, 4);
            assertEquals(13, seen.size(), sort);
            assertEquals(new HashSet<>(created), new HashSet<>(seen), sort);
            assertEquals(Listing.ids(ws.adminKey(), USERS, "sort=" + sort), seen, sort);
        }
    }

    @Test
    void anotherWorkspaceCannotSeeOrTouchTheUser() {
        String id = create("Ada", "ada@example.com", "rep", null);
        Workspace other = newWorkspace("Other");
        as(other.adminKey()).get(USERS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as(other.adminKey()).body(Map.of("name", "X")).patch(USERS + "/" + id).then().statusCode(404);
        as(other.adminKey()).delete(USERS + "/" + id).then().statusCode(404);
        as(other.adminKey()).get(USERS).then().statusCode(200).body("data.id", contains(other.adminId().toString()));
        as(ws.adminKey()).get(USERS + "/" + id).then().statusCode(200).body("name", equalTo("Ada"))
                .body("version", equalTo(0));
    }

    @Test
    void withoutAKeyNothingIsReadOrWritten() {
        RestAssured.given().get(USERS).then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().get(USERS + "/" + ws.adminId()).then().statusCode(401);
        RestAssured.given().contentType("application/json")
                .body(Map.of("name", "X", "email", "x@example.com", "role", "admin")).post(USERS)
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().contentType("application/json").body(Map.of("name", "X"))
                .patch(USERS + "/" + ws.adminId()).then().statusCode(401);
        assertEquals(List.of(ws.adminId().toString()), allIds());
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        Map<String, Object> valid = Map.of("name", "Valid", "email", "valid@example.com", "role", "rep");
        expectProblem(with(valid, "unknownField", 1), 400, "unknownField");
        expectProblem(with(valid, "managerId", "not-a-uuid"), 400, "managerId");
        expectProblem(with(valid, "role", "emperor"), 400, "role");
        expectProblem(with(valid, "name", ""), 422, "name");
        expectProblem(with(valid, "name", "x".repeat(201)), 422, "name");
        expectProblem(with(valid, "email", "not-an-email"), 422, "email");
        expectProblem(with(valid, "role", null), 422, "role");
        as(ws.adminKey()).body("{\"name\": \"broken\"").post(USERS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
        assertEquals(List.of(ws.adminId().toString()), allIds());

        String id = create("Valid", "valid@example.com", "rep", null);
        as(ws.adminKey()).body("{\"name\":null}").patch(USERS + "/" + id).then().statusCode(422)
                .body("errors.field", hasItem("name"));
        as(ws.adminKey()).body(Map.of("email", "nope")).patch(USERS + "/" + id).then().statusCode(422)
                .body("errors.field", hasItem("email"));
        as(ws.adminKey()).body(Map.of("role", "emperor")).patch(USERS + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
        as(ws.adminKey()).body("[]").patch(USERS + "/" + id).then().statusCode(400);
        as(ws.adminKey()).header("If-Match", "yesterday").body(Map.of("name", "X")).patch(USERS + "/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        as(ws.adminKey()).get(USERS + "/" + id).then().body("version", equalTo(0)).body("name", equalTo("Valid"))
                .body("role", equalTo("rep"));
    }

    private void expectProblem(Map<String, Object> body, int status, String field) {
        as(ws.adminKey()).body(body).post(USERS).then()
                .statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
