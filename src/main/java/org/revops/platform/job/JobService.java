package org.revops.platform.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.revops.platform.audit.AuditActor;
import org.revops.platform.audit.AuditContext;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.Problems;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs long work outside the request: the request stores a queued job and answers 202 at once; the work then runs
 * on the event loop (it is reactive SQL), reporting progress into the job row, and ends succeeded with a result or
 * failed with errors. A heartbeat marks live jobs; a job whose heartbeat stopped (its instance died) is failed by the
 * sweep, so a restart never leaves a job "running" forever or its lock taken.
 */
@ApplicationScoped
public class JobService {
    private static final Logger LOG = Logger.getLogger(JobService.class);
    private static final long HEARTBEAT_MS = 10_000;
    private static final String STALE_AFTER = "60 seconds";
    private static final long RECHECK_MS = 100;

    static final String SELECT = """
            SELECT j.id, j.kind, j.subject_id, j.state, j.percent, j.counts, j.errors, j.result, j.created_by,
                   j.created_at, j.started_at, j.finished_at
            FROM jobs j""";

    public static final ListSpec LIST = ListSpec.builder("listJobs", SELECT, "j.workspace_id", "j.id")
            .anyOf("kind", ValueType.TEXT, "j.kind", "Kind, e.g. territory.preview; repeat for several.")
            .anyOf("state", ValueType.TEXT, "j.state", "queued, running, succeeded or failed; repeat for several.")
            .anyOf("subjectId", ValueType.UUID_, "j.subject_id", "The record the job works on.")
            .sort("createdAt", "j.created_at", "created_at", ValueType.TIMESTAMP)
            .build("-createdAt");

    private final Db db;
    private final Clock clock;
    private final Vertx vertx;
    private final ObjectMapper json;

    public JobService(Db db, Clock clock, Vertx vertx, ObjectMapper json) {
        this.db = db;
        this.clock = clock;
        this.vertx = vertx;
        this.json = json;
    }

    /**
     * Stores a queued job and starts {@code work} once stored. Jobs with the same {@code lockKey} never run at the
     * same time in a workspace: a second one is refused with 409 {@code busy}.
     */
    public Uni<JobView> start(Caller caller, String kind, UUID subjectId, String lockKey, String busy, JobWork work) {
        UUID id = UUID.randomUUID();
        return db.query("""
                        INSERT INTO jobs (workspace_id, id, kind, subject_id, lock_key, state, created_by, created_at,
                                          heartbeat_at)
                        VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7, now())""",
                        Tuple.of(caller.workspaceId(), id, kind, subjectId, lockKey, caller.userId())
                                .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
                .onFailure(JobService::isLockTaken).transform(e -> ApiProblem.conflict(busy))
                .invoke(() -> launch(caller.workspaceId(), id, work))
                .flatMap(done -> byId(caller.workspaceId(), id));
    }

    private static boolean isLockTaken(Throwable t) {
        return t instanceof io.vertx.pgclient.PgException pg && "jobs_one_at_a_time".equals(pg.getConstraint());
    }

    /**
     * The work runs on a context of its own, as the requester working through this job (audit actor kind job, with the
     * request's user, credential, address and request id), so its writes name who asked for them long after the
     * request has been answered.
     */
    private void launch(UUID workspaceId, UUID id, JobWork work) {
        AuditActor actor = AuditContext.current().asJob(id);
        Progress progress = new Progress(workspaceId, id);
        long heartbeat = vertx.setPeriodic(HEARTBEAT_MS, tick -> db.query(
                "UPDATE jobs SET heartbeat_at = now() WHERE workspace_id = $1 AND id = $2 AND state = 'running'",
                Tuple.of(workspaceId, id)).subscribe().with(ok -> { }, e -> LOG.warn("job heartbeat failed", e)));
        db.query("""
                        UPDATE jobs SET state = 'running', started_at = $3, heartbeat_at = now()
                        WHERE workspace_id = $1 AND id = $2""",
                        Tuple.of(workspaceId, id, clock.instant().atOffset(ZoneOffset.UTC)))
                .flatMap(started -> AuditContext.runAs(actor, () -> work.run(progress)))
                .flatMap(result -> finish(workspaceId, id, "succeeded", result, List.of()))
                .onFailure().recoverWithUni(failure -> finish(workspaceId, id, "failed", null,
                        List.of(messageOf(failure))))
                .eventually(() -> vertx.cancelTimer(heartbeat))
                .subscribe().with(ok -> { }, e -> LOG.error("job " + id + " could not record its end", e));
    }

    /** What a failed job tells its caller: a problem's detail as is; anything unexpected is logged, not leaked. */
    private static String messageOf(Throwable failure) {
        ApiProblem problem = Problems.from(failure);
        return problem.getMessage() + (problem.status() >= 500 ? " Nothing was changed." : "");
    }

    private Uni<Void> finish(UUID workspaceId, UUID id, String state, JsonNode result, List<String> errors) {
        JsonArray errorRows = new JsonArray();
        errors.forEach(message -> errorRows.add(new JsonObject().put("message", message)));
        return db.query("""
                        UPDATE jobs SET state = $3, percent = CASE WHEN $3 = 'succeeded' THEN 100 ELSE percent END,
                               result = $4, errors = $5, finished_at = $6
                        WHERE workspace_id = $1 AND id = $2""",
                        Tuple.of(workspaceId, id, state, result == null ? null : new JsonObject(result.toString()),
                                errorRows, clock.instant().atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** A job the caller may see: admins see the workspace's jobs, everyone else the jobs they started. */
    public Uni<JobView> get(Caller caller, UUID id) {
        SqlPredicate visible = visibility(caller);
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE j.workspace_id = ? AND j.id = ?", caller.workspaceId(), id)
                .append(" AND " + visible.sql(), visible.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> Rows.single(rows, this::toView, "Job"));
    }

    /**
     * The job once it has finished, or as it stands after {@code wait} (whichever comes first): a long poll, so a
     * script waits with one request instead of many. The row is read again every {@value #RECHECK_MS} ms on a timer,
     * never blocking the event loop, and the wait runs on real time, not the application clock.
     */
    public Uni<JobView> await(Caller caller, UUID id, Duration wait) {
        return awaitUntil(caller, id, System.nanoTime() + wait.toNanos());
    }

    private Uni<JobView> awaitUntil(Caller caller, UUID id, long deadlineNanos) {
        return get(caller, id).flatMap(job -> finished(job) || System.nanoTime() >= deadlineNanos
                ? Uni.createFrom().item(job)
                : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(RECHECK_MS))
                        .flatMap(tick -> awaitUntil(caller, id, deadlineNanos)));
    }

    private static boolean finished(JobView job) {
        return "succeeded".equals(job.state()) || "failed".equals(job.state());
    }

    public Uni<Slice<JobView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), visibility(caller), request, this::toView);
    }

