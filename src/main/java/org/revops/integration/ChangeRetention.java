package org.revops.integration;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.revops.platform.Housekeeping;
import org.revops.platform.db.Db;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Keeps the change log to {@code revops.changes.retention}. Per workspace it deletes a prefix of the feed order: the
 * newest (txid, position) older than the cut-off and every change up to it, and records that mark in
 * {@code change_horizons}, so a cursor below it answers 410 instead of silently skipping what was deleted. Changes of
 * transactions not yet settled (txid at or above the snapshot xmin) are never pruned.
 */
@ApplicationScoped
public class ChangeRetention {
    private static final Logger LOG = Logger.getLogger(ChangeRetention.class);

    private static final String PRUNE = """
            WITH cut AS (
                SELECT DISTINCT ON (workspace_id) workspace_id, txid, position
                FROM changes
                WHERE occurred_at < $1 AND txid < pg_snapshot_xmin(pg_current_snapshot())
                  AND ($3::uuid IS NULL OR workspace_id = $3)
                ORDER BY workspace_id, txid DESC, position DESC),
            gone AS (
                DELETE FROM changes c USING cut
                WHERE c.workspace_id = cut.workspace_id AND (c.txid, c.position) <= (cut.txid, cut.position)
                RETURNING 1),
            marked AS (
                INSERT INTO change_horizons AS h (workspace_id, txid, position, pruned_at)
                SELECT workspace_id, txid, position, $2 FROM cut
                ON CONFLICT (workspace_id) DO UPDATE
                    SET txid = EXCLUDED.txid, position = EXCLUDED.position, pruned_at = EXCLUDED.pruned_at
                    WHERE (h.txid, h.position) < (EXCLUDED.txid, EXCLUDED.position)
                RETURNING 1)
            SELECT (SELECT count(*) FROM gone) AS deleted""";

    private final Db db;
    private final ChangeFeedConfig config;
    private final Clock clock;

    public ChangeRetention(Db db, ChangeFeedConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "change-retention", cron = "{revops.changes.prune-cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Housekeeping.logged(prune(null, clock.instant()), LOG, Logger.Level.INFO,
                "Change feed retention: %d changes pruned", "Change feed retention failed");
    }

    /**
     * Deletes the changes older than {@code now − retention} of one workspace (null: every workspace) and moves the
     * workspace's pruned mark; answers how many changes were deleted.
     */
    public Uni<Long> prune(UUID workspaceId, Instant now) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(config.retention()), ZoneOffset.UTC);
        return db.query(PRUNE, Tuple.of(cutoff, OffsetDateTime.ofInstant(now, ZoneOffset.UTC), workspaceId))
                .map(rows -> rows.iterator().next().getLong("deleted"));
    }
}
