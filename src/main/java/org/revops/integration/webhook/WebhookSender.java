package org.revops.integration.webhook;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.unchecked.Unchecked;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.revops.integration.webhook.RetryPolicy.Decision;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries: claims them up to {@code max-in-flight} at a time, posts them, and records each attempt and
 * what follows from it ({@link RetryPolicy}).
 *
 * <p>The claim is {@code FOR UPDATE SKIP LOCKED} and moves {@code next_attempt_at} to the end of a lease with a
 * token of this claim: another instance neither takes a claimed row nor, later, overwrites its result. When the
 * instance dies mid-send, the lease runs out and the delivery is due again, at any instance; so a delivery can arrive
 * twice (at least once), and receivers de-duplicate by event id.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    private static final String CLAIM = """
            WITH due AS (
                SELECT d.workspace_id, d.id FROM webhook_deliveries d
                JOIN webhook_subscriptions s ON s.workspace_id = d.workspace_id AND s.id = d.subscription_id
                WHERE d.state = 'pending' AND d.next_attempt_at <= $1 AND s.active
                ORDER BY d.next_attempt_at
                LIMIT $2
                FOR UPDATE OF d SKIP LOCKED)
            UPDATE webhook_deliveries d
            SET next_attempt_at = $1::timestamptz + $3::bigint * interval '1 millisecond', lease_token = $4
            FROM due, webhook_subscriptions s
            WHERE d.workspace_id = due.workspace_id AND d.id = due.id
              AND s.workspace_id = d.workspace_id AND s.id = d.subscription_id
            RETURNING d.workspace_id, d.id, d.payload, d.attempts, d.replayed_attempts, d.retry_until, s.url, s.secret,
                      CASE WHEN s.previous_secret_until > $1 THEN s.previous_secret END AS previous_secret""";

    private static final String RECORD = """
            WITH d AS (
                UPDATE webhook_deliveries d SET attempts = d.attempts + 1, state = $5::text,
                       next_attempt_at = coalesce($6::timestamptz, d.next_attempt_at), lease_token = NULL,
                       last_error = $7::text,
                       delivered_at = CASE WHEN $5::text = 'delivered' THEN $3::timestamptz END,
                       dead_at = CASE WHEN $5::text = 'dead' THEN $3::timestamptz END
                WHERE d.workspace_id = $1 AND d.id = $2 AND d.lease_token = $4
                RETURNING d.workspace_id, d.id, d.attempts)
            INSERT INTO webhook_attempts (workspace_id, delivery_id, attempt, attempted_at, status_code, error,
                                          duration_ms, outcome)
            SELECT d.workspace_id, d.id, d.attempts, $3::timestamptz, $8::int, $9::text, $10::int, $11::text FROM d""";

    /** A claimed delivery. */
    record Claimed(UUID workspaceId, UUID id, String payload, int attempts, int replayedAttempts, Instant retryUntil,
                   String url, String secret, String previousSecret) {
    }

    private final Pool pool;
    private final WebhookConfig config;
    private final Clock clock;
    private final WebClient client;
    private final Vertx vertx;
    private final RetryPolicy policy;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean claiming = new AtomicBoolean();

    public WebhookSender(Pool pool, WebhookConfig config, Clock clock, Vertx vertx) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxInFlight()).setKeepAlive(true)
                .setUserAgent("RevOps-Webhooks/1").setFollowRedirects(false));
        this.policy = new RetryPolicy(config.backoffBase(), config.backoffFactor(), config.backoffCap(),
                config.maxAttempts(), () -> ThreadLocalRandom.current().nextDouble());
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Claims as many due deliveries as there are free sending slots ({@code max-in-flight} minus those in flight) and
     * starts sending them, without waiting for the answers: a slow receiver holds only its own slots, never a round
     * of everyone's. A finished send frees its slot and, once half the slots are free, claims again at once, so a
     * backlog drains at the receivers' pace rather than the poll interval's. Answers how many were claimed.
     */
    public Uni<Integer> sendDue() {
        int free = config.maxInFlight() - inFlight.get();
        if (free <= 0 || !claiming.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        UUID token = UUID.randomUUID();
        return pool.preparedQuery(CLAIM).execute(Tuple.of(utc(clock.instant()), free,
                        WebhookDeliveries.interval(config.lease()), token))
                .map(rows -> {
                    int claimed = 0;
                    for (Row row : rows) {
                        claimed++;
                        inFlight.incrementAndGet();
                        send(claimed(row), token).subscribe().with(done -> finished(), failure -> finished());
                    }
                    return claimed;
                })
                .eventually(() -> claiming.set(false));
    }

    private void finished() {
        if (inFlight.decrementAndGet() <= config.maxInFlight() / 2) {
            sendDue().subscribe().with(claimed -> { },
                    failure -> LOG.error("Claiming webhook deliveries failed", failure));
        }
    }

    private Uni<Void> send(Claimed d, UUID token) {
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSignature.header(timestamp, d.payload(), d.secret(), d.previousSecret());
        long started = System.nanoTime();
        return post(d.url())
                .flatMap(request -> request
                        .timeout(config.requestTimeout().toMillis())
                        .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                        .putHeader("Revops-Signature", signature)
                        .putHeader("Revops-Timestamp", Long.toString(timestamp))
                        .putHeader("Revops-Delivery-Id", d.id().toString())
                        .as(BodyCodec.none())
                        .sendBuffer(Buffer.buffer(d.payload())))
                .map(response -> new Result(response.statusCode(), response.getHeader("Retry-After"), null))
                .onFailure().recoverWithItem(failure -> new Result(null, null, describe(failure)))
                .flatMap(result -> record(d, token, result, (int) ((System.nanoTime() - started) / 1_000_000)))
                .onFailure().invoke(failure -> LOG.errorf(failure, "Recording webhook delivery %s failed", d.id()))
                .onFailure().recoverWithNull();
    }

    /**
     * The POST to a subscription's URL, to the address its host resolves to here: unless private networks are allowed,
     * refused when any of those addresses is {@link PrivateAddresses private}, and either way the connection goes to
     * the address just resolved rather than to a second lookup's answer, which a rebinding DNS server could point
     * elsewhere. The URL's host still names the receiver (Host header, TLS server name and certificate check).
     */
    private Uni<HttpRequest<Buffer>> post(String url) {
        RequestOptions options = new RequestOptions().setAbsoluteURI(url);
        String host = options.getHost().startsWith("[") ? options.getHost().substring(1, options.getHost().length() - 1)
                : options.getHost();
        return vertx.executeBlocking(Uni.createFrom().item(Unchecked.supplier(() -> InetAddress.getAllByName(host))))
                .map(addresses -> {
                    if (!config.allowPrivateNetworks()) {
                        for (InetAddress address : addresses) {
                            if (PrivateAddresses.isPrivate(address)) {
                                throw new PrivateAddressRefused(host, address);
                            }
                        }
                    }
                    return client.request(HttpMethod.POST,
                            SocketAddress.inetSocketAddress(options.getPort(), addresses[0].getHostAddress()), options);
                });
    }

    /** A receiver's host resolved to a private network address while such addresses are not allowed. */
    static final class PrivateAddressRefused extends RuntimeException {
        PrivateAddressRefused(String host, InetAddress address) {
            super(host + " resolves to " + address.getHostAddress()
                    + ", a private network address, which this service does not call");
        }
    }

    private record Result(Integer status, String retryAfter, String error) {
    }

    private Uni<Void> record(Claimed d, UUID token, Result result, int millis) {
        Instant now = clock.instant();
        int failures = d.attempts() - d.replayedAttempts() + 1;
        Decision decision = policy.decide(result.status(), result.retryAfter(), failures, now, d.retryUntil());
        String state = switch (decision.outcome()) {
            case DELIVERED -> "delivered";
            case RETRY -> "pending";
            case DEAD -> "dead";
        };
        String outcome = state.equals("pending") ? "retry" : state;
        String error = result.error() != null ? result.error()
                : result.status() >= 300 ? "HTTP " + result.status() : null;
        String lastError = error == null ? null : decision.reason() == null ? error : error + "; " + decision.reason();
        return pool.preparedQuery(RECORD).execute(Tuple.from(new Object[] {d.workspaceId(), d.id(), utc(now), token,
                        state, decision.nextAttemptAt() == null ? null : utc(decision.nextAttemptAt()), lastError,
                        result.status(), result.error(), millis, outcome}))
                .replaceWithVoid();
    }

    /** What went wrong on the way to the receiver, in words for the subscriber (never a Java class name). */
    static String describe(Throwable raised) {
        // the host lookup runs in a blocking section, which wraps its checked exceptions
        Throwable failure = raised.getClass() == RuntimeException.class && raised.getCause() != null
                ? raised.getCause() : raised;
        String kind = failure instanceof PrivateAddressRefused ? "refused"
                : failure instanceof java.net.ConnectException ? "connection failed"
                : failure instanceof java.net.UnknownHostException ? "unknown host"
                : failure instanceof java.util.concurrent.TimeoutException
                        || failure instanceof io.netty.handler.timeout.TimeoutException ? "timed out"
                : failure instanceof javax.net.ssl.SSLException ? "TLS failed"
                : "network error";
        String message = failure.getMessage();
        String text = message == null || message.isBlank() ? kind : kind + ": " + message;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static Claimed claimed(Row row) {
        return new Claimed(row.getUUID("workspace_id"), row.getUUID("id"), row.getString("payload"),
                row.getInteger("attempts"), row.getInteger("replayed_attempts"),
                row.getOffsetDateTime("retry_until").toInstant(), row.getString("url"), row.getString("secret"),
                row.getString("previous_secret"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
