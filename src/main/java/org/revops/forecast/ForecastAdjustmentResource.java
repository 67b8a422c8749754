package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.revops.forecast.ForecastAdjustmentDtos.AdjustmentInput;
import org.revops.forecast.ForecastAdjustmentDtos.AdjustmentView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

@RequiresScope(read = "forecast:read", write = "forecast:write")
@Path("/api/v1/forecast-adjustments")
@Tag(name = "Forecasts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ForecastAdjustmentResource {
    private final ForecastAdjustmentService adjustments;
    private final CurrentCaller caller;

    public ForecastAdjustmentResource(ForecastAdjustmentService adjustments, CurrentCaller caller) {
        this.adjustments = adjustments;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listForecastAdjustments", summary = "List forecast adjustments",
            description = "Adjustments of the forecasts the caller may see (a rep their own, a manager their team's, "
                    + "admin, integration and read-only keys all) and those the caller made.")
    public Uni<Page<AdjustmentView>> list(@Context UriInfo uri) {
        return adjustments.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getForecastAdjustment", summary = "Get a forecast adjustment")
    public Uni<Response> get(@Parameter(description = "Adjustment id") @PathParam("id") UUID id) {
        return adjustments.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "adjustForecast", summary = "Adjust a forecast",
            description = "Sets the caller's call on one category (Pipeline, BestCase, Commit) of a user's forecast "
                    + "(the user and the team below) in a period: 201 for a new call, 200 when it replaces the "
                    + "caller's earlier call on the same number. The computed number stays: roll-ups show both. A "
                    + "user adjusts their own, a manager anyone below them, an admin anyone; when several people "
                    + "adjusted the same number, the most senior one's call counts.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AdjustmentInput.class),
            examples = @ExampleObject(name = "a manager's commit call", value = """
                    {"userId":"7d1c1f9e-2f7a-4a8e-9c61-1d2b3c4d5e6f","periodId":"2026-Q4","category":"Commit",\
                    "amount":120000,"note":"Globex slips to January"}""")))
    public Uni<Response> adjust(@Valid AdjustmentInput input, @Context UriInfo uri) {
        return adjustments.adjust(caller.get(), input).map(result -> result.created()
                ? Responses.created(uri, result.adjustment()) : Responses.ok(result.adjustment()));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteForecastAdjustment", summary = "Withdraw a forecast adjustment",
            description = "Only its author or an admin; honours If-Match.")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return adjustments.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(v -> Responses.noContent());
    }
}
