package org.revops.territory;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;
import org.revops.territory.TerritoryDtos.TerritoryModelCloneInput;
import org.revops.territory.TerritoryDtos.TerritoryModelInput;
import org.revops.territory.TerritoryDtos.TerritoryModelView;

import java.util.UUID;

@RequiresScope(read = "territories:read", write = "territories:admin")
@Path("/api/v1/territory-models")
@Tag(name = "Territory models", description = "Versions of the territory map: planning, active, archived.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TerritoryModelResource {
    private final TerritoryModelService service;
    private final CurrentCaller caller;

    public TerritoryModelResource(TerritoryModelService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listTerritoryModels", summary = "List territory models",
            description = "Every model of the workspace, for every role.")
    public Uni<Page<TerritoryModelView>> list(@Context UriInfo uri) {
        return service.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTerritoryModel", summary = "Get a territory model",
            description = "The ETag header carries the version.")
    public Uni<Response> get(@Parameter(description = "Territory model id") @PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createTerritoryModel", summary = "Create a territory model",
            description = "Always created in planning; admins and managers only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TerritoryModelInput.class),
            examples = @ExampleObject(name = "fy27", value = "{\"name\":\"FY27 territories\","
                    + "\"description\":\"Splits DACH into enterprise and mid-market\"}")))
    public Uni<Response> create(@Valid TerritoryModelInput input, @Context UriInfo uri) {
        return service.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateTerritoryModel", summary = "Update a territory model",
            description = "JSON Merge Patch of name and description. The state changes only through activation; "
                    + "an archived model is read-only (409).")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = TerritoryModelInput.class),
            examples = @ExampleObject(name = "rename", value = "{\"name\":\"FY27 territories v2\"}")))
    public Uni<Response> update(@Parameter(description = "Territory model id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return service.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteTerritoryModel", summary = "Delete a territory model",
            description = "Deletes a planning model with its territories, members, rules and assignments. 409 for the "
                    + "active model and for archived ones.")
    public Uni<Response> delete(@Parameter(description = "Territory model id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }

    @POST
    @Path("{id}/clone")
    @Operation(operationId = "cloneTerritoryModel", summary = "Clone a territory model",
            description = "A new planning model with copies of the source's territories (same codes, parents "
                    + "remapped), members, rules and manual assignments, made in one transaction. The body is optional.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TerritoryModelCloneInput.class),
            examples = @ExampleObject(name = "draft", value = "{\"name\":\"FY27 territories, draft 2\"}")))
    public Uni<Response> cloneModel(@Parameter(description = "The model to copy") @PathParam("id") UUID id,
                                    @Valid TerritoryModelCloneInput input, @Context UriInfo uri) {
        return service.cloneModel(caller.get(), id, input).map(copy -> Response
                .created(uri.getBaseUriBuilder().path(TerritoryModelResource.class).path(copy.id().toString()).build())
                .entity(copy).tag(new EntityTag(Long.toString(copy.version()))).build());
    }
}
