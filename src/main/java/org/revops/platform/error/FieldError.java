package org.revops.platform.error;

/** One problem with one field of a request, as it appears in a problem+json {@code errors[]} entry. */
public record FieldError(String field, String message) {
}
