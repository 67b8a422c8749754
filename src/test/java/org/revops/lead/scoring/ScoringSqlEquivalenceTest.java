package org.revops.lead.scoring;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.lead.scoring.ScoringModel.Score;
import org.revops.lead.scoring.ScoringModel.ScoreReason;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The SQL scorer ({@link ScoringSql}) against the Java reference ({@link ScoringModel#score}) on random leads and
 * random models: same score, grade and reasons for every open lead, closed leads untouched, and one history row
 * exactly for each lead whose score or grade changed, citing the previous values.
 */
@QuarkusTest
class ScoringSqlEquivalenceTest extends ApiTest {
    private static final int LEADS = 400;
    private static final int MODELS = 40;
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private static final TypeReference<List<ScoreReason>> REASONS = new TypeReference<>() { };

    @Inject
    Db db;
    @Inject
    ObjectMapper json;

    private UUID ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Scoring equivalence").id();
    }

    private RowSet<Row> sql(String sql, Object... params) {
        return db.query(sql, Tuple.from(params)).await().atMost(Duration.ofSeconds(60));
    }

    private void insertLeads(RandomScoring random) {
        int n = LEADS;
        UUID[] ids = new UUID[n];
        String[] titles = new String[n], emails = new String[n], industries = new String[n], countries = new String[n],
                sources = new String[n], authorities = new String[n], timelines = new String[n], statuses = new String[n];
        Integer[] employees = new Integer[n], visits = new Integer[n], formFills = new Integer[n];
        BigDecimal[] revenues = new BigDecimal[n], budgets = new BigDecimal[n];
        OffsetDateTime[] engaged = new OffsetDateTime[n], created = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
            titles[i] = random.pick(RandomScoring.TEXTS);
            emails[i] = random.pick(RandomScoring.TEXTS);
            industries[i] = random.pick(RandomScoring.INDUSTRIES);
            countries[i] = random.pick(RandomScoring.COUNTRIES);
            sources[i] = random.pick(RandomScoring.SOURCES);
            authorities[i] = random.pick(RandomScoring.AUTHORITIES);
            timelines[i] = random.pick(RandomScoring.TIMELINES);
            statuses[i] = random.status();
            employees[i] = random.wholeOrNull(120);
            visits[i] = Objects.requireNonNullElse(random.wholeOrNull(6), 0);
            formFills[i] = Objects.requireNonNullElse(random.wholeOrNull(4), 0);
            revenues[i] = random.amountOrNull();
            budgets[i] = random.amountOrNull();
            Instant e = random.instantOrNull();
            engaged[i] = e == null ? null : e.atOffset(ZoneOffset.UTC);
            Instant c = random.instantOrNull();
            created[i] = (c == null ? NOW.minusSeconds(90 * 86400) : c).atOffset(ZoneOffset.UTC);
        }
        sql("""
                INSERT INTO leads (workspace_id, id, last_name, title, email, industry, country, source, authority,
                                   timeline, status, disqualified_reason, converted_at, employee_count, visits,
                                   form_fills, annual_revenue, budget_amount, last_engaged_at, created_at, updated_at,
                                   currency)
                SELECT $1, l.id, 'Lead', l.title, l.email, l.industry, l.country, l.source, l.authority, l.timeline,
                       l.status, CASE WHEN l.status = 'disqualified' THEN 'no fit' END,
                       CASE WHEN l.status = 'converted' THEN l.created_at END, l.employees, l.visits, l.form_fills,
                       l.revenue, l.budget, l.engaged, l.created_at, l.created_at, 'EUR'
                FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                            $9::text[], $10::text[], $11::int[], $12::int[], $13::int[], $14::numeric[],
                            $15::numeric[], $16::timestamptz[], $17::timestamptz[])
                     AS l(id, title, email, industry, country, source, authority, timeline, status, employees, visits,
                          form_fills, revenue, budget, engaged, created_at)""",
                ws, ids, titles, emails, industries, countries, sources, authorities, timelines, statuses, employees,
                visits, formFills, revenues, budgets, engaged, created);
    }

    private UUID insertModel(ScoringModel model) {
        UUID id = UUID.randomUUID();
        sql("""
                INSERT INTO scoring_models (workspace_id, id, name, state, criteria, threshold_a, threshold_b,
                                            threshold_c, created_at, updated_at)
                VALUES ($1, $2, 'random', 'draft', '[]', $3, $4, $5, now(), now())""",
                ws, id, model.thresholds().a(), model.thresholds().b(), model.thresholds().c());
        return id;
    }

    /** Each lead's facts and its current score state, by id. */
    private Map<UUID, Row> leads() {
        Map<UUID, Row> byId = new HashMap<>();
        for (Row row : sql("""
                SELECT id, title, email, phone, company, company_domain, industry, employee_count, annual_revenue,
                       country, region, city, postal_code, source, campaign, partner, budget_amount, budget_status,
                       authority, need, timeline, visits, email_opens, form_fills, events_attended, last_engaged_at,
                       created_at, status, score, grade, score_reasons::text AS reasons, scoring_model_id
                FROM leads WHERE workspace_id = $1""", ws)) {
            byId.put(row.getUUID("id"), row);
        }
        return byId;
    }

    static LeadFacts facts(Row r) {
        return new LeadFacts(r.getString("title"), r.getString("email"), r.getString("phone"), r.getString("company"),
                r.getString("company_domain"), r.getString("industry"), r.getInteger("employee_count"),
                r.getBigDecimal("annual_revenue"), r.getString("country"), r.getString("region"), r.getString("city"),
                r.getString("postal_code"), r.getString("source"), r.getString("campaign"), r.getString("partner"),
                r.getBigDecimal("budget_amount"), r.getString("budget_status"), r.getString("authority"),
                r.getString("need"), r.getString("timeline"), r.getInteger("visits"), r.getInteger("email_opens"),
                r.getInteger("form_fills"), r.getInteger("events_attended"), instant(r, "last_engaged_at"),
                instant(r, "created_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }

    @Test
    void sqlAndJavaScoreEveryLeadAlike() throws Exception {
        RandomScoring random = new RandomScoring(20261123L, NOW);
        insertLeads(random);
        for (int m = 0; m < MODELS; m++) {
            ScoringModel model = random.model();
            UUID modelId = insertModel(model);
            Map<UUID, Row> before = leads();
            ScoringSql.Binding binding = new ScoringSql.Binding(ws, modelId, m + 1, NOW, "publish", null, "draft");
            ScoringSql.Statement statement = m % 2 == 0
                    ? ScoringSql.score(model, ScoringSql.Scope.RANGE, binding, new UUID(0, 0), ScoringSql.MAX_UUID)
                    : ScoringSql.score(model, ScoringSql.Scope.STALE, binding);
            Row counts = sql(statement.sql(), statement.params().toArray()).iterator().next();
            assertEquals(1, counts.getLong("model_found"));

            Map<UUID, Row> after = leads();
            long open = 0;
            long changed = 0;
            for (Row row : after.values()) {
                Row old = before.get(row.getUUID("id"));
                String status = row.getString("status");
                if (status.equals("converted") || status.equals("disqualified")) {
                    assertNull(row.getValue("score"), "a closed lead is never scored");
                    continue;
                }
                open++;
                Score expected = model.score(facts(row), NOW);
                String context = "model " + m + " " + model.criteria() + "\nlead " + facts(row);
                assertEquals(expected.score(), row.getInteger("score"), context);
                assertEquals(expected.grade(), row.getString("grade"), context);
                assertEquals(expected.reasons(), json.readValue(row.getString("reasons"), REASONS), context);
                assertEquals(modelId, row.getUUID("scoring_model_id"));
                if (!Objects.equals(old.getInteger("score"), expected.score())
                        || !Objects.equals(old.getString("grade"), expected.grade())) {
                    changed++;
                }
            }
            assertEquals(open, counts.getLong("leads"));
            assertEquals(changed, counts.getLong("changed"));
            assertHistory(modelId, before, changed);
        }
    }

    private void assertHistory(UUID modelId, Map<UUID, Row> before, long changed) {
        RowSet<Row> history = sql("""
                SELECT h.lead_id, h.score, h.grade, h.previous_score, h.previous_grade, h.reasons::text AS reasons,
                       l.score_reasons::text AS lead_reasons
                FROM lead_scores h JOIN leads l ON l.workspace_id = h.workspace_id AND l.id = h.lead_id
                WHERE h.workspace_id = $1 AND h.model_id = $2""", ws, modelId);
        assertEquals(changed, history.size(), "one history row per changed lead");
        for (Row row : history) {
            Row old = before.get(row.getUUID("lead_id"));
            assertEquals(old.getInteger("score"), row.getInteger("previous_score"));
            assertEquals(old.getString("grade"), row.getString("previous_grade"));
            assertEquals(row.getString("lead_reasons"), row.getString("reasons"));
        }
    }

    @Test
    void oneLeadIsScoredOnlyWhileTheModelIsInTheRequiredState() {
        insertLeads(new RandomScoring(7L, NOW));
        ScoringModel model = ScoringModel.compile(List.of(CriterionSpec.present("email", 1)), null);
        UUID modelId = insertModel(model);
        UUID lead = sql("SELECT id FROM leads WHERE workspace_id = $1 AND status = 'new' LIMIT 1", ws).iterator()
                .next().getUUID("id");
        ScoringSql.Statement published = ScoringSql.score(model, ScoringSql.Scope.ONE,
                new ScoringSql.Binding(ws, modelId, 1, NOW, "write", null, "published"), lead);
        Row none = sql(published.sql(), published.params().toArray()).iterator().next();
        assertEquals(0, none.getLong("model_found"));
        assertEquals(0, none.getLong("leads"));
        assertNull(leads().get(lead).getValue("score"));

        sql("UPDATE scoring_models SET state = 'published', number = 1 WHERE workspace_id = $1 AND id = $2", ws, modelId);
        Row one = sql(published.sql(), published.params().toArray()).iterator().next();
        assertEquals(1, one.getLong("leads"));
        assertEquals(1, one.getLong("changed"));
        assertNull(one.getValue("previous_score"));
        List<Object> scored = new ArrayList<>(List.of(one.getInteger("score"), one.getString("grade")));
        assertEquals(scored, List.of(leads().get(lead).getInteger("score"), leads().get(lead).getString("grade")));
        // the same again: nothing changed, no second history row
        Row again = sql(published.sql(), published.params().toArray()).iterator().next();
        assertEquals(0, again.getLong("changed"));
        assertEquals(1, sql("SELECT count(*) AS n FROM lead_scores WHERE workspace_id = $1 AND lead_id = $2", ws, lead)
                .iterator().next().getLong("n"));
    }
}
