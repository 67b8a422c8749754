package org.revops.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.revops.platform.Housekeeping;

/**
 * Deletes expired idempotency keys on {@code revops.idempotency.prune-cron} (hourly by default, off in tests).
 * Expired keys are already ignored by claims; pruning only keeps the table small. Running on several instances at
 * once is harmless: the second delete finds nothing.
 */
@ApplicationScoped
public class IdempotencyPruning {
    private static final Logger LOG = Logger.getLogger(IdempotencyPruning.class);

    private final IdempotencyStore store;

    public IdempotencyPruning(IdempotencyStore store) {
        this.store = store;
    }

    @Scheduled(identity = "idempotency-key-pruning", cron = "{revops.idempotency.prune-cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return Housekeeping.logged(store.pruneExpired(), LOG, Logger.Level.DEBUG, "Pruned %d expired idempotency keys",
                "Pruning expired idempotency keys failed");
    }
}
