package org.revops.platform.workspace;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class WorkspaceResourceTest extends ApiTest {
    private static final String WORKSPACE = "/api/v1/workspace";
    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Settings");
    }

    @Test
    void everyoneReadsAdminsSetTheFiscalYear() {
        Member rep = newMember(ws, "Rae Rep", "rep", null);
        as(rep.key()).get(WORKSPACE).then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(ws.id().toString())).body("name", equalTo("Settings"))
                .body("currency", equalTo("EUR")).body("fiscalYearStartMonth", equalTo(1));
        as(rep.key()).body(Map.of("fiscalYearStartMonth", 2)).patch(WORKSPACE).then().statusCode(403)
                .contentType("application/problem+json");

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(Map.of("fiscalYearStartMonth", 2)).patch(WORKSPACE).then().statusCode(200)
                .header("ETag", "\"1\"").body("fiscalYearStartMonth", equalTo(2)).body("name", equalTo("Settings"));
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("name", "Late")).patch(WORKSPACE).then()
                .statusCode(412);
        as(rep.key()).get("/api/v1/forecast-periods/FY2027").then().statusCode(200)
                .body("startDate", equalTo("2026-02-01")).body("endDate", equalTo("2027-01-31"));
    }

    @Test
    void badSettingsAreRefusedAndNothingChanges() {
        as(ws.adminKey()).body(Map.of("fiscalYearStartMonth", 13)).patch(WORKSPACE).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("fiscalYearStartMonth"));
        as(ws.adminKey()).body(Map.of("currency", "USD")).patch(WORKSPACE).then().statusCode(422)
                .body("errors[0].field", equalTo("currency"));
        as(ws.adminKey()).body("{\"name\": \"\"}").patch(WORKSPACE).then().statusCode(422)
                .body("errors[0].field", equalTo("name"));
        as(ws.adminKey()).body("{\"fiscalYearStartMonth\": \"March\"}").patch(WORKSPACE).then().statusCode(400);
        as(ws.adminKey()).get(WORKSPACE).then().body("version", equalTo(0)).body("currency", equalTo("EUR"))
                .body("fiscalYearStartMonth", equalTo(1)).body("name", equalTo("Settings"));
    }

    @Test
    void graphQLReadsAndUpdates() {
        var updated = GraphQLClient.ok(ws.adminKey(), """
                mutation { updateWorkspace(patch: {fiscalYearStartMonth: 10}, expectedVersion: 0) {
                  workspace { fiscalYearStartMonth version } userErrors { field message } } }""", Map.of());
        org.junit.jupiter.api.Assertions.assertEquals(10, updated.getInt("data.updateWorkspace.workspace.fiscalYearStartMonth"));
        var bad = GraphQLClient.ok(ws.adminKey(), """
                mutation { updateWorkspace(patch: {fiscalYearStartMonth: 0}) {
                  workspace { version } userErrors { field message } } }""", Map.of());
        org.junit.jupiter.api.Assertions.assertEquals("fiscalYearStartMonth",
                bad.getString("data.updateWorkspace.userErrors[0].field"));
        var read = GraphQLClient.ok(ws.adminKey(), "{ workspace { name fiscalYearStartMonth version } }", Map.of());
        org.junit.jupiter.api.Assertions.assertEquals(1, read.getInt("data.workspace.version"));
    }
}
