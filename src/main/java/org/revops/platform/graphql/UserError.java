package org.revops.platform.graphql;

import org.eclipse.microprofile.graphql.NonNull;

/** A business-rule failure of a mutation, reported in its payload rather than as a GraphQL error. */
public record UserError(String field, @NonNull String message) {
}
