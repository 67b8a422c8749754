package org.revops.platform.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.Problem;

import java.time.Clock;
import java.util.Optional;

/**
 * Refuses a request that carries credentials with 429 (and {@code Retry-After}) while its source address is over its
 * limit of failed authentications ({@link FailedAuthentications}); runs after CORS and before authentication, so a
 * refused request costs no key or token lookup. {@link BearerAuthenticationMechanism} counts the failures. Behind a
 * load balancer the source is the client only with {@code quarkus.http.proxy.*} forwarding configured.
 */
@ApplicationScoped
public class FailedAuthenticationGate {
    private final FailedAuthentications failures;
    private final Clock clock;

    public FailedAuthenticationGate(FailedAuthentications failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, (SecurityHandlerPriorities.CORS + SecurityHandlerPriorities.AUTHENTICATION) / 2);
    }

    private void check(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            context.next();
            return;
        }
        Optional<FailedAuthentications.Refusal> refusal = failures.refusal(sourceOf(context), clock.instant());
        if (refusal.isEmpty()) {
            context.next();
            return;
        }
        long retryAfter = refusal.get().retryAfterSeconds();
        ApiProblem problem = new ApiProblem(429, "too-many-failed-authentications", "Too many failed authentications",
                "Too many requests with invalid credentials came from this address; retry after " + retryAfter
                        + " seconds", null);
        context.response().setStatusCode(429)
                .putHeader("Retry-After", Long.toString(retryAfter))
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(problem)));
    }

    /** The client's address as the HTTP layer sees it (the forwarded one when proxy forwarding is configured). */
    static String sourceOf(RoutingContext context) {
        SocketAddress address = context.request().remoteAddress();
        return address == null || address.host() == null ? "unknown" : address.host();
    }
}
