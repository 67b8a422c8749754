package org.revops.integration.webhook;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.revops.platform.Housekeeping;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps ended webhook deliveries (delivered or dead) for {@code revops.webhooks.retention} after they ended, then
 * deletes them with their attempts (on {@code revops.webhooks.prune-cron}, hourly by default). Pending deliveries are
 * never deleted, and a dead one can be replayed for as long as it is kept. Several instances pruning at once is
 * harmless: the second finds nothing.
 */
@ApplicationScoped
public class WebhookRetention {
    private static final Logger LOG = Logger.getLogger(WebhookRetention.class);

    static final String PRUNE = """
            WITH gone AS (
                DELETE FROM webhook_deliveries d
                WHERE d.state <> 'pending' AND coalesce(d.delivered_at, d.dead_at) < $1
                RETURNING 1)
            SELECT count(*) AS deleted FROM gone""";

    private final Pool pool;
    private final WebhookConfig config;
    private final Clock clock;

    public WebhookRetention(Pool pool, WebhookConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "webhook-retention", cron = "{revops.webhooks.prune-cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return Housekeeping.logged(prune(clock.instant()), LOG, Logger.Level.DEBUG,
                "Webhook retention: %d ended deliveries deleted", "Webhook retention failed");
    }

    /** Deletes the deliveries that ended before {@code now − retention}, with their attempts; answers how many. */
    public Uni<Long> prune(Instant now) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(now.minus(config.retention()), ZoneOffset.UTC);
        return pool.preparedQuery(PRUNE).execute(Tuple.of(cutoff))
                .map(rows -> rows.iterator().next().getLong("deleted"));
    }
}
