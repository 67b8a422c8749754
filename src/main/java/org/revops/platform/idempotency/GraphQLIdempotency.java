package org.revops.platform.idempotency;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.Problem;
import org.revops.platform.security.Caller;
import org.revops.platform.security.CurrentCaller;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code Idempotency-Key} on GraphQL mutations (POST /graphql): the same claim, replay, 422 and 409 as REST POSTs
 * (see {@link IdempotencyFilters}). Two routes sit just in front of the GraphQL endpoint and after authentication:
 * the first reads the body of keyed requests only; the second takes keyed mutations and lets everything else (no
 * key, a query) through to the endpoint untouched, with no database round trip.
 */
@ApplicationScoped
public class GraphQLIdempotency {
    private static final Logger LOG = Logger.getLogger(GraphQLIdempotency.class);
    private static final String PATH = "/graphql";
    private static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

    private final IdempotencyStore store;
    private final GraphQLExecution execution;
    private final long maxBodySize;

    public GraphQLIdempotency(IdempotencyStore store, CurrentIdentityAssociation identities,
                              CurrentVertxRequest currentRequest,
                              @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
                              MemorySize maxBodySize) {
        this.store = store;
        this.execution = new GraphQLExecution(identities, currentRequest);
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // The endpoint's own body handler sees the body already read and passes it on.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(maxBodySize);
        router.post(PATH).order(-2).handler(ctx -> {
            if (ctx.request().getHeader(IdempotencyKey.HEADER) != null) {
                body.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.post(PATH).order(-1).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader(IdempotencyKey.HEADER);
        Caller caller = header == null || !(ctx.user() instanceof QuarkusHttpUser user) ? null
                : CurrentCaller.of(user.getSecurityIdentity());
        String body = caller == null || ctx.body() == null ? null : ctx.body().asString();
        if (body == null || !isMutation(body)) {
            ctx.next(); // not keyed, not authenticated (the endpoint answers 401), or not a mutation
            return;
        }
        IdempotencyKey key;
        try {
            key = new IdempotencyKey(header);
        } catch (ApiProblem problem) {
            sendProblem(ctx, problem);
            return;
        }
        String fingerprint = RequestFingerprint.of("POST", ctx.request().uri(), ctx.body().buffer().getBytes());
        store.claim(caller, key, fingerprint).subscribe().with(claim -> {
            if (claim instanceof Claim.Won won) {
                run(ctx, won, body);
            } else if (claim instanceof Claim.Replay replay) {
                send(ctx, replay.response(), true);
            } else if (claim instanceof Claim.OtherRequest other) {
                sendProblem(ctx, other.problem());
            } else {
                sendProblem(ctx, ((Claim.InProgress) claim).problem());
            }
        }, ctx::fail);
    }

    private void run(RoutingContext ctx, Claim.Won won, String body) {
        String contentType = contentType(ctx);
        execution.execute(ctx, body, (response, failure) -> {
            if (failure != null) {
                store.release(won).subscribe().with(ignored -> ctx.fail(failure), ignored -> ctx.fail(failure));
                return;
            }
            StoredResponse stored = stored(response, contentType);
            store.complete(won, stored).subscribe().with(ignored -> send(ctx, stored, false), storeFailure -> {
                LOG.errorf(storeFailure, "Cannot store the response for idempotency key %s", won.key());
                send(ctx, stored, false);
            });
        });
    }

    /** As the endpoint answers: 500 with no body when execution was aborted without data, else 200 with the result. */
    private static StoredResponse stored(ExecutionResponse response, String contentType) {
        ExecutionResult result = response.getExecutionResult();
        boolean aborted = !result.isDataPresent() && !result.getErrors().isEmpty()
                && result.getErrors().stream().anyMatch(e -> ErrorType.ExecutionAborted.equals(e.getErrorType()));
        if (aborted) {
            return new StoredResponse(500, null, null, null, new byte[0]);
        }
        return new StoredResponse(200, contentType, null, null,
                response.getExecutionResultAsString().getBytes(StandardCharsets.UTF_8));
    }

    private static String contentType(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(GRAPHQL_RESPONSE_JSON) ? GRAPHQL_RESPONSE_JSON + "; charset=utf-8"
                : "application/json; charset=utf-8";
    }

    /** The operation that will run is a mutation (the named one, or the document's only operation). */
    static boolean isMutation(String body) {
        try {
            JsonObject request = new JsonObject(body);
            String query = request.getString("query");
            if (query == null) {
                return false;
            }
            String name = request.getString("operationName");
            Document document = Parser.parse(query);
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            return operations.stream()
                    .filter(op -> name == null ? operations.size() == 1 : name.equals(op.getName()))
                    .anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION);
        } catch (RuntimeException unparseable) {
            return false; // the endpoint answers malformed requests itself
        }
    }

    private static void send(RoutingContext ctx, StoredResponse stored, boolean replayed) {
        var response = ctx.response().setStatusCode(stored.status());
        if (replayed) {
            response.putHeader(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        if (stored.contentType() != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, stored.contentType());
        }
        response.end(io.vertx.core.buffer.Buffer.buffer(stored.body()));
    }

    private static void sendProblem(RoutingContext ctx, ApiProblem problem) {
        ctx.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(problem)));
    }
}
