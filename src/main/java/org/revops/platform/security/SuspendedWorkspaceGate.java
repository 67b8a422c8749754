package org.revops.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.Problem;

/**
 * A suspended workspace's callers are refused with 403 on every REST and GraphQL request, before anything of the
 * request runs (the rate limit, an idempotent replay, the operation). They still authenticate, so the answer says
 * why rather than pretending the key is unknown.
 */
@ApplicationScoped
public class SuspendedWorkspaceGate {

    void install(@Observes Router router) {
        router.route("/api/*").order(-4).handler(SuspendedWorkspaceGate::handle);
        router.route("/graphql").order(-4).handler(SuspendedWorkspaceGate::handle);
    }

    private static void handle(RoutingContext ctx) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        String reason = identity == null ? null : identity.getAttribute(ApiKeyIdentityProvider.SUSPENDED);
        if (reason == null) {
            ctx.next();
            return;
        }
        ApiProblem problem = new ApiProblem(403, "workspace-suspended", "Workspace suspended",
                "This workspace is suspended" + (reason.isEmpty() ? "" : ": " + reason)
                        + ". Contact the service operator.", null);
        ctx.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(problem)));
    }
}
