package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.GraphQLClient;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.lead.RoutingFixtures.LEADS;

/** Duplicates by e-mail, company name and company domain; linking them; createNew; the GraphQL door. */
@QuarkusTest
class ConversionDuplicatesTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private Member ray;
    private Member otto;
    private String globex;
    private String grace;
    private String other;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Duplicates");
        ray = newMember(ws, "Ray Rep", "rep", null);
        otto = newMember(ws, "Otto Rep", "rep", null);
        globex = Fixtures.account(ray.key(), Map.of("name", "Globex GmbH"));
        grace = as(ray.key()).body(Map.of("accountId", globex, "name", "Grace Hopper", "email",
                "grace@globex.example")).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        other = Fixtures.account(ray.key(), Map.of("name", "Other Co"));
        as(ray.key()).body(Map.of("accountId", other, "name", "Xavier", "email", "x@GLOBEX.example"))
                .post("/api/v1/contacts").then().statusCode(201);
        // a colleague's account with the same name: Ray cannot see it, so it is not his duplicate
        Fixtures.account(otto.key(), Map.of("name", "Globex GmbH"));
    }

    /** accounts/contacts/opportunities in the workspace. */
    private List<Long> counts() {
        return List.of("accounts", "contacts", "opportunities").stream().map(table -> RoutingFixtures.count(db,
                "SELECT count(*) FROM " + table + " WHERE workspace_id = $1", ws.id())).toList();
    }

    @Test
    void accountsByNameAndDomainAreReportedAndMustBeLinkedOrOverridden() {
        String lead = LeadResourceTest.lead(ray.key(), Map.of("lastName", "Hopper", "email", "hopper@globex.example",
                "company", " globex gmbh ", "companyDomain", "globex.example"));
        as(ray.key()).get(LEADS + "/" + lead + "/duplicates").then().statusCode(200)
                .body("contacts", empty())
                .body("accounts.id", contains(globex, other))
                .body("accounts[0].matchedOn", contains("name", "domain"))
                .body("accounts[1].matchedOn", contains("domain"));
        List<Long> before = counts();
        JsonPath refused = as(ray.key()).body("{}").post(LEADS + "/" + lead + "/convert").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revops.dev/problems/possible-duplicates"))
                .extract().jsonPath();
        assertEquals(List.of("accountId", "accountId"), refused.getList("errors.field"));
        assertEquals("account " + globex + " 'Globex GmbH' matches the lead's company by name and domain",
                refused.getString("errors[0].message"));
        assertEquals("2 existing records match the lead: link one with accountId / contactId, or send "
                + "\"createNew\": true", refused.getString("detail"));
        assertEquals(before, counts());
        as(ray.key()).get(LEADS + "/" + lead).then().body("status", equalTo("new"));

        // linking the account: a new contact there, no new account
        JsonPath linked = as(ray.key()).body(Map.of("accountId", globex)).post(LEADS + "/" + lead + "/convert")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(globex, false, true), List.of(linked.getString("account.id"),
                linked.getBoolean("accountCreated"), linked.getBoolean("contactCreated")));
        assertEquals(globex, linked.getString("contact.accountId"));
        assertEquals(List.of(before.get(0), before.get(1) + 1, 0L), counts());
    }

    @Test
    void aContactWithTheSameEmailIsLinkedWithItsAccountOrCreateNewMakesFreshRecords() {
        String lead = LeadResourceTest.lead(ray.key(), Map.of("lastName", "Hopper", "email", "GRACE@globex.example",
                "company", "Fresh Corp"));
        as(ray.key()).get(LEADS + "/" + lead + "/duplicates").then().body("contacts.id", contains(grace))
                .body("contacts[0].accountId", equalTo(globex)).body("accounts", empty());
        List<Long> before = counts();
        as(ray.key()).body("{}").post(LEADS + "/" + lead + "/convert").then().statusCode(409)
                .body("errors.field", contains("contactId"))
                .body("errors[0].message", equalTo("contact " + grace + " 'Grace Hopper' has the lead's e-mail "
                        + "grace@globex.example"));
        assertEquals(before, counts());

        JsonPath linked = as(ray.key()).body(Map.of("contactId", grace)).post(LEADS + "/" + lead + "/convert")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(globex, grace, false, false), List.of(linked.getString("account.id"),
                linked.getString("contact.id"), linked.getBoolean("accountCreated"),
                linked.getBoolean("contactCreated")));
        assertEquals(before, counts());

        String again = LeadResourceTest.lead(ray.key(), Map.of("lastName", "Hopper", "email", "grace@globex.example",
                "company", "Fresh Corp"));
        JsonPath fresh = as(ray.key()).body(Map.of("createNew", true)).post(LEADS + "/" + again + "/convert").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("Fresh Corp", true, true), List.of(fresh.getString("account.name"),
                fresh.getBoolean("accountCreated"), fresh.getBoolean("contactCreated")));
        assertEquals(List.of(before.get(0) + 1, before.get(1) + 1, 0L), counts());
    }

    @Test
    void graphQLListsDuplicatesAndConvertsWithUserErrorsForRefusals() {
        String lead = LeadResourceTest.lead(ray.key(), Map.of("lastName", "Hopper", "email", "grace@globex.example",
                "company", "Globex GmbH"));
        JsonPath found = GraphQLClient.ok(ray.key(), "query($id: String!) { leadDuplicates(id: $id) { "
                + "contacts { id name } accounts { id matchedOn } } }", Map.of("id", lead));
        assertEquals(List.of(grace), found.getList("data.leadDuplicates.contacts.id"));
        assertEquals(List.of(globex), found.getList("data.leadDuplicates.accounts.id"));
        String convert = """
                mutation($id: String!, $input: ConvertLeadInput) { convertLead(id: $id, input: $input) {
                  conversion { accountCreated lead { status } account { id } contact { id } opportunity { id } }
                  userErrors { field message } } }""";
        JsonPath refused = GraphQLClient.ok(ray.key(), convert, Map.of("id", lead, "input", Map.of()));
        assertEquals(List.of("accountId", "contactId"), refused.getList("data.convertLead.userErrors.field"));
        JsonPath done = GraphQLClient.ok(ray.key(), convert, Map.of("id", lead, "input", Map.of("contactId", grace)));
        assertEquals("converted", done.getString("data.convertLead.conversion.lead.status"));
        assertEquals(globex, done.getString("data.convertLead.conversion.account.id"));
        assertEquals(List.of(), done.getList("data.convertLead.userErrors"));
    }
}
