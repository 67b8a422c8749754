package org.revops.territory;

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

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whole-model work, run as jobs: assigning every account of the workspace to a model's territories, previewing what a
 * planning model would move, and activating it. Each job is one transaction over the workspace's accounts, taken in
 * chunks of {@link TerritoryConfig#chunkSize()} accounts by id range; all the work is set-based SQL.
 * One territory job runs at a time per workspace.
 */
@ApplicationScoped
public class RealignmentService {
    static final String LOCK = "territory-models";
    /**
     * Planner settings for the job's transaction. Row estimates of the engine's CTEs are guesses (a profile's ids
     * unnested, rules' criteria expanded from jsonb), so: no nested loops where a hash join exists (a wrong guess must
     * not become a loop per row), room for the chunk's hash tables in memory (the winners and the stored rows of
     * a chunk are hashed against each other), and a plan per chunk rather than a generic one for every id range.
     */
    private static final String JOB_SETTINGS = "SELECT set_config('enable_nestloop', 'off', true), "
            + "set_config('work_mem', '64MB', true), set_config('plan_cache_mode', 'force_custom_plan', true)";
    private static final String BUSY = "Another territory job (run, preview or activation) is still running in this "
            + "workspace; wait for it to finish (GET /api/v1/jobs?state=running)";

    private final Db db;
    private final JobService jobs;
    private final JobCheckpoint checkpoint;
    private final TerritoryConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final TerritoryModelService models;
    private final List<ActivationFollower> followers;

    public RealignmentService(Db db, JobService jobs, JobCheckpoint checkpoint, TerritoryConfig config, Clock clock,
                              ObjectMapper json, TerritoryModelService models,
                              jakarta.enterprise.inject.Instance<ActivationFollower> followers) {
        this.models = models;
        this.followers = followers.stream().toList();
        this.db = db;
        this.jobs = jobs;
        this.checkpoint = checkpoint;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** Assigns every account to the model's territories (keeping manual assignments unless asked to replace them). */
    public Uni<JobView> run(Caller caller, UUID modelId, boolean replaceManual) {
        TerritoryAccess.requireChange(caller);
        return modelState(caller, modelId).flatMap(state -> {
            ModelLock.requireEditable(state);
            return jobs.start(caller, "territory.run", modelId, LOCK, BUSY, progress -> db.inTransaction(conn ->
                    assignAll(conn, caller.workspaceId(), modelId, replaceManual, progress, 0, 95, "territory.run")
                            .call(counts -> markAssigned(conn, caller.workspaceId(), modelId))
                            .map(counts -> (JsonNode) json.valueToTree(counts))));
        });
    }

    /**
     * Assigns the planning model's accounts (its assignments are not live) and records which accounts would move
     * from their territory in the active model, with their open deals; replaces the model's previous preview.
     */
    public Uni<JobView> preview(Caller caller, UUID modelId) {
        TerritoryAccess.requireChange(caller);
        return requirePlanning(caller, modelId, "previewed").flatMap(ok -> jobs.start(caller, "territory.preview",
                modelId, LOCK, BUSY, progress -> db.inTransaction(conn -> {
                    UUID ws = caller.workspaceId();
                    return activeModel(conn, ws).flatMap(active -> assignAll(conn, ws, modelId, false, progress, 0, 70,
                                    "territory.preview")
                            .flatMap(counts -> db.query(conn, MoveSql.CLEAR, Tuple.of(ws, modelId))
                                    .flatMap(cleared -> recordMoves(conn, ws, modelId, active, progress, counts))
                                    .call(moved -> markAssigned(conn, ws, modelId))
                                    .flatMap(moved -> totals(conn, ws, modelId, active, counts))));
                })));
    }

    /**
     * Makes the planning model the active one in one transaction: assigns its accounts, moves manual deal territories
     * to the same code in the new model, archives the model it replaces. Any failure leaves the old model active.
     */
    public Uni<JobView> activate(Caller caller, UUID modelId) {
        TerritoryAccess.requireChange(caller);
        return requirePlanning(caller, modelId, "activated").flatMap(ok -> jobs.start(caller, "territory.activate",
                modelId, LOCK, BUSY, progress -> db.inTransaction(conn -> {
                    UUID ws = caller.workspaceId();
                    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
                    return lockModels(conn, ws, modelId).flatMap(active -> assignAll(conn, ws, modelId, false,
                                    progress, 0, 85, "territory.activate")
                            .flatMap(counts -> db.query(conn, MoveSql.COUNT, Tuple.of(ws, modelId, active))
                                    .map(rows -> put(counts, "moved", rows.iterator().next().getLong("moved"))))
                            .flatMap(counts -> db.query(conn, MoveSql.REMAP_DEALS, Tuple.of(ws, modelId))
                                    .map(rows -> {
                                        Row row = rows.iterator().next();
                                        put(counts, "dealTerritoriesKept", row.getLong("kept"));
                                        return put(counts, "dealTerritoriesCleared", row.getLong("cleared"));
                                    }))
                            .call(counts -> follow(conn, ws, modelId, counts))
                            .invoke(counts -> checkpoint.reached("territory.activate", "switch"))
                            .call(counts -> db.query(conn, """
                                    UPDATE territory_models SET state = 'archived', archived_at = $3,
                                           version = version + 1, updated_at = $3
                                    WHERE workspace_id = $1 AND state = 'active' AND id <> $2""",
                                    Tuple.of(ws, modelId, now)))
                            .call(counts -> db.query(conn, """
                                    UPDATE territory_models SET state = 'active', activated_at = $3, assigned_at = $3,
                                           version = version + 1, updated_at = $3
                                    WHERE workspace_id = $1 AND id = $2""", Tuple.of(ws, modelId, now)))
                            .map(counts -> {
                                ObjectNode result = json.valueToTree(counts);
                                result.put("activatedModelId", modelId.toString());
                                result.put("archivedModelId", active == null ? null : active.toString());
                                return (JsonNode) result;
                            }));
                })));
    }

    /**
     * Assigns every account of the workspace to the model's territories inside a transaction the caller holds, without
     * a job and without permission checks: for seeding (the demo workspace's live model). The same chunked statement
     * as {@link #run}; manual assignments are kept. Returns the summed counts.
     */
    public Uni<Map<String, Long>> assignWithin(SqlClient tx, UUID ws, UUID modelId) {
        return assignAll(tx, ws, modelId, false, null, 0, 100, "territory.seed")
                .call(counts -> markAssigned(tx, ws, modelId));
    }

    /**
     * Runs the assignment statement over every chunk of the workspace's accounts on {@code conn}, reporting progress
     * between {@code fromPercent} and {@code toPercent} (when there is a job to report to); returns the summed counts.
     */
    private Uni<Map<String, Long>> assignAll(SqlClient conn, UUID ws, UUID modelId, boolean replaceManual,
                                            JobProgress progress, int fromPercent, int toPercent, String kind) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String sql = AssignmentSql.assign(AssignmentSql.Scope.ID_RANGE);
        Map<String, Long> totals = new LinkedHashMap<>();
        return forEachChunk(conn, ws, (range, done) -> db.query(conn, sql, Tuple.of(ws, modelId, now, replaceManual,
                        range.from(), range.to()))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    for (String count : List.of("accounts", "matched", "ties", "changed", "manual")) {
                        totals.merge(count, row.getLong(count), Long::sum);
                    }
                    totals.put("unassigned", totals.get("accounts") - totals.get("matched") - totals.get("ties")
                            - totals.get("manual"));
                    checkpoint.reached(kind, "chunk " + done);
                    return report(progress, fromPercent + (toPercent - fromPercent) * done.percent() / 100, totals);
                })).map(finished -> totals);
    }

    private Uni<Long> recordMoves(SqlClient conn, UUID ws, UUID modelId, UUID active, JobProgress progress,
                                  Map<String, Long> counts) {
        counts.put("moved", 0L);
        return forEachChunk(conn, ws, (range, done) -> db.query(conn, MoveSql.RECORD, Tuple.of(ws, modelId, active,
                        range.from(), range.to(), progress.jobId()))
                .flatMap(rows -> {
                    counts.merge("moved", (long) rows.rowCount(), Long::sum);
                    return report(progress, 70 + 25 * done.percent() / 100, counts);
                })).map(finished -> counts.get("moved"));
    }

    /** Which chunk of how many has just been done. */
    private record Done(int chunk, int of) {
        int percent() {
            return 100 * chunk / of;
        }

        @Override
        public String toString() {
            return Integer.toString(chunk);
        }
    }

    /** Runs {@code step} for each id range of the workspace's accounts, one after the other, on {@code conn}. */
    private Uni<Void> forEachChunk(SqlClient conn, UUID ws,
                                   java.util.function.BiFunction<IdRanges.Range, Done, Uni<Void>> step) {
        return db.query(conn, JOB_SETTINGS, Tuple.tuple())
                .flatMap(set -> db.query(conn, "SELECT count(*) AS n FROM accounts WHERE workspace_id = $1",
                        Tuple.of(ws)))
                .map(rows -> IdRanges.split(rows.iterator().next().getLong("n"), config.chunkSize()))
                .flatMap(ranges -> Multi.createFrom().range(0, ranges.size())
                        .onItem().transformToUniAndConcatenate(i -> step.apply(ranges.get(i),
                                new Done(i + 1, ranges.size())))
                        .collect().last().replaceWithVoid());
    }

    private static Uni<Void> report(JobProgress progress, int percent, Map<String, Long> counts) {
        return progress == null ? Uni.createFrom().voidItem() : progress.report(percent, counts);
    }

    private Uni<JsonNode> totals(SqlClient conn, UUID ws, UUID modelId, UUID active, Map<String, Long> counts) {
        return db.query(conn, MoveSql.TOTALS, Tuple.of(ws, modelId)).map(rows -> {
            Row row = rows.iterator().next();
            ObjectNode result = json.createObjectNode();
            result.put("activeModelId", active == null ? null : active.toString());
            result.put("movers", row.getLong("movers"));
            result.put("accountOwnersAffected", row.getLong("account_owners"));
            result.put("territoryOwnersAffected", row.getLong("territory_owners"));
            result.put("openDeals", row.getLong("open_deals"));
            result.put("openPipelineAmount", row.getBigDecimal("open_pipeline_amount"));
            result.set("assignment", json.valueToTree(counts));
            return result;
        });
    }

    private Uni<Void> markAssigned(SqlClient conn, UUID ws, UUID modelId) {
        return db.query(conn, "UPDATE territory_models SET assigned_at = $3 WHERE workspace_id = $1 AND id = $2",
                Tuple.of(ws, modelId, clock.instant().atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    private Uni<UUID> activeModel(SqlClient conn, UUID ws) {
        return db.query(conn, "SELECT id FROM territory_models WHERE workspace_id = $1 AND state = 'active'",
                Tuple.of(ws)).map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    /** Locks the planning model and the active one; fails the job if the model stopped being a draft meanwhile. */
    private Uni<UUID> lockModels(SqlClient conn, UUID ws, UUID modelId) {
        return db.query(conn, """
                        SELECT id, state FROM territory_models
                        WHERE workspace_id = $1 AND (id = $2 OR state = 'active') ORDER BY id FOR UPDATE""",
                        Tuple.of(ws, modelId))
                .map(rows -> {
                    UUID active = null;
                    boolean planning = false;
                    for (Row row : rows) {
                        if (row.getUUID("id").equals(modelId)) {
                            planning = "planning".equals(row.getString("state"));
                        } else {
                            active = row.getUUID("id");
                        }
                    }
                    if (!planning) {
                        throw ApiProblem.conflict("The model is no longer a planning model (deleted or activated "
                                + "meanwhile); nothing was changed");
                    }
                    return active;
                });
    }

    private Uni<Void> requirePlanning(Caller caller, UUID modelId, String verb) {
        return modelState(caller, modelId).map(state -> {
            if (!"planning".equals(state)) {
                throw ApiProblem.conflict("Only a planning model can be " + verb + "; this one is " + state);
            }
            return null;
        });
    }

    private Uni<String> modelState(Caller caller, UUID modelId) {
        return models.get(caller, modelId).map(TerritoryDtos.TerritoryModelView::state);
    }

    /** Lets the records of other features (leads) follow the activation, one after the other, adding their counts. */
    private Uni<Void> follow(SqlClient conn, UUID ws, UUID modelId, Map<String, Long> counts) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ActivationFollower follower : followers) {
            chain = chain.chain(() -> follower.follow(conn, ws, modelId).invoke(counts::putAll).replaceWithVoid());
        }
        return chain;
    }

    private static Map<String, Long> put(Map<String, Long> counts, String name, long value) {
        counts.put(name, value);
        return counts;
    }
}
