package org.revops.lead.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.job.JobCheckpoint;
import org.revops.platform.job.JobProgress;
import org.revops.platform.job.JobService;
import org.revops.platform.job.JobView;
import org.revops.platform.security.Caller;
import org.revops.territory.IdRanges;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishing a draft, as a job in one transaction (all or nothing: a failure leaves the previous model published
 * and every score as it was):
 * <ol>
 *   <li>lock the draft (its PATCH and DELETE then answer 409) and take the next version number;</li>
 *   <li>re-score every open lead with {@link ScoringSql} in id-range chunks of {@code revops.scoring.chunk-size}
 *       leads, reporting progress after each; a history row for each lead whose score or grade changed;</li>
 *   <li>the switch: take the workspace's scoring lock exclusively (see {@link LeadScoring}), retire the published
 *       model, re-score the open leads that writes scored with it meanwhile, and publish the draft.</li>
 * </ol>
 * One publish runs at a time per workspace.
 */
@ApplicationScoped
public class ScoringPublication {
    static final String KIND = "scoring.publish";
    static final String LOCK = "scoring-models";
    private static final String BUSY = "Another scoring model is being published in this workspace; wait for its job "
            + "(GET /api/v1/jobs?kind=scoring.publish&state=running)";
    private static final List<String> COUNTS = List.of("leads", "changed", "A", "B", "C", "D");

    private final Db db;
    private final JobService jobs;
    private final JobCheckpoint checkpoint;
    private final ScoringModelService models;
    private final ScoringConfig config;
    private final java.time.Clock clock;
    private final ObjectMapper json;

