package org.revops.platform.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes the scope each REST operation needs as {@code x-required-scope}, resolved by {@link RequiredScopes} from
 * the same annotations {@link KeyScopeCheck} enforces. An operation without one gets no extension, and ScopeMatrixTest,
 * which reads the committed contract, fails on it; a {@code @RequiresScope} naming no scope fails the build here.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ScopeOpenApi implements OASFilter {
    public static final String EXTENSION = "x-required-scope";
    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");

    /** operationId → the scope it needs, for every resource method that declares an operation id. */
    private final Map<String, String> scopes = new HashMap<>();

    public ScopeOpenApi(IndexView index) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        index.getAnnotations(PATH).stream()
                .filter(path -> path.target().kind() == AnnotationTarget.Kind.CLASS)
                .map(path -> path.target().asClass().name().toString())
                .distinct()
                .forEach(name -> collect(load(name, loader)));
    }

    private void collect(Class<?> resource) {
        for (Method method : resource.getDeclaredMethods()) {
            Operation operation = method.getAnnotation(Operation.class);
            if (operation != null && !operation.operationId().isEmpty()) {
                if (resource.isAnnotationPresent(PlatformOnly.class)) {
                    scopes.put(operation.operationId(), PlatformAdmin.ROLE);
                    continue;
                }
                Optional<ApiScope> scope = RequiredScopes.of(method, resource);
                scope.ifPresent(s -> scopes.put(operation.operationId(), s.value()));
            }
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            String scope = scopes.get(operation.getOperationId());
            if (scope != null) {
                operation.addExtension(EXTENSION, scope);
            }
        }));
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("resource class " + name + " is indexed but cannot be loaded", e);
        }
    }
}
