package org.revops.lead.predictive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.predictive.NaiveBayes.Count;
import org.revops.lead.predictive.NaiveBayes.Weight;
import org.revops.lead.predictive.PredictiveDtos.TrainingInput;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.job.JobCheckpoint;
import org.revops.platform.job.JobProgress;
import org.revops.platform.job.JobService;
import org.revops.platform.job.JobView;
import org.revops.platform.security.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Trains a predictive model as a job, in one transaction: counts the window's closed leads; refuses when they are
 * too few (the model is recorded as refused with the reason, and whatever was active stays so); otherwise retires the
 * active model, builds the frequency table (one INSERT … SELECT … GROUP BY), weighs it ({@link NaiveBayes}), measures
 * quality on the held-out leads ({@link ModelQuality}) and scores every open lead with the new model. All or nothing:
 * a failure leaves the previous model active and every score as it was. One training at a time per workspace.
 */
@ApplicationScoped
public class PredictiveTraining {
    static final String KIND = "predictive.train";
    static final String LOCK = "predictive-models";
    static final int MAX_WINDOW_DAYS = 3650;
    private static final String BUSY = "A predictive model is already being trained in this workspace; wait for its "
            + "job to finish (GET /api/v1/jobs?kind=predictive.train&state=running)";

    private final Db db;
    private final JobService jobs;
    private final JobCheckpoint checkpoint;
    private final PredictiveConfig config;
    private final Clock clock;
    private final ObjectMapper json;

