package org.revops.platform.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents {@code Idempotency-Key} once, as a shared parameter and response header, and refers to them from every
 * POST operation, so that the contract says what {@link IdempotencyFilters} does for all of them.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApi implements OASFilter {
    private static final String PARAMETER = "IdempotencyKey";
    private static final String HEADER = "IdempotentReplayed";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getComponents().addParameter(PARAMETER, OASFactory.createParameter()
                .name(IdempotencyKey.HEADER).in(Parameter.In.HEADER).required(false)
                .description("""
                        Makes a retry safe: 1-255 printable ASCII characters, unique per request (a UUID). The first \
                        response (2xx or 4xx) is kept for 24 h; a retry with the same key, method, path and body by \
                        the same user gets it back with `Idempotent-Replayed: true` instead of running again. The \
                        same key with another request is 422 (`idempotency-key-reused`); a retry while the first \
                        request still runs waits briefly, then gets 409 (`idempotency-key-in-progress`). 5xx \
                        responses are not kept: the retry runs. Keys are per workspace.""")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)
                        .pattern("^[\\x20-\\x7E]+$"))
                .example("6f1f0c2e-5a7b-4c1e-9d0a-2b8e4f7c3a91"));
        openAPI.getComponents().addHeader(HEADER, OASFactory.createHeader()
                .description("`true` when this is the stored response to an earlier request with the same "
                        + "Idempotency-Key; absent otherwise.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")));
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            var post = item.getOperations().get(PathItem.HttpMethod.POST);
            // a @StreamedBody upload refuses the header (its body is not kept), so its contract does not offer it
            if (post == null || "createImport".equals(post.getOperationId())) {
                return;
            }
            post.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + PARAMETER));
            if (post.getResponses() != null && post.getResponses().getAPIResponses() != null) {
                post.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        response.addHeader(IdempotencyKey.REPLAYED_HEADER,
                                OASFactory.createHeader().ref("#/components/headers/" + HEADER));
                    }
                });
            }
        });
    }
}
