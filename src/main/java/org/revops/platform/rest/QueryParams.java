package org.revops.platform.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.paging.ValueType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The query string of a report endpoint (not a paged list: those use {@link org.revops.platform.paging.ListRequest}),
 * read with the same value types and messages as list filters. Every problem is collected, and {@link #check()}
 * answers them together as one 400: unknown parameters, values that do not parse, a single-valued parameter given
 * twice, a required one missing.
 *
 * <pre>{@code
 * QueryParams q = QueryParams.of(uri, "pipelineId", "from", "to");
 * UUID pipeline = q.requiredUuid("pipelineId");
 * LocalDate from = q.date("from");
 * q.check();
 * }</pre>
 * JAX-RS {@code @QueryParam} of a typed parameter would answer 404 for a value that does not convert; reading the
 * text here keeps it a 400 that names the parameter.
 */
public final class QueryParams {
    private final MultivaluedMap<String, String> query;
    private final List<FieldError> errors = new ArrayList<>();

    private QueryParams(MultivaluedMap<String, String> query, Set<String> known) {
        this.query = query;
        for (String name : new TreeSet<>(query.keySet())) {
            if (!known.contains(name)) {
                errors.add(new FieldError(name, "unknown parameter; known: " + String.join(", ", known)));
            }
        }
    }

    /** The query of this request, where only {@code known} parameters are allowed (in this order in messages). */
    public static QueryParams of(UriInfo uri, String... known) {
        return new QueryParams(uri.getQueryParameters(), new java.util.LinkedHashSet<>(Arrays.asList(known)));
    }

    public UUID uuid(String name) {
        return (UUID) single(name, ValueType.UUID_, false);
    }

    public UUID requiredUuid(String name) {
        return (UUID) single(name, ValueType.UUID_, true);
    }

    public LocalDate date(String name) {
        return (LocalDate) single(name, ValueType.DATE, false);
    }

    public Integer integer(String name) {
        return (Integer) single(name, ValueType.INTEGER, false);
    }

    public String text(String name) {
        return (String) single(name, ValueType.TEXT, false);
    }

    /** One of {@code allowed} (exactly as written), or null when absent. */
    public String choice(String name, List<String> allowed) {
        String value = text(name);
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
            return null;
        }
        return value;
    }

    /** Every value of a repeatable parameter, in the order given; empty when absent. */
    public List<UUID> uuids(String name) {
        return all(name, ValueType.UUID_, UUID.class);
    }

    public List<String> texts(String name) {
        return all(name, ValueType.TEXT, String.class);
    }

    /**
     * One boolean parameter read on its own: {@code true} or {@code false}, absent = {@code fallback}, anything else a
     * 400 (JAX-RS would read "maybe" as false and go on).
     */
    public static boolean strictBoolean(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return (Boolean) ValueType.BOOLEAN.parse(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(name, e.getMessage());
        }
    }

    /** 400 listing every problem found so far; nothing when the query was fine. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : "Invalid query parameters", List.copyOf(errors));
        }
    }

    private Object single(String name, ValueType type, boolean required) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            if (required) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (values.size() > 1) {
            errors.add(new FieldError(name, "may be given once"));
            return null;
        }
        try {
            return type.parse(values.get(0));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, e.getMessage()));
            return null;
        }
    }

    private <T> List<T> all(String name, ValueType type, Class<T> kind) {
        List<String> values = query.get(name);
        if (values == null) {
            return List.of();
        }
        List<T> parsed = new ArrayList<>(values.size());
        for (String value : values) {
            try {
                parsed.add(kind.cast(type.parse(value)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(name, e.getMessage()));
                return List.of();
            }
        }
        return parsed;
    }
}
