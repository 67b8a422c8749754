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
import org.revops.opportunity.PipelineDtos.PipelineInput;
import org.revops.opportunity.PipelineDtos.PipelineView;
import org.revops.opportunity.PipelineDtos.StageInput;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

@RequiresScope(read = "opportunities:read", write = "workspace:admin")
@Path("/api/v1/pipelines")
@Tag(name = "Pipelines", description = "Sales processes and their ordered stages (admins change them).")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PipelineResource {
    private final PipelineService service;
    private final CurrentCaller caller;

    public PipelineResource(PipelineService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listPipelines", summary = "List pipelines", description = "Each with its stages in order.")
    public Uni<Page<PipelineView>> list(@Context UriInfo uri) {
        return service.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPipeline", summary = "Get a pipeline", description = "With its stages in order.")
    public Uni<Response> get(@Parameter(description = "Pipeline id") @PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createPipeline", summary = "Create a pipeline with its stages (admin)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PipelineInput.class), examples = @ExampleObject(name = "simple", value = """
            {"name":"New business","stages":[
              {"name":"Qualify","probability":10,"forecastCategory":"Pipeline","stallAfterDays":14},
              {"name":"Proposal","probability":60,"forecastCategory":"BestCase"},
              {"name":"Won","probability":100,"forecastCategory":"Closed","closed":true,"won":true},
              {"name":"Lost","probability":0,"forecastCategory":"Omitted","closed":true}]}""")))
    public Uni<Response> create(@Valid PipelineInput input, @Context UriInfo uri) {
        return service.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updatePipeline", summary = "Rename a pipeline (admin)",
            description = "JSON Merge Patch; only `name` may change here, stages have their own endpoints.")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = PipelineInput.class),
            examples = @ExampleObject(name = "rename", value = "{\"name\":\"Renewals\"}")))
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return service.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deletePipeline", summary = "Delete a pipeline (admin)",
            description = "Deletes its stages too; 409 while opportunities are in it.")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }

    @POST
    @Path("{id}/stages")
    @Operation(operationId = "createStage", summary = "Add a stage (admin)",
            description = "Appended after the last stage unless `position` is given.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StageInput.class), examples = @ExampleObject(name = "negotiation",
            value = "{\"name\":\"Negotiation\",\"probability\":80,\"forecastCategory\":\"Commit\"}")))
    public Uni<Response> addStage(@PathParam("id") UUID id, @Valid StageInput input, @Context UriInfo uri) {
        return service.addStage(caller.get(), id, input).map(view -> Responses.created(uri, view));
    }

    @GET
    @Path("{id}/stages/{stageId}")
    @Operation(operationId = "getStage", summary = "Get a stage")
    public Uni<Response> getStage(@PathParam("id") UUID id, @PathParam("stageId") UUID stageId) {
        return service.stage(caller.get(), id, stageId).map(Responses::ok);
    }

    @PATCH
    @Path("{id}/stages/{stageId}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateStage", summary = "Update a stage (admin)",
            description = "JSON Merge Patch of the StageInput fields. Deals without overrides follow the new values.")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = StageInput.class),
            examples = @ExampleObject(name = "probability", value = "{\"probability\":70}")))
    public Uni<Response> updateStage(@PathParam("id") UUID id, @PathParam("stageId") UUID stageId,
                                     @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return service.updateStage(caller.get(), id, stageId, Versions.parseIfMatch(ifMatch), patch)
                .map(Responses::ok);
    }

    @DELETE
    @Path("{id}/stages/{stageId}")
    @Operation(operationId = "deleteStage", summary = "Delete a stage (admin)",
            description = "409 while opportunities are in the stage.")
    public Uni<Response> deleteStage(@PathParam("id") UUID id, @PathParam("stageId") UUID stageId,
                                     @HeaderParam("If-Match") String ifMatch) {
        return service.deleteStage(caller.get(), id, stageId, Versions.parseIfMatch(ifMatch))
                .map(done -> Responses.noContent());
    }
}
