package org.revops.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.ProblemMapper;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place that holds scoped API keys to their scopes. A key without scopes passes untouched (its role
 * decides, in the services). A key with scopes may call a REST operation only when the operation carries
 * {@link RequiresScope} naming one of them; the refusal is a 403 naming what the operation needs. GraphQL root
 * fields are held to the same annotations by {@link GraphQLScopeCheck}.
 */
@ApplicationScoped
public class KeyScopeCheck {
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

    static ApiProblem refusal(Set<ApiScope> scopes, String what) {
        return ApiProblem.forbidden("This key is limited to [" + String.join(", ", ApiScope.names(scopes)) + "]; "
                + what);
    }
}
