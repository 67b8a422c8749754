package org.revops.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.Jobs;
import org.revops.territory.TerritoryMap;
import org.revops.territory.TerritoryScenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /api/v1/accounts/batch/upsert: the shared engine with AccountService's rules and territory assignment. */
@QuarkusTest
class AccountBatchUpsertTest extends ApiTest {
    static final String UPSERT = "/api/v1/accounts/batch/upsert";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Db db;

    private Workspace ws;
    private Member integration;
    private Member ann;
    private String annEmail;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Account batch");
        integration = newMember(ws, "Ian Integration", "integration", null);
        ann = newMember(ws, "Ann Rep", "rep", null);
        annEmail = as(ws.adminKey()).get("/api/v1/users/" + ann.id()).then().statusCode(200).extract().path("email");
    }

    private static JsonNode post(String key, Object body, int status) {
        Response response = as(key).body(body).post(UPSERT);
        response.then().statusCode(status);
        try {
            return JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> account(String id, String name, String country) {
        Map<String, Object> r = new HashMap<>(Map.of("externalSource", "erp", "externalId", id, "name", name,
                "country", country, "region", "EMEA", "industry", "Retail", "employeeCount", 50));
        return r;
    }

    /** external_id → "name|country|version|owner". */
    private Map<String, String> table() {
        Map<String, String> rows = new TreeMap<>();
        db.query("SELECT external_id, name, country, version, owner_id FROM accounts WHERE workspace_id = $1",
                Tuple.of(ws.id())).await().indefinitely().forEach(row -> rows.put(row.getString("external_id"),
                row.getString("name") + "|" + row.getString("country") + "|" + row.getLong("version") + "|"
                        + row.getUUID("owner_id")));
        return rows;
    }

    private static List<String> statuses(JsonNode answer) {
        List<String> statuses = new ArrayList<>();
        answer.get("results").forEach(r -> {
            StringBuilder s = new StringBuilder(r.get("status").asText());
            r.get("errors").forEach(e -> s.append('|').append(e.get("field").asText()));
            statuses.add(s.toString());
        });
        return statuses;
    }

    @Test
    void mixedBatchesFollowTheSingleWriteRulesAndAtomicWritesNothingOnError() {
        Map<String, Object> owned = account("A2", "Beta", "FR");
        owned.put("ownerEmail", annEmail);
        assertEquals(List.of("created", "created"), statuses(post(integration.key(),
                Map.of("records", List.of(account("A1", "Alpha", "DE"), owned)), 200)));
        Map<String, Object> renamed = new HashMap<>(Map.of("externalSource", "erp", "externalId", "A2", "name", "Beta SA"));
        Map<String, Object> noName = new HashMap<>(Map.of("externalSource", "erp", "externalId", "A3", "country", "DE"));
        Map<String, Object> badCountry = account("A4", "Delta", "Germany");
        Map<String, Object> unknownOwner = account("A5", "Eps", "DE");
        unknownOwner.put("ownerEmail", "nobody@nowhere.example");
        List<Map<String, Object>> mixed = List.of(account("A1", "Alpha", "DE"), renamed, noName, badCountry,
                unknownOwner, account("A6", "Zeta", "AT"));
        Map<String, String> before = table();

        JsonNode refused = post(integration.key(), Map.of("atomic", true, "records", mixed), 422);
        assertEquals(List.of("not-applied", "not-applied", "error|name", "error|country", "error|ownerEmail",
                "not-applied"), statuses(refused));
        assertEquals(before, table());

        JsonNode answer = post(integration.key(), Map.of("records", mixed), 200);
        assertEquals(List.of("unchanged", "updated", "error|name", "error|country", "error|ownerEmail", "created"),
                statuses(answer));
        // a new account is the caller's unless the record names an owner; a known one keeps its owner
        assertEquals(Map.of("A1", "Alpha|DE|0|" + integration.id(), "A2", "Beta SA|FR|1|" + ann.id(),
                "A6", "Zeta|AT|0|" + integration.id()), table());
    }

    @Test
    void writtenAccountsAreAssignedToTheActiveModel() {
        TerritoryMap map = TerritoryScenario.model(ws.adminKey(), "FY27");
        Jobs.succeed(ws.adminKey(), map.path("/activate"));
        JsonNode answer = post(ws.adminKey(), Map.of("records", List.of(account("T1", "Dach GmbH", "DE"),
                account("T2", "Gaule SA", "FR"))), 200);
        List<String> codes = new ArrayList<>();
        answer.get("results").forEach(r -> codes.add(map.code(as(ws.adminKey())
                .get("/api/v1/accounts/" + r.get("id").asText()).then().statusCode(200).extract().path("territoryId"))));
        assertEquals(List.of("DACH", "EMEA"), codes);
    }

    @Test
    void onlyAdminAndIntegrationKeysUpsertAlsoOverGraphQL() {
        Member reader = newMember(ws, "Rita Reader", "read-only", null);
        for (String key : List.of(ann.key(), reader.key())) {
            as(key).body(Map.of("records", List.of(account("X1", "X", "DE")))).post(UPSERT).then().statusCode(403);
        }
        assertEquals(Map.of(), table());
        String mutation = """
                mutation($input: AccountUpsertInput!) { upsertAccounts(input: $input) {
                  result { applied counts { created error } results { status id errors { field message } } }
                  userErrors { field message } } }""";
        var result = GraphQLClient.ok(ws.adminKey(), mutation, Map.of("input", Map.of("records",
                List.of(Map.of("externalSource", "erp", "externalId", "G1", "name", "Graph AG", "ownerEmail", annEmail),
                        Map.of("externalSource", "erp", "externalId", "G2")))));
        assertEquals(List.of("created", "error"), result.getList("data.upsertAccounts.result.results.status"));
        assertEquals("name", result.getString("data.upsertAccounts.result.results[1].errors[0].field"));
        assertEquals(Map.of("G1", "Graph AG|null|0|" + ann.id()), table());
        as(ws.adminKey()).body(Map.of("records", List.of())).post(UPSERT).then().statusCode(400)
                .body("errors[0].field", equalTo("records"));
    }

    @Test
    void contactsNameTheirAccountByIdOrExternalId() {
        JsonNode accounts = post(integration.key(), Map.of("records", List.of(account("A1", "Alpha", "DE"),
                account("A2", "Beta", "FR"))), 200);
        String a1 = accounts.at("/results/0/id").asText();
        String a2 = accounts.at("/results/1/id").asText();
        String contacts = "/api/v1/contacts/batch/upsert";
        List<Map<String, Object>> records = List.of(
                Map.of("externalSource", "erp", "externalId", "C1", "accountExternalId", "A1", "name", "Grace"),
                Map.of("externalSource", "erp", "externalId", "C2", "accountId", a2, "name", "Ada"),
                Map.of("externalSource", "erp", "externalId", "C3", "accountExternalId", "A1",
                        "accountExternalSource", "crm", "name", "X"),
                Map.of("externalSource", "erp", "externalId", "C4", "accountId", java.util.UUID.randomUUID().toString(),
                        "name", "X"),
                Map.of("externalSource", "erp", "externalId", "C5", "name", "X"),
                Map.of("externalSource", "erp", "externalId", "C6", "accountExternalId", "A2"),
                Map.of("externalSource", "erp", "externalId", "C7", "accountExternalId", "A2", "accountId", a1,
                        "name", "X"));
        Response response = as(integration.key()).body(Map.of("records", records)).post(contacts);
        response.then().statusCode(200);
        JsonNode answer;
        try {
            answer = JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(List.of("created", "created", "error|accountExternalId", "error|accountId", "error|accountId",
                "error|name", "error|accountExternalId"), statuses(answer));
        // moved to another account by external id: updated
        JsonNode moved = JSON.valueToTree(as(integration.key()).body(Map.of("records", List.of(Map.of(
                "externalSource", "erp", "externalId", "C1", "accountExternalId", "A2")))).post(contacts).then()
                .statusCode(200).extract().as(Map.class));
        assertEquals(List.of("updated"), statuses(moved));
        Map<String, String> stored = new TreeMap<>();
        db.query("SELECT external_id, account_id, name, version FROM contacts WHERE workspace_id = $1",
                Tuple.of(ws.id())).await().indefinitely().forEach(row -> stored.put(row.getString("external_id"),
                row.getUUID("account_id") + "|" + row.getString("name") + "|" + row.getLong("version")));
        assertEquals(Map.of("C1", a2 + "|Grace|1", "C2", a2 + "|Ada|0"), stored);
        as(ann.key()).body(Map.of("records", records)).post(contacts).then().statusCode(403);
    }
}
