package org.revops.lead;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.revops.integration.BatchDtos;
import org.revops.integration.BatchResponses;
import org.revops.lead.LeadBatchDtos.LeadUpsertInput;
import org.revops.lead.LeadDtos.LeadInput;
import org.revops.platform.error.Problem;
import org.revops.lead.LeadDtos.LeadView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

@RequiresScope(read = "leads:read", write = "leads:write")
@Path("/api/v1/leads")
@Tag(name = "Leads", description = "Leads from every channel: BANT, engagement, status, owner, territory, scores.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {
    private final LeadService service;
    private final LeadBatchUpsert batch;
    private final CurrentCaller caller;

    public LeadResource(LeadService service, LeadBatchUpsert batch, CurrentCaller caller) {
        this.service = service;
        this.batch = batch;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listLeads", summary = "List leads",
            description = "Leads the caller may see: a rep their own, a manager the team's plus unowned ones (the "
                    + "routing queue), admin, integration and read-only keys the whole workspace. Newest first.")
    public Uni<Page<LeadView>> list(@Context UriInfo uri) {
        return service.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getLead", summary = "Get a lead", description = "The ETag header carries the version.")
    public Uni<Response> get(@Parameter(description = "Lead id") @PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createLead", summary = "Create a lead",
            description = "A rep's lead is their own; other callers create unowned leads (to be routed) unless they "
                    + "name an owner. The lead is matched to the active territory model at once.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LeadInput.class),
            examples = @ExampleObject(name = "trade show", value = """
                    {"firstName":"Ada","lastName":"Lovelace","email":"ada@analytical.example","title":"Head of Operations",
                     "company":"Analytical Engines Ltd","companyDomain":"analytical.example","industry":"Manufacturing",
                     "employeeCount":450,"country":"GB","region":"EMEA","source":"trade-show",
                     "campaign":"Hannover Messe 2026","budgetStatus":"indicative","authority":"decision-maker",
                     "timeline":"this-quarter","eventsAttended":1}""")))
    public Uni<Response> create(@Valid LeadInput input, @Context UriInfo uri) {
        return service.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @POST
    @Path("batch/upsert")
    @Operation(operationId = "upsertLeads", summary = "Batch upsert leads by external id",
            description = """
                    Creates or updates up to 10,000 leads in one transaction, each keyed by externalSource + externalId. \
                    A new key is created with the rules of POST /api/v1/leads, a known key is merged into the stored \
                    lead with the rules of PATCH (omitted fields stay; a converted lead is refused). The owner may be \
                    given as ownerEmail. Written leads are matched to the active territory model and scored; those \
                    whose grade became A or B are routed. One result per record, in input order: created, updated, \
                    unchanged (stored exactly so already: not written, version kept) or error with field errors; \
                    a key repeated in the batch is an error from its second record on. atomic=false (default): valid \
                    records land, 200. atomic=true: any invalid record and nothing is written: 422 problem+json with \
                    every record's result (valid ones `not-applied`). Admin and integration keys only; more than \
                    10,000 records: 413.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LeadUpsertInput.class),
            examples = @ExampleObject(name = "two leads from HubSpot", value = """
                    {"atomic":false,"records":[
                      {"externalSource":"hubspot","externalId":"5501","lastName":"Lovelace","company":"Analytical Engines Ltd",
                       "email":"ada@analytical.example","country":"GB","source":"trade-show","ownerEmail":"ann@example.com"},
                      {"externalSource":"hubspot","externalId":"5502","company":"Difference Ltd","status":"working"}]}""")))
    @APIResponse(responseCode = "200", description = "Every record's result",
            content = @Content(schema = @Schema(implementation = BatchDtos.Result.class)))
    @APIResponse(responseCode = "422", description = "An atomic batch with invalid records: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = BatchDtos.Rejected.class)))
    public Uni<Response> upsert(JsonNode body) {
        return batch.upsert(caller.get(), body).map(BatchResponses::of);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateLead", summary = "Update a lead",
            description = "JSON Merge Patch (RFC 7396) of the LeadInput fields; null clears a field. A converted "
                    + "lead is read-only (409).")
    @RequestBody(required = true, content = @Content(
            mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = LeadInput.class),
            examples = @ExampleObject(name = "disqualify",
                    value = "{\"status\":\"disqualified\",\"disqualifiedReason\":\"No budget this year\"}")))
    public Uni<Response> update(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return service.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteLead", summary = "Delete a lead", description = "A converted lead is kept (409).")
    public Uni<Response> delete(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
