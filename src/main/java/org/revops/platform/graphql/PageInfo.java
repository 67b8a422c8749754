package org.revops.platform.graphql;

import org.eclipse.microprofile.graphql.NonNull;

/** Relay page info of every GraphQL connection. */
public record PageInfo(@NonNull boolean hasNextPage, String endCursor) {
}
