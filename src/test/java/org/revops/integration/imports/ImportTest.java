package org.revops.integration.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.CsvPages;
import org.revops.support.GraphQLClient;
import org.revops.support.Jobs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * POST /api/v1/imports with leads: new, changed, unchanged and refused rows give exact counts, exact error rows by
 * line (also as CSV and through GraphQL) and exact table contents; quoted fields with commas, quotes and line breaks
 * and a byte order mark are read right.
 */
@QuarkusTest
class ImportTest extends ApiTest {
    static final String IMPORTS = "/api/v1/imports";
    static final String MAPPING = """
            {"Id":"externalId","Last":"lastName","Mail":"email","Owner":"ownerEmail","Title":"title","Status":"status",
             "Employees":"employeeCount","Notes":null}""";

    @Inject
    Db db;

    private Workspace ws;
    private Member ann;
    private String annEmail;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Imports");
        ann = newMember(ws, "Ann Rep", "rep", null);
        annEmail = as(ws.adminKey()).get("/api/v1/users/" + ann.id()).then().statusCode(200).extract().path("email");
    }

    /** POSTs {@code csv} to /api/v1/imports with the query parameters (name, value, name, value…). */
    static Response upload(String key, String csv, String... params) {
        var request = as(key).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam(params[i], params[i + 1]);
        }
        return request.post(IMPORTS);
    }

    /** Uploads, checks the 202 and its Location, waits for the job; answers the finished import. */
    static JsonPath run(String key, String csv, String... params) {
        Response accepted = upload(key, csv, params);
        accepted.then().statusCode(202);
        String id = accepted.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(accepted.header("Location").endsWith(IMPORTS + "/" + id));
        assertEquals("/api/v1/jobs/" + accepted.path("jobId"), accepted.path("links.job"));
        JsonPath job = Jobs.await(key, accepted.path("jobId"));
        assertEquals("succeeded", job.getString("state"), job::prettify);
        return as(key).get(IMPORTS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    static String counts(JsonPath imported) {
        return imported.getString("state") + " " + imported.getInt("percent") + "% " + imported.getInt("rows")
                + " rows: processed " + imported.getLong("counts.processed") + ", created "
                + imported.getLong("counts.created") + ", updated " + imported.getLong("counts.updated")
                + ", unchanged " + imported.getLong("counts.unchanged") + ", errors " + imported.getLong("counts.errors");
    }

    /** "line externalId field: message" of every error row, by line. */
    static List<String> errors(String key, String importId) {
        JsonPath page = as(key).get(IMPORTS + "/" + importId + "/errors?limit=500").then().statusCode(200)
                .extract().jsonPath();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < page.getList("data").size(); i++) {
            rows.add(page.getInt("data[" + i + "].line") + " " + page.getString("data[" + i + "].externalId") + " "
                    + page.getString("data[" + i + "].field") + ": " + page.getString("data[" + i + "].message"));
        }
        return rows;
    }

    /** external_id|last_name|email|title|status|employee_count|owner of every lead of the workspace, by key. */
    List<String> leads() {
        List<String> rows = new ArrayList<>();
        db.query("""
                        SELECT external_source, external_id, last_name, email, title, status, employee_count, owner_id,
                               version
                        FROM leads WHERE workspace_id = $1 ORDER BY external_id""", Tuple.of(ws.id()))
                .await().indefinitely().forEach(r -> rows.add(String.join("|", r.getString("external_source"),
                        r.getString("external_id"), r.getString("last_name"), r.getString("email"), r.getString("title"),
                        r.getString("status"), String.valueOf(r.getInteger("employee_count")),
                        ann.id().equals(r.getUUID("owner_id")) ? "ann" : String.valueOf(r.getUUID("owner_id")),
                        "v" + r.getLong("version"))));
        return rows;
    }

    @Test
    void leadsNewChangedUnchangedAndRefusedRows() {
        JsonPath first = run(ws.adminKey(), "\uFEFFId,Last,Mail,Owner,Title,Status,Employees,Notes\r\n"
                        + "L1,Lovelace,ada@x.example," + annEmail + ",CTO,new,10,first\r\n"
                        + "L2,Babbage,charles@x.example,,CEO,working,20,\r\n"
                        + "L3,Hopper,grace@x.example,,VP,new,30,\r\n",
                "object", "leads", "externalSource", "crm", "mapping", MAPPING);
        assertEquals("succeeded 100% 3 rows: processed 3, created 3, updated 0, unchanged 0, errors 0", counts(first));
        assertEquals("crm", first.getString("externalSource"));
        assertEquals("externalId", first.getString("mapping.Id"));
        assertEquals(null, first.getString("mapping.Notes"));

        String second = "Id,Last,Mail,Owner,Title,Status,Employees,Notes\n"
                + "L1,Lovelace,ada@x.example," + annEmail + ",CTO,new,10,ignored notes change nothing\n"
                + "L2,Babbage,charles@x.example,,Chief,working,20,\n"
                + "L4,\"Turing, Alan\",alan@x.example,,\"Head of\nResearch\",new,40,\"quoted, with \"\"notes\"\"\"\n"
                + "L5,Bad,not-an-email,,X,new,1,\n"
                + "L6,Enum,e6@x.example,,X,bogus,1,\n"
                + "L7,Owner,e7@x.example,nobody@nowhere.example,X,new,1,\n"
                + "L8,Num,e8@x.example,,X,new,many,\n";
        JsonPath imported = run(ws.adminKey(), second, "object", "leads", "externalSource", "crm", "mapping", MAPPING);
        assertEquals("succeeded 100% 7 rows: processed 7, created 1, updated 1, unchanged 1, errors 4",
                counts(imported));
        String id = imported.getString("id");
        assertEquals(List.of(
                "6 L5 email: must be a well-formed email address",
                "7 L6 status: must be one of new|working|nurturing|qualified|disqualified (conversion: POST /api/v1/leads/{id}/convert)",
                "8 L7 ownerEmail: is not the e-mail of a user of this workspace",
                "9 L8 employeeCount: cannot be read as an integer: many"), errors(ws.adminKey(), id));
        assertEquals(List.of(
                "crm|L1|Lovelace|ada@x.example|CTO|new|10|ann|v0",
                "crm|L2|Babbage|charles@x.example|Chief|working|20|null|v1",
                "crm|L3|Hopper|grace@x.example|VP|new|30|null|v0",
                "crm|L4|Turing, Alan|alan@x.example|Head of\nResearch|new|40|null|v0"), leads());

        // the errors as CSV, for a spreadsheet
        assertEquals("line,externalId,field,message\r\n"
                + "6,L5,email,must be a well-formed email address\r\n"
                + "7,L6,status,must be one of new|working|nurturing|qualified|disqualified (conversion: POST /api/v1/leads/{id}/convert)\r\n"
                + "8,L7,ownerEmail,is not the e-mail of a user of this workspace\r\n"
                + "9,L8,employeeCount,cannot be read as an integer: many\r\n", CsvPages.csv(ws.adminKey(), IMPORTS + "/" + id + "/errors"));
        // paged by line
        as(ws.adminKey()).get(IMPORTS + "/" + id + "/errors?limit=3").then().statusCode(200)
                .body("data.line", equalTo(List.of(6, 7, 8))).body("nextCursor", org.hamcrest.Matchers.notNullValue());

        // the list, newest first, and GraphQL's reads
        as(ws.adminKey()).get(IMPORTS).then().statusCode(200)
                .body("data.id", equalTo(List.of(id, first.getString("id"))));
        JsonPath graph = GraphQLClient.ok(ws.adminKey(), """
                query($id: String!) {
                  import(id: $id) { object rows state counts { created updated unchanged errors } }
                  importErrors(id: $id, first: 2) { edges { node { line externalId field } } pageInfo { hasNextPage } }
                  imports(object: ["leads"]) { edges { node { id } } }
                }""", Map.of("id", id));
        assertEquals("leads 7 succeeded", graph.getString("data.import.object") + " " + graph.getInt("data.import.rows")
                + " " + graph.getString("data.import.state"));
        assertEquals(List.of(1, 1, 1, 4), List.of(graph.getInt("data.import.counts.created"),
                graph.getInt("data.import.counts.updated"), graph.getInt("data.import.counts.unchanged"),
                graph.getInt("data.import.counts.errors")));
        assertEquals(List.of(6, 7), graph.getList("data.importErrors.edges.node.line"));
        assertEquals(true, graph.getBoolean("data.importErrors.pageInfo.hasNextPage"));
        assertEquals(2, graph.getList("data.imports.edges").size());

        // the stored file is gone once the job succeeded; its errors stay
        assertEquals(0L, count("SELECT count(*) FROM import_chunks WHERE workspace_id = $1"));
        assertEquals(4L, count("SELECT count(*) FROM import_errors WHERE workspace_id = $1"));
    }

    long count(String sql) {
        return db.query(sql, Tuple.of(ws.id())).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void headersNamedLikeFieldsMapThemselvesAndTheSourceMayBeAColumn() {
        JsonPath imported = run(ws.adminKey(), "externalSource,externalId,lastName,email\n"
                        + "web,W1,Curie,marie@x.example\n"
                        + ",W2,Meitner,lise@x.example\n",
                "object", "leads", "externalSource", "fallback");
        assertEquals("succeeded 100% 2 rows: processed 2, created 2, updated 0, unchanged 0, errors 0",
                counts(imported));
        assertEquals(List.of("fallback|W2|Meitner|lise@x.example|null|new|null|null|v0",
                "web|W1|Curie|marie@x.example|null|new|null|null|v0"), leads().stream().sorted().toList());
    }
}