    public ScoringPublication(Db db, JobService jobs, JobCheckpoint checkpoint, ScoringModelService models,
                              ScoringConfig config, java.time.Clock clock, ObjectMapper json) {
        this.db = db;
        this.jobs = jobs;
        this.checkpoint = checkpoint;
        this.models = models;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** Starts the publish job of a draft (admins; 409 for a model that is not a draft or while another publishes). */
    public Uni<JobView> publish(Caller caller, UUID modelId) {
        ScoringAccess.requireChange(caller);
        return models.get(caller, modelId).flatMap(model -> {
            if (!"draft".equals(model.state())) {
                throw ApiProblem.conflict("Only a draft is published; this model is " + model.state());
            }
            return jobs.start(caller, KIND, modelId, LOCK, BUSY, progress -> db.inTransaction(conn ->
                    run(conn, caller, modelId, progress)));
        });
    }

    /**
     * Publishes a model as version 1 inside a transaction the caller holds, without a job or permission checks, and
     * scores the workspace's open leads with it by the same statement: for seeding a workspace that has no model yet
     * (the demo). Returns the model's id.
     */
    public Uni<UUID> publishWithin(SqlClient tx, UUID ws, UUID userId, ScoringDtos.ScoringModelInput input) {
        ScoringModel model = StoredModels.compile(input);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        ScoringSql.Statement all = ScoringSql.score(model, ScoringSql.Scope.RANGE,
                new ScoringSql.Binding(ws, id, 1, now, "publish", null, "published"), new UUID(0, 0),
                ScoringSql.MAX_UUID);
        return db.query(tx, """
                        INSERT INTO scoring_models (workspace_id, id, name, description, state, number, criteria,
                                                    threshold_a, threshold_b, threshold_c, published_at, published_by,
                                                    created_at, updated_at)
                        VALUES ($1, $2, $3, $4, 'published', 1, $5::text::jsonb, $6, $7, $8, $9, $10, $9, $9)""",
                        Tuple.from(new Object[] {ws, id, input.name(), input.description(),
                                StoredModels.criteriaJson(model), model.thresholds().a(), model.thresholds().b(),
                                model.thresholds().c(), now.atOffset(ZoneOffset.UTC), userId}))
                .flatMap(inserted -> db.query(tx, all.sql(), Tuple.from(all.params())))
                .replaceWith(id);
    }

    private Uni<JsonNode> run(SqlClient conn, Caller caller, UUID modelId, JobProgress progress) {
        UUID ws = caller.workspaceId();
        Instant now = clock.instant();
        // each chunk's statement is planned for its own id range (the statement stays prepared, see ScoringSql)
        return db.query(conn, "SET LOCAL plan_cache_mode = force_custom_plan", Tuple.tuple())
                .flatMap(custom -> db.query(conn, StoredModels.SELECT + " WHERE m.workspace_id = $1 AND m.id = $2 FOR UPDATE",
                        Tuple.of(ws, modelId)))
                .flatMap(rows -> db.query(conn, """
                                SELECT coalesce(max(number), 0) + 1 AS next,
                                       (SELECT count(*) FROM leads WHERE workspace_id = $1) AS leads
                                FROM scoring_models WHERE workspace_id = $1""", Tuple.of(ws))
                        .map(next -> new Draft(draft(rows, modelId), next.iterator().next())))
                .flatMap(draft -> {
                    ScoringSql.Binding binding = new ScoringSql.Binding(ws, modelId, draft.number, now, "publish",
                            progress.jobId(), "draft");
                    Map<String, Long> totals = new LinkedHashMap<>();
                    COUNTS.forEach(name -> totals.put(name, 0L));
                    List<IdRanges.Range> ranges = IdRanges.split(draft.leads, config.chunkSize());
                    return Multi.createFrom().range(0, ranges.size())
                            .onItem().transformToUniAndConcatenate(i -> {
                                IdRanges.Range range = ranges.get(i);
                                ScoringSql.Statement chunk = ScoringSql.score(draft.model, ScoringSql.Scope.RANGE,
                                        binding, range.from(), ScoringSql.lastIdBefore(range.to()));
                                return db.query(conn, chunk.sql(), Tuple.from(chunk.params())).flatMap(result -> {
                                    add(totals, result.iterator().next());
                                    checkpoint.reached(KIND, "chunk " + (i + 1));
                                    return progress.report(95 * (i + 1) / ranges.size(), totals);
                                });
                            })
                            .collect().last()
                            .flatMap(done -> switchTo(conn, ws, caller.userId(), modelId, draft, binding, totals));
                });
    }

    private Uni<JsonNode> switchTo(SqlClient conn, UUID ws, UUID userId, UUID modelId, Draft draft,
                                   ScoringSql.Binding binding, Map<String, Long> totals) {
        ScoringSql.Statement stale = ScoringSql.score(draft.model, ScoringSql.Scope.STALE, binding);
        var at = binding.now().atOffset(ZoneOffset.UTC);
        return db.query(conn, "SELECT CAST(pg_advisory_xact_lock(" + LeadScoring.LOCK_CLASS
                        + ", hashtext(CAST(CAST($1 AS uuid) AS text))) AS text) AS locked", Tuple.of(ws))
                .flatMap(locked -> db.query(conn, """
                        UPDATE scoring_models SET state = 'retired', retired_at = $2, updated_at = $2,
                               version = version + 1
                        WHERE workspace_id = $1 AND state = 'published' RETURNING id""", Tuple.of(ws, at)))
                .flatMap(retired -> db.query(conn, stale.sql(), Tuple.from(stale.params())).map(rows -> {
                    add(totals, rows.iterator().next());
                    return retired.size() == 0 ? null : retired.iterator().next().getUUID("id");
                }))
                .invoke(retired -> checkpoint.reached(KIND, "switch"))
                .call(retired -> db.query(conn, """
                        UPDATE scoring_models SET state = 'published', number = $3, published_at = $4,
                               published_by = $5, updated_at = $4, version = version + 1
                        WHERE workspace_id = $1 AND id = $2""", Tuple.of(ws, modelId, draft.number, at, userId)))
                .map(retired -> {
                    ObjectNode result = json.createObjectNode();
                    result.put("publishedModelId", modelId.toString());
                    result.put("number", draft.number);
                    result.put("retiredModelId", retired == null ? null : retired.toString());
                    result.put("leads", totals.get("leads"));
                    result.put("changed", totals.get("changed"));
                    ObjectNode grades = result.putObject("grades");
                    List.of("A", "B", "C", "D").forEach(grade -> grades.put(grade, totals.get(grade)));
                    return (JsonNode) result;
                });
    }

    /** The locked draft, compiled; fails the job if it stopped being a draft (deleted or published) meanwhile. */
    private static ScoringModel draft(io.vertx.mutiny.sqlclient.RowSet<Row> rows, UUID modelId) {
        if (rows.size() == 0 || !"draft".equals(rows.iterator().next().getString("state"))) {
            throw ApiProblem.conflict("The model is no longer a draft (deleted or published meanwhile); nothing was "
                    + "changed");
        }
        Row row = rows.iterator().next();
        return StoredModels.compile(row.getString("criteria"), row.getInteger("threshold_a"),
                row.getInteger("threshold_b"), row.getInteger("threshold_c"));
    }

    private static void add(Map<String, Long> totals, Row counts) {
        totals.merge("leads", counts.getLong("leads"), Long::sum);
        totals.merge("changed", counts.getLong("changed"), Long::sum);
        for (String grade : List.of("A", "B", "C", "D")) {
            totals.merge(grade, counts.getLong("grade_" + grade.toLowerCase()), Long::sum);
        }
    }

    private record Draft(ScoringModel model, int number, long leads) {
        Draft(ScoringModel model, Row next) {
            this(model, next.getInteger("next"), next.getLong("leads"));
        }
    }
}
