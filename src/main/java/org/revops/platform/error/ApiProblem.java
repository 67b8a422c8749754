package org.revops.platform.error;

import java.util.List;

/**
 * The one exception that business code throws to answer a client with an RFC 9457 problem.
 * The {@code type} is a stable, documented slug; clients branch on it, never on {@code detail}.
 */
public class ApiProblem extends RuntimeException {
    public static final String TYPE_BASE = "https://revops.dev/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ApiProblem badRequest(String detail, List<FieldError> errors) {
        return new ApiProblem(400, "bad-request", "Malformed request", detail, errors);
    }

    public static ApiProblem badRequest(String field, String message) {
        return badRequest(message, List.of(new FieldError(field, message)));
    }

    public static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(401, "unauthenticated", "Authentication required", detail, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail, null);
    }

    /** Also used for records of another workspace or outside the caller's visibility: both look the same. */
    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "not-found", "Not found", what + " not found", null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "conflict", "Conflict", detail, null);
    }

    /** A conflict caused by one field's value (a duplicate code, say), so that clients can point at the field. */
    public static ApiProblem conflict(String field, String message) {
        return new ApiProblem(409, "conflict", "Conflict", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ApiProblem stale(long currentVersion) {
        return new ApiProblem(412, "stale-version", "Precondition failed",
                "The record has changed: current version is " + currentVersion + ". Read it again and retry.", null);
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(422, "validation", "Validation failed",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_BASE + type;
    }

    public String slug() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
