package org.revops.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;
import org.revops.territory.rules.RuleInvalidException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns any throwable into an {@link ApiProblem}: the single translation used by the REST mapper and the
 * GraphQL error adapter, so both doors speak the same error language.
 */
public final class Problems {
    private static final Logger LOG = Logger.getLogger(Problems.class);

    private Problems() {
    }

    public static ApiProblem from(Throwable failure) {
        ApiProblem generic = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ApiProblem known = translate(t);
            // a framework's WebApplicationException often wraps the precise cause (a JSON parse error, say)
            if (known != null && t instanceof WebApplicationException && t.getCause() != null) {
                generic = generic == null ? known : generic;
            } else if (known != null) {
                return known;
            }
        }
        if (generic != null) {
            return generic;
        }
        LOG.error("Unexpected failure", failure);
        return new ApiProblem(500, "internal", "Internal error",
                "Something went wrong on our side. It has been logged.", null);
    }

    private static ApiProblem translate(Throwable t) {
        if (t instanceof ApiProblem p) {
            return p;
        }
        if (t instanceof RuleInvalidException rule) {
            // a territory rule that does not compile: each problem names its place in the request body
            return ApiProblem.invalid(rule.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList());
        }
        if (t instanceof ConstraintViolationException cve) {
            return ApiProblem.invalid(fieldErrors(cve.getConstraintViolations()));
        }
        if (t instanceof UnrecognizedPropertyException upe) {
            String field = path(upe);
            return ApiProblem.badRequest("Unknown field '" + field + "'",
                    List.of(new FieldError(field, "unknown field")));
        }
        if (t instanceof InvalidFormatException ife) {
            String field = path(ife);
            return ApiProblem.badRequest("Field '" + field + "' has the wrong type or format",
                    List.of(new FieldError(field, "cannot be read as " + apiType(ife.getTargetType())
                            + ": " + echo(ife.getValue()))));
        }
        if (t instanceof MismatchedInputException mie) {
            String field = path(mie);
            String expected = apiType(mie.getTargetType());
            return ApiProblem.badRequest("Field '" + field + "' has the wrong type",
                    List.of(new FieldError(field.isEmpty() ? "body" : field, "expected " + expected)));
        }
        if (t instanceof ValueInstantiationException vie && !path(vie).isEmpty()) {
            // a @JsonCreator refused the value (an unknown Role, say): name the field, not "malformed JSON"
            String field = path(vie);
            // only a refusal the code wrote itself is worth repeating; anything else may name internals
            String reason = vie.getCause() instanceof IllegalArgumentException refusal && refusal.getMessage() != null
                    ? refusal.getMessage() : "invalid value";
            return ApiProblem.badRequest("Field '" + field + "' has an invalid value",
                    List.of(new FieldError(field, reason)));
        }
        if (t instanceof JsonProcessingException) {
            return ApiProblem.badRequest("The body is not valid JSON", List.of(new FieldError("body", "malformed JSON")));
        }
        if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
            return ApiProblem.unauthenticated("Send 'Authorization: Bearer <api key>'");
        }
        if (t instanceof ForbiddenException) {
            return ApiProblem.forbidden("Your role may not do this");
        }
        if (isStaleVersion(t)) {
            return new ApiProblem(412, "stale-version", "Precondition failed",
                    "The record was changed by someone else. Read it again and retry.", null);
        }
        if (t instanceof PgException pg) {
            return fromDatabase(pg.getSqlState(), pg.getConstraint());
        }
        // Hibernate Reactive reports a failed entity write as a JDBCException around a java.sql.SQLException,
        // without the PgException: read the SQL state from it so that constraint violations stay 409/422.
        if (t instanceof JDBCException jdbc) {
            return fromDatabase(jdbc.getSQLState(),
                    jdbc instanceof org.hibernate.exception.ConstraintViolationException cve ? cve.getConstraintName() : null);
        }
        if (t instanceof WebApplicationException wae && wae.getResponse() != null) {
            int status = wae.getResponse().getStatus();
            if (status < 500) {
                return new ApiProblem(status, slugFor(status), wae.getResponse().getStatusInfo().getReasonPhrase(),
                        wae.getMessage(), null);
            }
        }
        return null;
    }

    private static boolean isStaleVersion(Throwable t) {
        String name = t.getClass().getName();
        return name.endsWith("StaleObjectStateException") || name.endsWith("OptimisticLockException");
    }

    /**
     * The database's last word on a write the services did not catch first. Constraint names stay in the log, not
     * in the answer: they are the schema's internals (the services check the rules a client can act on and name
     * the field themselves).
     */
    private static ApiProblem fromDatabase(String code, String constraint) {
        if (constraint != null) {
            LOG.debugf("write refused by constraint %s (%s)", constraint, code);
        }
        return switch (code == null ? "" : code) {
            case "23505" -> ApiProblem.conflict("A record with the same unique value already exists");
            case "23503" -> ApiProblem.conflict("The record is referenced by other records or references a missing one");
            case "23514", "23502", "22001", "22003" -> ApiProblem.invalid("body", "violates a data rule");
            case "40001", "40P01" -> ApiProblem.conflict("Concurrent change; retry the request");
            default -> null;
        };
    }

    /** How a Java target type reads in a message to an API client: the JSON notion, never a class name. */
    static String apiType(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "an ISO-8601 timestamp";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** The client's own value, repeated back short: a megabyte of input is not echoed. */
    private static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private static String slugFor(int status) {
        return switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    public static List<FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            errors.add(new FieldError(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors;
    }

    /**
     * Drops the method and parameter nodes that method validation puts in front of the bean path, and keeps list
     * indexes ({@code stages[1].probability}) so a client can tell which element is wrong.
     */
    private static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        boolean sawParameter = false;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, RETURN_VALUE -> { }
                case PARAMETER -> sawParameter = true;
                default -> {
                    // the index of an element sits on the node after the list: stages, [1] probability
                    if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                    }
                    names.add(node.getName());
                }
            }
        }
        String joined = String.join(".", names);
        return joined.isEmpty() && sawParameter ? "body" : joined;
    }
}
