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

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AccountGraphQLTest extends ApiTest {
    private static final String ACCOUNTS = "/api/v1/accounts";
    private static final String LIST = """
            query($first: Int, $after: String, $filter: AccountFilter, $sort: String) {
              accounts(first: $first, after: $after, filter: $filter, sort: $sort) {
                edges { cursor node { id name } } pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final String GET = "query($id: String!) { account(id: $id) { id name tier ownerId } }";
    private static final String FIELDS = "id name industry employeeCount annualRevenue currency country tier ownerId version";
    private static final String CREATE = "mutation($input: AccountInput!) { createAccount(input: $input) { account { "
            + FIELDS + " } userErrors { field message } } }";
    private static final String UPDATE = """
            mutation($id: String!, $patch: AccountPatch!, $v: BigInteger) {
              updateAccount(id: $id, patch: $patch, expectedVersion: $v) { account { %s } userErrors { field message } }
            }""".formatted(FIELDS);
    private static final String DELETE = """
            mutation($id: String!) { deleteAccount(id: $id) { deletedId userErrors { field message } } }""";

    @Inject
    Db db;

    private Workspace ws;
    private String qualify;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Accounts");
        qualify = Fixtures.pipeline(ws.adminKey(), "New business").getString("stages[0].id");
    }

    private List<String> names(String key, Map<String, Object> variables) {
        return GraphQLClient.ok(key, LIST, variables).getList("data.accounts.edges.node.name");
    }

    private List<String> filtered(String name, Object value) {
        return names(ws.adminKey(), Map.of("filter", Map.of(name, value)));
    }

    @Test
    void listFiltersSortsPagesAndReadsOne() {
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        String alpha = Fixtures.account(ws.adminKey(), Map.of("name", "Alpha Corp", "industry", "Retail",
                "country", "DE", "tier", "A", "employeeCount", 50, "annualRevenue", 1000000, "city", "Munich"));
        Fixtures.account(ws.adminKey(), Map.of("name", "Beta Ltd", "industry", "Energy", "country", "GB", "tier", "B",
                "employeeCount", 500, "annualRevenue", 5000000, "ownerId", rep.id().toString()));
        Fixtures.account(ws.adminKey(), Map.of("name", "Gamma Inc", "industry", "Retail",
                "country", "US", "tier", "C", "employeeCount", 5000));
        String since = as(ws.adminKey()).body(Map.of("region", "EMEA")).patch(ACCOUNTS + "/" + alpha).then()
                .statusCode(200).extract().path("updatedAt");

        assertEquals(List.of("Alpha Corp", "Gamma Inc"), filtered("industry", List.of("Retail")));
        assertEquals(List.of("Beta Ltd", "Gamma Inc"), filtered("country", List.of("GB", "US")));
        assertEquals(List.of("Beta Ltd"), filtered("ownerId", List.of(rep.id().toString())));
        assertEquals(List.of("Beta Ltd", "Gamma Inc"), filtered("employeeCountMin", 500));
        assertEquals(List.of("Beta Ltd"), filtered("annualRevenueMin", 1000000.5));
        assertEquals(List.of("Alpha Corp"), filtered("region", List.of("EMEA")));
        assertEquals(List.of("Alpha Corp"), filtered("updatedSince", since));
        assertEquals(List.of("Beta Ltd"), filtered("q", "LTD"));
        assertEquals(List.of("Alpha Corp", "Gamma Inc"),
                names(ws.adminKey(), Map.of("filter", Map.of("q", "a", "tier", List.of("A", "C")))));
        assertEquals(List.of("Gamma Inc", "Beta Ltd", "Alpha Corp"), names(ws.adminKey(), Map.of("sort", "-name")));
        assertEquals(List.of("Alpha Corp", "Gamma Inc", "Beta Ltd"),
                names(ws.adminKey(), Map.of("sort", "-updatedAt,name")));

        for (int i = 0; i < 4; i++) {
            Fixtures.account(ws.adminKey(), Map.of("name", "Delta " + (i % 2)));
        }
        JsonPath first = GraphQLClient.ok(ws.adminKey(), LIST, Map.of("first", 4, "sort", "name"));
        assertTrue(first.getBoolean("data.accounts.pageInfo.hasNextPage"));
        assertEquals(first.getString("data.accounts.edges[3].cursor"), first.getString("data.accounts.pageInfo.endCursor"));
        JsonPath second = GraphQLClient.ok(ws.adminKey(), LIST, Map.of("first", 4, "sort", "name",
                "after", first.getString("data.accounts.pageInfo.endCursor")));
        assertFalse(second.getBoolean("data.accounts.pageInfo.hasNextPage"));
        List<String> seen = new ArrayList<>(first.getList("data.accounts.edges.node.id"));
        seen.addAll(second.getList("data.accounts.edges.node.id"));
        assertEquals(7, new HashSet<>(seen).size());
        assertEquals(Listing.ids(ws.adminKey(), ACCOUNTS, "sort=name"), seen);
        assertEquals(List.of("Delta 1", "Delta 1", "Gamma Inc"), second.getList("data.accounts.edges.node.name"));

        JsonPath one = GraphQLClient.ok(ws.adminKey(), """
                query($id: String!) { account(id: $id) { id name industry employeeCount annualRevenue currency country
                  region city tier ownerId version owner { name } } }""", Map.of("id", alpha));
        assertEquals(Map.ofEntries(Map.entry("id", alpha), Map.entry("name", "Alpha Corp"),
                Map.entry("industry", "Retail"), Map.entry("employeeCount", 50), Map.entry("annualRevenue", 1000000.0f),
                Map.entry("currency", "EUR"), Map.entry("country", "DE"), Map.entry("city", "Munich"),
                Map.entry("tier", "A"), Map.entry("region", "EMEA"), Map.entry("ownerId", ws.adminId().toString()), Map.entry("version", 1),
                Map.entry("owner", Map.of("name", "Accounts Admin"))), one.getMap("data.account"));
    }

    @Test
    void mutationsCreateUpdateAndDelete() {
        JsonPath created = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("name", "Globex GmbH",
                "industry", "Manufacturing", "employeeCount", 1200, "annualRevenue", 250000000.5, "country", "DE",
                "tier", "A")));
        assertEquals(List.of(), created.getList("data.createAccount.userErrors"));
        String id = created.getString("data.createAccount.account.id");
        assertEquals("Globex GmbH", created.getString("data.createAccount.account.name"));
        assertEquals(1200, created.getInt("data.createAccount.account.employeeCount"));
        assertEquals("EUR", created.getString("data.createAccount.account.currency"));
        assertEquals(ws.adminId().toString(), created.getString("data.createAccount.account.ownerId"));
        assertEquals(0, created.getInt("data.createAccount.account.version"));
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().statusCode(200).body("name", equalTo("Globex GmbH"))
                .body("industry", equalTo("Manufacturing")).body("annualRevenue", equalTo(250000000.5f))
                .body("tier", equalTo("A")).body("version", equalTo(0));

        JsonPath updated = GraphQLClient.ok(ws.adminKey(), UPDATE, Map.of("id", id, "v", 0,
                "patch", Map.of("tier", "B", "employeeCount", 1500)));
        assertEquals(List.of(), updated.getList("data.updateAccount.userErrors"));
        assertEquals("B", updated.getString("data.updateAccount.account.tier"));
        assertEquals(1500, updated.getInt("data.updateAccount.account.employeeCount"));
        assertEquals("Manufacturing", updated.getString("data.updateAccount.account.industry"));
        assertEquals(1, updated.getInt("data.updateAccount.account.version"));
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().body("tier", equalTo("B"))
                .body("employeeCount", equalTo(1500)).body("country", equalTo("DE")).body("version", equalTo(1));

        JsonPath deleted = GraphQLClient.ok(ws.adminKey(), DELETE, Map.of("id", id));
        assertEquals(id, deleted.getString("data.deleteAccount.deletedId"));
        assertEquals(List.of(), deleted.getList("data.deleteAccount.userErrors"));
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().statusCode(404);
        assertEquals(List.of(), Listing.ids(ws.adminKey(), ACCOUNTS, ""));
    }

    @Test
    void businessRuleFailuresAreUserErrorsAndWriteNothing() {
        JsonPath tooLong = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("name", "x".repeat(201))));
        assertNull(tooLong.get("data.createAccount.account"));
        assertEquals(List.of(Map.of("field", "name", "message", "size must be between 0 and 200")),
                tooLong.getList("data.createAccount.userErrors"));
        JsonPath badCodes = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("name", "Valid",
                "country", "Germany", "tier", "D")));
        assertEquals(List.of(Map.of("field", "country", "message", "must be an ISO 3166-1 alpha-2 code such as DE"),
                Map.of("field", "tier", "message", "must be A, B or C")), badCodes.getList("data.createAccount.userErrors"));
        assertEquals(List.of(), Listing.ids(ws.adminKey(), ACCOUNTS, ""));

        String id = Fixtures.account(ws.adminKey(), Map.of("name", "Valid", "externalId", "X-1", "externalSource", "crm"));
        JsonPath twin = GraphQLClient.ok(ws.adminKey(), CREATE, Map.of("input", Map.of("name", "Twin",
                "externalId", "X-1", "externalSource", "crm")));
        assertNull(twin.get("data.createAccount.userErrors[0].field"));
        assertTrue(twin.getString("data.createAccount.userErrors[0].message")
                .startsWith("A record with the same unique value already exists"));
        JsonPath negative = GraphQLClient.ok(ws.adminKey(), UPDATE, Map.of("id", id,
                "patch", Map.of("employeeCount", -1, "tier", "B")));
        assertNull(negative.get("data.updateAccount.account"));
        assertEquals(List.of("employeeCount"), negative.getList("data.updateAccount.userErrors.field"));

        // an account with deals is not deleted
        Fixtures.opportunity(ws.adminKey(), Map.of("accountId", id, "stageId", qualify));
        JsonPath referenced = GraphQLClient.ok(ws.adminKey(), DELETE, Map.of("id", id));
        assertNull(referenced.get("data.deleteAccount.deletedId"));
        assertTrue(referenced.getString("data.deleteAccount.userErrors[0].message")
                .startsWith("The record is referenced by other records"));

        assertEquals(List.of(id), Listing.ids(ws.adminKey(), ACCOUNTS, ""));
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().body("version", equalTo(0)).body("tier", nullValue())
                .body("employeeCount", nullValue());
    }

    @Test
    void aReaderCannotWriteAndARepSeesOwnAndDealAccountsOnly() {
        Member reader = newMember(ws, "Reader", "read-only", null);
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        Member colleague = newMember(ws, "Cleo Colleague", "rep", null);
        String mine = Fixtures.account(rep.key(), Map.of("name", "A mine"));
        String shared = Fixtures.account(colleague.key(), Map.of("name", "B shared", "tier", "A"));
        String theirs = Fixtures.account(colleague.key(), Map.of("name", "C theirs"));
        Fixtures.opportunity(ws.adminKey(), Map.of("name", "Ray's deal", "accountId", shared, "stageId", qualify,
                "ownerId", rep.id().toString()));
        Fixtures.opportunity(ws.adminKey(), Map.of("name", "Cleo's deal", "accountId", shared, "stageId", qualify,
                "ownerId", colleague.id().toString()));

        String readOnly = "A read-only key cannot change data";
        GraphQLClient.post(reader.key(), CREATE, Map.of("input", Map.of("name", "X"))).then().statusCode(200)
                .body("errors[0].message", equalTo(readOnly)).body("data.createAccount", nullValue());
        GraphQLClient.post(reader.key(), UPDATE, Map.of("id", mine, "patch", Map.of("tier", "C"))).then()
                .body("errors[0].message", equalTo(readOnly)).body("data.updateAccount", nullValue());
        GraphQLClient.post(reader.key(), DELETE, Map.of("id", mine)).then()
                .body("errors[0].message", equalTo(readOnly)).body("data.deleteAccount", nullValue());
        assertEquals(List.of("A mine", "B shared", "C theirs"), names(reader.key(), Map.of()));

        // the rep sees the own account and the one with the rep's deal, and only the rep's deals on it
        JsonPath visible = GraphQLClient.ok(rep.key(), "{ accounts { edges { node { name opportunities { name } } } } }", null);
        assertEquals(List.of("A mine", "B shared"), visible.getList("data.accounts.edges.node.name"));
        assertEquals(List.of("Ray's deal"), visible.getList("data.accounts.edges[1].node.opportunities.name"));
        assertEquals("B shared", GraphQLClient.ok(rep.key(), GET, Map.of("id", shared)).getString("data.account.name"));
        GraphQLClient.post(rep.key(), GET, Map.of("id", theirs)).then()
                .body("errors[0].message", equalTo("Account not found")).body("data.account", nullValue());
        GraphQLClient.post(rep.key(), UPDATE, Map.of("id", shared, "patch", Map.of("tier", "C"))).then()
                .body("errors[0].message", equalTo("You may read this record but not change it: it belongs to someone else"));
        GraphQLClient.post(rep.key(), DELETE, Map.of("id", theirs)).then()
                .body("errors[0].message", equalTo("Account not found"));
        JsonPath forColleague = GraphQLClient.ok(rep.key(), CREATE, Map.of("input", Map.of("name", "For Cleo",
                "ownerId", colleague.id().toString())));
        assertEquals(List.of(Map.of("field", "ownerId",
                        "message", "is not a user of this workspace you may assign records to")),
                forColleague.getList("data.createAccount.userErrors"));

        assertEquals(3, Listing.ids(ws.adminKey(), ACCOUNTS, "").size());
        as(ws.adminKey()).get(ACCOUNTS + "/" + shared).then().body("tier", equalTo("A")).body("version", equalTo(0));
        as(ws.adminKey()).get(ACCOUNTS + "/" + mine).then().body("version", equalTo(0));
        as(ws.adminKey()).get(ACCOUNTS + "/" + theirs).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void anotherWorkspaceSeesNothing() {
        String id = Fixtures.account(ws.adminKey(), Map.of("name", "Mine", "tier", "A"));
        Workspace other = newWorkspace("Other");
        GraphQLClient.post(other.adminKey(), """
                query($id: String!) { account(id: $id) { id name owner { name } contacts { name } } }""", Map.of("id", id))
                .then().statusCode(200).body("errors[0].message", equalTo("Account not found"))
                .body("data.account", nullValue());
        assertEquals(List.of(), names(other.adminKey(), Map.of()));
        assertEquals(List.of(), names(other.adminKey(), Map.of("filter", Map.of("id", List.of(id)))));
        GraphQLClient.post(other.adminKey(), UPDATE, Map.of("id", id, "patch", Map.of("tier", "C"))).then()
                .body("errors[0].message", equalTo("Account not found")).body("data.updateAccount", nullValue());
        GraphQLClient.post(other.adminKey(), DELETE, Map.of("id", id)).then()
                .body("errors[0].message", equalTo("Account not found"));
        as(ws.adminKey()).get(ACCOUNTS + "/" + id).then().statusCode(200).body("tier", equalTo("A"))
                .body("version", equalTo(0));
    }

    @Test
    void ownerContactsAndDealsResolveInOneStatementEachWhateverThePageSize() {
        long small = statementsFor(2);
        long large = statementsFor(8);
        // authentication 1 + accounts page 1 + owners 1 + contacts 1 + opportunities 1
        assertEquals(5, small);
        assertEquals(small, large, "statement count must not grow with the page");
    }

    /** Tops the workspace up to {@code size} accounts, each with one contact and one deal, and reads them nested. */
    private long statementsFor(int size) {
        int existing = Listing.ids(ws.adminKey(), ACCOUNTS, "").size();
        for (int i = existing; i < size; i++) {
            String account = Fixtures.account(ws.adminKey(), Map.of("name", "Account " + i));
            as(ws.adminKey()).body(Map.of("accountId", account, "name", "Contact " + i)).post("/api/v1/contacts")
                    .then().statusCode(201);
            Fixtures.opportunity(ws.adminKey(), Map.of("name", "Deal " + i, "accountId", account, "stageId", qualify));
        }
        long before = db.statementCount();
        JsonPath result = GraphQLClient.ok(ws.adminKey(), """
                query($first: Int) { accounts(first: $first, sort: "createdAt") { edges { node {
                  name owner { name } contacts { name } opportunities { name } } } } }""", Map.of("first", size));
        long after = db.statementCount();
        List<Map<String, Object>> nodes = result.getList("data.accounts.edges.node");
        assertEquals(size, nodes.size());
        for (int i = 0; i < size; i++) {
            Map<String, Object> expected = new HashMap<>();
            expected.put("name", "Account " + i);
            expected.put("owner", Map.of("name", "Accounts Admin"));
            expected.put("contacts", List.of(Map.of("name", "Contact " + i)));
            expected.put("opportunities", List.of(Map.of("name", "Deal " + i)));
            assertEquals(expected, nodes.get(i));
        }
        return after - before;
    }
}
