package org.revops.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.Problem;
import org.revops.platform.error.ProblemMapper;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that holds scoped API keys to their scopes. A key without scopes passes untouched (its role
 * decides, in the services). A key with scopes may call a REST operation only when the operation carries
 * {@link RequiresScope} naming one of them; GraphQL is refused to it outright for now, since one GraphQL request
 * can reach any part of the schema. Either refusal is a 403 naming what the operation needs.
 */
@ApplicationScoped
public class KeyScopeCheck {
    private static final String GRAPHQL = "/graphql";
    /** Public (see application.properties): a scoped key sent along changes nothing there. */
    private static final String GRAPHQL_SCHEMA = "/graphql/schema.graphql";

    /** The scope each resource method needs, empty for full access; resolved once per method. */
    private final Map<Method, Optional<ApiScope>> required = new ConcurrentHashMap<>();

    /** REST: runs after the operation is matched, before anything else of it (authorization priority). */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Optional<Response> restOperation(ResourceInfo resource, RoutingContext http) {
        Set<ApiScope> scopes = scopesOf(http);
        if (scopes == null) {
            return Optional.empty();
        }
        Optional<ApiScope> needed = required.computeIfAbsent(resource.getResourceMethod(),
                method -> RequiredScopes.of(method, resource.getResourceClass()));
        if (needed.isPresent() && scopes.contains(needed.get())) {
            return Optional.empty();
        }
        String what = "this operation needs " + needed.map(ApiScope::value).orElse("full access");
        return Optional.of(ProblemMapper.toResponse(refusal(scopes, what)));
    }

    /** GraphQL is served by a Vert.x route, not Quarkus REST: a route filter that runs after authorization. */
    void registerGraphQLCheck(@Observes Filters filters) {
        filters.register(this::graphql, SecurityHandlerPriorities.AUTHORIZATION - 1);
    }

    private void graphql(RoutingContext http) {
        String path = http.normalizedPath();
        boolean graphql = path.equals(GRAPHQL) || path.startsWith(GRAPHQL + "/") && !path.equals(GRAPHQL_SCHEMA);
        Set<ApiScope> scopes = graphql ? scopesOf(http) : null;
        if (scopes == null) {
            http.next();
            return;
        }
        ApiProblem problem = refusal(scopes, "GraphQL needs full access");
        http.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(problem)));
    }

    /**
     * The key's scopes, or null for a key with every right of its role (and for anonymous requests). The identity is
     * on the routing context by the time either check runs: authentication is proactive, and every /api and /graphql
     * path requires it (application.properties), so it is resolved before routes and filters below authorization.
     */
    static Set<ApiScope> scopesOf(RoutingContext http) {
        if (http.user() instanceof QuarkusHttpUser user) {
            return scopesOf(user.getSecurityIdentity());
        }
        return null;
    }

    /** The scopes of the key behind an identity; null for a key with every right of its role, or no key. */
    public static Set<ApiScope> scopesOf(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ApiKeyIdentityProvider.SCOPES);
    }

    private static ApiProblem refusal(Set<ApiScope> scopes, String what) {
        return ApiProblem.forbidden("This key is limited to [" + String.join(", ", ApiScope.names(scopes)) + "]; "
                + what);
    }
}
