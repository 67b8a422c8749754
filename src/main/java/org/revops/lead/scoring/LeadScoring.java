package org.revops.lead.scoring;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.scoring.ScoringDtos.ScoreResultView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores one lead with the published model: on every create and change, inside the write's transaction
 * ({@link #scoreOnWrite}), and on demand ({@link #scoreNow}). It runs {@link ScoringSql}'s statement, the publish job's
 * own, over that one lead, so the two cannot disagree.
 *
 * <p>Publishing and single-lead scoring are kept apart by a workspace advisory lock: a lead write takes it shared
 * (after locking its lead row, so it never waits for the job's row locks while holding it) before it reads which
 * model is published, and holds it to its commit; the publish job takes it exclusively for its switch, re-scores the
 * open leads still scored by another model (those written meanwhile), and commits. A write therefore either
 * finishes before the switch, and the switch re-scores its lead, or reads the new model after it.
 */
@ApplicationScoped
public class LeadScoring {
    /** The advisory lock's first key: this lock's class; the second is a hash of the workspace id. */
    static final int LOCK_CLASS = 7007;
    static final String LOCK = """
            SELECT CAST(pg_advisory_xact_lock_shared(7007, hashtext(CAST(CAST($1 AS uuid) AS text))) AS text) AS locked
            FROM (SELECT l.id FROM leads l WHERE l.workspace_id = CAST($1 AS uuid) AND l.id = CAST($2 AS uuid)
                  FOR NO KEY UPDATE) x""";
    static final String BATCH_LOCK = """
            SELECT CAST(pg_advisory_xact_lock_shared(7007, hashtext(CAST(CAST($1 AS uuid) AS text))) AS text) AS locked""";
    static final String PUBLISHED = """
            SELECT m.id, m.number, CAST(m.criteria AS text) AS criteria, m.threshold_a, m.threshold_b, m.threshold_c
            FROM scoring_models m WHERE m.workspace_id = CAST($1 AS uuid) AND m.state = 'published'""";
    private static final int CACHE_LIMIT = 512;

    private final Db db;
    private final Clock clock;
    /** Published models never change, so a compiled one is kept by id. */
    private final Map<UUID, ScoringModel> compiled = new ConcurrentHashMap<>();

    public LeadScoring(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Scores a lead that was just created or changed, in the writer's Hibernate transaction, with a history row when
     * its score or grade changed (cause {@code write}). Nothing happens without a published model or for a converted
     * or disqualified lead. The answer tells routing whether the grade became A or B.
     */
    public Uni<ScoreChange> scoreOnWrite(UUID workspaceId, UUID leadId) {
        return ScoringTx.session().flatMap(tx -> score(tx, workspaceId, leadId, "write"));
    }

    /**
     * Scores a lead now (cause {@code demand}): any lead the caller may read and change records of (a rep: their
     * own). 409 without a published model, and for a converted or disqualified lead.
     */
    public Uni<ScoreResultView> scoreNow(Caller caller, UUID leadId) {
        caller.requireWrite();
        return statusOf(caller, leadId)
                .flatMap(status -> db.inTransaction(conn -> score(ScoringTx.of(db, conn), caller.workspaceId(), leadId,
                        "demand")).map(change -> {
                            if (change.modelId() == null) {
                                throw ApiProblem.conflict("No scoring model is published in this workspace: publish "
                                        + "one first (POST /api/v1/scoring-models/{id}/publish)");
                            }
                            if (!change.scored()) {
                                throw ApiProblem.conflict("Only open leads are scored; this lead is " + status);
                            }
                            return new ScoreResultView(leadId, change.modelId(), change.modelVersion(), change.score(),
                                    change.grade(), ScoreReasons.parse(change.reasonsJson()), change.previousScore(),
                                    change.previousGrade(), change.changed(), clock.instant().atOffset(ZoneOffset.UTC));
                        }));
    }

    /**
     * Scores the leads a batch upsert just wrote, on the batch's connection, with the statement every write uses
     * (cause {@code write}, history rows for changed scores). The rows are already locked by the upsert, so the
     * workspace's scoring lock is taken (shared) after them, as a single write takes it. Answers the ids of the leads
     * whose grade became A or B, for routing; nothing without a published model.
     */
    public Uni<java.util.List<UUID>> scoreBatch(io.vertx.mutiny.sqlclient.SqlClient conn, UUID workspaceId,
                                                 UUID[] leadIds) {
        ScoringTx tx = ScoringTx.of(db, conn);
        Instant now = clock.instant();
        return tx.rows(BATCH_LOCK, List.of(workspaceId))
                .flatMap(locked -> tx.rows(PUBLISHED, List.of(workspaceId)))
                .flatMap(models -> {
                    if (models.isEmpty()) {
                        return Uni.createFrom().item(List.<UUID>of());
                    }
                    Object[] published = models.get(0);
                    UUID modelId = (UUID) published[0];
                    int number = ((Number) published[1]).intValue();
                    ScoringSql.Statement statement = ScoringSql.score(compiled(modelId, published), ScoringSql.Scope.IDS,
                            new ScoringSql.Binding(workspaceId, modelId, number, now, "write", null, "published"),
                            (Object) leadIds);
                    return tx.rows(statement.sql(), statement.params())
                            .map(rows -> List.of((UUID[]) rows.get(0)[rows.get(0).length - 1]));
                });
    }

    /** The status of a lead the caller may read (a rep: their own), or 404. */
    private Uni<String> statusOf(Caller caller, UUID leadId) {
        SqlPredicate readable = Visibility.readableLead(caller, "l");
        SqlBuilder sql = new SqlBuilder().append("SELECT l.status FROM leads l WHERE l.workspace_id = ? AND l.id = ?",
                caller.workspaceId(), leadId).append(" AND " + readable.sql(), readable.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> Rows.single(rows, row -> row.getString("status"), "Lead"));
    }

    /** Lock the lead row, then the workspace's scoring lock (shared); read the published model; score the lead. */
    private Uni<ScoreChange> score(ScoringTx tx, UUID workspaceId, UUID leadId, String cause) {
        Instant now = clock.instant();
        return tx.rows(LOCK, List.of(workspaceId, leadId))
                .flatMap(locked -> locked.isEmpty() ? Uni.createFrom().item(List.<Object[]>of())
                        : tx.rows(PUBLISHED, List.of(workspaceId)))
                .flatMap(models -> {
                    if (models.isEmpty()) {
                        return Uni.createFrom().item(ScoreChange.none(leadId));
                    }
                    Object[] published = models.get(0);
                    UUID modelId = (UUID) published[0];
                    int number = ((Number) published[1]).intValue();
                    ScoringModel model = compiled(modelId, published);
                    ScoringSql.Statement statement = ScoringSql.score(model, ScoringSql.Scope.ONE,
                            new ScoringSql.Binding(workspaceId, modelId, number, now, cause, null, "published"), leadId);
                    return tx.rows(statement.sql(), statement.params()).map(rows -> {
                        Object[] row = rows.get(0);
                        if (((Number) row[1]).longValue() == 0) {   // leads: the lead is closed
                            return new ScoreChange(leadId, modelId, number, null, null, null, null, null, false);
                        }
                        return new ScoreChange(leadId, modelId, number, integer(row[9]), (String) row[10],
                                integer(row[7]), (String) row[8], (String) row[11], ((Number) row[2]).longValue() > 0);
                    });
                });
    }

    private ScoringModel compiled(UUID modelId, Object[] published) {
        ScoringModel model = compiled.get(modelId);
        if (model == null) {
            model = StoredModels.compile((String) published[2], integer(published[3]), integer(published[4]),
                    integer(published[5]));
            if (compiled.size() >= CACHE_LIMIT) {
                compiled.clear();
            }
            compiled.put(modelId, model);
        }
        return model;
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
