package org.revops.lead;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.CsvPages;
import org.revops.support.Listing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LeadResourceTest extends ApiTest {
    static final String LEADS = "/api/v1/leads";

    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Leads");
    }

    static String lead(String key, Map<String, Object> fields) {
        return as(key).body(fields).post(LEADS).then().statusCode(201).extract().path("id");
    }

    private long leadCount() {
        return db.query("SELECT count(*) FROM leads WHERE workspace_id = $1", Tuple.of(ws.id()))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @Test
    void createReadUpdateDelete() {
        String location = as(ws.adminKey()).body(Map.ofEntries(Map.entry("firstName", "Ada"),
                        Map.entry("lastName", "Lovelace"), Map.entry("email", "ada@analytical.example"),
                        Map.entry("title", "Head of Operations"), Map.entry("company", "Analytical Engines Ltd"),
                        Map.entry("companyDomain", "Analytical.Example"), Map.entry("industry", "Manufacturing"),
                        Map.entry("employeeCount", 450), Map.entry("country", "GB"), Map.entry("region", "EMEA"),
                        Map.entry("source", "trade-show"), Map.entry("campaign", "Hannover Messe 2026"),
                        Map.entry("budgetAmount", 120000), Map.entry("budgetStatus", "indicative"),
                        Map.entry("authority", "decision-maker"), Map.entry("timeline", "this-quarter"),
                        Map.entry("eventsAttended", 1), Map.entry("lastEngagedAt", "2026-11-20T10:00:00Z")))
                .post(LEADS).then().statusCode(201).header("ETag", "\"0\"")
                .body("lastName", equalTo("Lovelace")).body("companyDomain", equalTo("analytical.example"))
                .body("source", equalTo("trade-show")).body("campaign", equalTo("Hannover Messe 2026"))
                .body("budgetAmount", equalTo(120000.0f)).body("budgetStatus", equalTo("indicative"))
                .body("authority", equalTo("decision-maker")).body("timeline", equalTo("this-quarter"))
                .body("eventsAttended", equalTo(1)).body("visits", equalTo(0))
                .body("lastEngagedAt", equalTo("2026-11-20T10:00:00Z"))
                .body("status", equalTo("new")).body("currency", equalTo("EUR"))
                .body("ownerId", nullValue()).body("territoryId", nullValue()).body("score", nullValue())
                .body("convertedAt", nullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        as(ws.adminKey()).get(LEADS + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("email", equalTo("ada@analytical.example"));

        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"status\":\"working\",\"visits\":3,\"title\":null,\"ownerId\":\"" + ws.adminId() + "\"}")
                .patch(LEADS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("working")).body("visits", equalTo(3)).body("title", nullValue())
                .body("ownerId", equalTo(ws.adminId().toString())).body("lastName", equalTo("Lovelace"));
        as(ws.adminKey()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"status\":\"nurturing\"}").patch(LEADS + "/" + id).then().statusCode(412);

        as(ws.adminKey()).header("If-Match", "\"1\"").delete(LEADS + "/" + id).then().statusCode(204);
        as(ws.adminKey()).get(LEADS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, leadCount());
    }

    @Test
    void disqualifyingNeedsAReasonAndLeavingDisqualifiedClearsIt() {
        String id = lead(ws.adminKey(), Map.of("email", "bob@acme.example"));
        as(ws.adminKey()).body(Map.of("status", "disqualified")).patch(LEADS + "/" + id).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("disqualifiedReason"));
        as(ws.adminKey()).get(LEADS + "/" + id).then().body("status", equalTo("new")).body("version", equalTo(0));
        as(ws.adminKey()).body(Map.of("status", "disqualified", "disqualifiedReason", " Student ")).patch(LEADS + "/" + id)
                .then().statusCode(200).body("status", equalTo("disqualified"))
                .body("disqualifiedReason", equalTo("Student"));
        as(ws.adminKey()).body(Map.of("status", "nurturing")).patch(LEADS + "/" + id).then().statusCode(200)
                .body("status", equalTo("nurturing")).body("disqualifiedReason", nullValue());
    }

    @Test
    void badInputAnswersProblemJsonAndWritesNothing() {
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("lastName", Map.of("firstName", "Nameless", "phone", "+1 555"));
        bad.put("source", Map.of("lastName", "X", "source", "carrier-pigeon"));
        bad.put("status", Map.of("lastName", "X", "status", "converted"));
        bad.put("disqualifiedReason", Map.of("lastName", "X", "status", "disqualified"));
        bad.put("email", Map.of("lastName", "X", "email", "not-an-email"));
        bad.put("visits", Map.of("lastName", "X", "visits", -1));
        bad.put("country", Map.of("lastName", "X", "country", "Germany"));
        bad.put("companyDomain", Map.of("lastName", "X", "companyDomain", "no domain"));
        bad.put("authority", Map.of("lastName", "X", "authority", "king"));
        bad.put("timeline", Map.of("lastName", "X", "timeline", "soon"));
        bad.put("budgetAmount", Map.of("lastName", "X", "budgetAmount", -5));
        bad.put("ownerId", Map.of("lastName", "X", "ownerId", UUID.randomUUID().toString()));
        bad.put("territoryId", Map.of("lastName", "X", "territoryId", UUID.randomUUID().toString()));
        bad.forEach((field, body) -> as(ws.adminKey()).body(body).post(LEADS).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem(field)));
        as(ws.adminKey()).body("{\"lastName\": \"Broken\",").post(LEADS).then().statusCode(400)
                .contentType("application/problem+json");
        as(ws.adminKey()).body(Map.of("lastName", "X", "employeeCount", "many")).post(LEADS).then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0, leadCount());

        String id = lead(ws.adminKey(), Map.of("lastName", "Valid"));
        as(ws.adminKey()).body(Map.of("source", "fax")).patch(LEADS + "/" + id).then().statusCode(422);
        as(ws.adminKey()).body("{\"lastName\":null}").patch(LEADS + "/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("lastName"));
        as(ws.adminKey()).get(LEADS + "/" + id).then().body("source", equalTo("other"))
                .body("lastName", equalTo("Valid")).body("version", equalTo(0));
        as(ws.adminKey()).get(LEADS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void externalIdsAreUniquePerSource() {
        lead(ws.adminKey(), Map.of("email", "a@x.example", "externalSource", "hubspot", "externalId", "42"));
        as(ws.adminKey()).body(Map.of("email", "b@x.example", "externalSource", "hubspot", "externalId", "42"))
                .post(LEADS).then().statusCode(409).contentType("application/problem+json");
        lead(ws.adminKey(), Map.of("email", "c@x.example", "externalSource", "marketo", "externalId", "42"));
        assertEquals(2, leadCount());
    }

    @Test
    void aConvertedLeadIsReadOnly() {
        String id = lead(ws.adminKey(), Map.of("lastName", "Converted"));
        db.query("UPDATE leads SET status = 'converted', converted_at = now() WHERE workspace_id = $1 AND id = $2",
                Tuple.of(ws.id(), UUID.fromString(id))).await().atMost(Duration.ofSeconds(10));
        as(ws.adminKey()).body(Map.of("status", "working")).patch(LEADS + "/" + id).then().statusCode(409)
                .contentType("application/problem+json");
        as(ws.adminKey()).delete(LEADS + "/" + id).then().statusCode(409);
        as(ws.adminKey()).get(LEADS + "/" + id).then().body("status", equalTo("converted"));
    }

    @Test
    void repsSeeTheirOwnManagersTheTeamAndTheQueueOthersByRole() {
        Member manager = newMember(ws, "Mia Manager", "manager", null);
        Member rep = newMember(ws, "Rex Rep", "rep", manager.id());
        Member otherRep = newMember(ws, "Ola Other", "rep", null);
        Member auditor = newMember(ws, "Abe Auditor", "read-only", null);
        Member integration = newMember(ws, "Ian Integration", "integration", null);

        String repsOwn = as(rep.key()).body(Map.of("lastName", "Mine")).post(LEADS).then().statusCode(201)
                .body("ownerId", equalTo(rep.id().toString())).extract().path("id");
        String othersOwn = lead(otherRep.key(), Map.of("lastName", "Theirs"));
        String unowned = as(integration.key()).body(Map.of("email", "web@form.example", "source", "web-form"))
                .post(LEADS).then().statusCode(201).body("ownerId", nullValue()).extract().path("id");

        assertEquals(List.of(repsOwn), Listing.ids(rep.key(), LEADS, ""));
        assertEquals(java.util.Set.of(repsOwn, unowned), new java.util.HashSet<>(Listing.ids(manager.key(), LEADS, "")));
        assertEquals(java.util.Set.of(repsOwn, othersOwn, unowned),
                new java.util.HashSet<>(Listing.ids(auditor.key(), LEADS, "")));
        as(rep.key()).get(LEADS + "/" + othersOwn).then().statusCode(404);
        as(rep.key()).get(LEADS + "/" + unowned).then().statusCode(404);
        as(rep.key()).body(Map.of("status", "working")).patch(LEADS + "/" + othersOwn).then().statusCode(404);
        as(manager.key()).get(LEADS + "/" + othersOwn).then().statusCode(404);

        // a rep cannot give a lead away or create one for someone else; a manager takes one from the queue
        as(rep.key()).body(Map.of("lastName", "For Ola", "ownerId", otherRep.id().toString())).post(LEADS).then()
                .statusCode(422).body("errors[0].field", equalTo("ownerId"));
        as(rep.key()).body("{\"ownerId\":null}").patch(LEADS + "/" + repsOwn).then().statusCode(422);
        as(manager.key()).body(Map.of("ownerId", rep.id().toString())).patch(LEADS + "/" + unowned).then()
                .statusCode(200).body("ownerId", equalTo(rep.id().toString()));
        as(rep.key()).get(LEADS + "/" + unowned).then().statusCode(200);

        // read-only keys read but never write; integration keys write
        as(auditor.key()).body(Map.of("lastName", "Nope")).post(LEADS).then().statusCode(403)
                .contentType("application/problem+json");
        as(auditor.key()).body(Map.of("status", "working")).patch(LEADS + "/" + repsOwn).then().statusCode(403);
        as(auditor.key()).delete(LEADS + "/" + repsOwn).then().statusCode(403);
        as(integration.key()).body(Map.of("visits", 7)).patch(LEADS + "/" + othersOwn).then().statusCode(200)
                .body("visits", equalTo(7));
        as(ws.adminKey()).get(LEADS + "/" + repsOwn).then().body("status", equalTo("new"));

        // another workspace sees none of it
        Workspace other = newWorkspace("Other leads");
        as(other.adminKey()).get(LEADS + "/" + repsOwn).then().statusCode(404);
        assertEquals(List.of(), Listing.ids(other.adminKey(), LEADS, ""));
    }

    @Test
    void filtersSortsPagesAndCsv() {
        Member rep = newMember(ws, "Fay Filter", "rep", null);
        String a = lead(ws.adminKey(), Map.of("lastName", "Alpha", "company", "Acme", "email", "Al@Acme.example",
                "source", "web-form", "campaign", "Spring", "industry", "Retail", "country", "DE",
                "companyDomain", "acme.example"));
        String b = lead(ws.adminKey(), Map.of("lastName", "Bravo", "source", "trade-show", "campaign", "Expo",
                "status", "qualified", "ownerId", rep.id().toString(), "externalSource", "hubspot", "externalId", "7"));
        String c = lead(ws.adminKey(), Map.of("lastName", "Charlie", "source", "web-form", "status", "disqualified",
                "disqualifiedReason", "Competitor", "country", "FR"));
        db.query("UPDATE leads SET score = CASE id WHEN $2 THEN 80 WHEN $3 THEN 40 ELSE 10 END, grade = CASE id"
                        + " WHEN $2 THEN 'A' WHEN $3 THEN 'C' ELSE 'D' END WHERE workspace_id = $1",
                Tuple.of(ws.id(), UUID.fromString(a), UUID.fromString(b))).await().atMost(Duration.ofSeconds(10));
        Map<String, List<String>> filters = new HashMap<>();
        filters.put("source=web-form", List.of(a, c));
        filters.put("source=web-form&source=trade-show", List.of(a, b, c));
        filters.put("status=qualified&status=disqualified", List.of(b, c));
        filters.put("campaign=Expo", List.of(b));
        filters.put("ownerId=" + rep.id(), List.of(b));
        filters.put("unowned=true", List.of(a, c));
        filters.put("unowned=false", List.of(b));
        filters.put("email=al@acme.EXAMPLE", List.of(a));
        filters.put("companyDomain=ACME.example", List.of(a));
        filters.put("country=FR", List.of(c));
        filters.put("industry=Retail", List.of(a));
        filters.put("grade=A&grade=C", List.of(a, b));
        filters.put("scoreMin=40", List.of(a, b));
        filters.put("scoreMax=40", List.of(b, c));
        filters.put("externalSource=hubspot&externalId=7", List.of(b));
        filters.put("q=acme", List.of(a));
        filters.put("q=CHAR", List.of(c));
        Listing.assertFilters(ws.adminKey(), LEADS, filters);
        Listing.assertOrder(ws.adminKey(), LEADS, "-score", a, b, c);
        Listing.assertOrder(ws.adminKey(), LEADS, "lastName", a, b, c);
        Listing.assertOrder(ws.adminKey(), LEADS, "-createdAt", c, b, a);
        assertEquals(List.of(c, b, a), Listing.walk(ws.adminKey(), LEADS, "-createdAt", 1, 3));
        Listing.assertRejectsBadParameters(ws.adminKey(), LEADS);

        String csv = CsvPages.csv(ws.adminKey(), LEADS + "?sort=lastName");
        String[] lines = csv.split("\r?\n");
        assertEquals(4, lines.length, csv);
        assertTrue(lines[0].startsWith("id,firstName,lastName,email"), lines[0]);
        assertTrue(lines[1].startsWith(a + ",,Alpha,Al@Acme.example"), lines[1]);
        as(ws.adminKey()).get(LEADS + "?source=web-form&limit=1").then().statusCode(200)
                .body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }
}
