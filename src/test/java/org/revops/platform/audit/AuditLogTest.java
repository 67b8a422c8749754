package org.revops.platform.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of write leaves audit events naming the right actor — a REST request, a GraphQL mutation, a batch
 * upsert, a CSV import job and a scoring publish job — and a rolled-back write leaves none; GET /api/v1/audit-events
 * is for admins of the workspace only.
 */
@QuarkusTest
class AuditLogTest extends ApiTest {
    static final String EVENTS = "/api/v1/audit-events";

    @Inject
    Db db;

    private Workspace ws;
    private UUID adminKeyId;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Audit");
        adminKeyId = keyIdOf(ws.adminId());
    }

    private UUID keyIdOf(UUID userId) {
        return db.query("SELECT id FROM api_keys WHERE workspace_id = $1 AND user_id = $2", Tuple.of(ws.id(), userId))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getUUID("id");
    }

    /** The events of one record, oldest first. */
    private List<Map<String, Object>> eventsOf(String resourceId) {
        return as(ws.adminKey()).queryParam("resourceId", resourceId).queryParam("sort", "occurredAt")
                .get(EVENTS).then().statusCode(200).extract().jsonPath().getList("data");
    }

    private static String requestId() {
        return "audit-" + UUID.randomUUID();
    }

    private void assertRequestActor(Map<String, Object> event, UUID userId, UUID keyId, String requestId) {
        assertEquals("request", event.get("actorKind"), event::toString);
        assertEquals(userId.toString(), event.get("actorUserId"));
        assertEquals(keyId.toString(), event.get("actorKeyId"));
        assertEquals(requestId, event.get("requestId"));
        assertEquals("audit-test/1.0", event.get("userAgent"));
        assertNotNull(event.get("ip"));
        assertNull(event.get("actorJobId"));
    }

    @Test
    void restCreateAndUpdateNameTheCallerAndTheChangedFields() {
        String created = requestId();
        String id = as(ws.adminKey()).header("X-Request-Id", created).header("User-Agent", "audit-test/1.0")
                .body(Map.of("name", "Audited")).post("/api/v1/accounts").then().statusCode(201).extract().path("id");
        String updated = requestId();
        as(ws.adminKey()).header("X-Request-Id", updated).header("User-Agent", "audit-test/1.0")
                .contentType("application/merge-patch+json").body(Map.of("name", "Audited 2", "industry", "Retail"))
                .patch("/api/v1/accounts/" + id).then().statusCode(200);

        List<Map<String, Object>> events = eventsOf(id);
        assertEquals(2, events.size(), events::toString);
        assertEquals("account", events.get(0).get("resourceType"));
        assertEquals("create", events.get(0).get("action"));
        assertNull(events.get(0).get("changedFields"));
        assertRequestActor(events.get(0), ws.adminId(), adminKeyId, created);
        assertEquals("update", events.get(1).get("action"));
        assertEquals(List.of("name", "industry"), events.get(1).get("changedFields"));
        assertRequestActor(events.get(1), ws.adminId(), adminKeyId, updated);

        as(ws.adminKey()).queryParam("requestId", updated).get(EVENTS).then().statusCode(200)
                .body("data.size()", equalTo(1)).body("data[0].resourceId", equalTo(id));
    }

    @Test
    void graphQLMutationNamesTheCaller() {
        String requestId = requestId();
        JsonPath data = GraphQLClient.ok(ws.adminKey(), "mutation($input: AccountInput!) { "
                + "createAccount(input: $input) "
                + "{ account { id } userErrors { field message } } }", Map.of("input", Map.of("name", "Via GraphQL")));
        String id = data.getString("data.createAccount.account.id");
        List<Map<String, Object>> events = eventsOf(id);
        assertEquals(1, events.size(), events::toString);
        assertEquals("request", events.get(0).get("actorKind"));
        assertEquals(ws.adminId().toString(), events.get(0).get("actorUserId"));
        assertEquals(adminKeyId.toString(), events.get(0).get("actorKeyId"));
        assertNotNull(events.get(0).get("requestId"));

        Response withId = as(ws.adminKey()).header("X-Request-Id", requestId).header("User-Agent", "audit-test/1.0")
                .body(Map.of("query", "mutation($input: AccountInput!) { createAccount(input: $input) "
                        + "{ account { id } } }", "variables", Map.of("input", Map.of("name", "Via GraphQL 2"))))
                .post("/graphql");
        withId.then().statusCode(200).body("errors", org.hamcrest.Matchers.nullValue());
        assertRequestActor(eventsOf(withId.path("data.createAccount.account.id")).get(0), ws.adminId(), adminKeyId,
                requestId);
    }

    @Test
    void batchUpsertNamesTheIntegrationKey() {
        Member integration = newMember(ws, "Sync Bot", "integration", null);
        UUID keyId = keyIdOf(integration.id());
        String requestId = requestId();
        as(integration.key()).header("X-Request-Id", requestId).header("User-Agent", "audit-test/1.0")
                .body(Map.of("records", List.of(
                        Map.of("externalSource", "crm", "externalId", "A1", "name", "Alpha"),
                        Map.of("externalSource", "crm", "externalId", "A2", "name", "Beta"))))
                .post("/api/v1/accounts/batch/upsert").then().statusCode(200).body("counts.created", equalTo(2));
        List<Map<String, Object>> events = as(ws.adminKey()).queryParam("requestId", requestId).get(EVENTS)
                .then().statusCode(200).extract().jsonPath().getList("data");
        assertEquals(2, events.size(), events::toString);
        for (Map<String, Object> event : events) {
            assertEquals("account", event.get("resourceType"));
            assertEquals("create", event.get("action"));
            assertRequestActor(event, integration.id(), keyId, requestId);
        }
    }

    @Test
    void importJobWritesAsTheJobOfItsRequester() {
        String requestId = requestId();
        Response accepted = as(ws.adminKey()).header("X-Request-Id", requestId).header("User-Agent", "audit-test/1.0")
                .contentType("text/csv; charset=UTF-8")
                .body("externalId,lastName,email\nW1,Curie,marie@x.example\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("object", "leads").queryParam("externalSource", "web").post("/api/v1/imports");
        accepted.then().statusCode(202);
        String jobId = accepted.path("jobId");
        assertEquals("succeeded", Jobs.await(ws.adminKey(), jobId).getString("state"));

        List<Map<String, Object>> events = as(ws.adminKey()).queryParam("resourceType", "lead").get(EVENTS)
                .then().statusCode(200).extract().jsonPath().getList("data");
        assertEquals(1, events.size(), events::toString);
        Map<String, Object> event = events.get(0);
        assertEquals("create", event.get("action"));
        assertEquals("job", event.get("actorKind"));
        assertEquals(jobId, event.get("actorJobId"));
        assertEquals(ws.adminId().toString(), event.get("actorUserId"));
        assertEquals(adminKeyId.toString(), event.get("actorKeyId"));
        assertEquals(requestId, event.get("requestId"));
        assertEquals("audit-test/1.0", event.get("userAgent"));
    }

    @Test
    void scoringPublishJobWritesAsTheJobOfItsRequester() {
        String lead = as(ws.adminKey()).body(Map.of("lastName", "Lead", "industry", "Software"))
                .post("/api/v1/leads").then().statusCode(201).extract().path("id");
        String model = as(ws.adminKey()).body(Map.of("name", "Fit", "criteria", List.of(Map.of("field", "industry",
                        "operator", "equals", "value", "Software", "weight", 10))))
                .post("/api/v1/scoring-models").then().statusCode(201).extract().path("id");
        String requestId = requestId();
        Response accepted = as(ws.adminKey()).header("X-Request-Id", requestId).header("User-Agent", "audit-test/1.0")
                .post("/api/v1/scoring-models/" + model + "/publish");
        accepted.then().statusCode(202);
        String jobId = accepted.path("id");
        assertEquals("succeeded", Jobs.await(ws.adminKey(), jobId).getString("state"));

        List<Map<String, Object>> modelEvents = eventsOf(model);
        Map<String, Object> published = modelEvents.get(modelEvents.size() - 1);
        assertEquals("update", published.get("action"), modelEvents::toString);
        assertEquals("job", published.get("actorKind"));
        assertEquals(jobId, published.get("actorJobId"));
        assertEquals(ws.adminId().toString(), published.get("actorUserId"));
        assertEquals(requestId, published.get("requestId"));

        List<Map<String, Object>> leadEvents = eventsOf(lead);
        Map<String, Object> scored = leadEvents.get(leadEvents.size() - 1);
        assertEquals("update", scored.get("action"), leadEvents::toString);
        assertEquals(jobId, scored.get("actorJobId"));
    }

    @Test
    void territoryActivationJobWritesAsTheJobOfItsRequester() {
        String account = as(ws.adminKey()).body(Map.of("name", "Berlin GmbH", "country", "DE", "region", "EMEA",
                "industry", "Retail", "employeeCount", 50)).post("/api/v1/accounts").then().statusCode(201)
                .extract().path("id");
        TerritoryMap map = TerritoryScenario.model(ws.adminKey(), "FY27");
        String requestId = requestId();
        Response accepted = as(ws.adminKey()).header("X-Request-Id", requestId).header("User-Agent", "audit-test/1.0")
                .post(map.path("/activate"));
        accepted.then().statusCode(202);
        String jobId = accepted.path("id");
        assertEquals("succeeded", Jobs.await(ws.adminKey(), jobId).getString("state"));

        List<Map<String, Object>> activated = eventsOf(map.modelId);
        Map<String, Object> switched = activated.get(activated.size() - 1);
        assertEquals("update", switched.get("action"), activated::toString);
        assertEquals("territory_model", switched.get("resourceType"));
        assertEquals("job", switched.get("actorKind"));
        assertEquals(jobId, switched.get("actorJobId"));
        assertEquals(requestId, switched.get("requestId"));

        // the rule-made assignment is the engine's, recorded by the model's event above; a person's is recorded
        assertEquals(List.of(), assignmentEvents(account), "rule-made assignments are not audited one by one");
        String territory = map.ids.values().iterator().next();
        as(ws.adminKey()).header("X-Request-Id", requestId + "-manual").body(Map.of("territoryId", territory))
                .put(map.path("/assignments/" + account)).then().statusCode(200);
        List<Map<String, Object>> assigned = assignmentEvents(account);
        assertEquals(1, assigned.size(), assigned::toString);
        assertEquals("update", assigned.get(0).get("action"));
        assertEquals("request", assigned.get(0).get("actorKind"));
        assertEquals(requestId + "-manual", assigned.get(0).get("requestId"));
        assertEquals(Map.of("modelId", map.modelId, "accountId", account), assigned.get(0).get("recordKey"));
    }

    private List<Map<String, Object>> assignmentEvents(String account) {
        return as(ws.adminKey()).queryParam("resourceType", "territory_assignment").queryParam("resourceId", account)
                .get(EVENTS).then().statusCode(200).extract().jsonPath().getList("data");
    }

    @Test
    void aRolledBackWriteLeavesNoEventAndWorkOutsideRequestsIsTheSystems() {
        String id = as(ws.adminKey()).body(Map.of("name", "Rollback")).post("/api/v1/accounts")
                .then().statusCode(201).extract().path("id");
        String rename = "UPDATE accounts SET name = $3 WHERE workspace_id = $1 AND id = $2";
        Tuple renamed = Tuple.of(ws.id(), UUID.fromString(id), "Never");
        try {
            db.inTransaction(conn -> db.query(conn, rename, renamed)
                            .flatMap(done -> Uni.createFrom().failure(new IllegalStateException("roll back"))))
                    .await().atMost(Duration.ofSeconds(10));
            throw new AssertionError("the transaction should have failed");
        } catch (IllegalStateException expected) {
            assertEquals("roll back", expected.getMessage());
        }
        assertEquals(1, eventsOf(id).size());

        db.query(rename, Tuple.of(ws.id(), UUID.fromString(id), "Renamed by the system"))
                .await().atMost(Duration.ofSeconds(10));
        List<Map<String, Object>> events = eventsOf(id);
        assertEquals(2, events.size(), events::toString);
        assertEquals("system", events.get(1).get("actorKind"));
        assertEquals(List.of("name"), events.get(1).get("changedFields"));
        assertNull(events.get(1).get("actorUserId"));
    }

    @Test
    void onlyAdminsOfTheWorkspaceSeeItsEvents() {
        String id = as(ws.adminKey()).body(Map.of("name", "Private")).post("/api/v1/accounts")
                .then().statusCode(201).extract().path("id");
        Member manager = newMember(ws, "Mia Manager", "manager", null);
        as(manager.key()).get(EVENTS).then().statusCode(403).contentType(startsWith("application/problem+json"));

        Workspace other = newWorkspace("Audit, other");
        as(other.adminKey()).queryParam("resourceId", id).get(EVENTS).then().statusCode(200)
                .body("data.size()", equalTo(0));
        // the other workspace sees its own events only: its admin's key and user, nothing of ours
        List<String> workspacesSeen = as(other.adminKey()).get(EVENTS).then().statusCode(200).extract()
                .jsonPath().getList("data.resourceId");
        assertTrue(!workspacesSeen.contains(id), workspacesSeen::toString);
    }

    @Test
    void badFiltersAre400() {
        as(ws.adminKey()).queryParam("resourceId", "not-a-uuid").get(EVENTS).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("resourceId"));
        as(ws.adminKey()).queryParam("since", "yesterday").get(EVENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        as(ws.adminKey()).queryParam("colour", "red").get(EVENTS).then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
    }

    @Test
    void pagesByCursorAndAnswersCsv() {
        for (int i = 0; i < 3; i++) {
            as(ws.adminKey()).body(Map.of("name", "Paged " + i)).post("/api/v1/accounts").then().statusCode(201);
        }
        JsonPath first = as(ws.adminKey()).queryParam("resourceType", "account").queryParam("limit", 2).get(EVENTS)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getList("data").size());
        JsonPath second = as(ws.adminKey()).queryParam("resourceType", "account").queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get(EVENTS).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, second.getList("data").size());
        assertNull(second.getString("nextCursor"));
        assertTrue(!first.getList("data.id").contains(second.getString("data[0].id")));

        String csv = as(ws.adminKey()).accept("text/csv").queryParam("resourceType", "account").get(EVENTS)
                .then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r?\n");
        assertTrue(lines[0].startsWith("id,occurredAt,resourceType,resourceId"), lines[0]);
        assertEquals(4, lines.length, csv);
    }

    @Test
    void retentionDeletesOnlyEventsOlderThanItsPeriod() {
        String id = as(ws.adminKey()).body(Map.of("name", "Kept")).post("/api/v1/accounts")
                .then().statusCode(201).extract().path("id");
        UUID old = UUID.randomUUID();
        db.query("""
                INSERT INTO audit_events (workspace_id, occurred_at, resource_type, resource_id, action, actor_kind)
                VALUES ($1, now() - interval '400 days', 'account', $2, 'update', 'system')""",
                Tuple.of(ws.id(), old)).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, eventsOf(old.toString()).size());

        long deleted = retention.prune(ws.id(), java.time.Instant.now()).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, deleted);
        assertEquals(0, eventsOf(old.toString()).size());
        assertEquals(1, eventsOf(id).size());
    }

    @Inject
    AuditRetention retention;
}
