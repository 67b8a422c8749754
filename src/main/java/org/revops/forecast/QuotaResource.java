package org.revops.forecast;

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
import org.revops.forecast.QuotaDtos.PlanView;
import org.revops.forecast.QuotaDtos.QuotaInput;
import org.revops.forecast.QuotaDtos.QuotaPlanInput;
import org.revops.forecast.QuotaDtos.QuotaView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

@RequiresScope(read = "forecast:read", write = "forecast:admin")
@Path("/api/v1/quotas")
@Tag(name = "Quotas", description = "Targets per user or territory per fiscal period, and yearly plans.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuotaResource {
    private final QuotaService quotas;
    private final CurrentCaller caller;

    public QuotaResource(QuotaService quotas, CurrentCaller caller) {
        this.quotas = quotas;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listQuotas", summary = "List quotas",
            description = "Admin, integration and read-only keys read all; a manager the team's (own included) and "
                    + "every territory's; a rep their own and their territories'.")
    public Uni<Page<QuotaView>> list(@Context UriInfo uri) {
        return quotas.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getQuota", summary = "Get a quota")
    public Uni<Response> get(@Parameter(description = "Quota id") @PathParam("id") UUID id) {
        return quotas.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createQuota", summary = "Set a quota",
            description = "Admins set any quota; managers their team's (not their own) and territories'. 409 when the "
                    + "user or territory already has a quota for the period (PATCH it instead).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = QuotaInput.class),
            examples = @ExampleObject(name = "a rep's quarter", value = """
                    {"periodId":"2027-Q1","userId":"7d1c1f9e-2f7a-4a8e-9c61-1d2b3c4d5e6f","amount":250000}""")))
    public Uni<Response> create(@Valid QuotaInput input, @Context UriInfo uri) {
        return quotas.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @POST
    @Path("plan")
    @Operation(operationId = "planQuotas", summary = "Plan a year's quotas",
            description = "Spreads a yearly target over quarters (by a profile), months and reps (by weight); the "
                    + "parts add up exactly and milestones are the running targets. Writes every period's quota "
                    + "(replacing those set) unless dryRun.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = QuotaPlanInput.class),
            examples = @ExampleObject(name = "team year with a back-loaded profile", value = """
                    {"fiscalYear":"FY2027","userId":"7d1c1f9e-2f7a-4a8e-9c61-1d2b3c4d5e6f","amount":1000000,
                     "quarterWeights":[20,25,25,30],"shares":[{"userId":"0b6f1a2c-3d4e-4f50-8a6b-7c8d9e0f1a2b","weight":3},
                     {"userId":"1c7a2b3d-4e5f-4061-9b7c-8d9e0f1a2b3c","weight":2}]}""")))
    public Uni<PlanView> plan(@Valid QuotaPlanInput input) {
        return quotas.plan(caller.get(), input);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateQuota", summary = "Change a quota's amount or note",
            description = "JSON Merge Patch; the period and target cannot change (422).")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = QuotaInput.class),
            examples = @ExampleObject(name = "raise", value = "{\"amount\":275000}")))
    public Uni<Response> update(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return quotas.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteQuota", summary = "Delete a quota")
    public Uni<Response> delete(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return quotas.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
