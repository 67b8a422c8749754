package org.revops.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
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
class ContactGraphQLTest extends ApiTest {
    private static final String CONTACTS = "/api/v1/contacts";
    private static final String LIST = """
            query($first: Int, $after: String, $filter: ContactFilter, $sort: String) {
              contacts(first: $first, after: $after, filter: $filter, sort: $sort) {
                edges { cursor node { id name } } pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final String GET = "query($id: String!) { contact(id: $id) { id name accountId account { name } } }";
    private static final String FIELDS = "id accountId name email phone title version";
    private static final String CREATE = "mutation($input: ContactInput!) { createContact(input: $input) { contact { "
            + FIELDS + " } userErrors { field message } } }";
    private static final String UPDATE = """
            mutation($id: String!, $patch: ContactPatch!, $v: BigInteger) {
              updateContact(id: $id, patch: $patch, expectedVersion: $v) { contact { %s } userErrors { field message } }
            }""".formatted(FIELDS);
    private static final String DELETE = """
            mutation($id: String!) { deleteContact(id: $id) { deletedId userErrors { field message } } }""";

    @Inject
    Db db;

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

    private List<String> names(String key, Map<String, Object> variables) {
        return GraphQLClient.ok(key, LIST, variables).getList("data.contacts.edges.node.name");
    }

    private List<String> filtered(String name, Object value) {
        return names(ws.adminKey(), Map.of("filter", Map.of(name, value)));
    }

    @Test
    void listFiltersSortsPagesAndReadsOne() {
        String ada = contact(ws.adminKey(), acme, Map.of("name", "Ada Lovelace", "email", "Ada@Acme.example",
                "externalId", "C-1", "externalSource", "salesforce", "title", "CTO"));
        String bob = contact(ws.adminKey(), acme, Map.of("name", "Bob Noyce", "email", "bob@acme.example",
                "externalId", "C-2", "externalSource", "hubspot"));
        contact(ws.adminKey(), globex, Map.of("name", "Carla Bruni", "email", "carla@globex.example"));
        String since = as(ws.adminKey()).body(Map.of("title", "CIO")).patch(CONTACTS + "/" + bob).then()
                .statusCode(200).extract().path("updatedAt");

        assertEquals(List.of("Ada Lovelace", "Bob Noyce"), filtered("accountId", List.of(acme)));
        assertEquals(List.of("Ada Lovelace"), filtered("email", List.of("ada@acme.example")));
        assertEquals(List.of("Bob Noyce", "Carla Bruni"), filtered("email", List.of("bob@acme.example", "CARLA@globex.example")));
        assertEquals(List.of("Bob Noyce"), filtered("externalId", List.of("C-2")));
        assertEquals(List.of("Ada Lovelace", "Bob Noyce"), filtered("externalSource", List.of("salesforce", "hubspot")));
        assertEquals(List.of("Bob Noyce"), filtered("updatedSince", since));
        assertEquals(List.of("Bob Noyce"), filtered("q", "NOY"));
        assertEquals(List.of(), filtered("accountId", List.of(UUID.randomUUID().toString())));
        assertEquals(List.of("Carla Bruni"), names(ws.adminKey(), Map.of("filter", Map.of("q", "a", "accountId", List.of(globex)))));
        assertEquals(List.of("Carla Bruni", "Bob Noyce", "Ada Lovelace"), names(ws.adminKey(), Map.of("sort", "-name")));
        assertEquals(List.of("Carla Bruni", "Bob Noyce", "Ada Lovelace"), names(ws.adminKey(), Map.of("sort", "-createdAt")));

        for (int i = 0; i < 3; i++) {
            contact(ws.adminKey(), globex, Map.of("name", "Dora " + (i % 2)));
        }
        JsonPath first = GraphQLClient.ok(ws.adminKey(), LIST, Map.of("first", 3, "sort", "name"));
        assertTrue(first.getBoolean("data.contacts.pageInfo.hasNextPage"));
        assertEquals(first.getString("data.contacts.edges[2].cursor"), first.getString("data.contacts.pageInfo.endCursor"));
        JsonPath second = GraphQLClient.ok(ws.adminKey(), LIST, Map.of("first", 3, "sort", "name",
                "after", first.getString("data.contacts.pageInfo.endCursor")));
        assertFalse(second.getBoolean("data.contacts.pageInfo.hasNextPage"));
        List<String> seen = new ArrayList<>(first.getList("data.contacts.edges.node.id"));
        seen.addAll(second.getList("data.contacts.edges.node.id"));
        assertEquals(6, new HashSet<>(seen).size());
        assertEquals(Listing.ids(ws.adminKey(), CONTACTS, "sort=name"), seen);
        assertEquals(List.of("Dora 0", "Dora 0", "Dora 1"), second.getList("data.contacts.edges.node.name"));

        JsonPath one = GraphQLClient.ok(ws.adminKey(), """
                query($id: String!) { contact(id: $id) { id accountId name email title externalId externalSource version
                  account { name } } }""", Map.of("id", ada));
        assertEquals(Map.of("id", ada, "accountId", acme, "name", "Ada Lovelace", "email", "Ada@Acme.example",
                "title", "CTO", "externalId", "C-1", "externalSource", "salesforce", "version", 0,
                "account", Map.of("name", "Acme")), one.getMap("data.contact"));
    }

    @Test
    void mutationsCreateUpdateAndDelete() {
        JsonPath created = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("accountId", acme,
                "name", "Grace Hopper", "email", "grace@acme.example", "phone", "+49 89 1234567", "title", "Buyer")));
        assertEquals(List.of(), created.getList("data.createContact.userErrors"));
        String id = created.getString("data.createContact.contact.id");
        assertEquals(Map.of("id", id, "accountId", acme, "name", "Grace Hopper", "email", "grace@acme.example",
                "phone", "+49 89 1234567", "title", "Buyer", "version", 0), created.getMap("data.createContact.contact"));
        as(ws.adminKey()).get(CONTACTS + "/" + id).then().statusCode(200).body("name", equalTo("Grace Hopper"))
                .body("accountId", equalTo(acme)).body("title", equalTo("Buyer")).body("version", equalTo(0));

        JsonPath updated = GraphQLClient.ok(ws.adminKey(), UPDATE, Map.of("id", id, "v", 0,
                "patch", Map.of("title", "CFO", "accountId", globex)));
        assertEquals(List.of(), updated.getList("data.updateContact.userErrors"));
        assertEquals("CFO", updated.getString("data.updateContact.contact.title"));
        assertEquals(globex, updated.getString("data.updateContact.contact.accountId"));
        assertEquals("+49 89 1234567", updated.getString("data.updateContact.contact.phone"));
        assertEquals(1, updated.getInt("data.updateContact.contact.version"));
        as(ws.adminKey()).get(CONTACTS + "/" + id).then().body("title", equalTo("CFO"))
                .body("accountId", equalTo(globex)).body("version", equalTo(1));
        assertEquals(List.of(id), Listing.ids(ws.adminKey(), CONTACTS, "accountId=" + globex));

        JsonPath deleted = GraphQLClient.ok(ws.adminKey(), DELETE, Map.of("id", id));
        assertEquals(id, deleted.getString("data.deleteContact.deletedId"));
        assertEquals(List.of(), deleted.getList("data.deleteContact.userErrors"));
        as(ws.adminKey()).get(CONTACTS + "/" + id).then().statusCode(404);
        assertEquals(List.of(), Listing.ids(ws.adminKey(), CONTACTS, ""));
    }

    @Test
    void businessRuleFailuresAreUserErrorsAndWriteNothing() {
        Workspace other = newWorkspace("Other");
        String foreign = Fixtures.account(other.adminKey(), Map.of("name", "Foreign"));
        for (String accountId : List.of(foreign, UUID.randomUUID().toString())) {
            JsonPath lost = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("accountId", accountId,
                    "name", "Lost")));
            assertNull(lost.get("data.createContact.contact"));
            assertEquals(List.of(Map.of("field", "accountId", "message", "no such account")),
                    lost.getList("data.createContact.userErrors"));
        }
        JsonPath invalid = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("accountId", acme,
                "name", "Valid", "email", "not-an-email", "phone", "1".repeat(51))));
        assertEquals(List.of(Map.of("field", "email", "message", "must be a well-formed email address"),
                Map.of("field", "phone", "message", "size must be between 0 and 50")),
                invalid.getList("data.createContact.userErrors"));
        assertEquals(List.of(), Listing.ids(ws.adminKey(), CONTACTS, ""));

        String id = contact(ws.adminKey(), acme, Map.of("name", "Grace"));
        JsonPath moved = GraphQLClient.ok(ws.adminKey(), UPDATE, Map.of("id", id, "patch", Map.of("accountId", foreign)));
        assertNull(moved.get("data.updateContact.contact"));
        assertEquals(List.of(Map.of("field", "accountId", "message", "no such account")),
                moved.getList("data.updateContact.userErrors"));
        JsonPath tooLong = GraphQLClient.ok(ws.adminKey(), UPDATE, Map.of("id", id, "patch", Map.of("name", "x".repeat(201))));
        assertEquals(List.of(Map.of("field", "name", "message", "size must be between 0 and 200")),
                tooLong.getList("data.updateContact.userErrors"));

        assertEquals(List.of(id), Listing.ids(ws.adminKey(), CONTACTS, ""));
        assertEquals(List.of(), Listing.ids(other.adminKey(), CONTACTS, ""));
        as(ws.adminKey()).get(CONTACTS + "/" + id).then().body("accountId", equalTo(acme)).body("name", equalTo("Grace"))
                .body("version", equalTo(0));
    }

    @Test
    void aReaderCannotWriteAndARepSeesContactsOfOwnAndDealAccountsOnly() {
        Member reader = newMember(ws, "Reader", "read-only", null);
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        Member colleague = newMember(ws, "Cleo Colleague", "rep", null);
        String mine = Fixtures.account(rep.key(), Map.of("name", "Mine"));
        String shared = Fixtures.account(colleague.key(), Map.of("name", "Shared"));
        String theirs = Fixtures.account(colleague.key(), Map.of("name", "Theirs"));
        String qualify = Fixtures.pipeline(ws.adminKey(), "Sales").getString("stages[0].id");
        Fixtures.opportunity(ws.adminKey(), Map.of("accountId", shared, "stageId", qualify, "ownerId", rep.id().toString()));
        String atMine = contact(ws.adminKey(), mine, Map.of("name", "A at mine"));
        String atShared = contact(ws.adminKey(), shared, Map.of("name", "B at shared"));
        String atTheirs = contact(ws.adminKey(), theirs, Map.of("name", "C at theirs"));

        String readOnly = "A read-only key cannot change data";
        GraphQLClient.post(reader.key(), CREATE, Map.of("input", Map.of("accountId", mine, "name", "New"))).then()
                .statusCode(200).body("errors[0].message", equalTo(readOnly)).body("data.createContact", nullValue());
        GraphQLClient.post(reader.key(), UPDATE, Map.of("id", atMine, "patch", Map.of("title", "X"))).then()
                .body("errors[0].message", equalTo(readOnly)).body("data.updateContact", nullValue());
        GraphQLClient.post(reader.key(), DELETE, Map.of("id", atMine)).then()
                .body("errors[0].message", equalTo(readOnly)).body("data.deleteContact", nullValue());
        assertEquals(List.of("A at mine", "B at shared", "C at theirs"), names(reader.key(), Map.of()));

        JsonPath visible = GraphQLClient.ok(rep.key(), "{ contacts { edges { node { name account { name } } } } }", null);
        assertEquals(List.of("A at mine", "B at shared"), visible.getList("data.contacts.edges.node.name"));
        assertEquals(List.of("Mine", "Shared"), visible.getList("data.contacts.edges.node.account.name"));
        GraphQLClient.post(rep.key(), GET, Map.of("id", atTheirs)).then()
                .body("errors[0].message", equalTo("Contact not found")).body("data.contact", nullValue());
        GraphQLClient.post(rep.key(), UPDATE, Map.of("id", atShared, "patch", Map.of("title", "X"))).then()
                .body("errors[0].message", equalTo("You may read this record but not change it: it belongs to someone else"));
        GraphQLClient.post(rep.key(), DELETE, Map.of("id", atTheirs)).then()
                .body("errors[0].message", equalTo("Contact not found"));
        JsonPath atHidden = GraphQLClient.ok(rep.key(), CREATE, Map.of("input", Map.of("accountId", theirs, "name", "New")));
        assertEquals(List.of(Map.of("field", "accountId", "message", "no such account")),
                atHidden.getList("data.createContact.userErrors"));

        assertEquals(List.of(atMine, atShared, atTheirs), Listing.ids(ws.adminKey(), CONTACTS, ""));
        for (String id : List.of(atMine, atShared, atTheirs)) {
            as(ws.adminKey()).get(CONTACTS + "/" + id).then().body("version", equalTo(0)).body("title", nullValue());
        }
    }

    @Test
    void anotherWorkspaceSeesNothing() {
        String id = contact(ws.adminKey(), acme, Map.of("name", "Mine", "email", "mine@acme.example"));
        Workspace other = newWorkspace("Other");
        GraphQLClient.post(other.adminKey(), GET, Map.of("id", id)).then().statusCode(200)
                .body("errors[0].message", equalTo("Contact not found")).body("data.contact", nullValue());
        assertEquals(List.of(), names(other.adminKey(), Map.of()));
        assertEquals(List.of(), names(other.adminKey(), Map.of("filter", Map.of("email", List.of("mine@acme.example")))));
        GraphQLClient.post(other.adminKey(), UPDATE, Map.of("id", id, "patch", Map.of("name", "Stolen"))).then()
                .body("errors[0].message", equalTo("Contact not found")).body("data.updateContact", nullValue());
        GraphQLClient.post(other.adminKey(), DELETE, Map.of("id", id)).then()
                .body("errors[0].message", equalTo("Contact not found"));
        as(ws.adminKey()).get(CONTACTS + "/" + id).then().statusCode(200).body("name", equalTo("Mine"))
                .body("version", equalTo(0));
    }

    @Test
    void accountsAndTheirOwnersResolveInOneStatementEachWhateverThePageSize() {
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        String repAccount = Fixtures.account(ws.adminKey(), Map.of("name", "Rep Corp", "ownerId", rep.id().toString()));
        List<String> accounts = List.of(acme, globex, repAccount);
        List<String> accountNames = List.of("Acme", "Globex", "Rep Corp");
        List<String> ownerNames = List.of("Contacts Admin", "Contacts Admin", "Ray Rep");
        long small = statementsFor(2, accounts, accountNames, ownerNames);
        long large = statementsFor(9, accounts, accountNames, ownerNames);
        // authentication 1 + contacts page 1 + accounts of the page 1 + owners of those accounts 1
        assertEquals(4, small);
        assertEquals(small, large, "statement count must not grow with the page");
    }

    /** Tops the workspace up to {@code size} contacts spread over the accounts and reads them with account and owner. */
    private long statementsFor(int size, List<String> accounts, List<String> accountNames, List<String> ownerNames) {
        int existing = Listing.ids(ws.adminKey(), CONTACTS, "").size();
        for (int i = existing; i < size; i++) {
            contact(ws.adminKey(), accounts.get(i % 3), Map.of("name", "Person " + i));
        }
        long before = db.statementCount();
        JsonPath result = GraphQLClient.ok(ws.adminKey(), """
                query($first: Int) { contacts(first: $first, sort: "createdAt") { edges { node {
                  name account { name owner { name } } } } } }""", Map.of("first", size));
        long after = db.statementCount();
        List<Map<String, Object>> nodes = result.getList("data.contacts.edges.node");
        assertEquals(size, nodes.size());
        for (int i = 0; i < size; i++) {
            assertEquals(Map.of("name", "Person " + i, "account", Map.of("name", accountNames.get(i % 3),
                    "owner", Map.of("name", ownerNames.get(i % 3)))), nodes.get(i));
        }
        return after - before;
    }
}
