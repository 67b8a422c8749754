package org.revops.platform.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.platform.rest.Csv;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.KeyScopeCheck;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.workspace.ApiKeyDtos.ApiKeyChanges;
import org.revops.platform.workspace.ApiKeyDtos.ApiKeyInput;
import org.revops.platform.workspace.ApiKeyDtos.ApiKeyRotation;
import org.revops.platform.workspace.ApiKeyDtos.ApiKeyView;

import java.util.UUID;

@RequiresScope("api-keys:admin")
@Path("/api/v1/api-keys")
@Tag(name = "API keys", description = "Credentials for integrations and scripts (admin only).")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {
    private final ApiKeyService keys;
    private final CurrentCaller caller;
    private final SecurityIdentity identity;

    public ApiKeyResource(ApiKeyService keys, CurrentCaller caller, SecurityIdentity identity) {
        this.keys = keys;
        this.caller = caller;
        this.identity = identity;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listApiKeys", summary = "List API keys (admin)", description = "Secrets are never listed.")
    public Uni<Page<ApiKeyView>> list(@Context UriInfo uri) {
        return keys.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getApiKey", summary = "Get an API key (admin)", description = "Without its secret.")
    public Uni<ApiKeyView> get(@PathParam("id") UUID id) {
        return keys.get(caller.get(), id);
    }

    @POST
    @Operation(operationId = "createApiKey", summary = "Create an API key (admin)",
            description = "The response carries the secret `key` once; only its hash is stored. `role` may not "
                    + "exceed the user's role (422); `expiresAt` must be in the future (422). A key narrowed to "
                    + "`api-keys:admin` hands out only keys within its own scopes (403).")
    public Uni<Response> create(@Valid ApiKeyInput input, @Context UriInfo uri) {
        return keys.create(caller.get(), KeyScopeCheck.scopesOf(identity), input).map(view -> Response
                .created(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build());
    }

    @POST
    @Path("{id}/rotate")
    @Operation(operationId = "rotateApiKey", summary = "Rotate an API key (admin)",
            description = "Answers a new key (201, the secret `key` shown once) with the old one's name, user, scopes "
                    + "and rate limit, its role capped by the user's current role. The old key keeps working for "
                    + "`gracePeriodSeconds` (default a day, at most 7 days), then expires; it shows `rotatedToId` and "
                    + "`expiresAt`. A revoked, expired or already rotated key: 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiKeyRotation.class),
            examples = @ExampleObject(name = "an hour to switch", value = "{\"gracePeriodSeconds\":3600}")))
    public Uni<Response> rotate(@PathParam("id") UUID id, @Valid ApiKeyRotation rotation, @Context UriInfo uri) {
        return keys.rotate(caller.get(), KeyScopeCheck.scopesOf(identity), id, rotation).map(view -> Response
                .created(uri.getBaseUriBuilder().path(ApiKeyResource.class).path(view.id().toString()).build())
                .entity(view).build());
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateApiKey", summary = "Rename an API key or change its rate limit (admin)",
            description = "JSON Merge Patch of `name` and `rateLimitPerMinute` (null: the service default). The key's "
                    + "user, role and scopes cannot change (422): make a new key and revoke this one.")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = ApiKeyChanges.class),
            examples = @ExampleObject(name = "raise the limit", value = "{\"rateLimitPerMinute\":20000}")))
    public Uni<ApiKeyView> update(@PathParam("id") UUID id, JsonNode patch) {
        return keys.update(caller.get(), id, patch);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key (admin)",
            description = "The key stops working at once. Revoking twice is harmless.")
    public Uni<Response> revoke(@PathParam("id") UUID id) {
        return keys.revoke(caller.get(), id).map(done -> Response.noContent().build());
    }
}
