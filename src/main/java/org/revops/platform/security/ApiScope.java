package org.revops.platform.security;

import com.fasterxml.jackson.annotation.JsonValue;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes an API key may be narrowed to, named {@code <resource>:<verb>}. A key without scopes has every right of
 * its role; a key with scopes may call only the operations marked {@link RequiresScope} with one of them, and still
 * within its role (a rep's {@code forecast:read} key reads the rep's forecast, not the workspace's).
 * A new scope is a new constant here plus {@code @RequiresScope} on the operations it opens.
 */
public enum ApiScope {
    FORECAST_READ("forecast:read", "Read forecasts and the fiscal calendar"),
    CHANGES_READ("changes:read", "Read the change feed (GET /api/v1/changes)"),
    WEBHOOKS_MANAGE("webhooks:manage", "Manage webhook subscriptions and their deliveries (/api/v1/webhooks, "
            + "/api/v1/webhook-deliveries)");

    private final String value;
    private final String description;

    ApiScope(String value, String description) {
        if (!value.matches("[a-z][a-z-]*:[a-z][a-z-]*")) {
            throw new IllegalArgumentException("a scope is named <resource>:<verb>: " + value);
        }
        this.value = value;
        this.description = description;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    public static Optional<ApiScope> find(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** The known names, for messages: {@code forecast:read, …}. */
    public static String known() {
        return Arrays.stream(values()).map(ApiScope::value).collect(Collectors.joining(", "));
    }

    /**
     * The scopes a client asked for: null stays null (every right of the role); an empty list, a null entry or an
     * unknown name is a 422 whose errors name each bad entry ({@code scopes[1]}). Duplicates collapse.
     */
    public static Set<ApiScope> parse(List<String> names, String field) {
        if (names == null) {
            return null;
        }
        if (names.isEmpty()) {
            throw ApiProblem.invalid(field, "must name at least one scope; leave it out for every right of the role");
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<ApiScope> scope = find(name);
            if (scope.isPresent()) {
                scopes.add(scope.get());
            } else {
                errors.add(new FieldError(field + "[" + i + "]", name == null ? "must be a scope name"
                        : "unknown scope '" + name + "'; known scopes: " + known()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return scopes;
    }

    /** How a key's scopes read in messages and in the API: their names, in declaration order. */
    public static List<String> names(Set<ApiScope> scopes) {
        return scopes == null ? null : scopes.stream().sorted().map(ApiScope::value).toList();
    }
}
