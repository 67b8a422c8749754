package org.revops.platform.ratelimit;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.revops.platform.error.Problem;

/**
 * Documents what {@link RateLimitGate} does for every operation: one shared 429 response, with the
 * {@code RateLimit-*} and {@code Retry-After} headers, referred to from each operation under /api.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class RateLimitOpenApi implements OASFilter {
    private static final String RESPONSE = "RateLimited";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getComponents().addResponse(RESPONSE, OASFactory.createAPIResponse()
                .description("""
                        The API key made its limit of requests this minute (its own `rateLimitPerMinute`, or the \
                        service default). Every answer to a request with an API key carries the same `RateLimit-*` \
                        headers, so a client can slow down before it gets here.""")
                .addHeader("Retry-After", header("Seconds until the limit resets."))
                .addHeader(RateLimitGate.LIMIT, header("Requests per minute the key may make."))
                .addHeader(RateLimitGate.REMAINING, header("Requests left in the current minute."))
                .addHeader(RateLimitGate.RESET, header("Seconds until the current minute's count starts again."))
                .addHeader(RateLimitGate.POLICY, OASFactory.createHeader().description("`<limit>;w=60`.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")))));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getResponses() != null) {
                    operation.getResponses().addAPIResponse("429",
                            OASFactory.createAPIResponse().ref("#/components/responses/" + RESPONSE));
                }
            });
        });
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }
}
