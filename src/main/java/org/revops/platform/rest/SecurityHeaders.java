package org.revops.platform.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * Headers every answer carries, errors, 401s, 429s and CORS preflights included (set when the headers are written, by
 * a filter ahead of CORS and authentication): no MIME sniffing, no framing, no referrer, and for API answers no
 * caching anywhere (they are per caller and often personal). {@code Strict-Transport-Security} only when configured,
 * because only the operator knows whether every client reaches the service over HTTPS.
 */
@ApplicationScoped
public class SecurityHeaders {

    @ConfigMapping(prefix = "revops.security-headers")
    public interface Config {
        /** The Strict-Transport-Security value, e.g. {@code max-age=31536000; includeSubDomains}; none by default. */
        Optional<String> strictTransportSecurity();
    }

    private final Optional<String> strictTransportSecurity;

    public SecurityHeaders(Config config) {
        this.strictTransportSecurity = config.strictTransportSecurity().map(String::trim).filter(v -> !v.isEmpty());
    }

    void register(@Observes Filters filters) {
        // after the request id (1000), before CORS (300) and authentication (200), which may answer on their own
        filters.register(this::add, 900);
    }

    private void add(RoutingContext context) {
        boolean api = isApi(context.normalizedPath());
        context.addHeadersEndHandler(ignored -> apply(context.response().headers(), api));
        context.next();
    }

    void apply(MultiMap headers, boolean api) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (api) {
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            headers.set("Cache-Control", "no-store");
        }
        strictTransportSecurity.ifPresent(value -> headers.set("Strict-Transport-Security", value));
    }

    /** The API answers data only; the UIs under /q and the GraphQL schema keep their own caching and scripts. */
    static boolean isApi(String path) {
        return path != null && (path.startsWith("/api/") || path.equals("/graphql") || path.equals("/graphql/"));
    }
}
