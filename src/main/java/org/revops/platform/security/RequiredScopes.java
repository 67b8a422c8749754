package org.revops.platform.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import org.eclipse.microprofile.graphql.Query;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Which scope a REST resource method or a GraphQL root field needs: its own {@link RequiresScope}, else its class's;
 * {@code value} when set, else {@code read} for GET/HEAD and GraphQL queries, {@code write} for the other methods and
 * mutations. Shared by the check at request time and the
 * contract, so what is published is what is enforced.
 */
public final class RequiredScopes {
    private RequiredScopes() {
    }

    /**
     * The scope, empty when neither the method nor its class declares one (only keys without scopes may call it).
     *
     * @throws IllegalStateException when the declaration names no {@link ApiScope}: a typo must not close an
     *                               operation silently
     */
    public static Optional<ApiScope> of(Method method, Class<?> resourceClass) {
        RequiresScope annotation = method.getAnnotation(RequiresScope.class);
        if (annotation == null) {
            annotation = resourceClass.getAnnotation(RequiresScope.class);
        }
        if (annotation == null) {
            return Optional.empty();
        }
        boolean read = method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(HEAD.class)
                || method.isAnnotationPresent(Query.class);
        String name = !annotation.value().isEmpty() ? annotation.value() : read ? annotation.read() : annotation.write();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ApiScope.find(name).orElseThrow(() -> new IllegalStateException(
                "@RequiresScope(\"" + name + "\") on " + method + " names no ApiScope")));
    }
}
