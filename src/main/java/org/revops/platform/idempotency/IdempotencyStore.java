package org.revops.platform.idempotency;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The stored first responses of keyed requests. A request claims its key with one upsert before it runs, so of
 * concurrent duplicates exactly one runs; the others wait a little for it and replay its response, or get 409.
 * A claim is a lease: one left behind by a crashed instance is taken over by the next retry of the same request
 * once the lease has run out. Requests without a key never come here.
 */
@ApplicationScoped
public class IdempotencyStore {
    /** How often a duplicate looks again whether the first request has finished. */
    private static final long POLL_MILLIS = 50;

    // Takes the key if it is free, expired, or held by an abandoned claim of the same request (same user and
    // fingerprint); otherwise leaves the row alone and returns nothing.
    private static final String CLAIM = """
            INSERT INTO idempotency_keys (workspace_id, key, user_id, fingerprint, state, locked_until, created_at,
                                          expires_at)
            VALUES ($1, $2, $3, $4, 'in_flight', $5, $6, $7)
            ON CONFLICT (workspace_id, key) DO UPDATE
               SET user_id = EXCLUDED.user_id, fingerprint = EXCLUDED.fingerprint, state = 'in_flight',
                   locked_until = EXCLUDED.locked_until, status = NULL, content_type = NULL, location = NULL,
                   etag = NULL, body = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
             WHERE idempotency_keys.expires_at <= EXCLUDED.created_at
                OR (idempotency_keys.state = 'in_flight' AND idempotency_keys.locked_until <= EXCLUDED.created_at
                    AND idempotency_keys.user_id = EXCLUDED.user_id
                    AND idempotency_keys.fingerprint = EXCLUDED.fingerprint)
            RETURNING 1""";

    private static final String FIND = """
            SELECT user_id, fingerprint, state, status, content_type, location, etag, body
            FROM idempotency_keys
            WHERE workspace_id = $1 AND key = $2""";

    private static final String COMPLETE = """
            UPDATE idempotency_keys
               SET state = 'done', locked_until = NULL, status = $3, content_type = $4, location = $5, etag = $6,
                   body = $7
             WHERE workspace_id = $1 AND key = $2 AND state = 'in_flight'""";

    private static final String RELEASE = """
            DELETE FROM idempotency_keys WHERE workspace_id = $1 AND key = $2 AND state = 'in_flight'""";

    private static final String PRUNE = "DELETE FROM idempotency_keys WHERE expires_at <= $1";

    private final Db db;
    private final Clock clock;
    private final Vertx vertx;
    private final IdempotencyConfig config;

    public IdempotencyStore(Db db, Clock clock, Vertx vertx, IdempotencyConfig config) {
        this.db = db;
        this.clock = clock;
        this.vertx = vertx;
        this.config = config;
    }

    /**
     * Claims {@code key} for the caller's request with this fingerprint. A duplicate of a request still running
     * waits up to {@code revops.idempotency.duplicate-wait} (measured on the real clock, not the application's) for it.
     */
    public Uni<Claim> claim(Caller caller, IdempotencyKey key, String fingerprint) {
        return attempt(caller, key.value(), fingerprint, System.nanoTime() + config.duplicateWait().toNanos());
    }

    private Uni<Claim> attempt(Caller caller, String key, String fingerprint, long waitUntil) {
        Instant now = clock.instant();
        Tuple claim = Tuple.tuple(List.of(caller.workspaceId(), key, caller.userId(), fingerprint, utc(now.plus(config.lease())),
                utc(now), utc(now.plus(config.ttl()))));
        return db.query(CLAIM, claim).flatMap(claimed -> {
            if (claimed.rowCount() > 0) {
                return Uni.createFrom().item(new Claim.Won(caller.workspaceId(), key));
            }
            return db.query(FIND, Tuple.of(caller.workspaceId(), key)).flatMap(rows -> {
                if (rows.size() == 0) {
                    // released (a 5xx) or pruned between the two statements: the key is free again
                    return attempt(caller, key, fingerprint, waitUntil);
                }
                Row row = rows.iterator().next();
                if (!caller.userId().equals(row.getUUID("user_id")) || !fingerprint.equals(row.getString("fingerprint"))) {
                    return Uni.createFrom().item(new Claim.OtherRequest());
                }
                if ("done".equals(row.getString("state"))) {
                    return Uni.createFrom().item(new Claim.Replay(stored(row)));
                }
                if (System.nanoTime() >= waitUntil) {
                    return Uni.createFrom().item(new Claim.InProgress());
                }
                return pause().flatMap(ignored -> attempt(caller, key, fingerprint, waitUntil));
            });
        });
    }

    /** Keeps the first response for replays, or releases the key when the response is a 5xx. */
    public Uni<Void> complete(Claim.Won claim, StoredResponse response) {
        if (!response.worthKeeping()) {
            return release(claim);
        }
        Tuple values = Tuple.tuple(Arrays.asList(claim.workspaceId(), claim.key(), response.status(), response.contentType(),
                response.location(), response.etag(), io.vertx.core.buffer.Buffer.buffer(response.body())));
        return db.query(COMPLETE, values).replaceWithVoid();
    }

    /** Frees the key so that a retry runs the request again (the first attempt failed on our side). */
    public Uni<Void> release(Claim.Won claim) {
        return db.query(RELEASE, Tuple.of(claim.workspaceId(), claim.key())).replaceWithVoid();
    }

    /** Deletes every key whose TTL has passed, in one statement; answers how many. */
    public Uni<Integer> pruneExpired() {
        return db.query(PRUNE, Tuple.of(utc(clock.instant()))).map(rows -> rows.rowCount());
    }

    private Uni<Void> pause() {
        // a Vert.x timer resumes on the request's own context, where the reactive session and client expect it
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(POLL_MILLIS, id -> emitter.complete(null)));
    }

    private static StoredResponse stored(Row row) {
        Buffer body = row.getBuffer("body");
        return new StoredResponse(row.getInteger("status"), row.getString("content_type"), row.getString("location"),
                row.getString("etag"), body == null ? new byte[0] : body.getBytes());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
