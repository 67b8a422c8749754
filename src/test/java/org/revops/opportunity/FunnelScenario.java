package org.revops.opportunity;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest.Member;
import org.revops.support.ApiTest.Workspace;
import org.revops.support.Fixtures;
import org.revops.support.TestClock;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Deals with known histories, built through the API with the test clock (create, move, close at set times), so
 * every funnel and win/loss figure can be worked out by hand. Pipeline: Qualify → Demo → Proposal, then Won / Lost.
 * Owners: Mona (manager) above Ray (rep); Otto (rep) reports to nobody. Acme is Retail in EMEA, Globex Energy in NA.
 *
 * <pre>
 * deal amount  owner account created (2026-01) history (2026-01)                         now
 * A    10000   Ray   Acme    05 09:00          Demo 10, Proposal 15, won 25 09:00        won, cycle 20 days
 * B     4000   Ray   Globex  05 09:00          Demo 12, lost 20 (Price, Initech, web)    lost
 * C     1000   Ray   Acme    06 09:00          -                                         open in Qualify
 * D     2000   Otto  Globex  06 09:00          Proposal 16 (skipped Demo)                open in Proposal
 * E     6000   Mona  Acme    07 09:00          won 17 21:00                              won, cycle 10.5 → 10 days
 * </pre>
 */
final class FunnelScenario {
    final Workspace ws;
    final Member mona;
    final Member ray;
    final Member otto;
    final String pipelineId;
    final String qualify;
    final String demo;
    final String proposal;
    final String acme;
    final String globex;
    final String priceReason;
    final String relationshipReason;
    final Map<String, String> deals = new HashMap<>();

    FunnelScenario(Workspace ws, Member mona, Member ray, Member otto, Db db) {
        this.ws = ws;
        this.mona = mona;
        this.ray = ray;
        this.otto = otto;
        JsonPath pipeline = pipeline(ws.adminKey(), "Funnel");
        pipelineId = pipeline.getString("id");
        qualify = pipeline.getString("stages[0].id");
        demo = pipeline.getString("stages[1].id");
        proposal = pipeline.getString("stages[2].id");
        acme = Fixtures.account(ws.adminKey(), Map.of("name", "Acme", "industry", "Retail", "region", "EMEA"));
        globex = Fixtures.account(ws.adminKey(), Map.of("name", "Globex", "industry", "Energy", "region", "NA"));
        priceReason = closeReason(db, ws.id(), "Price", "lost");
        relationshipReason = closeReason(db, ws.id(), "Relationship", "both");
    }

    /** Builds A-E as in the table above, then leaves the clock at 2026-02-01. */
    FunnelScenario build() {
        TestClock.set("2026-01-05T09:00:00Z");
        deal("A", 10000, ray, acme, "partner");
        deal("B", 4000, ray, globex, "web");
        TestClock.set("2026-01-06T09:00:00Z");
        deal("C", 1000, ray, acme, null);
        deal("D", 2000, otto, globex, "web");
        TestClock.set("2026-01-07T09:00:00Z");
        deal("E", 6000, mona, acme, "partner");
        TestClock.set("2026-01-10T09:00:00Z");
        move("A", demo);
        TestClock.set("2026-01-12T09:00:00Z");
        move("B", demo);
        TestClock.set("2026-01-15T09:00:00Z");
        move("A", proposal);
        TestClock.set("2026-01-16T09:00:00Z");
        move("D", proposal);
        TestClock.set("2026-01-17T21:00:00Z");
        close("E", true, null, null);
        TestClock.set("2026-01-20T09:00:00Z");
        close("B", false, priceReason, "Initech");
        TestClock.set("2026-01-25T09:00:00Z");
        close("A", true, relationshipReason, null);
        TestClock.set("2026-02-01T00:00:00Z");
        return this;
    }

    String id(String deal) {
        return deals.get(deal);
    }

    void deal(String name, int amount, Member owner, String account, String source) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "accountId", account, "stageId", qualify,
                "amount", amount, "ownerId", owner.id().toString()));
        if (source != null) {
            body.put("source", source);
        }
        deals.put(name, Fixtures.opportunity(ws.adminKey(), body));
    }

    void move(String deal, String stageId) {
        as(ws.adminKey()).body(Map.of("stageId", stageId)).patch("/api/v1/opportunities/" + id(deal))
                .then().statusCode(200);
    }

    void close(String deal, boolean won, String reasonId, String competitor) {
        Map<String, Object> body = new HashMap<>(Map.of("won", won));
        if (reasonId != null) {
            body.put("reasonId", reasonId);
        }
        if (competitor != null) {
            body.put("competitor", competitor);
        }
        as(ws.adminKey()).body(body).post("/api/v1/opportunities/" + id(deal) + "/close").then().statusCode(200);
    }

    /** Qualify (10) → Demo (30) → Proposal (60), then Won and Lost. */
    static JsonPath pipeline(String key, String name) {
        return as(key).body(Map.of("name", name, "stages", List.of(
                        Map.of("name", "Qualify", "probability", 10, "forecastCategory", "Pipeline"),
                        Map.of("name", "Demo", "probability", 30, "forecastCategory", "Pipeline"),
                        Map.of("name", "Proposal", "probability", 60, "forecastCategory", "BestCase"),
                        Map.of("name", "Won", "probability", 100, "forecastCategory", "Closed", "closed", true, "won", true),
                        Map.of("name", "Lost", "probability", 0, "forecastCategory", "Omitted", "closed", true))))
                .post("/api/v1/pipelines").then().statusCode(201).extract().jsonPath();
    }

    /** ApiTest.as, which is for subclasses only. */
    private static RequestSpecification as(String apiKey) {
        return RestAssured.given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON);
    }

    /** There is no close-reason endpoint in this branch yet: the reasons are written straight to the table. */
    static String closeReason(Db db, UUID workspaceId, String name, String appliesTo) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.parse("2026-01-01T00:00:00Z");
        db.query("""
                        INSERT INTO close_reasons (workspace_id, id, name, applies_to, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $5)""", Tuple.of(workspaceId, id, name, appliesTo, now))
                .await().atMost(Duration.ofSeconds(10));
        return id.toString();
    }
}
