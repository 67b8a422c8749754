package org.revops.integration.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.vertx.mutiny.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns the change log into webhook deliveries, then has the sender send what is due; every
 * {@code revops.webhooks.poll-interval} and once right after start-up.
 *
 * <p>One statement does a pass, so the deliveries and the cursors they came from commit together: a crash before the
 * commit leaves both as they were (the changes are read again), after it both are stored (never read twice). The
 * reading rule is the change feed's ({@link org.revops.integration.ChangeFeedService}): only changes of transactions
 * below {@code pg_snapshot_xmin(pg_current_snapshot())}, which have all ended, in (txid, position) order after the
 * subscription's cursor. So a change committing late with a smaller position is not skipped, and a rolled-back
 * write, which left no change, sends nothing. The cursor moves past every change read, matching or not; matching
 * changes are grouped, in order, into deliveries of {@code events-per-delivery} with their JSON body built here, so
 * retries never depend on the change log's retention. Subscriptions are locked with SKIP LOCKED: two instances never
 * dispatch the same subscription at once. It talks to the pool directly, not through {@code Db}, so this background
 * work never counts against the statement budgets that tests hold requests to.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_PASSES_PER_TICK = 50;

    private static final String PASS = """
            WITH head AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin),
            subs AS (
                SELECT s.workspace_id, s.id, s.event_types, s.fields, s.cursor_txid, s.cursor_position
                FROM webhook_subscriptions s WHERE s.active
                FOR UPDATE SKIP LOCKED),
            scanned AS (
                SELECT s.workspace_id, s.id AS subscription_id, s.event_types, s.fields, c.txid, c.position,
                       c.occurred_at, c.resource_type, c.resource_id, c.action, c.changed_fields, c.version
                FROM subs s
                CROSS JOIN LATERAL (
                    SELECT c.* FROM changes c
                    WHERE c.workspace_id = s.workspace_id
                      AND (c.txid, c.position) > (s.cursor_txid, s.cursor_position)
                      AND c.txid < (SELECT xmin FROM head)
                    ORDER BY c.txid, c.position
                    LIMIT $1) c),
            last AS (
                SELECT DISTINCT ON (workspace_id, subscription_id) workspace_id, subscription_id, txid, position
                FROM scanned ORDER BY workspace_id, subscription_id, txid DESC, position DESC),
            moved AS (
                UPDATE webhook_subscriptions s SET cursor_txid = l.txid, cursor_position = l.position
                FROM last l WHERE s.workspace_id = l.workspace_id AND s.id = l.subscription_id
                RETURNING 1),
            matched AS (
                SELECT x.*, (row_number() OVER (PARTITION BY x.workspace_id, x.subscription_id
                                                ORDER BY x.txid, x.position) - 1) / $2 AS batch
                FROM scanned x
                WHERE (webhook_event_type(x.resource_type, x.action) = ANY (x.event_types)
                       OR x.resource_type || '.*' = ANY (x.event_types) OR '*' = ANY (x.event_types))
                  AND (x.fields IS NULL OR x.action <> 'update' OR x.changed_fields ?| x.fields)),
            batches AS (
                SELECT workspace_id, subscription_id, gen_random_uuid() AS id, count(*) AS events,
                       json_agg(json_build_object(
                           'id', webhook_event_id(txid, position),
                           'type', webhook_event_type(resource_type, action),
                           'occurredAt', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                           'resourceType', resource_type, 'resourceId', resource_id,
                           'changedFields', changed_fields, 'version', version) ORDER BY txid, position) AS body
                FROM matched GROUP BY workspace_id, subscription_id, batch),
            inserted AS (
                INSERT INTO webhook_deliveries (workspace_id, id, subscription_id, state, payload, event_count,
                                                next_attempt_at, retry_until, created_at)
                SELECT workspace_id, id, subscription_id, 'pending',
                       json_build_object('deliveryId', id, 'subscriptionId', subscription_id, 'events', body)::text,
                       events, $3, $3::timestamptz + $4::bigint * interval '1 millisecond', $3
                FROM batches
                RETURNING 1)
            SELECT (SELECT count(*) FROM inserted) AS deliveries, (SELECT count(*) FROM moved) AS subscriptions,
                   (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM scanned
                                                     GROUP BY workspace_id, subscription_id) per) AS fullest""";

    private final Pool pool;
    private final WebhookConfig config;
    private final WebhookSender sender;
    private final Clock clock;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private Long timer;

    public WebhookDispatcher(Pool pool, WebhookConfig config, WebhookSender sender, Clock clock, Vertx vertx) {
        this.pool = pool;
        this.config = config;
        this.sender = sender;
        this.clock = clock;
        this.vertx = vertx;
    }

    /**
     * A Vert.x timer rather than {@code @Scheduled}: Quarkus' scheduler runs nothing more often than once a second,
     * and deliveries should leave within the poll interval. A tick is skipped while the previous one still runs.
     */
    void start(@Observes StartupEvent event) {
        if (config.enabled()) {
            long every = Math.max(10, config.pollInterval().toMillis());
            timer = vertx.setPeriodic(1, every, id -> {
                if (running.compareAndSet(false, true)) {
                    tick().subscribe().with(done -> running.set(false), failure -> running.set(false));
                }
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    Uni<Void> tick() {
        return dispatch(MAX_PASSES_PER_TICK)
                .flatMap(created -> sender.sendDue())
                .onFailure().invoke(failure -> LOG.error("Webhook dispatch failed; retried on the next tick", failure))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Runs passes until one reads fewer changes than {@code changes-per-pass} for every subscription (caught up) or
     * {@code passes} have run; answers the number of deliveries created.
     */
    public Uni<Long> dispatch(int passes) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return pool.preparedQuery(PASS).execute(Tuple.of(config.changesPerPass(), config.eventsPerDelivery(), now,
                        WebhookDeliveries.interval(config.retryHorizon())))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    long created = row.getLong("deliveries");
                    if (created > 0) {
                        // Sending starts with the first pass, not after the whole backlog is dispatched.
                        sender.sendDue().subscribe().with(claimed -> { },
                                failure -> LOG.error("Claiming webhook deliveries failed", failure));
                    }
                    if (row.getLong("fullest") < config.changesPerPass() || passes <= 1) {
                        return Uni.createFrom().item(created);
                    }
                    return dispatch(passes - 1).map(more -> more + created);
                });
    }
}
