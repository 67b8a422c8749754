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
import org.revops.opportunity.ActivityTargetDtos.ActivityTargetInput;
import org.revops.opportunity.ActivityTargetDtos.ActivityTargetView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

@RequiresScope(read = "activities:read", write = "activities:write")
@Path("/api/v1/activity-targets")
@Tag(name = "Activity targets", description = "How many calls, visits, proposals, signings… per user and week or month.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityTargetResource {
    private final ActivityTargetService service;
    private final CurrentCaller caller;

    public ActivityTargetResource(ActivityTargetService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listActivityTargets", summary = "List activity targets",
            description = "Targets the caller may read: a rep their own, a manager their reporting subtree's, admin, "
                    + "integration and read-only keys the workspace's.")
    public Uni<Page<ActivityTargetView>> list(@Context UriInfo uri) {
        return service.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getActivityTarget", summary = "Get an activity target",
            description = "The ETag header carries the version.")
    public Uni<Response> get(@Parameter(description = "Activity target id") @PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createActivityTarget", summary = "Create an activity target",
            description = "Admins set targets for anyone, managers for the users of their reporting subtree; other "
                    + "roles get 403. One target per user, period and metric: 409 when it exists (change it with "
                    + "PATCH).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ActivityTargetInput.class),
            examples = @ExampleObject(name = "five visits a week", value = "{\"userId\":"
                    + "\"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\",\"period\":\"week\",\"metric\":\"visit\",\"target\":5}")))
    public Uni<Response> create(@Valid ActivityTargetInput input, @Context UriInfo uri) {
        return service.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateActivityTarget", summary = "Update an activity target",
            description = "JSON Merge Patch (RFC 7396) of the ActivityTargetInput fields. Admins and managers (for "
                    + "their subtree) only; 409 when the change would duplicate another target.")
    @RequestBody(required = true, content = @Content(
            mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = ActivityTargetInput.class),
            examples = @ExampleObject(name = "raise", value = "{\"target\":6}")))
    public Uni<Response> update(@Parameter(description = "Activity target id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return service.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteActivityTarget", summary = "Delete an activity target",
            description = "Admins and managers (for their subtree) only.")
    public Uni<Response> delete(@Parameter(description = "Activity target id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
