package org.revops.platform.security;

import org.junit.jupiter.api.Test;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiScopeTest {

    @Test
    void absentScopesMeanEveryRightOfTheRole() {
        assertNull(ApiScope.parse(null, "scopes"));
        assertNull(ApiScope.names(null));
    }

    @Test
    void knownScopesParseAndDuplicatesCollapse() {
        Set<ApiScope> scopes = ApiScope.parse(List.of("forecast:read", "forecast:read"), "scopes");
        assertEquals(Set.of(ApiScope.FORECAST_READ), scopes);
        assertEquals(List.of("forecast:read"), ApiScope.names(scopes));
    }

    @Test
    void everyBadEntryIsNamedByItsIndex() {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> ApiScope.parse(Arrays.asList("nope", "forecast:read", null), "scopes"));
        assertEquals(422, problem.status());
        assertEquals(List.of("scopes[0]", "scopes[2]"), problem.errors().stream().map(FieldError::field).toList());
        assertTrue(problem.errors().get(0).message().contains("known scopes: accounts:read, accounts:write"));
    }

    @Test
    void anEmptyListIsRefused() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> ApiScope.parse(List.of(), "scopes"));
        assertEquals("scopes", problem.errors().get(0).field());
    }

    @Test
    void storedScopesKeepWhatIsStillKnownAndNothingElse() {
        assertNull(ApiScope.stored(null));
        assertEquals(Set.of(ApiScope.LEADS_READ, ApiScope.WEBHOOKS_ADMIN),
                ApiScope.stored(new String[] {"leads:read", "retired:read", "webhooks:manage"}));
        assertEquals(Set.of(), ApiScope.stored(new String[] {"retired:read"}), "grants nothing, not everything");
    }

    @Test
    void theRetiredWebhooksManageNameIsWebhooksAdmin() {
        assertEquals(ApiScope.WEBHOOKS_ADMIN, ApiScope.find("webhooks:manage").orElseThrow());
        assertEquals(List.of("webhooks:admin"), ApiScope.names(ApiScope.parse(List.of("webhooks:manage"), "scopes")));
    }

    /** Every GraphQL root field names its scope, so scoped keys can use GraphQL as they use REST. */
    @Test
    void everyGraphQLRootFieldNeedsAScope() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<String> undeclared = new ArrayList<>();
        int fields = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith("GraphQL.class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(org.eclipse.microprofile.graphql.Query.class)
                            || method.isAnnotationPresent(org.eclipse.microprofile.graphql.Mutation.class)) {
                        fields++;
                        if (RequiredScopes.of(method, type).isEmpty()) {
                            undeclared.add(name + "." + method.getName());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), undeclared);
        assertTrue(fields > 100, "root fields found: " + fields);
    }

    /** A typo in {@code @RequiresScope} would close the operation to every scoped key: catch it here instead. */
    @Test
    void everyRequiresScopeNamesAKnownScope() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<String> bad = new ArrayList<>();
        int annotated = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                List<RequiresScope> found = new ArrayList<>();
                if (type.isAnnotationPresent(RequiresScope.class)) {
                    found.add(type.getAnnotation(RequiresScope.class));
                }
                for (Method method : type.getDeclaredMethods()) {
                    if (method.isAnnotationPresent(RequiresScope.class)) {
                        found.add(method.getAnnotation(RequiresScope.class));
                    }
                }
                for (RequiresScope scope : found) {
                    annotated++;
                    for (String named : List.of(scope.value(), scope.read(), scope.write())) {
                        if (!named.isEmpty() && ApiScope.find(named).isEmpty()) {
                            bad.add(name + ": " + named);
                        }
                    }
                    if (scope.value().isEmpty() && (scope.read().isEmpty() || scope.write().isEmpty())) {
                        bad.add(name + ": names neither a scope nor both read and write");
                    }
                }
            }
        }
        assertEquals(List.of(), bad);
        assertTrue(annotated >= 2, "the forecast calendar's operations carry @RequiresScope");
    }
}
