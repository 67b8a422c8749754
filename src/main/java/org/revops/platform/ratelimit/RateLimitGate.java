package org.revops.platform.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.Problem;
import org.revops.platform.security.ApiKeyIdentityProvider;
import org.revops.platform.security.Caller;
import org.revops.platform.security.CurrentCaller;

import java.time.Clock;
import java.util.UUID;

/**
 * Rate limits per API key on every REST and GraphQL request: a route in front of all others, after authentication
 * (so it knows the key), answers 429 with {@code Retry-After} once the key's requests of the current minute reached
 * its limit, and otherwise lets the request through with the {@code RateLimit-*} headers of the IETF draft
 * (draft-ietf-httpapi-ratelimit-headers): limit, remaining and seconds to the reset, plus the policy. Before the
 * idempotency routes, so a replayed request counts as a request. Unauthenticated requests are not counted here.
 * Requests with a bearer JWT count per user (all of a user's tokens share one window, under the service default):
 * the user id stands in for the key id, and ids are UUIDs, so the two never share a window.
 */
@ApplicationScoped
public class RateLimitGate {
    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    public static final String POLICY = "RateLimit-Policy";

    private final RateWindows windows;
    private final RateLimitConfig config;
    private final Clock clock;

    public RateLimitGate(RateWindows windows, RateLimitConfig config, Clock clock) {
        this.windows = windows;
        this.config = config;
        this.clock = clock;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(-3).handler(this::handle);
        router.route("/graphql").order(-3).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        Caller caller = CurrentCaller.of(identity);
        UUID keyId = caller == null ? null : windowOf(identity, caller);
        if (keyId == null) {
            ctx.next();
            return;
        }
        Integer own = identity.getAttribute(ApiKeyIdentityProvider.RATE_LIMIT);
        int limit = own != null ? own : config.defaultPerMinute();
        boolean byToken = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID) == null;
        RateWindows.Admission admission = windows.admit(caller.workspaceId(), keyId, limit, clock.instant());
        HttpServerResponse response = ctx.response();
        if (!admission.admitted()) {
            headers(response, admission);
            ApiProblem problem = new ApiProblem(429, "rate-limited", "Too many requests", byToken
                    ? "This user's tokens may make " + limit + " requests per minute together; retry after "
                            + admission.resetSeconds() + " seconds."
                    : "This API key may make " + limit + " requests per minute; retry after " + admission.resetSeconds()
                            + " seconds. An admin can raise the key's limit (PATCH /api/v1/api-keys/{id}, "
                            + "rateLimitPerMinute).", null);
            response.setStatusCode(429)
                    .putHeader("Retry-After", Long.toString(admission.resetSeconds()))
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Json.encode(Problem.of(problem)));
            return;
        }
        // set when the response is written: a handler further on may reset headers it did not set itself
        ctx.addHeadersEndHandler(ignored -> headers(response, admission));
        ctx.next();
    }

    /** The key's window, or the user's for a token; null when neither authenticated the request. */
    private static UUID windowOf(SecurityIdentity identity, Caller caller) {
        UUID keyId = identity.getAttribute(ApiKeyIdentityProvider.KEY_ID);
        if (keyId != null) {
            return keyId;
        }
        return identity.getAttribute(ApiKeyIdentityProvider.TOKEN_SUBJECT) != null ? caller.userId() : null;
    }

    private static void headers(HttpServerResponse response, RateWindows.Admission admission) {
        response.putHeader(LIMIT, Integer.toString(admission.limit()))
                .putHeader(REMAINING, Long.toString(admission.remaining()))
                .putHeader(RESET, Long.toString(admission.resetSeconds()))
                .putHeader(POLICY, admission.limit() + ";w=" + RateWindows.WINDOW_SECONDS);
    }
}
