package org.revops.platform;

import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/**
 * The one way scheduled clean-ups (retention of the audit log, change log and webhook deliveries, expired idempotency
 * keys) end: the count they removed is logged, a failure is logged and swallowed, since the next run retries and a
 * failed run must not stop the scheduler's later ones.
 */
public final class Housekeeping {
    private Housekeeping() {
    }

    /**
     * Runs {@code work} (answering how many rows it removed), logging the count at {@code level} with {@code done}
     * (a format with one %d) or the failure, as an error, with {@code failed}.
     */
    public static Uni<Void> logged(Uni<? extends Number> work, Logger log, Logger.Level level, String done, String failed) {
        return work.invoke(count -> log.logf(level, done, count))
                .onFailure().invoke(failure -> log.error(failed, failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
