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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.integration.BatchDtos;
import org.revops.integration.BatchResponses;
import org.revops.platform.error.Problem;
import org.revops.platform.rest.Csv;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;
import org.revops.opportunity.OpportunityDtos.ChangeView;
import org.revops.opportunity.OpportunityDtos.CloseInput;
import org.revops.opportunity.OpportunityDtos.OpportunityInput;
import org.revops.opportunity.OpportunityDtos.ReopenInput;
import org.revops.opportunity.OpportunityDtos.OpportunityView;

import java.util.UUID;

@RequiresScope(read = "opportunities:read", write = "opportunities:write")
@Path("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "Deals in the pipeline.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OpportunityResource {
    private final OpportunityService service;
    private final CurrentCaller caller;
    private final OpportunityClosing closing;
    private final OpportunityBatchUpsert batch;

    public OpportunityResource(OpportunityService service, OpportunityClosing closing, OpportunityBatchUpsert batch,
                               CurrentCaller caller) {
        this.service = service;
        this.closing = closing;
        this.batch = batch;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listOpportunities", summary = "List opportunities",
            description = "Deals the caller may see: a rep their own, a manager their team's, others the whole workspace. Repeat a filter for OR; filters on account.* follow the relation.")
    public Uni<Page<OpportunityView>> list(@Context UriInfo uri) {
        return service.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @POST
    @Path("batch/upsert")
    @Operation(operationId = "upsertOpportunities", summary = "Batch upsert opportunities by external id",
            description = """
                    Creates or updates up to 10,000 deals in one transaction, each keyed by externalSource + \
                    externalId. References: account and primary contact by id or external id (accountExternalId, \
                    primaryContactExternalId, with a source defaulting to the deal's externalSource), owner by id or \
                    e-mail, stage by id or by stageName within pipelineId, closeReasonId. A new key is created with \
                    the rules of POST /api/v1/opportunities, a known key is merged into the stored deal with the \
                    rules of PATCH. A won or lost stage closes the deal as POST /close does (a lost deal needs a \
                    close reason); an open stage reopens a closed deal. Stage changes and other tracked changes are \
                    written to the history. One result per record, in input order: created, updated, unchanged or \
                    error with field errors. atomic=false (default): valid records land, 200. atomic=true: any \
                    invalid record and nothing is written: 422 problem+json with every record's result. Admin and \
                    integration keys only; more than 10,000 records: 413.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation =
            OpportunityBatchDtos.OpportunityUpsertInput.class),
            examples = @ExampleObject(name = "a deal of an account known by its Salesforce id", value = """
                    {"records":[{"externalSource":"salesforce","externalId":"0065g00000QrSt",
                      "accountExternalId":"0015g00000XyZ","name":"Globex - 500 seats","amount":48000,
                      "closeDate":"2026-12-15","pipelineId":"5b0c1f9e-2f7a-4a8e-9c61-1d2b3c4d5e6f",
                      "stageName":"Proposal","ownerEmail":"ann@example.com"}]}""")))
    @APIResponse(responseCode = "200", description = "Every record's result",
            content = @Content(schema = @Schema(implementation = BatchDtos.Result.class)))
    @APIResponse(responseCode = "422", description = "An atomic batch with invalid records: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = BatchDtos.Rejected.class)))
    public Uni<Response> upsert(JsonNode body) {
        return batch.upsert(caller.get(), body).map(BatchResponses::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getOpportunity", summary = "Get an opportunity", description = "The ETag header carries the version.")
    public Uni<Response> get(@Parameter(description = "Opportunity id") @PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createOpportunity", summary = "Create an opportunity", description = "Probability and forecast category default from the stage; the owner defaults to the caller.")
    @RequestBody(required = true)
    public Uni<Response> create(@Valid OpportunityInput input, @Context UriInfo uri) {
        return service.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateOpportunity", summary = "Update an opportunity",
            description = "JSON Merge Patch (RFC 7396) of the OpportunityInput fields; null clears a field.")
    @RequestBody(required = true, content = @Content(
            mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = OpportunityInput.class),
            examples = @ExampleObject(
                    name = "advance", value = "{\"stageId\":\"5b0c1f9e-2f7a-4a8e-9c61-1d2b3c4d5e6f\",\"amount\":52000}")))
    public Uni<Response> update(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return service.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Path("{id}/history")
    @Operation(operationId = "getOpportunityHistory", summary = "History of an opportunity",
            description = "Every change of stage, amount, close date, probability and forecast category, oldest first: "
                    + "one entry per changed field, with who and when. The whole history in one page.")
    public Uni<Page<ChangeView>> history(@Parameter(description = "Opportunity id") @PathParam("id") UUID id) {
        return service.history(caller.get(), id).map(changes -> new Page<>(changes, null));
    }

    @POST
    @Path("{id}/close")
    @Operation(operationId = "closeOpportunity", summary = "Close an opportunity as won or lost",
            description = "Moves the deal to its pipeline's won or lost stage (the first by position), sets closedAt "
                    + "and records reason, competitor and notes. A lost deal needs a reason. 422 when already closed.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CloseInput.class),
            examples = @ExampleObject(name = "lost", value = "{\"won\":false,"
                    + "\"reasonId\":\"0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\",\"competitor\":\"Initech\"}")))
    public Uni<Response> close(@PathParam("id") UUID id,
                               @Parameter(description = "ETag from a read; 412 if it changed since")
                               @HeaderParam("If-Match") String ifMatch, @Valid CloseInput input) {
        return closing.close(caller.get(), id, Versions.parseIfMatch(ifMatch), input).map(Responses::ok);
    }

    @POST
    @Path("{id}/reopen")
    @Operation(operationId = "reopenOpportunity", summary = "Reopen a closed opportunity",
            description = "Moves a closed deal back to an open stage (the one given, else the stage it was closed "
                    + "from) and clears closedAt and the close reason; the history keeps both. 422 when open.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReopenInput.class)))
    public Uni<Response> reopen(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch, @Valid ReopenInput input) {
        return closing.reopen(caller.get(), id, Versions.parseIfMatch(ifMatch), input).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteOpportunity", summary = "Delete an opportunity",
            description = "Deletes the deal.")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
