package org.revops.platform.ratelimit;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.revops.platform.ratelimit.RateWindows.Pending;
import org.revops.platform.ratelimit.RateWindows.Shared;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Shares this instance's request counts with the other instances: every {@code revops.rate-limit.sync-interval} one
 * statement adds the counts admitted here since the last sync to the shared windows ({@code rate_limit_windows},
 * unlogged: a crash only forgets counts of the current minute) and reads back each key's total, and windows past are
 * deleted. A request itself never waits for the database.
 */
@ApplicationScoped
public class RateLimitSync {
    private static final Logger LOG = Logger.getLogger(RateLimitSync.class);

    /** Sorted by key so that two instances adding the same keys lock their rows in the same order. */
    private static final String ADD = """
            INSERT INTO rate_limit_windows AS w (workspace_id, key_id, window_start, requests)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::bigint[])
            ON CONFLICT (workspace_id, key_id, window_start) DO UPDATE SET requests = w.requests + excluded.requests
            RETURNING key_id, window_start, requests""";

    /** The pool, not Db: background work must not count against the statement budgets tests hold requests to. */
    private final Pool pool;
    private final RateWindows windows;
    private final Clock clock;

    public RateLimitSync(Pool pool, RateWindows windows, Clock clock) {
        this.pool = pool;
        this.windows = windows;
        this.clock = clock;
    }

    @Scheduled(identity = "rate-limit-sync", every = "${revops.rate-limit.sync-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledSync() {
        return sync().onFailure().invoke(failure -> LOG.warn("Sharing rate-limit counts failed; retried", failure))
                .onFailure().recoverWithNull();
    }

    /** Adds the counts admitted here to the shared ones and learns the totals; forgets windows before the last. */
    public Uni<Void> sync() {
        Instant now = clock.instant();
        List<Pending> sent = new ArrayList<>(windows.drain(now));
        sent.sort(Comparator.comparing(Pending::workspaceId).thenComparing(Pending::keyId));
        Uni<Void> prune = pool.preparedQuery("DELETE FROM rate_limit_windows WHERE window_start < $1")
                .execute(Tuple.of(RateWindows.windowOf(now).minusSeconds(RateWindows.WINDOW_SECONDS)
                        .atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
        if (sent.isEmpty()) {
            return prune;
        }
        Tuple counts = Tuple.of(
                sent.stream().map(Pending::workspaceId).toArray(UUID[]::new),
                sent.stream().map(Pending::keyId).toArray(UUID[]::new),
                sent.stream().map(p -> p.windowStart().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new),
                sent.stream().map(Pending::requests).toArray(Long[]::new));
        return pool.preparedQuery(ADD).execute(counts)
                .map(rows -> {
                    List<Shared> shared = new ArrayList<>();
                    for (Row row : rows) {
                        shared.add(new Shared(row.getUUID("key_id"), row.getOffsetDateTime("window_start").toInstant(),
                                row.getLong("requests")));
                    }
                    windows.settle(sent, shared);
                    return null;
                })
                .onFailure().invoke(failure -> windows.restore(sent))
                .replaceWithVoid()
                .chain(() -> prune);
    }
}
