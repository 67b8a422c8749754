package org.revops.integration;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.GraphQLClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ChangeFeedTest extends ApiTest {
    @Inject
    ChangeRetention retention;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> password;

    private Workspace ws;
    private String qualify;
    private String acme;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Feed");
        qualify = Fixtures.pipeline(ws.adminKey(), "New business").getString("stages[0].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme"));
    }

    /** One change as the client saw it. */
    record Seen(String id, String type, String resourceId, String action, Map<String, Object> fields) {
    }

    @Test
    void aClientFollowingTheCursorSeesEveryChangeOnceInCommitOrder() throws SQLException {
        String cursor = head(ws.adminKey());
        List<Seen> seen = new ArrayList<>();

        String lead = as(ws.adminKey()).body(Map.of("lastName", "Lovelace", "company", "Analytical", "source", "campaign"))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");
        String deal = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        as(ws.adminKey()).body(Map.of("amount", 2500)).patch("/api/v1/opportunities/" + deal).then().statusCode(200);
        cursor = follow(ws.adminKey(), cursor, null, 2, seen);   // small pages: the cursor crosses page boundaries
        int afterFirstRound = seen.size();

        // An update that only touches updated_at/version is no change.
        int noop = sql("UPDATE leads SET updated_at = now(), version = version + 1 WHERE workspace_id = ?", ws.id());
        assertEquals(1, noop);
        String contact = as(ws.adminKey()).body(Map.of("accountId", acme, "name", "Grace Hopper"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String deal2 = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify, "name", "Two"));
        String deal3 = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify, "name", "Three"));
        // A set-based update: one statement, three rows.
        assertEquals(3, sql("UPDATE opportunities SET next_step = 'Call back' WHERE workspace_id = ?", ws.id()));
        as(ws.adminKey()).delete("/api/v1/leads/" + lead).then().statusCode(204);
        cursor = follow(ws.adminKey(), cursor, null, 3, seen);

        // Nothing new: still a cursor, no data; at the head, which other transactions may have moved on meanwhile,
        // never back.
        String again = as(ws.adminKey()).queryParam("since", cursor).get("/api/v1/changes").then().statusCode(200)
                .body("data", empty()).extract().path("nextCursor");
        assertFalse(ChangeCursor.decode(again, "since").isBefore(ChangeCursor.decode(cursor, "since")), again);

        // Exactly the change log, in its order, each once (the database's own list is the ground truth).
        List<String> expected = logIds(ws.id());
        List<String> got = seen.stream().map(Seen::id).toList();
        // The account created in setUp came before the head cursor; everything after it is here.
        assertEquals(expected.subList(expected.size() - got.size(), expected.size()), got);
        assertEquals(got.size(), got.stream().distinct().count());

        assertTrue(seen.subList(0, afterFirstRound).stream().anyMatch(s -> s.resourceId().equals(lead)
                && s.action().equals("create") && "Lovelace".equals(s.fields().get("lastName"))));
        assertTrue(seen.stream().anyMatch(s -> s.resourceId().equals(deal) && s.action().equals("update")
                && ((Number) s.fields().get("amount")).intValue() == 2500 && !s.fields().containsKey("updatedAt")));
        assertTrue(seen.stream().anyMatch(s -> s.resourceId().equals(contact) && s.type().equals("contact")
                && s.action().equals("create")));
        // The no-op update wrote nothing: the lead has exactly a create and a delete after it.
        List<String> leadActions = seen.stream().filter(s -> s.resourceId().equals(lead)).map(Seen::action).toList();
        assertEquals("create", leadActions.get(0));
        assertEquals("delete", leadActions.get(leadActions.size() - 1));
        assertEquals(0, seen.subList(afterFirstRound, seen.size()).stream()
                .filter(s -> s.resourceId().equals(lead) && s.action().equals("update")).count());
        // The set-based update: one change per deal, with only the field that changed.
        for (String id : List.of(deal, deal2, deal3)) {
            assertEquals(1, seen.stream().filter(s -> s.resourceId().equals(id) && s.action().equals("update")
                    && s.fields().equals(Map.of("nextStep", "Call back"))).count(), id);
        }
        // Types filter the same log.
        List<Seen> leadsOnly = new ArrayList<>();
        follow(ws.adminKey(), null, "lead", 100, leadsOnly);
        assertTrue(leadsOnly.stream().allMatch(s -> s.type().equals("lead")));
        assertEquals(seen.stream().filter(s -> s.type().equals("lead")).map(Seen::id).toList(),
                leadsOnly.stream().map(Seen::id).toList());
    }

    @Test
    void aTransactionStillOpenWhileReadingIsNotSkippedLater() throws SQLException {
        String cursor = head(ws.adminKey());
        try (Connection conn = DriverManager.getConnection(jdbcUrl, dbUser, password.orElse(""))) {
            conn.setAutoCommit(false);
            try (PreparedStatement st = conn.prepareStatement(
                    "UPDATE accounts SET industry = 'Held back' WHERE workspace_id = ? AND id = ?")) {
                st.setObject(1, ws.id());
                st.setObject(2, UUID.fromString(acme));
                assertEquals(1, st.executeUpdate());   // takes its transaction id now, before the next write
            }
            String later = Fixtures.account(ws.adminKey(), Map.of("name", "Committed first"));
            // The later write has committed, but the open transaction's id is smaller: nothing above it is settled.
            List<Seen> firstRead = new ArrayList<>();
            cursor = follow(ws.adminKey(), cursor, null, 100, firstRead);
            assertTrue(firstRead.stream().noneMatch(s -> s.resourceId().equals(later)), "held back behind the open one");
            conn.commit();

            List<Seen> secondRead = new ArrayList<>();
            follow(ws.adminKey(), cursor, null, 100, secondRead);
            assertEquals(List.of(acme, later), secondRead.stream().map(Seen::resourceId).toList());
            assertEquals(Map.of("industry", "Held back"), secondRead.get(0).fields());
            assertEquals("create", secondRead.get(1).action());
        }
    }

    @Test
    void aWorkspaceSeesOnlyItsOwnChanges() {
        Workspace other = newWorkspace("Feed other");
        String theirs = Fixtures.account(other.adminKey(), Map.of("name", "Theirs"));
        List<Seen> mine = new ArrayList<>();
        follow(ws.adminKey(), null, null, 1000, mine);
        assertTrue(mine.stream().anyMatch(s -> s.resourceId().equals(acme)));
        assertTrue(mine.stream().noneMatch(s -> s.resourceId().equals(theirs)));
        List<Seen> others = new ArrayList<>();
        follow(other.adminKey(), null, null, 1000, others);
        assertEquals(List.of(theirs), others.stream().map(Seen::resourceId).toList());
    }

    @Test
    void onlyKeysThatSeeTheWholeWorkspaceMayRead() {
        Member manager = newMember(ws, "Feed Manager", "manager", null);
        Member rep = newMember(ws, "Feed Rep", "rep", manager.id());
        Member reader = newMember(ws, "Feed Reader", "read-only", null);
        for (Member refused : List.of(rep, manager)) {
            as(refused.key()).get("/api/v1/changes").then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("https://revops.dev/problems/forbidden"));
            GraphQLClient.post(refused.key(), "{ changes { nextCursor } }", null).then().statusCode(200)
                    .body("errors[0].message", containsString("change feed"));
        }
        as(reader.key()).get("/api/v1/changes").then().statusCode(200).body("data.resourceId", hasItem(acme));
        as(reader.key()).get("/api/v1/changes").then().statusCode(200).body("nextCursor", notNullValue());
        io.restassured.RestAssured.given().get("/api/v1/changes").then().statusCode(401);
        // A key narrowed to changes:read reads the feed and nothing else.
        String scoped = as(ws.adminKey()).body(Map.of("name", "feed sync", "userId", reader.id().toString(),
                        "role", "read-only", "scopes", List.of("changes:read")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
        as(scoped).get("/api/v1/changes").then().statusCode(200).body("data.resourceId", hasItem(acme));
        as(scoped).get("/api/v1/accounts").then().statusCode(403);
    }

    @Test
    void badQueriesAre400sThatSayWhy() {
        String body = as(ws.adminKey()).queryParam("since", "not-a-cursor").get("/api/v1/changes").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("since"))
                .extract().asString();
        assertFalse(body.contains("Exception"));
        as(ws.adminKey()).queryParam("types", "opportunity,invoice").get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("types"))
                .body("detail", containsString("allowed: account, contact, lead, opportunity"));
        as(ws.adminKey()).queryParam("types", "").get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("types"));
        for (String limit : List.of("0", "1001", "-5", "ten")) {
            as(ws.adminKey()).queryParam("limit", limit).get("/api/v1/changes").then().statusCode(400)
                    .body("errors[0].field", equalTo("limit"));
        }
        as(ws.adminKey()).queryParam("cursor", "x").get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        as(ws.adminKey()).queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200);
    }

    @Test
    void aCursorOlderThanRetentionAnswers410WithWhatToDo() throws SQLException {
        Workspace other = newWorkspace("Feed kept");
        String kept = Fixtures.account(other.adminKey(), Map.of("name", "Kept"));
        String before = ChangeCursor.START.encode();
        as(ws.adminKey()).queryParam("since", before).get("/api/v1/changes").then().statusCode(200);
        Fixtures.account(ws.adminKey(), Map.of("name", "Soon pruned"));

        // Thirty-one days on, retention prunes this workspace's changes.
        long pruned = retention.prune(ws.id(), Instant.now().plus(Duration.ofDays(31))).await().atMost(Duration.ofSeconds(30));
        assertEquals(2, pruned);
        assertEquals(0, logIds(ws.id()).size());

        as(ws.adminKey()).queryParam("since", before).get("/api/v1/changes").then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revops.dev/problems/change-cursor-expired"))
                .body("detail", containsString("since=now"));
        // Without a cursor: from the oldest change kept (none). With since=now: a fresh start that works.
        as(ws.adminKey()).get("/api/v1/changes").then().statusCode(200).body("data", empty());
        String fresh = head(ws.adminKey());
        String after = Fixtures.account(ws.adminKey(), Map.of("name", "After the prune"));
        as(ws.adminKey()).queryParam("since", fresh).get("/api/v1/changes").then().statusCode(200)
                .body("data.resourceId", equalTo(List.of(after)));
        // Another workspace's changes were not touched.
        as(other.adminKey()).get("/api/v1/changes").then().statusCode(200).body("data.resourceId", hasItem(kept));
        // Nothing younger than the retention goes.
        assertEquals(0L, retention.prune(ws.id(), Instant.now()).await().atMost(Duration.ofSeconds(30)));
        assertEquals(1, logIds(ws.id()).size());
    }

    @Test
    void graphQLHasTheSameFeed() {
        String deal = Fixtures.opportunity(ws.adminKey(), Map.of("accountId", acme, "stageId", qualify));
        JsonPath page = GraphQLClient.ok(ws.adminKey(), """
                query($types: [String]) { changes(types: $types, first: 10) {
                  data { id type resourceId action changedFields version occurredAt } nextCursor } }""",
                Map.of("types", List.of("opportunity")));
        assertEquals(List.of(deal), page.getList("data.changes.data.resourceId"));
        assertTrue(page.getString("data.changes.data[0].changedFields").contains("\"name\":\"Deal\""));
        String next = page.getString("data.changes.nextCursor");
        JsonPath rest = as(ws.adminKey()).queryParam("types", "opportunity").get("/api/v1/changes").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(rest.getList("data.id"), page.getList("data.changes.data.id"));
        // a cursor at the head moves with any transaction in the database (background work too), so the two doors'
        // cursors are compared by what they lead to: GraphQL's, given to REST, has nothing after the deal
        as(ws.adminKey()).queryParam("types", "opportunity").queryParam("since", next).get("/api/v1/changes").then()
                .statusCode(200).body("data", empty());
        GraphQLClient.post(ws.adminKey(), "{ changes(types: [\"invoice\"]) { nextCursor } }", null).then()
                .statusCode(200).body("errors[0].message", containsString("allowed: account, contact, lead"));
    }

    private static String head(String key) {
        String cursor = as(key).queryParam("since", "now").get("/api/v1/changes").then().statusCode(200)
                .body("data", empty()).extract().path("nextCursor");
        assertNotNull(cursor);
        return cursor;
    }

    /** Reads pages from {@code since} until one comes back empty; adds what it saw; answers the last cursor. */
    @SuppressWarnings("unchecked")
    private static String follow(String key, String since, String types, int limit, List<Seen> into) {
        String cursor = since;
        for (int page = 0; page < 1000; page++) {
            var request = as(key).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            if (types != null) {
                request.queryParam("types", types);
            }
            JsonPath body = request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> data = body.getList("data");
            String next = body.getString("nextCursor");
            assertNotNull(next);
            for (Map<String, Object> change : data) {
                into.add(new Seen((String) change.get("id"), (String) change.get("type"),
                        (String) change.get("resourceId"), (String) change.get("action"),
                        (Map<String, Object>) change.get("changedFields")));
            }
            cursor = next;
            if (data.isEmpty()) {
                return cursor;
            }
        }
        throw new AssertionError("the feed never ended");
    }

    private int sql(String statement, UUID workspaceId) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, dbUser, password.orElse(""));
             PreparedStatement st = conn.prepareStatement(statement)) {
            st.setObject(1, workspaceId);
            return st.executeUpdate();
        }
    }

    /** The workspace's change log in feed order, as change ids. */
    private List<String> logIds(UUID workspaceId) throws SQLException {
        try (Connection conn = DriverManager.getConnection(jdbcUrl, dbUser, password.orElse(""));
             PreparedStatement st = conn.prepareStatement(
                     "SELECT txid::text, position FROM changes WHERE workspace_id = ? ORDER BY txid, position")) {
            st.setObject(1, workspaceId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(new ChangeCursor(Long.parseLong(rs.getString(1)), rs.getLong(2)).encode());
                }
            }
            return ids;
        }
    }
}
