package org.revops.platform.idempotency;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonObject;

import java.util.function.BiConsumer;

/**
 * Runs one GraphQL request the way the extension's own handler does (request context, caller identity, the same
 * execution service), but hands the result to {@code done} instead of writing it, so that a keyed mutation's
 * response can be stored before it is sent.
 */
final class GraphQLExecution extends SmallRyeGraphQLAbstractHandler {
    private static final String INPUT = "revops.idempotency.graphql-input";
    private static final String DONE = "revops.idempotency.graphql-done";

    GraphQLExecution(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest) {
        super(identities, currentRequest, false);
    }

    /** Executes {@code body}; {@code done} gets the response, or the failure when the execution could not run. */
    void execute(RoutingContext ctx, String body, BiConsumer<ExecutionResponse, Throwable> done) {
        ctx.put(INPUT, inputToJsonObject(body));
        ctx.put(DONE, done);
        handle(ctx);
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        JsonObject input = ctx.get(INPUT);
        BiConsumer<ExecutionResponse, Throwable> done = ctx.get(DONE);
        try {
            getExecutionService().executeAsync(input, getMetaData(ctx), new ExecutionResponseWriter() {
                @Override
                public void write(ExecutionResponse response) {
                    done.accept(response, null);
                }

                @Override
                public void fail(Throwable failure) {
                    done.accept(null, failure);
                }
            });
        } catch (RuntimeException failure) {
            done.accept(null, failure);
        }
    }
}
