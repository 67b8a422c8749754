package org.revops.opportunity;

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
import org.revops.platform.rest.Csv;
import org.revops.opportunity.CloseReasonDtos.CloseReasonInput;
import org.revops.opportunity.CloseReasonDtos.CloseReasonView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

@RequiresScope(read = "opportunities:read", write = "workspace:admin")
@Path("/api/v1/close-reasons")
@Tag(name = "Close reasons", description = "Why deals are won or lost (admins change the list).")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CloseReasonResource {
    private final CloseReasonService reasons;
    private final CurrentCaller caller;

    public CloseReasonResource(CloseReasonService reasons, CurrentCaller caller) {
        this.reasons = reasons;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listCloseReasons", summary = "List close reasons",
            description = "Every key of the workspace may list them. Closing a deal accepts an active reason whose "
                    + "`appliesTo` is the outcome or `both`.")
    public Uni<Page<CloseReasonView>> list(@Context UriInfo uri) {
        return reasons.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCloseReason", summary = "Get a close reason",
            description = "The ETag header carries the version.")
    public Uni<Response> get(@Parameter(description = "Close reason id") @PathParam("id") UUID id) {
        return reasons.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createCloseReason", summary = "Create a close reason (admin)",
            description = "409 when a reason with the same name exists, ignoring case.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CloseReasonInput.class),
            examples = @ExampleObject(name = "lost on price", value = "{\"name\":\"Price too high\",\"appliesTo\":\"lost\"}")))
    public Uni<Response> create(@Valid CloseReasonInput input, @Context UriInfo uri) {
        return reasons.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateCloseReason", summary = "Update a close reason (admin)",
            description = "JSON Merge Patch of the CloseReasonInput fields. `active: false` retires a reason: deals "
                    + "keep it, new closes cannot use it. 409 for a duplicate name, or when `appliesTo` would no longer "
                    + "fit the outcome of deals that carry the reason.")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = CloseReasonInput.class),
            examples = @ExampleObject(name = "retire", value = "{\"active\":false}")))
    public Uni<Response> update(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return reasons.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteCloseReason", summary = "Delete a close reason (admin)",
            description = "409 while deals carry the reason: retire it with PATCH {\"active\": false} instead.")
    public Uni<Response> delete(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return reasons.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
