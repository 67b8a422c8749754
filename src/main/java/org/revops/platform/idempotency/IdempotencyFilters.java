package org.revops.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.ProblemMapper;
import org.revops.platform.security.Caller;
import org.revops.platform.security.CurrentCaller;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code Idempotency-Key} on every REST POST: the request filter claims the key (or answers with the stored response,
 * 422 or 409 without running the resource), the response filter stores what the resource answered. A POST without
 * the header, and every other method, passes untouched, with no database round trip.
 */
public class IdempotencyFilters {
    private static final Logger LOG = Logger.getLogger(IdempotencyFilters.class);
    private static final String CLAIM = "revops.idempotency.claim";
    private static final byte[] EMPTY = new byte[0];

    private final IdempotencyStore store;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    public IdempotencyFilters(IdempotencyStore store, SecurityIdentity identity, ObjectMapper json) {
        this.store = store;
        this.identity = identity;
        this.json = json;
    }

    /** Runs after the body has been buffered (hence {@link WithFormRead}), so the body's hash is part of the key. */
    @ServerRequestFilter
    @WithFormRead
    public Uni<Response> claim(ContainerRequestContext request, ResourceInfo resource) {
        String header = request.getHeaderString(IdempotencyKey.HEADER);
        if (header == null || !"POST".equals(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(StreamedBody.class)) {
            return Uni.createFrom().item(ProblemMapper.toResponse(ApiProblem.badRequest(IdempotencyKey.HEADER,
                    "is not accepted here: the body is streamed, not kept, so a retry cannot be recognised by it")));
        }
        Caller caller = CurrentCaller.of(identity);
        if (caller == null) {
            return Uni.createFrom().nullItem(); // unauthenticated: the 401 comes first, nothing is stored
        }
        IdempotencyKey key;
        byte[] body;
        try {
            key = new IdempotencyKey(header);
            body = body(request);
        } catch (ApiProblem problem) {
            return Uni.createFrom().item(ProblemMapper.toResponse(problem));
        }
        String pathAndQuery = request.getUriInfo().getRequestUri().getRawPath()
                + (request.getUriInfo().getRequestUri().getRawQuery() == null ? ""
                : "?" + request.getUriInfo().getRequestUri().getRawQuery());
        String fingerprint = RequestFingerprint.of("POST", pathAndQuery, body);
        return store.claim(caller, key, fingerprint).map(claim -> {
            if (claim instanceof Claim.Won won) {
                request.setProperty(CLAIM, won);
                return null;
            }
            return answer(claim);
        });
    }

    /** The response that a claim other than {@link Claim.Won} gives instead of running the request. */
    static Response answer(Claim claim) {
        if (claim instanceof Claim.Replay replay) {
            return replay(replay.response());
        }
        if (claim instanceof Claim.OtherRequest other) {
            return ProblemMapper.toResponse(other.problem());
        }
        return ProblemMapper.toResponse(((Claim.InProgress) claim).problem());
    }

    @ServerResponseFilter
    public Uni<Void> store(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim.Won won)) {
            return Uni.createFrom().voidItem();
        }
        request.removeProperty(CLAIM);
        StoredResponse stored;
        try {
            stored = new StoredResponse(response.getStatus(), contentType(response),
                    response.getHeaderString(HttpHeaders.LOCATION), response.getHeaderString(HttpHeaders.ETAG),
                    bytes(response.getEntity()));
        } catch (JsonProcessingException e) {
            LOG.warnf(e, "Cannot keep the response for idempotency key %s; released", won.key());
            return store.release(won);
        }
        // a failure to store must not turn the client's successful answer into an error: the key is then released
        // when its lease runs out, and a retry runs again
        return store.complete(won, stored).onFailure().invoke(failure ->
                LOG.errorf(failure, "Cannot store the response for idempotency key %s", won.key()))
                .onFailure().recoverWithNull();
    }

    static Response replay(StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status())
                .header(IdempotencyKey.REPLAYED_HEADER, "true");
        if (stored.body().length > 0) {
            builder.entity(stored.body());
        }
        if (stored.contentType() != null) {
            builder.header(HttpHeaders.CONTENT_TYPE, stored.contentType());
        }
        if (stored.location() != null) {
            builder.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            builder.header(HttpHeaders.ETAG, stored.etag());
        }
        return builder.build();
    }

    /**
     * The buffered body. An endpoint that reads no body gets no buffering: its body, if any, is left unread (it
     * does not change what the request means) rather than read blocking on the event loop.
     */
    private static byte[] body(ContainerRequestContext request) {
        InputStream in = request.getEntityStream();
        if (in == null || !(in instanceof ByteArrayInputStream || !Context.isOnEventLoopThread())) {
            return EMPTY;
        }
        try {
            byte[] bytes = in.readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(bytes));
            return bytes;
        } catch (IOException e) {
            throw ApiProblem.badRequest("body", "could not be read: " + e.getMessage());
        }
    }

    private byte[] bytes(Object entity) throws JsonProcessingException {
        if (entity == null) {
            return EMPTY;
        }
        if (entity instanceof byte[] raw) {
            return raw;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return json.writeValueAsBytes(entity);
    }

    private static String contentType(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null) {
            return type.toString();
        }
        return response.getEntity() == null ? null : MediaType.APPLICATION_JSON;
    }
}
