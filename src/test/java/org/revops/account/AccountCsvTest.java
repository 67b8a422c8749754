package org.revops.account;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.TestClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.support.CsvPages.csv;
import static org.revops.support.CsvPages.walk;

/** Accounts and contacts as CSV: Zürcher Bank (every field) at 09:00 and Globex (name only) at 09:01, 2026-03-02. */
@QuarkusTest
class AccountCsvTest extends ApiTest {
    private Workspace ws;
    private String zurich;
    private String globex;

    @BeforeEach
    void setUp() {
        TestClock.set("2026-03-02T09:00:00Z");
        ws = newWorkspace("Csv accounts");
        Map<String, Object> fields = new HashMap<>(Map.of("name", "Zürcher Bank", "industry", "Banking, Finance",
                "employeeCount", 1200, "annualRevenue", 250000000.5, "currency", "CHF", "country", "CH",
                "region", "EMEA", "city", "Zürich", "postalCode", "8001", "tier", "A"));
        fields.put("externalId", "0015g00000XyZ");
        fields.put("externalSource", "salesforce");
        zurich = Fixtures.account(ws.adminKey(), fields);
        TestClock.set("2026-03-02T09:01:00Z");
        globex = Fixtures.account(ws.adminKey(), Map.of("name", "Globex"));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void accountsOnePageAtATime() {
        String accounts = "id,name,industry,employeeCount,annualRevenue,currency,country,region,city,postalCode,tier,"
                + "ownerId,externalId,externalSource,createdAt,updatedAt,version,territoryId,territoryCause\r\n"
                + globex + ",Globex,,,,EUR,,,,,," + ws.adminId() + ",,,2026-03-02T09:01:00Z,2026-03-02T09:01:00Z,0,,\r\n"
                + zurich + ",Zürcher Bank,\"Banking, Finance\",1200,250000000.5000,CHF,CH,EMEA,Zürich,8001,A,"
                + ws.adminId() + ",0015g00000XyZ,salesforce,2026-03-02T09:00:00Z,2026-03-02T09:00:00Z,0,,\r\n";
        assertEquals(accounts, csv(ws.adminKey(), "/api/v1/accounts?sort=name"));
        assertEquals(List.of(accounts.split("\r\n")).subList(1, 3),
                walk(ws.adminKey(), "/api/v1/accounts?sort=name&limit=1", 2));
        as(ws.adminKey()).accept("text/csv").get("/api/v1/accounts?industry=x&colour=red").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("colour"));
    }

    @Test
    void contactsOnePageAtATime() {
        TestClock.set("2026-03-02T09:02:00Z");
        String grace = contact(Map.of("accountId", zurich, "name", "Grace Hopper", "email", "grace@zb.example",
                "phone", "+41 44 1234567", "title", "Head of \"Procurement\""));
        String alan = contact(Map.of("accountId", globex, "name", "Alan Turing"));
        String contacts = "id,accountId,name,email,phone,title,externalId,externalSource,createdAt,updatedAt,version\r\n"
                + alan + "," + globex + ",Alan Turing,,,,,,2026-03-02T09:02:00Z,2026-03-02T09:02:00Z,0\r\n"
                + grace + "," + zurich + ",Grace Hopper,grace@zb.example,'+41 44 1234567,"
                + "\"Head of \"\"Procurement\"\"\",,,2026-03-02T09:02:00Z,2026-03-02T09:02:00Z,0\r\n";
        assertEquals(contacts, csv(ws.adminKey(), "/api/v1/contacts?sort=name"));
        assertEquals(List.of(contacts.split("\r\n")).subList(1, 3),
                walk(ws.adminKey(), "/api/v1/contacts?sort=name&limit=1", 2));
        // a rep who owns no account sees no contact
        Member rep = newMember(ws, "Ray Rep", "rep", null);
        assertEquals(contacts.substring(0, contacts.indexOf("\r\n") + 2), csv(rep.key(), "/api/v1/contacts"));
    }

    private String contact(Map<String, Object> body) {
        return as(ws.adminKey()).body(body).post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }
}
