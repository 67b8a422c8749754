package org.revops.platform.security;

import com.fasterxml.jackson.annotation.JsonValue;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes an API key may be narrowed to, named {@code <resource>:<verb>} with the verbs {@code read}, {@code write}
 * (records) and {@code admin} (configuration). A key without scopes has every right of its role; a key with scopes
 * may call only the operations whose {@link RequiresScope} names one of them, and still within its role (a rep's
 * {@code forecast:read} key reads the rep's forecast, not the workspace's). Every REST operation names exactly one
 * scope (ScopeMatrixTest holds the contract to it). A new scope is a new constant here plus {@code @RequiresScope}
 * on the operations it opens.
 */
public enum ApiScope {
    ACCOUNTS_READ("accounts:read", "Read accounts and contacts"),
    ACCOUNTS_WRITE("accounts:write", "Create, change, delete and batch-upsert accounts and contacts"),
    OPPORTUNITIES_READ("opportunities:read", "Read opportunities, their history, pipelines, close reasons and the "
            + "sales policy"),
    OPPORTUNITIES_WRITE("opportunities:write", "Create, change, close, reopen, delete and batch-upsert opportunities"),
    ACTIVITIES_READ("activities:read", "Read activities, activity targets and the follow-up queue"),
    ACTIVITIES_WRITE("activities:write", "Log, change and delete activities; set activity targets"),
    LEADS_READ("leads:read", "Read leads, their scores, duplicates, routing and the lead queue"),
    LEADS_WRITE("leads:write", "Create, change, delete, batch-upsert, score, route and convert leads"),
    LEADS_ADMIN("leads:admin", "Read and manage scoring models, predictive models and users' lead-routing settings"),
    FORECAST_READ("forecast:read", "Read forecasts, the fiscal calendar, quotas, exchange rates, adjustments and "
            + "submissions"),
    FORECAST_WRITE("forecast:write", "Submit and adjust forecasts, take snapshots"),
    FORECAST_ADMIN("forecast:admin", "Set quotas and exchange rates"),
    TERRITORIES_READ("territories:read", "Read territory models, territories, members, rules, assignments, moves"),
    TERRITORIES_ADMIN("territories:admin", "Manage territory models, territories, members and rules; run, preview "
            + "and activate realignments; assign accounts by hand"),
    ANALYTICS_READ("analytics:read", "Read the reports under /api/v1/analytics (funnel, win-loss, activity, stalled "
            + "deals, lead sources, scorecard, coverage)"),
    CHANGES_READ("changes:read", "Read the change feed (GET /api/v1/changes)"),
    WEBHOOKS_ADMIN("webhooks:admin", "Manage webhook subscriptions and their deliveries (/api/v1/webhooks, "
            + "/api/v1/webhook-deliveries). Formerly webhooks:manage, which is still accepted"),
    IMPORTS_READ("imports:read", "Read CSV imports and their errors"),
    IMPORTS_WRITE("imports:write", "Start CSV imports"),
    JOBS_READ("jobs:read", "Read background jobs (GET /api/v1/jobs)"),
    USERS_READ("users:read", "Read users"),
    WORKSPACE_READ("workspace:read", "Read the workspace's settings"),
    WORKSPACE_ADMIN("workspace:admin", "Change workspace configuration: the workspace, users, pipelines and stages, "
            + "close reasons, the sales policy"),
    API_KEYS_ADMIN("api-keys:admin", "Manage API keys. A key with this scope can only hand out keys within its own "
            + "scopes and role"),
    AUDIT_READ("audit:read", "Read the audit log (GET /api/v1/audit-events; admin keys only)");

    /** Names retired by a rename, still accepted on input and in stored keys, mapped to what they became. */
    private static final Map<String, ApiScope> ALIASES = Map.of("webhooks:manage", WEBHOOKS_ADMIN);

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

    /** The scope of a name, or of a retired name it replaced ({@code webhooks:manage} is {@code webhooks:admin}). */
    public static Optional<ApiScope> find(String value) {
        ApiScope alias = value == null ? null : ALIASES.get(value);
        if (alias != null) {
            return Optional.of(alias);
        }
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

    /**
     * A stored key's scopes: null stays null (every right of its role); a name no longer known (a scope retired after
     * the key was made) grants nothing, so the key keeps only what it still names, and with nothing left may call
     * nothing rather than gaining its role's full rights.
     */
    public static Set<ApiScope> stored(String[] names) {
        if (names == null) {
            return null;
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String name : names) {
            find(name).ifPresent(scopes::add);
        }
        return Collections.unmodifiableSet(scopes);
    }

    /** How a key's scopes read in messages and in the API: their names, in declaration order. */
    public static List<String> names(Set<ApiScope> scopes) {
        return scopes == null ? null : scopes.stream().sorted().map(ApiScope::value).toList();
    }
}
