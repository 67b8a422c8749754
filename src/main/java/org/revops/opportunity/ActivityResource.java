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
import org.revops.opportunity.ActivityDtos.ActivityInput;
import org.revops.opportunity.ActivityDtos.ActivityView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

@RequiresScope(read = "activities:read", write = "activities:write")
@Path("/api/v1/activities")
@Tag(name = "Activities", description = "Calls, e-mails, meetings, visits, demos and proposals, on deals and accounts.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ActivityResource {
    private final ActivityService service;
    private final CurrentCaller caller;

    public ActivityResource(ActivityService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listActivities", summary = "List activities",
            description = "Activities the caller may read: their own (a manager: their reporting subtree's), those on "
                    + "deals they see, and those on accounts they read that are not on a deal. Latest first by "
                    + "default. Repeat a filter for OR.")
    public Uni<Page<ActivityView>> list(@Context UriInfo uri) {
        return service.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getActivity", summary = "Get an activity", description = "The ETag header carries the version.")
    public Uni<Response> get(@Parameter(description = "Activity id") @PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createActivity", summary = "Log an activity",
            description = "On a deal (`opportunityId`) or an account (`accountId`) the caller sees; on a deal the "
                    + "account is the deal's. The owner defaults to the caller; `occurredAt` may be at most one day "
                    + "ahead. On a deal, sets the deal's `lastActivityAt` to the latest `occurredAt` of its "
                    + "activities, which moves its `nextFollowUpAt` to that instant + the follow-up cadence of the "
                    + "deal's grade.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ActivityInput.class),
            examples = @ExampleObject(name = "visit", value = "{\"type\":\"visit\",\"subject\":\"On-site workshop\","
                    + "\"occurredAt\":\"2026-11-17T14:30:00Z\",\"opportunityId\":\"5b0c1f9e-2f7a-4a8e-9c61-1d2b3c4d5e6f\","
                    + "\"outcome\":\"positive\"}")))
    public Uni<Response> create(@Valid ActivityInput input, @Context UriInfo uri) {
        return service.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateActivity", summary = "Update an activity",
            description = "JSON Merge Patch (RFC 7396) of the ActivityInput fields; null clears a field. Only for "
                    + "activities the caller may act for (own, or their subtree's). A new `opportunityId` without "
                    + "`accountId` moves the activity to that deal's account. The deals before and after get their "
                    + "`lastActivityAt` recomputed.")
    @RequestBody(required = true, content = @Content(
            mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = ActivityInput.class),
            examples = @ExampleObject(name = "outcome", value = "{\"outcome\":\"proposal requested\"}")))
    public Uni<Response> update(@Parameter(description = "Activity id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return service.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteActivity", summary = "Delete an activity",
            description = "Only for activities the caller may act for. The deal's `lastActivityAt` falls back to "
                    + "its latest remaining activity (null when none is left).")
    public Uni<Response> delete(@Parameter(description = "Activity id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
