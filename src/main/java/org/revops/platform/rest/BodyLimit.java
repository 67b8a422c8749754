package org.revops.platform.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.Problem;

/**
 * Two body limits: {@code quarkus.http.limits.max-body-size} is the largest upload (a CSV import streamed into the
 * database, hundreds of megabytes), while every other request — JSON and GraphQL bodies, which are buffered whole —
 * stays under {@code revops.http.max-request-body}. Vert.x has one limit for all routes, so this filter, in front of
 * every route, answers 413 problem+json to a declared Content-Length above the smaller limit on any other request.
 * A chunked request (no Content-Length) is held to the upload limit only.
 */
@ApplicationScoped
public class BodyLimit {
    /** The one endpoint whose body is streamed, not buffered. */
    static final String UPLOAD_PATH = "/api/v1/imports";

    @ConfigMapping(prefix = "revops.http")
    public interface Config {
        /** The largest body of a request that is buffered whole (every request but an import upload). */
        @WithDefault("32M")
        MemorySize maxRequestBody();
    }

    private final Config config;
    private final ObjectMapper json;

    public BodyLimit(Config config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, 100);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = config.maxRequestBody().asLongValue();
        if (length == null || isUpload(context)) {
            context.next();
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            context.next(); // the HTTP server refuses a malformed Content-Length itself
            return;
        }
        if (declared <= limit) {
            context.next();
            return;
        }
        ApiProblem problem = new ApiProblem(413, "too-large", "Request too large", "The body has " + declared
                + " bytes; at most " + limit + " are accepted here (a CSV import takes large files)", null);
        try {
            // the unread body would follow on this connection: close it once the answer is out
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(Problem.of(problem)))
                    .onComplete(sent -> context.request().connection().close());
        } catch (Exception e) {
            context.fail(413);
        }
    }

    private static boolean isUpload(RoutingContext context) {
        return context.request().method() == HttpMethod.POST && UPLOAD_PATH.equals(context.normalizedPath());
    }
}