    public PredictiveTraining(Db db, JobService jobs, JobCheckpoint checkpoint, PredictiveConfig config, Clock clock,
                              ObjectMapper json) {
        this.db = db;
        this.jobs = jobs;
        this.checkpoint = checkpoint;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** What a training learns from, validated. */
    record Plan(List<String> fields, int windowDays) {
    }

    /** The closed leads of the window, and how many of them are won and on the training side. */
    record History(long closed, long won, long training, long trainingWon) {
        long lost() {
            return closed - won;
        }
    }

    /** Starts training (admins): 202 with the job; 422 for unknown fields or a bad window, with nothing written. */
    public Uni<JobView> train(Caller caller, TrainingInput input) {
        PredictiveAccess.requireTrain(caller);
        Plan plan = plan(input == null ? new TrainingInput(null, null) : input);
        UUID modelId = UUID.randomUUID();
        return jobs.start(caller, KIND, modelId, LOCK, BUSY, progress -> learn(caller, modelId, plan, progress));
    }

    private Plan plan(TrainingInput input) {
        List<FieldError> errors = new ArrayList<>();
        List<String> fields = input.fields() == null ? PredictiveField.names() : input.fields();
        if (fields.isEmpty()) {
            errors.add(new FieldError("fields", "must name at least one field (or be left out for all)"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (field == null || PredictiveField.byName(field).isEmpty()) {
                errors.add(new FieldError("fields[" + i + "]", "unknown field '" + field + "'; known: "
                        + String.join(", ", PredictiveField.names())));
            } else if (!seen.add(field)) {
                errors.add(new FieldError("fields[" + i + "]", "'" + field + "' is named twice"));
            }
        }
        int windowDays = input.windowDays() == null ? config.defaultWindowDays() : input.windowDays();
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            errors.add(new FieldError("windowDays", "must be between 1 and " + MAX_WINDOW_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new Plan(List.copyOf(fields), windowDays);
    }

    private Uni<JsonNode> learn(Caller caller, UUID modelId, Plan plan, JobProgress progress) {
        UUID ws = caller.workspaceId();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        OffsetDateTime from = now.minusDays(plan.windowDays());
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        ObjectNode result = json.createObjectNode().put("modelId", modelId.toString());
        return db.inTransaction(tx -> timed(millis, "history", () -> db.query(tx, PredictiveSql.HISTORY,
                        Tuple.of(ws, from, config.heldOutPercent())))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new History(row.getLong("closed"), row.getLong("won"), row.getLong("training"),
                            row.getLong("training_won"));
                })
                .call(history -> {
                    counts.put("closedLeads", history.closed());
                    counts.put("wonLeads", history.won());
                    counts.put("lostLeads", history.lost());
                    counts.put("trainingLeads", history.training());
                    counts.put("heldOutLeads", history.closed() - history.training());
                    return progress.report(10, counts);
                })
                .flatMap(history -> {
                    String refusal = refusal(history, plan);
                    Insert insert = new Insert(caller, modelId, plan, history, now, progress.jobId());
                    if (refusal != null) {
                        return refuse(tx, insert, refusal).replaceWith(refusal);
                    }
                    return trainWithin(tx, insert, from, counts, millis, result, progress).replaceWith((String) null);
                }))
                .map(refusal -> {
                    if (refusal != null) {
                        throw new ApiProblem(422, "insufficient-history", "Too little history", refusal, null);
                    }
                    counts.forEach(result::put);
                    result.set("stepMillis", json.valueToTree(millis));
                    return (JsonNode) result;
                });
    }

    /** The refusal when the window's history is below the configured minimums; null when training may go on. */
    String refusal(History history, Plan plan) {
        if (history.closed() >= config.minClosedLeads() && history.won() >= config.minWonLeads()
                && history.lost() >= config.minLostLeads()) {
            return null;
        }
        return ("Too little history to learn from: %d closed leads (%d won, %d lost) were created in the last %d days; "
                + "training needs at least %d closed leads with at least %d won and %d lost (won: converted and the "
                + "deal won; lost: disqualified, or converted and the deal lost). Nothing was learned: the rule score "
                + "stands alone (a model trained earlier, if any, stays active).").formatted(history.closed(),
                history.won(), history.lost(), plan.windowDays(), config.minClosedLeads(), config.minWonLeads(),
                config.minLostLeads());
    }

    /** The model row as training writes it. */
    private record Insert(Caller caller, UUID modelId, Plan plan, History history, OffsetDateTime now, UUID jobId) {
    }

    private static final String INSERT = """
            INSERT INTO predictive_models (workspace_id, id, state, fields, window_days, closed_leads, won_leads,
                training_leads, training_won, held_out_leads, held_out_won, min_closed_leads, min_won_leads,
                min_lost_leads, held_out_percent, refusal, prior_log_odds, job_id, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)""";

    private Uni<?> insert(SqlClient tx, Insert m, String state, String refusal, Double prior) {
        History h = m.history();
        return db.query(tx, INSERT, Tuple.from(new Object[] {m.caller().workspaceId(), m.modelId(), state,
                m.plan().fields().toArray(String[]::new), m.plan().windowDays(), (int) h.closed(), (int) h.won(),
                (int) h.training(), (int) h.trainingWon(), (int) (h.closed() - h.training()),
                (int) (h.won() - h.trainingWon()), config.minClosedLeads(), config.minWonLeads(),
                config.minLostLeads(), config.heldOutPercent(), refusal, prior, m.jobId(), m.caller().userId(),
                m.now()}));
    }

    private Uni<?> refuse(SqlClient tx, Insert model, String refusal) {
        return insert(tx, model, "refused", refusal, null);
    }

    private Uni<Void> trainWithin(SqlClient tx, Insert model, OffsetDateTime from, Map<String, Long> counts,
                                  Map<String, Long> millis, ObjectNode result, JobProgress progress) {
        UUID ws = model.caller().workspaceId();
        UUID id = model.modelId();
        History h = model.history();
        long trainingLost = h.training() - h.trainingWon();
        return db.query(tx, """
                        UPDATE predictive_models SET state = 'retired', retired_at = $2, version = version + 1
                        WHERE workspace_id = $1 AND state = 'active' RETURNING id""", Tuple.of(ws, model.now()))
                .invoke(rows -> result.put("retiredModelId", rows.size() == 0 ? null
                        : rows.iterator().next().getUUID("id").toString()))
                .call(retired -> insert(tx, model, "active", null, NaiveBayes.prior(h.trainingWon(), trainingLost)))
                .invoke(done -> checkpoint.reached(KIND, "model"))
                .flatMap(done -> timed(millis, "count", () -> db.query(tx, PredictiveSql.COUNT, Tuple.from(new Object[] {
                        ws, from, config.heldOutPercent(), id, model.plan().fields().toArray(String[]::new),
                        model.now()}))))
                .map(rows -> {
                    List<Count> table = new ArrayList<>();
                    rows.forEach(r -> table.add(new Count(r.getString("field"), r.getString("value"),
                            r.getLong("won"), r.getLong("lost"))));
                    return NaiveBayes.weigh(table, h.trainingWon(), trainingLost);
                })
                .call(weights -> timed(millis, "weigh", () -> db.query(tx, PredictiveSql.WEIGH, Tuple.of(ws, id,
                        weights.stream().map(Weight::field).toArray(String[]::new),
                        weights.stream().map(Weight::value).toArray(String[]::new),
                        weights.stream().map(Weight::weight).toArray(Double[]::new)))))
                .call(weights -> {
                    counts.put("frequencies", (long) weights.size());
                    checkpoint.reached(KIND, "count");
                    return progress.report(40, counts);
                })
                .flatMap(weights -> timed(millis, "quality", () -> quality(tx, ws, id, from, model.now(), result)))
                .call(done -> {
                    checkpoint.reached(KIND, "quality");
                    return progress.report(60, counts);
                })
                .flatMap(done -> timed(millis, "score", () -> db.query(tx, PredictiveSql.SCORE_OPEN,
                        Tuple.of(ws, model.now(), id))))
                .flatMap(scored -> {
                    counts.put("scoredLeads", (long) scored.rowCount());
                    checkpoint.reached(KIND, "score");
                    return db.query(tx, "UPDATE predictive_models SET scored_leads = $3 WHERE workspace_id = $1 "
                            + "AND id = $2", Tuple.of(ws, id, scored.rowCount()));
                })
                .call(done -> progress.report(95, counts))
                .replaceWithVoid();
    }

    /** AUC and calibration on the held-out leads, stored on the model and put in the job's result. */
    private Uni<?> quality(SqlClient tx, UUID ws, UUID id, OffsetDateTime from, OffsetDateTime now,
                           ObjectNode result) {
        return db.query(tx, PredictiveSql.HELD_OUT, Tuple.of(ws, from, config.heldOutPercent(), id, now))
                .flatMap(rows -> {
                    List<ModelQuality.Bucket> histogram = new ArrayList<>();
                    rows.forEach(r -> histogram.add(new ModelQuality.Bucket(r.getBigDecimal("probability")
                            .doubleValue(), r.getLong("won"), r.getLong("lost"))));
                    var auc = ModelQuality.auc(histogram);
                    JsonArray calibration = new JsonArray();
                    ModelQuality.calibration(histogram).forEach(d -> calibration.add(new JsonObject()
                            .put("decile", d.decile()).put("leads", d.leads())
                            .put("predictedMean", d.predictedMean()).put("observedWinRate", d.observedWinRate())));
                    result.put("auc", auc);
                    return db.query(tx, "UPDATE predictive_models SET auc = $3, calibration = $4 "
                            + "WHERE workspace_id = $1 AND id = $2", Tuple.of(ws, id, auc, calibration));
                });
    }

    /** Runs a step and records its wall time in milliseconds under {@code step} (the benchmark reads them). */
    private static <T> Uni<T> timed(Map<String, Long> millis, String step, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return work.get().invoke(done -> millis.put(step, (System.nanoTime() - started) / 1_000_000));
        });
    }
}
