package org.revops.territory;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.revops.platform.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.revops.platform.job.JobResource;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.territory.AssignmentDtos.AssignmentView;
import org.revops.territory.AssignmentDtos.ManualAssignmentInput;
import org.revops.territory.AssignmentDtos.MoveRouteView;
import org.revops.territory.AssignmentDtos.MoveView;

import java.util.List;
import java.util.UUID;

/** Assignment runs, realignment previews and activation (as jobs), and a model's assignments and moves. */
@RequiresScope(read = "territories:read", write = "territories:admin")
@Path("/api/v1/territory-models")
@Tag(name = "Territory realignment", description = "Assign accounts to a model's territories, preview a planning "
        + "model's moves against the active model, activate it. Long work answers 202 with a job to poll.")
@Produces(MediaType.APPLICATION_JSON)
public class RealignmentResource {
    private final RealignmentService realignment;
    private final TerritoryAssignmentService assignments;
    private final CurrentCaller caller;

    public RealignmentResource(RealignmentService realignment, TerritoryAssignmentService assignments,
                               CurrentCaller caller) {
        this.realignment = realignment;
        this.assignments = assignments;
        this.caller = caller;
    }

    @POST
    @Path("{id}/run")
    @Operation(operationId = "runTerritoryModel", summary = "Assign every account to the model's territories",
            description = "A job (202 + Location). Deepest matching territory wins, then the higher priority; equal "
                    + "ones are a tie (no territory, contenders listed). Manual assignments are kept unless "
                    + "replaceManual=true. On the active model this changes live territories; on a planning model "
                    + "nothing live changes. Admins and managers.")
    public Uni<Response> run(@PathParam("id") UUID id,
                             @Parameter(description = "Also replace manual assignments with rule results",
                                     schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                             @QueryParam("replaceManual") String replaceManual) {
        return realignment.run(caller.get(), id, QueryParams.strictBoolean("replaceManual", replaceManual, false))
                .map(JobResource::accepted);
    }

    @POST
    @Path("{id}/preview")
    @Operation(operationId = "previewTerritoryModel", summary = "Preview a planning model's realignment",
            description = "A job (202 + Location) that assigns the planning model's accounts and records which accounts "
                    + "would move from their territory in the active model (same code = same territory), with open "
                    + "pipeline and owners affected. Nothing live changes. Read the moves at …/moves and …/moves/routes.")
    public Uni<Response> preview(@PathParam("id") UUID id) {
        return realignment.preview(caller.get(), id).map(JobResource::accepted);
    }

    @POST
    @Path("{id}/activate")
    @Operation(operationId = "activateTerritoryModel", summary = "Activate a planning model",
            description = "A job (202 + Location), one transaction: assigns the model's accounts, moves manual deal "
                    + "territories to the territory with the same code (or clears them), archives the active model "
                    + "and activates this one. If anything fails, the old model stays active and nothing changes.")
    public Uni<Response> activate(@PathParam("id") UUID id) {
        return realignment.activate(caller.get(), id).map(JobResource::accepted);
    }

    @GET
    @Path("{id}/assignments")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listTerritoryAssignments", summary = "List a model's account assignments",
            description = "Accounts the caller may read; a rep sees only the territories they belong to. Accounts "
                    + "that match no territory have no row.")
    public Uni<Page<AssignmentView>> assignments(@PathParam("id") UUID id, @Context UriInfo uri) {
        return assignments.assignments(caller.get(), id, ListRequest.fromQuery(uri.getQueryParameters()))
                .map(Page::of);
    }

    @PUT
    @Path("{id}/assignments/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignTerritoryManually", summary = "Put an account in a territory by hand",
            description = "A manual assignment: rule runs keep it unless asked to replace manual assignments. "
                    + "On the active model it takes effect at once. Admins and managers.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ManualAssignmentInput.class),
            examples = @ExampleObject(name = "manual", value = "{\"territoryId\":\"7d4c1a9e-2f0b-4d8e-9c61-3a5b7e9f1c20\"}")))
    public Uni<AssignmentView> assign(@PathParam("id") UUID id, @PathParam("accountId") UUID accountId,
                                      @Valid @NotNull ManualAssignmentInput input) {
        return assignments.assignManually(caller.get(), id, accountId, input.territoryId());
    }

    @DELETE
    @Path("{id}/assignments/{accountId}")
    @Operation(operationId = "clearManualTerritoryAssignment", summary = "Drop a manual assignment",
            description = "The account goes back to its rules at once. 404 when the account has no manual assignment.")
    public Uni<Response> clear(@PathParam("id") UUID id, @PathParam("accountId") UUID accountId) {
        return assignments.clearManual(caller.get(), id, accountId).map(done -> Response.noContent().build());
    }

    @GET
    @Path("{id}/moves")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listTerritoryMoves", summary = "List the moves of the latest preview",
            description = "One row per account the planning model moves, with its open deals and pipeline (summed as "
                    + "stored, in each deal's currency). Ask for text/csv to download. Not for reps.")
    public Uni<Page<MoveView>> moves(@PathParam("id") UUID id, @Context UriInfo uri) {
        return assignments.moves(caller.get(), id, ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}/moves/routes")
    @Operation(operationId = "listTerritoryMoveRoutes", summary = "Moves of the latest preview by route",
            description = "Moves grouped by from → to territory with accounts, account owners, open deals and open "
                    + "pipeline; largest first.")
    public Uni<List<MoveRouteView>> routes(@PathParam("id") UUID id) {
        return assignments.routes(caller.get(), id);
    }
}
