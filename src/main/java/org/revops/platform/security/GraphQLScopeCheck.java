package org.revops.platform.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.execution.event.InvokeInfo;
import io.smallrye.graphql.spi.EventingService;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds scoped API keys to their scopes on GraphQL: before a root query or mutation runs, its method's
 * {@link RequiresScope} (or its class's: {@code read} for queries, {@code write} for mutations) must name one of the
 * key's scopes, else the field fails with the same 403 problem as REST (an entry in {@code errors}, the other fields
 * of the request still answer). Nested fields ride on their root's check: a key that may read opportunities reads
 * their account through them. Keys without scopes pass untouched. A SmallRye GraphQL eventing service (registered in
 * META-INF/services), since it sees the Java method each field runs; always on (no config key).
 */
public class GraphQLScopeCheck implements EventingService {
    private static final Map<Method, Optional<ApiScope>> REQUIRED = new ConcurrentHashMap<>();

    @Override
    public String getConfigKey() {
        return null;
    }

    @Override
    public void beforeInvoke(InvokeInfo invoke) {
        Method method = invoke.getOperationMethod();
        boolean query = method.isAnnotationPresent(Query.class);
        if (!query && !method.isAnnotationPresent(Mutation.class)) {
            return;
        }
        Set<ApiScope> scopes = KeyScopeCheck.scopesOf(Arc.container().instance(SecurityIdentity.class).get());
        if (scopes == null) {
            return;
        }
        Optional<ApiScope> needed = REQUIRED.computeIfAbsent(method,
                m -> RequiredScopes.of(m, m.getDeclaringClass()));
        if (needed.isEmpty() || !scopes.contains(needed.get())) {
            throw KeyScopeCheck.refusal(scopes, "this field needs " + needed.map(ApiScope::value).orElse("full access"));
        }
    }
}
