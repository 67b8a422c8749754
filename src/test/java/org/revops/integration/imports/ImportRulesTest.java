package org.revops.integration.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;

import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.integration.imports.ImportTest.IMPORTS;
import static org.revops.integration.imports.ImportTest.counts;
import static org.revops.integration.imports.ImportTest.errors;
import static org.revops.integration.imports.ImportTest.run;
import static org.revops.integration.imports.ImportTest.upload;

/**
 * Imports of accounts and contacts (a contact's account by external id, a missing one reported by line); bad input
 * (malformed CSV, an unusable mapping, an unknown object, Idempotency-Key) refused with problem+json and nothing
 * stored or written; roles; another workspace; and a 20,000-row file upserted in chunks of 5,000.
 */
@QuarkusTest
class ImportRulesTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Import rules");
    }

    private List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        db.query(sql, Tuple.of(ws.id())).await().indefinitely().forEach(r -> {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                cells.add(String.valueOf(r.getValue(i)));
            }
            rows.add(String.join("|", cells));
        });
        return rows;
    }

    /** Imports, their stored chunks and errors, accounts and leads of the workspace: what bad input must not change. */
    private List<String> stored() {
        return rows("""
                SELECT (SELECT count(*) FROM imports WHERE workspace_id = $1), (SELECT count(*) FROM import_chunks
                        WHERE workspace_id = $1), (SELECT count(*) FROM import_errors WHERE workspace_id = $1),
                       (SELECT count(*) FROM accounts WHERE workspace_id = $1),
                       (SELECT count(*) FROM leads WHERE workspace_id = $1),
                       (SELECT count(*) FROM jobs WHERE workspace_id = $1)""");
    }

    @Test
    void accountsThenContactsByTheAccountsExternalId() {
        JsonPath accounts = run(ws.adminKey(), "externalId,name,industry\r\nA1,Globex,Manufacturing\r\n"
                + "A2,\"Initech, Inc.\",Software\r\n", "object", "accounts", "externalSource", "sf");
        assertEquals("succeeded 100% 2 rows: processed 2, created 2, updated 0, unchanged 0, errors 0",
                counts(accounts));
        JsonPath contacts = run(ws.adminKey(), "Id,Account,Name,Mail\r\nC1,A1,Grace,grace@globex.example\r\n"
                        + "C2,A9,Missing,m@x.example\r\nC3,A2,Alan,alan@initech.example\r\n", "object", "contacts",
                "externalSource", "sf", "mapping",
                "{\"Id\":\"externalId\",\"Account\":\"accountExternalId\",\"Name\":\"name\",\"Mail\":\"email\"}");
        assertEquals("succeeded 100% 3 rows: processed 3, created 2, updated 0, unchanged 0, errors 1",
                counts(contacts));
        assertEquals(List.of("3 C2 accountExternalId: is not the external id of an account of this workspace"),
                errors(ws.adminKey(), contacts.getString("id")));
        assertEquals(List.of("A1|Globex|Manufacturing", "A2|Initech, Inc.|Software"),
                rows("SELECT external_id, name, industry FROM accounts WHERE workspace_id = $1 ORDER BY external_id"));
        assertEquals(List.of("C1|Grace|grace@globex.example|A1", "C3|Alan|alan@initech.example|A2"), rows("""
                SELECT c.external_id, c.name, c.email, a.external_id FROM contacts c
                JOIN accounts a ON a.workspace_id = c.workspace_id AND a.id = c.account_id
                WHERE c.workspace_id = $1 ORDER BY c.external_id"""));
    }

    @Test
    void malformedFilesAreRefusedByLineAndNothingIsStored() {
        List<String> before = stored();
        upload(ws.adminKey(), "externalId,name\nA1,Fine\nA2,\"Open quote\nA3,Next\n", "object", "accounts",
                "externalSource", "sf").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://revops.dev/problems/malformed-csv"))
                .body("errors[0].field", equalTo("line 3"))
                .body("detail", startsWith("Line 3: a quoted field opened in this row is never closed"));
        upload(ws.adminKey(), "externalId,name\nA1,Fine\nA2,Two,extra\n", "object", "accounts",
                "externalSource", "sf").then().statusCode(400)
                .body("detail", equalTo("Line 3: has 3 fields, the header has 2. Nothing was imported."));
        upload(ws.adminKey(), "", "object", "accounts", "externalSource", "sf").then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
        upload(ws.adminKey(), "externalId,name\n", "object", "accounts", "externalSource", "sf").then()
                .statusCode(422).body("errors[0].message", equalTo("has a header but no rows"));
        assertEquals(before, stored());
    }

    @Test
    void unusableMappingsAndParametersAre4xxWithNothingStored() {
        List<String> before = stored();
        upload(ws.adminKey(), "Id,Mail\nA1,x\n", "object", "accounts", "externalSource", "sf", "mapping",
                "{\"Id\":\"externalId\",\"Mail\":\"e-mail\"}").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("mapping.Mail"))
                .body("errors[0].message", equalTo("unknown field 'e-mail'; known fields: externalSource, externalId, "
                        + "name, industry, employeeCount, annualRevenue, currency, country, region, city, postalCode, "
                        + "tier, ownerId, ownerEmail"));
        upload(ws.adminKey(), "externalId,name,Shoe size\nA1,x,42\n", "object", "accounts", "externalSource", "sf")
                .then().statusCode(422).body("errors.field", equalTo(List.of("columns.Shoe size")));
        upload(ws.adminKey(), "name\nx\n", "object", "accounts").then().statusCode(422)
                .body("errors.field", equalTo(List.of("mapping", "externalSource")));
        upload(ws.adminKey(), "externalId,name\nA1,x\n", "object", "accounts", "externalSource", "sf", "mapping",
                "{\"Missing\":\"name\"}").then().statusCode(422).body("errors.field", equalTo(List.of("mapping.Missing")));
        upload(ws.adminKey(), "externalId,name\nA1,x\n", "object", "accounts", "externalSource", "sf", "mapping",
                "not json").then().statusCode(400).body("errors.field", equalTo(List.of("mapping")));
        upload(ws.adminKey(), "externalId,name\nA1,x\n", "object", "deals", "externalSource", "sf")
                .then().statusCode(400).body("errors[0].message", equalTo(
                        "'deals' is not importable; one of accounts, contacts, leads, opportunities"));
        upload(ws.adminKey(), "externalId,name\nA1,x\n", "externalSource", "sf").then().statusCode(400);
        upload(ws.adminKey(), "externalId,name\nA1,x\n", "object", "accounts", "externalSource", "sf", "limit", "3")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(ws.adminKey()).header("Idempotency-Key", "import-1").contentType("text/csv")
                .body("externalId,name\nA1,x\n").queryParam("object", "accounts").queryParam("externalSource", "sf")
                .post(IMPORTS).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(before, stored());
    }

    @Test
    void adminAndIntegrationKeysOnlyAndWorkspacesApart() {
        Member rep = newMember(ws, "Rita Rep", "rep", null);
        Member manager = newMember(ws, "Max Manager", "manager", null);
        Member reader = newMember(ws, "Rhea Reader", "read-only", null);
        Member integration = newMember(ws, "Ivy Integration", "integration", null);
        String csv = "externalId,name\nA1,Acme\n";
        List<String> before = stored();
        for (Member m : List.of(rep, manager, reader)) {
            upload(m.key(), csv, "object", "accounts", "externalSource", "sf").then().statusCode(403)
                    .contentType("application/problem+json");
        }
        assertEquals(before, stored());
        JsonPath imported = run(integration.key(), csv, "object", "accounts", "externalSource", "sf");
        String id = imported.getString("id");
        as(ws.adminKey()).get(IMPORTS + "/" + id).then().statusCode(200).body("createdBy",
                equalTo(integration.id().toString()));
        for (Member m : List.of(rep, manager, reader)) {
            as(m.key()).get(IMPORTS).then().statusCode(403);
            as(m.key()).get(IMPORTS + "/" + id).then().statusCode(403);
            as(m.key()).get(IMPORTS + "/" + id + "/errors").then().statusCode(403);
        }
        Workspace other = newWorkspace("Elsewhere");
        as(other.adminKey()).get(IMPORTS + "/" + id).then().statusCode(404);
        as(other.adminKey()).get(IMPORTS + "/" + id + "/errors").then().statusCode(404);
        as(other.adminKey()).get(IMPORTS).then().statusCode(200).body("data.size()", equalTo(0));
    }

    /**
     * 20,000 rows in chunks of 5,000, each its own batch: a key repeated inside a chunk is an error naming the first
     * line, a key repeated in a later chunk updates the record the earlier chunk created.
     */
    @Test
    void aLargeFileRunsInChunks() {
        StringBuilder csv = new StringBuilder("externalId,name,employeeCount\n");
        for (int row = 1; row <= 20_000; row++) {
            String key = row == 2 ? "B1" : row == 5_001 ? "B3" : "B" + row;
            csv.append(key).append(",Account ").append(row).append(',').append(row).append('\n');
        }
        JsonPath imported = run(ws.adminKey(), csv.toString(), "object", "accounts", "externalSource", "gen");
        assertEquals("succeeded 100% 20000 rows: processed 20000, created 19998, updated 1, unchanged 0, errors 1",
                counts(imported));
        assertEquals(List.of("3 B1 externalId: duplicate of line 2"), errors(ws.adminKey(), imported.getString("id")));
        assertEquals(List.of("19998|Account 1|Account 5001|5001"), rows("""
                SELECT count(*), (SELECT name FROM accounts WHERE workspace_id = $1 AND external_id = 'B1'),
                       (SELECT name FROM accounts WHERE workspace_id = $1 AND external_id = 'B3'),
                       (SELECT employee_count FROM accounts WHERE workspace_id = $1 AND external_id = 'B3')
                FROM accounts WHERE workspace_id = $1"""));
        as(ws.adminKey()).get("/api/v1/jobs/" + imported.getString("jobId")).then().statusCode(200)
                .body("result.rows", equalTo(20000)).body("result.created", equalTo(19998))
                .body("counts.processed", equalTo(20000));
    }

    /**
     * Only the upload takes bodies above revops.http.max-request-body (32M): any other request declaring a longer
     * body is 413 problem+json before it is read (sent by hand: a client writing 33 MB would see the connection close).
     */
    @Test
    void otherRequestsKeepTheSmallerBodyLimit() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/leads/batch/upsert HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + ws.adminKey() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 40000000\r\n\r\n{").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals("HTTP/1.1 413 Request Entity Too Large", answer.substring(0, answer.indexOf("\r\n")));
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("content-type: application/problem+json"),
                    answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.endsWith("at most 33554432 are accepted here (a CSV "
                    + "import takes large files)\"}"), answer);
        }
    }
}
