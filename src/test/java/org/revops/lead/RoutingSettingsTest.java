package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.lead.RoutingFixtures.sql;

/** GET/PUT /api/v1/users/{id}/lead-routing: defaults, who may change what, validation, versions. */
@QuarkusTest
class RoutingSettingsTest extends ApiTest {
    @Inject
    Db db;

    private Workspace ws;
    private Member mona;
    private Member ray;
    private Member otto;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Routing settings");
        mona = newMember(ws, "Mona Manager", "manager", null);
        ray = newMember(ws, "Ray Rep", "rep", mona.id());
        otto = newMember(ws, "Otto Rep", "rep", null);
    }

    private static String path(Object userId) {
        return "/api/v1/users/" + userId + "/lead-routing";
    }

    /** capacity/optedOut/version of the saved row, or "none". */
    private String stored(Member rep) {
        List<Map<String, Object>> rows = sql(db, "SELECT capacity, opted_out, version, updated_by"
                + " FROM lead_routing_settings WHERE workspace_id = $1 AND user_id = $2", ws.id(), rep.id());
        return rows.isEmpty() ? "none" : rows.get(0).get("capacity") + "/" + rows.get(0).get("opted_out") + "/v"
                + rows.get(0).get("version") + " by " + rows.get(0).get("updated_by");
    }

    @Test
    void defaultsUntilSavedThenVersionedChanges() {
        as(ws.adminKey()).get(path(ray.id())).then().statusCode(200).header("ETag", "\"0\"")
                .body("userId", equalTo(ray.id().toString())).body("capacity", equalTo(50))
                .body("optedOut", equalTo(false)).body("saved", equalTo(false)).body("routedLast30Days", equalTo(0))
                .body("remaining", equalTo(50)).body("lastRoutedAt", nullValue()).body("version", equalTo(0));
        as(ws.adminKey()).body(Map.of("capacity", 12)).put(path(ray.id())).then().statusCode(200)
                .header("ETag", "\"1\"").body("capacity", equalTo(12)).body("saved", equalTo(true))
                .body("updatedBy", equalTo(ws.adminId().toString()));
        assertEquals("12/false/v1 by " + ws.adminId(), stored(ray));
        as(ws.adminKey()).header("If-Match", "\"0\"").body(Map.of("capacity", 99)).put(path(ray.id())).then()
                .statusCode(412);
        assertEquals("12/false/v1 by " + ws.adminId(), stored(ray));

        // the rep opts out and back in; the capacity is not theirs to change
        as(ray.key()).header("If-Match", "\"1\"").body(Map.of("optedOut", true)).put(path(ray.id())).then()
                .statusCode(200).body("optedOut", equalTo(true)).body("capacity", equalTo(12));
        as(ray.key()).body(Map.of("capacity", 20)).put(path(ray.id())).then().statusCode(403)
                .contentType("application/problem+json");
        as(ray.key()).body(Map.of("capacity", 12, "optedOut", false)).put(path(ray.id())).then().statusCode(200);
        assertEquals("12/false/v3 by " + ray.id(), stored(ray));

        // the manager sets capacity in their subtree only
        as(mona.key()).body(Map.of("capacity", 15)).put(path(ray.id())).then().statusCode(200)
                .body("capacity", equalTo(15));
        as(mona.key()).body(Map.of("capacity", 15)).put(path(otto.id())).then().statusCode(403);
        assertEquals("none", stored(otto));
    }

    @Test
    void whoMayNotChangeOrReadSettings() {
        Member integration = newMember(ws, "Ian Integration", "integration", null);
        Member auditor = newMember(ws, "Abe Auditor", "read-only", null);
        as(ray.key()).body(Map.of("optedOut", true)).put(path(otto.id())).then().statusCode(403);
        as(ray.key()).get(path(otto.id())).then().statusCode(403);
        as(integration.key()).body(Map.of("capacity", 5)).put(path(ray.id())).then().statusCode(403);
        as(auditor.key()).body(Map.of("capacity", 5)).put(path(ray.id())).then().statusCode(403);
        as(auditor.key()).get(path(ray.id())).then().statusCode(200).body("capacity", equalTo(50));
        as(mona.key()).get(path(otto.id())).then().statusCode(200);
        assertEquals("none", stored(ray));
        assertEquals("none", stored(otto));

        Workspace other = newWorkspace("Elsewhere");
        as(other.adminKey()).get(path(ray.id())).then().statusCode(404);
        as(other.adminKey()).body(Map.of("capacity", 5)).put(path(ray.id())).then().statusCode(404);
        as(ws.adminKey()).body(Map.of("capacity", 5)).put(path(UUID.randomUUID())).then().statusCode(404);
        assertEquals("none", stored(ray));
    }

    @Test
    void badSettingsAreRefusedAndNothingIsSaved() {
        as(ws.adminKey()).body(Map.of("capacity", -1)).put(path(ray.id())).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("capacity"));
        as(ws.adminKey()).body(Map.of("capacity", 100001)).put(path(ray.id())).then().statusCode(422);
        as(ws.adminKey()).body("{\"capacity\":\"many\"}").put(path(ray.id())).then().statusCode(400)
                .body("errors[0].field", equalTo("capacity"));
        as(ws.adminKey()).body("{\"capacity\":3,\"weight\":2}").put(path(ray.id())).then().statusCode(400)
                .body("errors[0].field", equalTo("weight"));
        as(ws.adminKey()).body(Map.of("capacity", 5)).put(path(mona.id())).then().statusCode(422)
                .body("errors[0].field", equalTo("userId"))
                .body("errors[0].message", equalTo("is not a rep: only reps are routed leads"));
        as(ws.adminKey()).header("If-Match", "nonsense").body(Map.of("capacity", 5)).put(path(ray.id())).then()
                .statusCode(400);
        assertEquals("none", stored(ray));
        assertEquals("none", stored(mona));
    }

    @Test
    void graphQLReadsAndSavesTheSameSettings() {
        String save = """
                mutation($user: String!, $input: LeadRoutingSettingsInput!, $version: BigInteger) {
                  setLeadRoutingSettings(userId: $user, input: $input, expectedVersion: $version) {
                    settings { userId capacity optedOut saved version } userErrors { field message } } }""";
        var saved = GraphQLClient.ok(ws.adminKey(), save, Map.of("user", ray.id().toString(),
                "input", Map.of("capacity", 7), "version", 0));
        assertEquals(7, saved.getInt("data.setLeadRoutingSettings.settings.capacity"));
        assertEquals(1, saved.getInt("data.setLeadRoutingSettings.settings.version"));
        var invalid = GraphQLClient.ok(ws.adminKey(), save, Map.of("user", mona.id().toString(),
                "input", Map.of("capacity", 7)));
        assertEquals("userId", invalid.getString("data.setLeadRoutingSettings.userErrors[0].field"));
        var read = GraphQLClient.ok(ray.key(), "query($user: String!) { leadRoutingSettings(userId: $user) { "
                + "capacity saved remaining } }", Map.of("user", ray.id().toString()));
        assertEquals(7, read.getInt("data.leadRoutingSettings.remaining"));
        assertEquals("7/false/v1 by " + ws.adminId(), stored(ray));
    }
}
