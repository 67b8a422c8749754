package org.revops.lead.predictive;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Score on write: a lead just created or changed gets its predictive score from the workspace's active model inside
 * the writer's transaction, with the very statement the training job runs over every open lead
 * ({@link PredictiveSql#SCORE_ONE}), so the two cannot disagree. One statement; without an active model, or for a
 * closed lead (converted, disqualified: it keeps the score it had while open), it changes nothing.
 */
@ApplicationScoped
public class PredictiveScoring {
    private static final String SCORE_ONE_HIBERNATE = PredictiveSql.SCORE_ONE.replaceAll("\\$(\\d+)", "?$1");

    private final Clock clock;
    private final Db db;

    public PredictiveScoring(Clock clock, Db db) {
        this.clock = clock;
        this.db = db;
    }

    /** Scores the leads a batch upsert wrote, on its connection: the same statement over an array of ids. */
    public Uni<Void> scoreBatch(SqlClient conn, UUID workspaceId, UUID[] leadIds) {
        return db.query(conn, PredictiveSql.SCORE_IDS,
                Tuple.of(workspaceId, clock.instant().atOffset(ZoneOffset.UTC), leadIds)).replaceWithVoid();
    }

    /** Scores one lead inside the current Hibernate transaction (flushed first, so the statement sees the write). */
    public Uni<Void> scoreOnWrite(UUID workspaceId, UUID leadId) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return Panache.getSession().flatMap(session -> session.flush()
                .chain(() -> session.createNativeQuery(SCORE_ONE_HIBERNATE)
                        .setParameter(1, workspaceId).setParameter(2, now).setParameter(3, leadId)
                        .executeUpdate())
                .replaceWithVoid());
    }
}
