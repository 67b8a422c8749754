package org.revops.platform.security;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each API key was last used, without a write per request: authentication notes the time in memory, and every
 * {@code revops.api-keys.last-used-flush} (a minute by default) one statement writes the latest time of each key used
 * since. So {@code lastUsedAt} lags by up to that interval, and a crash forgets at most that much.
 */
@ApplicationScoped
public class KeyUsage {
    private static final Logger LOG = Logger.getLogger(KeyUsage.class);

    /** Sorted by key so that two instances writing the same keys lock their rows in the same order. */
    private static final String WRITE = """
            UPDATE api_keys k SET last_used_at = u.used_at
            FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS u (workspace_id, id, used_at)
            WHERE k.workspace_id = u.workspace_id AND k.id = u.id
              AND (k.last_used_at IS NULL OR k.last_used_at < u.used_at)""";

    private record Use(UUID workspaceId, Instant at) {
    }

    private record Pending(UUID keyId, Use use) {
    }

    private final Map<UUID, Use> unwritten = new ConcurrentHashMap<>();
    /** The pool, not Db: background work must not count against the statement budgets tests hold requests to. */
    private final Pool pool;

    public KeyUsage(Pool pool) {
        this.pool = pool;
    }

    /** Notes a use of a key; cheap, called on every authenticated request. */
    public void record(UUID workspaceId, UUID keyId, Instant at) {
        unwritten.merge(keyId, new Use(workspaceId, at), (old, now) -> now.at().isAfter(old.at()) ? now : old);
    }

    @Scheduled(identity = "api-key-usage", every = "${revops.api-keys.last-used-flush:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledFlush() {
        return flush().onFailure().invoke(failure -> LOG.warn("Writing API keys' last use failed; retried", failure))
                .onFailure().recoverWithNull();
    }

    /** Writes the uses noted since the last flush; on failure they are kept for the next one. */
    public Uni<Void> flush() {
        List<Pending> sent = new ArrayList<>();
        for (UUID keyId : List.copyOf(unwritten.keySet())) {
            Use use = unwritten.remove(keyId);
            if (use != null) {
                sent.add(new Pending(keyId, use));
            }
        }
        if (sent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        sent.sort(Comparator.comparing((Pending p) -> p.use().workspaceId()).thenComparing(Pending::keyId));
        Tuple uses = Tuple.of(
                sent.stream().map(p -> p.use().workspaceId()).toArray(UUID[]::new),
                sent.stream().map(Pending::keyId).toArray(UUID[]::new),
                sent.stream().map(p -> p.use().at().atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new));
        return pool.preparedQuery(WRITE).execute(uses)
                .onFailure().invoke(failure -> sent.forEach(p -> record(p.use().workspaceId(), p.keyId(),
                        p.use().at())))
                .replaceWithVoid();
    }
}
