package org.revops.integration.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhook delivery settings ({@code revops.webhooks.*}). */
@ConfigMapping(prefix = "revops.webhooks")
public interface WebhookConfig {
    /** Off: no dispatching and no sending on this instance (subscriptions can still be managed). */
    @WithDefault("true")
    boolean enabled();

    /** How often the dispatcher and the sender look for work (also run once right after start-up). */
    @WithDefault("250ms")
    Duration pollInterval();

    /** Events per delivery (one HTTP request). */
    @WithDefault("100")
    int eventsPerDelivery();

    /** Changes one dispatcher pass reads per subscription; a full pass is followed by another at once. */
    @WithDefault("10000")
    int changesPerPass();

    /** Deliveries in flight at once per instance. */
    @WithDefault("16")
    int maxInFlight();

    /** Connect timeout of a delivery request. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Whole-request timeout of a delivery; an attempt that takes longer is a network error (retried). */
    @WithDefault("10s")
    Duration requestTimeout();

    /** How long a sender holds a claimed delivery: after it, a crashed instance's delivery is due again. */
    @WithDefault("60s")
    Duration lease();

    /** First retry delay; each further retry doubles it ({@link #backoffFactor}) up to {@link #backoffCap}. */
    @WithDefault("10s")
    Duration backoffBase();

    @WithDefault("2.0")
    double backoffFactor();

    @WithDefault("1h")
    Duration backoffCap();

    /** Retries stop this long after a delivery was created (or replayed); it is then dead. */
    @WithDefault("24h")
    Duration retryHorizon();

    /** At most this many attempts per delivery (and per replay); then dead. */
    @WithDefault("30")
    int maxAttempts();

    /** How long a delivered or dead delivery (and its attempts) is kept after it ended; a dead one is replayable so long. */
    @WithDefault("30d")
    Duration retention();

    /** When ended deliveries past their retention are deleted (Quartz cron, UTC); {@code off} disables. */
    @WithDefault("0 23 * * * ?")
    String pruneCron();

    /**
     * The SSRF knob: false (the default) refuses URLs whose host is {@code localhost} or a literal
     * {@link PrivateAddresses private} address, and never sends to a host that resolves to one; true allows them (local
     * runs and tests). URLs pointing at this service are refused either way.
     */
    @WithDefault("false")
    boolean allowPrivateNetworks();
}
