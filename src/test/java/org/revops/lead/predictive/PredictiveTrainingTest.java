package org.revops.lead.predictive;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.lead.predictive.NaiveBayes.Explanation;
import org.revops.lead.predictive.NaiveBayes.Weight;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.CsvPages;
import org.revops.support.Jobs;
import org.revops.support.TestCheckpoint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training through HTTP on {@link LeadHistory} (300 closed leads where the source decides the outcome), scoring of
 * open leads by the job and on write, the quality figures, and the statement's agreement with {@link NaiveBayes}.
 */
@QuarkusTest
class PredictiveTrainingTest extends ApiTest {
    static final String MODELS = "/api/v1/predictive-models";
    static final String FIELDS = "{\"fields\":[\"source\",\"industry\",\"authority\",\"employeeCount\",\"visits\"],"
            + "\"windowDays\":365}";

    @Inject
    Db db;

    private Workspace ws;
    private String tag;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Predictive");
        tag = ws.id().toString();
        LeadHistory.seed(db, LeadHistory.Setting.of(ws.id(), ws.adminKey(), ws.adminId()), tag, 300);
    }

    @AfterEach
    void tearDown() {
        TestCheckpoint.reset();
    }

    static JsonPath train(String key, String body) {
        var accepted = as(key).body(body).post(MODELS);
        accepted.then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/api/v1/jobs/"))
                .body("kind", equalTo("predictive.train"));
        return Jobs.await(key, accepted.path("id"));
    }

    private String lead(Map<String, Object> fields) {
        return as(ws.adminKey()).body(fields).post("/api/v1/leads").then().statusCode(201).extract().path("id");
    }

    /** The id LeadHistory gives lead g: {@code CAST(md5(tag/lead/g) AS uuid)}. */
    private UUID historyId(int g) throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((tag + "/lead/" + g).getBytes(StandardCharsets.UTF_8)));
        return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
    }

    @Test
    void learnsFromWonAndLostLeadsAndScoresEveryOpenLeadWithTheDecidingFieldOnTop() throws Exception {
        String partner = lead(Map.of("lastName", "Partner", "source", "partner-referral", "industry", "Software",
                "authority", "decision-maker", "employeeCount", 120, "visits", 3));
        String outbound = lead(Map.of("lastName", "Cold", "source", "outbound", "industry", "Retail",
                "authority", "user", "employeeCount", 4000));
        String unseen = lead(Map.of("lastName", "Web", "source", "web-form", "industry", "Energy", "visits", 11));
        as(ws.adminKey()).get("/api/v1/leads/" + partner).then().body("predictiveScore", nullValue());

        JsonPath job = train(ws.adminKey(), FIELDS);
        assertEquals("succeeded", job.getString("state"), job::prettify);
        String modelId = job.getString("result.modelId");
        assertEquals(modelId, job.getString("subjectId"));
        assertEquals(3, job.getLong("counts.scoredLeads"));

        // the split, as Java computes it from the ids, is the one SQL made
        int heldOut = 0;
        int heldOutWon = 0;
        int trainingWon = 0;
        for (int g = 1; g <= 300; g++) {
            boolean held = HeldOut.isHeldOut(historyId(g), 20);
            heldOut += held ? 1 : 0;
            heldOutWon += held && g % 2 == 0 ? 1 : 0;
            trainingWon += !held && g % 2 == 0 ? 1 : 0;
        }
        JsonPath model = as(ws.adminKey()).get(MODELS + "/" + modelId).then().statusCode(200)
                .header("ETag", "\"0\"").extract().jsonPath();
        assertEquals("active", model.getString("state"));
        assertEquals(List.of("source", "industry", "authority", "employeeCount", "visits"), model.getList("fields"));
        assertEquals(365, model.getInt("windowDays"));
        assertEquals(300, model.getInt("history.closedLeads"));
        assertEquals(150, model.getInt("history.wonLeads"));
        assertEquals(150, model.getInt("history.lostLeads"));
        assertEquals(heldOut, model.getInt("history.heldOutLeads"));
        assertEquals(heldOutWon, model.getInt("history.heldOutWon"));
        assertEquals(300 - heldOut, model.getInt("history.trainingLeads"));
        assertEquals(trainingWon, model.getInt("history.trainingWon"));
        assertEquals(200, model.getInt("thresholds.minClosedLeads"));
        assertEquals(3, model.getInt("scoredLeads"));
        assertNull(model.get("refusal"));
        // the source separates won from lost perfectly, so the held-out ranking is perfect
        assertEquals(1.0f, model.getFloat("quality.auc"));
        List<Map<String, Object>> deciles = model.getList("quality.calibration");
        assertEquals(10, deciles.size());
        assertEquals(heldOut, deciles.stream().mapToInt(d -> (Integer) d.get("leads")).sum());
        assertEquals(heldOutWon, deciles.stream().filter(d -> d.get("observedWinRate") != null)
                .mapToDouble(d -> ((Number) d.get("observedWinRate")).doubleValue() * (Integer) d.get("leads"))
                .sum(), 0.01);

        // the frequency table: partner referrals were all won, outbound leads all lost
        JsonPath weights = as(ws.adminKey()).get(MODELS + "/" + modelId + "/weights?field=source").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("partner-referral", "outbound"), weights.getList("data.value"));
        assertEquals(List.of(trainingWon, 0), weights.getList("data.won"));
        assertEquals(List.of(0, 300 - heldOut - trainingWon), weights.getList("data.lost"));

        as(ws.adminKey()).get("/api/v1/leads/" + partner).then().statusCode(200)
                .body("predictiveModelId", equalTo(modelId))
                .body("predictiveFactors.positive[0].field", equalTo("source"))
                .body("predictiveFactors.positive[0].value", equalTo("partner-referral"))
                .body("predictiveScore", org.hamcrest.Matchers.greaterThan(90));
        as(ws.adminKey()).get("/api/v1/leads/" + outbound).then().statusCode(200)
                .body("predictiveFactors.negative[0].field", equalTo("source"))
                .body("predictiveFactors.negative[0].value", equalTo("outbound"))
                .body("predictiveScore", org.hamcrest.Matchers.lessThan(10));
        as(ws.adminKey()).get("/api/v1/leads/" + unseen).then().statusCode(200)
                .body("predictiveFactors.positive.field", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("source")))
                .body("predictiveFactors.negative.field", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("source")));
        // a lead written closed is not scored (closed leads keep the score they had while open: none here)
        String closed = lead(Map.of("lastName", "Gone", "source", "partner-referral", "status", "disqualified",
                "disqualifiedReason", "Duplicate"));
        as(ws.adminKey()).get("/api/v1/leads/" + closed).then().body("predictiveScore", nullValue());

        // SQL and NaiveBayes agree on every open lead: score and factors
        for (String id : List.of(partner, outbound, unseen)) {
            assertAgreesWithJava(id, model);
        }
        assertEquals(0, LeadHistory.count(db, "SELECT count(*) FROM leads WHERE workspace_id = $1 "
                + "AND status IN ('converted', 'disqualified') AND predictive_score IS NOT NULL", ws.id()));
    }

    private void assertAgreesWithJava(String leadId, JsonPath model) {
        JsonPath lead = as(ws.adminKey()).get("/api/v1/leads/" + leadId).then().extract().jsonPath();
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : model.getList("fields", String.class)) {
            values.put(field, PredictiveField.byName(field).orElseThrow().valueFor(lead.get(field)));
        }
        List<Weight> table = new ArrayList<>();
        for (Row row : db.query("SELECT field, value, won, lost, weight FROM predictive_frequencies "
                        + "WHERE workspace_id = $1 AND model_id = $2", Tuple.of(ws.id(),
                        UUID.fromString(model.getString("id")))).await().atMost(Duration.ofSeconds(10))) {
            table.add(new Weight(row.getString("field"), row.getString("value"), row.getLong("won"),
                    row.getLong("lost"), row.getDouble("weight")));
        }
        Explanation expected = NaiveBayes.explain(model.getDouble("priorLogOdds"), table, values);
        assertEquals(expected.score(), lead.getInt("predictiveScore"), leadId);
        assertEquals(factors(expected.positive()), lead.getList("predictiveFactors.positive"), leadId);
        assertEquals(factors(expected.negative()), lead.getList("predictiveFactors.negative"), leadId);
    }

    private static List<Map<String, Object>> factors(List<NaiveBayes.Factor> factors) {
        return factors.stream().map(f -> Map.<String, Object>of("field", f.field(), "value", f.value(), "weight",
                BigDecimal.valueOf(f.weight()).setScale(3, RoundingMode.HALF_UP).floatValue())).toList();
    }

    @Test
    void aLeadWrittenAfterTrainingIsScoredInTheSameRequest() {
        String modelId = train(ws.adminKey(), FIELDS).getString("result.modelId");
        String id = as(ws.adminKey()).body(Map.of("lastName", "New", "source", "partner-referral"))
                .post("/api/v1/leads").then().statusCode(201)
                .body("predictiveModelId", equalTo(modelId))
                .body("predictiveScore", org.hamcrest.Matchers.greaterThan(90))
                .body("predictiveFactors.positive[0].value", equalTo("partner-referral"))
                .body("predictedAt", org.hamcrest.Matchers.notNullValue())
                .extract().path("id");
        as(ws.adminKey()).contentType("application/merge-patch+json").body("{\"source\":\"outbound\"}")
                .patch("/api/v1/leads/" + id).then().statusCode(200)
                .body("predictiveScore", org.hamcrest.Matchers.lessThan(10))
                .body("predictiveFactors.negative[0].value", equalTo("outbound"));
        // a lead that closes keeps the score it had while open
        as(ws.adminKey()).contentType("application/merge-patch+json")
                .body("{\"source\":\"partner-referral\",\"status\":\"disqualified\",\"disqualifiedReason\":\"No budget\"}")
                .patch("/api/v1/leads/" + id).then().statusCode(200)
                .body("predictiveScore", org.hamcrest.Matchers.lessThan(10));
        // the CSV of leads keeps one line per lead, factors in one cell each way
        String csv = CsvPages.csv(ws.adminKey(), "/api/v1/leads?id=" + id);
        List<String> lines = csv.lines().toList();
        assertEquals(2, lines.size(), csv);
        assertTrue(lines.get(0).contains("predictiveFactors.positive") && lines.get(0).contains("predictiveFactors.negative"));
        assertTrue(lines.get(1).contains("source=outbound (-"), lines.get(1));
    }

    @Test
    void aNewModelRetiresTheActiveOneAndAFailedTrainingChangesNothing() {
        String first = train(ws.adminKey(), FIELDS).getString("result.modelId");
        String open = lead(Map.of("lastName", "Open", "source", "partner-referral"));
        int scoreBefore = as(ws.adminKey()).get("/api/v1/leads/" + open).then().extract().path("predictiveScore");

        TestCheckpoint.failAt(PredictiveTraining.KIND, "score");
        JsonPath failed = train(ws.adminKey(), "{\"fields\":[\"industry\"]}");
        assertEquals("failed", failed.getString("state"));
        assertTrue(failed.getString("errors[0].message").contains("Nothing was changed"), failed::prettify);
        as(ws.adminKey()).get(MODELS).then().statusCode(200).body("data.id", equalTo(List.of(first)))
                .body("data[0].state", equalTo("active"));
        as(ws.adminKey()).get("/api/v1/leads/" + open).then().body("predictiveModelId", equalTo(first))
                .body("predictiveScore", equalTo(scoreBefore));

        JsonPath second = train(ws.adminKey(), "{\"fields\":[\"industry\"]}");
        assertEquals(first, second.getString("result.retiredModelId"));
        String secondId = second.getString("result.modelId");
        as(ws.adminKey()).get(MODELS).then().body("data.id", equalTo(List.of(secondId, first)))
                .body("data.state", equalTo(List.of("active", "retired")))
                .body("data[1].retiredAt", org.hamcrest.Matchers.notNullValue())
                .body("data[1].version", equalTo(1));
        as(ws.adminKey()).get(MODELS + "?state=active").then().body("data.id", equalTo(List.of(secondId)));
        // industry is noise: the lead's factors now speak of industry only
        as(ws.adminKey()).get("/api/v1/leads/" + open).then().body("predictiveModelId", equalTo(secondId))
                .body("predictiveFactors.positive.field", org.hamcrest.Matchers.everyItem(equalTo("industry")));
        // models as CSV: one line per calibration decile of each model
        String csv = CsvPages.csv(ws.adminKey(), MODELS);
        assertTrue(csv.lines().findFirst().orElseThrow().contains("quality.calibration.observedWinRate"), csv);
        assertEquals(1 + 20, csv.lines().count(), csv);
    }

    @Test
    void tooLittleHistoryIsRefusedWithTheThresholdAndTheActiveModelStays() {
        JsonPath refused = train(ws.adminKey(), "{\"windowDays\":100}");
        assertEquals("failed", refused.getString("state"));
        String message = refused.getString("errors[0].message");
        // leads g with g % 200 + 10 < 100 days old: g = 1..89 and 200..289
        assertTrue(message.startsWith("Too little history to learn from: 179 closed leads (89 won, 90 lost) were "
                + "created in the last 100 days; training needs at least 200 closed leads with at least 40 won and "
                + "40 lost"), message);
        JsonPath models = as(ws.adminKey()).get(MODELS).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("refused"), models.getList("data.state"));
        assertEquals(message, models.getString("data[0].refusal"));
        assertNull(models.get("data[0].quality"));
        assertNull(models.get("data[0].priorLogOdds"));
        assertEquals(179, models.getInt("data[0].history.closedLeads"));
        assertEquals(refused.getString("subjectId"), models.getString("data[0].id"));
        assertEquals(0, LeadHistory.count(db, "SELECT count(*) FROM predictive_frequencies WHERE workspace_id = $1",
                ws.id()));

        // with an active model, a refused training leaves it active and the scores as they were
        String active = train(ws.adminKey(), FIELDS).getString("result.modelId");
        String open = lead(Map.of("lastName", "Open", "source", "outbound"));
        assertEquals("failed", train(ws.adminKey(), "{\"windowDays\":5}").getString("state"));
        as(ws.adminKey()).get(MODELS + "?state=active").then().body("data.id", equalTo(List.of(active)));
        as(ws.adminKey()).get(MODELS + "?state=refused").then().body("data.size()", equalTo(2))
                .body("data[0].history.closedLeads", equalTo(0));
        as(ws.adminKey()).get("/api/v1/leads/" + open).then().body("predictiveModelId", equalTo(active));
    }
}
