package org.revops.integration.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.integration.webhook.WebhookDtos.AttemptView;
import org.revops.integration.webhook.WebhookDtos.DeliveryDetail;
import org.revops.integration.webhook.WebhookDtos.DeliveryView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading deliveries and their attempts, replaying dead ones, and queueing a test event. */
@ApplicationScoped
public class WebhookDeliveries {
    private static final String COLUMNS = " " + """
             d.id, d.subscription_id, d.state, d.event_count, d.attempts, d.next_attempt_at, d.last_error,
             d.created_at, d.delivered_at, d.dead_at""";
    private static final String SELECT = " SELECT" + COLUMNS + " FROM webhook_deliveries d";

    public static final ListSpec LIST = ListSpec.builder("listWebhookDeliveries", SELECT, "d.workspace_id", "d.id")
            // sorted: Map.of's order changes from one run to the next, and the choices are published
            .oneOf("state", new java.util.TreeMap<>(Map.of("pending", "d.state = 'pending'",
                    "delivered", "d.state = 'delivered'", "dead", "d.state = 'dead'")),
                    "Only deliveries in this state: pending, delivered or dead.")
            .sort("createdAt", "d.created_at", "created_at", ValueType.TIMESTAMP)
            .build("-createdAt");

    /**
     * The body of the test event, built like the dispatcher's so a receiver parses both the same way. Its event id
     * is {@code test_<delivery id>}: unique, so receivers that de-duplicate still see every test.
     */
    private static final String TEST = """
            WITH sub AS (SELECT s.workspace_id, s.id FROM webhook_subscriptions s
                         WHERE s.workspace_id = $1 AND s.id = $2),
                 ids AS (SELECT gen_random_uuid() AS id)
            INSERT INTO webhook_deliveries (workspace_id, id, subscription_id, state, payload, event_count,
                                            next_attempt_at, retry_until, created_at)
            SELECT sub.workspace_id, ids.id, sub.id, 'pending',
                   json_build_object('deliveryId', ids.id, 'subscriptionId', sub.id, 'events', json_build_array(
                       json_build_object('id', 'test_' || ids.id, 'type', 'webhook.test', 'occurredAt', $3::timestamptz,
                                         'resourceType', NULL, 'resourceId', NULL, 'changedFields',
                                         json_build_object(), 'version', NULL)))::text,
                   1, $3, $3::timestamptz + $4::bigint * interval '1 millisecond', $3
            FROM sub, ids
            RETURNING""" + COLUMNS.replace("d.", "");

    private final Db db;
    private final WebhookConfig config;
    private final Clock clock;

    public WebhookDeliveries(Db db, WebhookConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    /** The deliveries of one subscription, newest first, optionally in one state; 404 for another's subscription. */
    public Uni<Slice<DeliveryView>> list(Caller caller, UUID subscriptionId, ListRequest request) {
        WebhookService.requireManager(caller);
        return requireSubscription(caller, subscriptionId).flatMap(ok -> ListQuery.run(db, LIST, caller.workspaceId(),
                new SqlPredicate("d.subscription_id = ?", subscriptionId), request, WebhookDeliveries::view));
    }

    /** One delivery with its body and every attempt, oldest first. */
    public Uni<DeliveryDetail> get(Caller caller, UUID id) {
        WebhookService.requireManager(caller);
        return db.query("""
                        SELECT""" + COLUMNS + """
                        , d.payload, a.attempt, a.attempted_at, a.status_code, a.error, a.duration_ms, a.outcome
                        FROM webhook_deliveries d
                        LEFT JOIN webhook_attempts a ON a.workspace_id = d.workspace_id AND a.delivery_id = d.id
                        WHERE d.workspace_id = $1 AND d.id = $2
                        ORDER BY a.attempt""", Tuple.of(caller.workspaceId(), id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiProblem.notFound("Webhook delivery");
                    }
                    List<AttemptView> attempts = new ArrayList<>();
                    Row first = null;
                    for (Row row : rows) {
                        first = first == null ? row : first;
                        if (row.getInteger("attempt") != null) {
                            attempts.add(new AttemptView(row.getInteger("attempt"),
                                    row.getOffsetDateTime("attempted_at"), row.getInteger("status_code"),
                                    row.getString("error"), row.getInteger("duration_ms"), row.getString("outcome")));
                        }
                    }
                    DeliveryView d = view(first);
                    return new DeliveryDetail(d.id(), d.subscriptionId(), d.state(), d.eventCount(), d.attempts(),
                            d.nextAttemptAt(), d.lastError(), d.createdAt(), d.deliveredAt(), d.deadAt(),
                            first.getString("payload"), attempts);
                });
    }

    /**
     * Sends a dead delivery again: it becomes pending, due now, with a fresh retry horizon and back-off. The body is
     * the same, event ids included, so a receiver that got it after all de-duplicates it. 409 when it is not dead.
     */
    public Uni<DeliveryView> replay(Caller caller, UUID id) {
        WebhookService.requireManager(caller);
        OffsetDateTime now = now();
        return db.query("""
                        UPDATE webhook_deliveries d SET state = 'pending', next_attempt_at = $3,
                               retry_until = $3::timestamptz + $4::bigint * interval '1 millisecond',
                               replayed_attempts = d.attempts, dead_at = NULL,
                               lease_token = NULL
                        WHERE d.workspace_id = $1 AND d.id = $2 AND d.state = 'dead'
                        RETURNING""" + COLUMNS,
                        Tuple.of(caller.workspaceId(), id, now, interval(config.retryHorizon())))
                .flatMap(rows -> {
                    if (rows.size() > 0) {
                        return Uni.createFrom().item(view(rows.iterator().next()));
                    }
                    return db.query("SELECT state FROM webhook_deliveries WHERE workspace_id = $1 AND id = $2",
                            Tuple.of(caller.workspaceId(), id)).map(found -> {
                                if (found.size() == 0) {
                                    throw ApiProblem.notFound("Webhook delivery");
                                }
                                throw ApiProblem.conflict("Only a dead delivery can be replayed; this one is "
                                        + found.iterator().next().getString("state"));
                            });
                });
    }

    /** Queues a delivery with one {@code webhook.test} event to the subscription (sent while it is active). */
    public Uni<DeliveryView> sendTest(Caller caller, UUID subscriptionId) {
        WebhookService.requireManager(caller);
        return db.query(TEST, Tuple.of(caller.workspaceId(), subscriptionId, now(), interval(config.retryHorizon())))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiProblem.notFound("Webhook");
                    }
                    return view(rows.iterator().next());
                });
    }

    private Uni<Void> requireSubscription(Caller caller, UUID id) {
        return db.query("SELECT 1 FROM webhook_subscriptions WHERE workspace_id = $1 AND id = $2",
                Tuple.of(caller.workspaceId(), id)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiProblem.notFound("Webhook");
                    }
                    return null;
                });
    }

    /** A duration as the SQL statements take it: milliseconds, multiplied by {@code interval '1 millisecond'}. */
    static long interval(java.time.Duration duration) {
        return duration.toMillis();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static DeliveryView view(Row row) {
        String state = row.getString("state");
        return new DeliveryView(row.getUUID("id"), row.getUUID("subscription_id"), state, row.getInteger("event_count"),
                row.getInteger("attempts"), state.equals("pending") ? row.getOffsetDateTime("next_attempt_at") : null,
                row.getString("last_error"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("delivered_at"), row.getOffsetDateTime("dead_at"));
    }
}