    private static SqlPredicate visibility(Caller caller) {
        return caller.role() == Role.ADMIN ? SqlPredicate.NONE : new SqlPredicate("j.created_by = ?", caller.userId());
    }

    private Uni<JobView> byId(UUID workspaceId, UUID id) {
        return db.query(SELECT + " WHERE j.workspace_id = $1 AND j.id = $2", Tuple.of(workspaceId, id))
                .map(rows -> Rows.single(rows, this::toView, "Job"));
    }

    void sweepOnStart(@Observes StartupEvent start) {
        sweep();
        vertx.setPeriodic(HEARTBEAT_MS * 3, tick -> sweep());
    }

    /** Fails the jobs whose instance stopped beating: their work's transaction died with it, so nothing changed. */
    void sweep() {
        db.query("""
                UPDATE jobs SET state = 'failed', finished_at = now(),
                       errors = '[{"message": "The service stopped while the job ran; nothing was changed. Start it again."}]'
                WHERE state IN ('queued', 'running') AND heartbeat_at < now() - interval '%s'""".formatted(STALE_AFTER),
                Tuple.tuple()).subscribe().with(ok -> { }, e -> LOG.warn("job sweep failed", e));
    }

    private JobView toView(Row row) {
        Map<String, Long> counts = new LinkedHashMap<>();
        JsonObject countRow = row.getJsonObject("counts");
        if (countRow != null) {
            countRow.forEach(entry -> counts.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
        }
        JsonArray errorRows = row.getJsonArray("errors");
        List<JobView.JobError> errors = errorRows == null ? List.of() : errorRows.stream()
                .map(e -> new JobView.JobError(((JsonObject) e).getString("message"))).toList();
        Object result = row.getValue("result");
        JsonNode resultNode;
        try {
            resultNode = result == null ? null : json.readTree(result.toString());
        } catch (Exception e) {
            throw new IllegalStateException("stored job result is not JSON", e);
        }
        return new JobView(row.getUUID("id"), row.getString("kind"), row.getUUID("subject_id"), row.getString("state"),
                row.getInteger("percent"), counts, errors, resultNode, row.getUUID("created_by"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("started_at"),
                row.getOffsetDateTime("finished_at"));
    }

    /** Progress written on its own connection, outside the work's transaction, so pollers see it at once. */
    private final class Progress implements JobProgress {
        private final UUID workspaceId;
        private final UUID id;

        Progress(UUID workspaceId, UUID id) {
            this.workspaceId = workspaceId;
            this.id = id;
        }

        @Override
        public UUID jobId() {
            return id;
        }

        @Override
        public Uni<Void> report(int percent, Map<String, Long> counts) {
            JsonObject countRow = new JsonObject();
            counts.forEach(countRow::put);
            return db.query("""
                            UPDATE jobs SET percent = $3, counts = $4, heartbeat_at = now()
                            WHERE workspace_id = $1 AND id = $2""",
                            Tuple.of(workspaceId, id, Math.max(0, Math.min(100, percent)), countRow))
                    .replaceWithVoid();
        }
    }
}
