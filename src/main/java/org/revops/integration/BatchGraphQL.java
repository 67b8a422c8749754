package org.revops.integration;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import org.revops.integration.BatchDtos.Payload;
import org.revops.integration.BatchDtos.Result;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.Caller;

import java.util.List;

/** The GraphQL side of every batch upsert mutation: input records as merge patches, the payload, userErrors. */
public final class BatchGraphQL {
    private BatchGraphQL() {
    }

    public static Uni<Payload> upsert(BatchUpsert<?, ?, ?> engine, Caller caller, Boolean atomic, List<?> records) {
        List<JsonNode> nodes = records == null ? List.of()
                : records.stream().map(r -> (JsonNode) GraphQLSupport.patchOf(r)).toList();
        return GraphQLSupport.payload(() -> engine.upsert(caller, Boolean.TRUE.equals(atomic), nodes),
                (Result result, List<UserError> errors) -> new Payload(result,
                        result == null || result.applied() ? errors : List.of(new UserError(null,
                                result.counts().error() + (result.counts().error() == 1 ? " record is" : " records are")
                                        + " invalid; the batch is atomic, so nothing was written"))));
    }
}
