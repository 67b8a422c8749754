package org.revops.team;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.Listing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class UserGraphQLTest extends ApiTest {
    private static final String USERS = "/api/v1/users";
    private static final String LIST = """
            query($first: Int, $after: String, $filter: UserFilter, $sort: String) {
              users(first: $first, after: $after, filter: $filter, sort: $sort) {
                edges { cursor node { id name email role managerId manager { name } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final String CREATE = """
            mutation($input: UserInput!) {
              createUser(input: $input) { user { id name email role managerId version } userErrors { field message } }
            }""";
    private static final String UPDATE = """
            mutation($id: String!, $patch: UserPatch!, $v: BigInteger) {
              updateUser(id: $id, patch: $patch, expectedVersion: $v) {
                user { id name email role managerId version } userErrors { field message } }
            }""";
    private static final String DELETE = """
            mutation($id: String!) { deleteUser(id: $id) { deletedId userErrors { field message } } }""";

    @Inject
    Db db;

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

    private List<String> names(String key, Map<String, Object> variables) {
        return GraphQLClient.ok(key, LIST, variables).getList("data.users.edges.node.name");
    }

    @Test
    void listFiltersSortsPagesAndReadsOne() {
        String boss = create("Boss Lady", "boss@example.com", "manager", null);
        String rita = create("Rita Rep", "rita@example.com", "rep", boss);
        create("Otto Rep", "otto@example.com", "rep", boss);
        create("Abe Auditor", "abe@example.com", "read-only", null);

        assertEquals(List.of("Otto Rep", "Rita Rep"), names(ws.adminKey(), Map.of("filter", Map.of("role", List.of("REP")))));
        assertEquals(List.of("Abe Auditor", "Zulu Admin"),
                names(ws.adminKey(), Map.of("filter", Map.of("role", List.of("ADMIN", "READ_ONLY")))));
        assertEquals(List.of("Otto Rep", "Rita Rep"), names(ws.adminKey(), Map.of("filter", Map.of("managerId", List.of(boss)))));
        assertEquals(List.of("Rita Rep"), names(ws.adminKey(), Map.of("filter", Map.of("email", List.of("RITA@Example.com")))));
        assertEquals(List.of("Boss Lady"), names(ws.adminKey(), Map.of("filter", Map.of("q", "boss", "role", List.of("MANAGER")))));
        assertEquals(List.of(), names(ws.adminKey(), Map.of("filter", Map.of("q", "boss", "role", List.of("REP")))));
        assertEquals(List.of("Zulu Admin", "Rita Rep", "Otto Rep", "Boss Lady", "Abe Auditor"),
                names(ws.adminKey(), Map.of("sort", "-name")));
        assertEquals(List.of("Zulu Admin", "Boss Lady", "Rita Rep", "Otto Rep", "Abe Auditor"),
                names(ws.adminKey(), Map.of("sort", "createdAt")));

        // two pages of three by name: no duplicates, no gaps, same order as REST
        JsonPath first = GraphQLClient.ok(ws.adminKey(), LIST, Map.of("first", 3, "sort", "name"));
        assertTrue(first.getBoolean("data.users.pageInfo.hasNextPage"));
        assertEquals(first.getString("data.users.edges[2].cursor"), first.getString("data.users.pageInfo.endCursor"));
        JsonPath second = GraphQLClient.ok(ws.adminKey(), LIST, Map.of("first", 3, "sort", "name",
                "after", first.getString("data.users.pageInfo.endCursor")));
        assertFalse(second.getBoolean("data.users.pageInfo.hasNextPage"));
        List<String> seen = new ArrayList<>(first.getList("data.users.edges.node.id"));
        seen.addAll(second.getList("data.users.edges.node.id"));
        assertEquals(5, seen.size());
        assertEquals(5, new HashSet<>(seen).size());
        assertEquals(Listing.ids(ws.adminKey(), USERS, "sort=name"), seen);
        assertEquals(List.of("Rita Rep", "Zulu Admin"), second.getList("data.users.edges.node.name"));

        JsonPath one = GraphQLClient.ok(ws.adminKey(), """
                query($id: String!) { user(id: $id) { id name email role managerId version manager { id name role } } }""",
                Map.of("id", rita));
        assertEquals(rita, one.getString("data.user.id"));
        assertEquals("Rita Rep", one.getString("data.user.name"));
        assertEquals("rita@example.com", one.getString("data.user.email"));
        assertEquals("REP", one.getString("data.user.role"));
        assertEquals(boss, one.getString("data.user.managerId"));
        assertEquals(0, one.getInt("data.user.version"));
        assertEquals(Map.of("id", boss, "name", "Boss Lady", "role", "MANAGER"), one.getMap("data.user.manager"));
    }

    @Test
    void mutationsCreateUpdateAndDelete() {
        JsonPath created = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("name", " Ada Byron ",
                "email", "ada@example.com", "role", "MANAGER")));
        String id = created.getString("data.createUser.user.id");
        assertEquals(List.of(), created.getList("data.createUser.userErrors"));
        assertEquals("Ada Byron", created.getString("data.createUser.user.name"));
        assertEquals("MANAGER", created.getString("data.createUser.user.role"));
        assertNull(created.get("data.createUser.user.managerId"));
        assertEquals(0, created.getInt("data.createUser.user.version"));
        as(ws.adminKey()).get(USERS + "/" + id).then().statusCode(200).body("name", equalTo("Ada Byron"))
                .body("email", equalTo("ada@example.com")).body("role", equalTo("manager")).body("version", equalTo(0));

        JsonPath updated = GraphQLClient.ok(ws.adminKey(), UPDATE, Map.of("id", id, "v", 0,
                "patch", Map.of("name", "Ada King", "role", "REP", "managerId", ws.adminId().toString())));
        assertEquals(List.of(), updated.getList("data.updateUser.userErrors"));
        assertEquals("Ada King", updated.getString("data.updateUser.user.name"));
        assertEquals("REP", updated.getString("data.updateUser.user.role"));
        assertEquals(ws.adminId().toString(), updated.getString("data.updateUser.user.managerId"));
        assertEquals("ada@example.com", updated.getString("data.updateUser.user.email"));
        assertEquals(1, updated.getInt("data.updateUser.user.version"));
        as(ws.adminKey()).get(USERS + "/" + id).then().body("name", equalTo("Ada King")).body("role", equalTo("rep"))
                .body("managerId", equalTo(ws.adminId().toString())).body("version", equalTo(1));

        // a stale expectedVersion is a GraphQL error (412), not a userError, and changes nothing
        GraphQLClient.post(ws.adminKey(), UPDATE, Map.of("id", id, "v", 0, "patch", Map.of("name", "Stale")))
                .then().statusCode(200).body("errors[0].message", equalTo(
                        "The record has changed: current version is 1. Read it again and retry."))
                .body("data.updateUser", nullValue());
        as(ws.adminKey()).get(USERS + "/" + id).then().body("name", equalTo("Ada King")).body("version", equalTo(1));

        JsonPath deleted = GraphQLClient.ok(ws.adminKey(), DELETE, Map.of("id", id));
        assertEquals(id, deleted.getString("data.deleteUser.deletedId"));
        assertEquals(List.of(), deleted.getList("data.deleteUser.userErrors"));
        as(ws.adminKey()).get(USERS + "/" + id).then().statusCode(404);
        assertEquals(List.of(ws.adminId().toString()), Listing.ids(ws.adminKey(), USERS, ""));
    }

    @Test
    void businessRuleFailuresAreUserErrorsAndWriteNothing() {
        String top = create("Top", "top@example.com", "manager", null);
        String bottom = create("Bottom", "bottom@example.com", "rep", top);

        JsonPath duplicate = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("name", "Top Again",
                "email", "TOP@example.com", "role", "REP")));
        assertNull(duplicate.get("data.createUser.user"));
        assertEquals(1, duplicate.getList("data.createUser.userErrors").size());
        assertNull(duplicate.get("data.createUser.userErrors[0].field"));
        assertTrue(duplicate.getString("data.createUser.userErrors[0].message")
                .startsWith("A record with the same unique value already exists"));

        JsonPath tooLong = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("name", "x".repeat(201),
                "email", "long@example.com", "role", "REP")));
        assertNull(tooLong.get("data.createUser.user"));
        assertEquals(List.of(Map.of("field", "name", "message", "size must be between 0 and 200")),
                tooLong.getList("data.createUser.userErrors"));

        JsonPath unknownManager = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("name", "Orphan",
                "email", "orphan@example.com", "role", "REP", "managerId", UUID.randomUUID().toString())));
        assertEquals(List.of(Map.of("field", "managerId", "message", "no such user in this workspace")),
                unknownManager.getList("data.createUser.userErrors"));

        JsonPath cycle = GraphQLClient.ok(ws.adminKey(), UPDATE, Map.of("id", top, "patch", Map.of("managerId", bottom)));
        assertNull(cycle.get("data.updateUser.user"));
        assertEquals(List.of(Map.of("field", "managerId", "message", "would make a reporting cycle")),
                cycle.getList("data.updateUser.userErrors"));
        JsonPath self = GraphQLClient.ok(ws.adminKey(), UPDATE, Map.of("id", top, "patch", Map.of("managerId", top)));
        assertEquals(List.of(Map.of("field", "managerId", "message", "a user cannot manage themselves")),
                self.getList("data.updateUser.userErrors"));

        JsonPath deleteSelf = GraphQLClient.ok(ws.adminKey(), DELETE, Map.of("id", ws.adminId().toString()));
        assertNull(deleteSelf.get("data.deleteUser.deletedId"));
        assertNull(deleteSelf.get("data.deleteUser.userErrors[0].field"));
        assertEquals(List.of("You cannot delete your own user"), deleteSelf.getList("data.deleteUser.userErrors.message"));

        assertEquals(new HashSet<>(List.of(ws.adminId().toString(), top, bottom)),
                new HashSet<>(Listing.ids(ws.adminKey(), USERS, "")));
        as(ws.adminKey()).get(USERS + "/" + top).then().body("managerId", nullValue()).body("version", equalTo(0));
        as(ws.adminKey()).get(USERS + "/" + bottom).then().body("managerId", equalTo(top)).body("version", equalTo(0));
    }

    @Test
    void everyoneReadsButOnlyAnAdminWrites() {
        Member reader = newMember(ws, "Reader", "read-only", null);
        Member rep = newMember(ws, "Rex Rep", "rep", null);
        // users are workspace-wide: a rep and a reader see everyone
        for (String key : List.of(reader.key(), rep.key())) {
            assertEquals(List.of("Reader", "Rex Rep", "Zulu Admin"), names(key, Map.of()));
        }
        String forbidden = "Only an admin may change workspace configuration";
        for (Member caller : List.of(reader, rep)) {
            GraphQLClient.post(caller.key(), CREATE, Map.of("input", Map.of("name", "New", "email", "new@example.com",
                            "role", "ADMIN")))
                    .then().statusCode(200).body("errors[0].message", equalTo(forbidden))
                    .body("errors[0].path[0]", equalTo("createUser")).body("data.createUser", nullValue());
            GraphQLClient.post(caller.key(), UPDATE, Map.of("id", caller.id().toString(), "patch", Map.of("role", "ADMIN")))
                    .then().statusCode(200).body("errors[0].message", equalTo(forbidden));
            GraphQLClient.post(caller.key(), DELETE, Map.of("id", ws.adminId().toString()))
                    .then().statusCode(200).body("errors[0].message", equalTo(forbidden));
        }
        assertEquals(3, Listing.ids(ws.adminKey(), USERS, "").size());
        as(ws.adminKey()).get(USERS + "/" + reader.id()).then().body("role", equalTo("read-only")).body("version", equalTo(0));
        as(ws.adminKey()).get(USERS + "/" + rep.id()).then().body("role", equalTo("rep")).body("version", equalTo(0));
    }

    @Test
    void anotherWorkspaceSeesNothing() {
        String ada = create("Ada", "ada@example.com", "rep", ws.adminId());
        Workspace other = newWorkspace("Other");
        GraphQLClient.post(other.adminKey(), "query($id: String!) { user(id: $id) { id name email } }", Map.of("id", ada))
                .then().statusCode(200).body("errors[0].message", equalTo("User not found"))
                .body("data.user", nullValue());
        assertEquals(List.of("Other Admin"), names(other.adminKey(), Map.of()));
        assertEquals(List.of(), names(other.adminKey(), Map.of("filter", Map.of("id", List.of(ada)))));
        GraphQLClient.post(other.adminKey(), UPDATE, Map.of("id", ada, "patch", Map.of("name", "Stolen")))
                .then().statusCode(200).body("errors[0].message", equalTo("User not found"));
        GraphQLClient.post(other.adminKey(), DELETE, Map.of("id", ada))
                .then().statusCode(200).body("errors[0].message", equalTo("User not found"));
        as(ws.adminKey()).get(USERS + "/" + ada).then().statusCode(200).body("name", equalTo("Ada"))
                .body("version", equalTo(0));
    }

    @Test
    void managersResolveInOneStatementWhateverThePageSize() {
        String boss = create("Boss", "boss@example.com", "manager", null);
        for (int i = 0; i < 2; i++) {
            create("Rep " + i, "rep" + i + "@example.com", "rep", boss);
        }
        long small = statementsFor(3);
        for (int i = 2; i < 9; i++) {
            create("Rep " + i, "rep" + i + "@example.com", "rep", i % 2 == 0 ? boss : ws.adminId());
        }
        long large = statementsFor(10);
        // authentication 1 + users page 1 + managers of the whole page 1
        assertEquals(3, small);
        assertEquals(small, large, "statement count must not grow with the page");
    }

    private long statementsFor(int first) {
        String query = """
                query($first: Int) { users(first: $first, sort: "name") { edges { node { name manager { name } } } } }""";
        long before = db.statementCount();
        JsonPath result = GraphQLClient.ok(ws.adminKey(), query, Map.of("first", first));
        long after = db.statementCount();
        List<String> expectedNames = new ArrayList<>(List.of("Boss"));
        List<String> expectedManagers = new ArrayList<>(java.util.Arrays.asList((String) null));
        for (int i = 0; i < first - 1; i++) {
            expectedNames.add("Rep " + i);
            expectedManagers.add(i < 2 || i % 2 == 0 ? "Boss" : "Zulu Admin");
        }
        assertEquals(expectedNames, result.getList("data.users.edges.node.name"));
        List<Map<String, Object>> nodes = result.getList("data.users.edges.node");
        assertEquals(expectedManagers, nodes.stream()
                .map(n -> n.get("manager") == null ? null : (String) ((Map<?, ?>) n.get("manager")).get("name")).toList());
        return after - before;
    }
}
