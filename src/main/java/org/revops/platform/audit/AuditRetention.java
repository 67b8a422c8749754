package org.revops.platform.audit;

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

/** Keeps the audit log to {@code revops.audit.retention}: deletes the events older than that, daily. */
@ApplicationScoped
public class AuditRetention {
    private static final Logger LOG = Logger.getLogger(AuditRetention.class);

    private static final String PRUNE = """
            WITH gone AS (
                DELETE FROM audit_events WHERE occurred_at < $1 AND ($2::uuid IS NULL OR workspace_id = $2)
                RETURNING 1)
            SELECT count(*) AS deleted FROM gone""";

    private final Db db;
    private final AuditConfig config;
    private final Clock clock;

    public AuditRetention(Db db, AuditConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "audit-retention", cron = "{revops.audit.prune-cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Housekeeping.logged(prune(null, clock.instant()), LOG, Logger.Level.INFO,
                "Audit log retention: %d events pruned", "Audit log retention failed");
    }

    /** Deletes the events older than {@code now − retention} of one workspace (null: every one); answers how many. */
    public Uni<Long> prune(UUID workspaceId, Instant now) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(config.retention()), ZoneOffset.UTC);
        return db.query(PRUNE, Tuple.of(cutoff, workspaceId)).map(rows -> rows.iterator().next().getLong("deleted"));
    }
}
