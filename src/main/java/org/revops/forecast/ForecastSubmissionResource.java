package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.revops.forecast.ForecastSubmissionDtos.SubmissionInput;
import org.revops.forecast.ForecastSubmissionDtos.SubmissionView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.UUID;

@RequiresScope(read = "forecast:read", write = "forecast:write")
@Path("/api/v1/forecast-submissions")
@Tag(name = "Forecast submissions", description = "Forecasts as their owners called them, frozen per period.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ForecastSubmissionResource {
    private final ForecastSubmissionService submissions;
    private final CurrentCaller caller;

    public ForecastSubmissionResource(ForecastSubmissionService submissions, CurrentCaller caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listForecastSubmissions", summary = "List forecast submissions",
            description = "Newest first. A rep sees their own, a manager their team's (own included), admin, "
                    + "integration and read-only keys every one. Open to API keys with the `forecast:read` scope.")
    public Uni<Page<SubmissionView>> list(@Context UriInfo uri) {
        return submissions.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getForecastSubmission", summary = "Get a forecast submission",
            description = "404 for one the caller may not see. Open to API keys with the `forecast:read` scope.")
    public Uni<SubmissionView> get(@Parameter(description = "Submission id") @PathParam("id") UUID id) {
        return submissions.get(caller.get(), id);
    }

    @POST
    @Operation(operationId = "submitForecast", summary = "Submit your forecast for a period",
            description = "Freezes the caller's forecast (the caller and the team below) for the period as it stands: "
                    + "per category as adjusted, the cumulative views and the quota, with a note. Each submission is "
                    + "kept; the latest is the current call. Managers, reps and admins (for their own user) submit; "
                    + "integration and read-only keys cannot (403). 422 naming periodId when it is no period.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubmissionInput.class),
            examples = @ExampleObject(name = "a quarter's call", value = """
                    {"periodId":"2026-Q4","note":"Two commits slip to January; best case holds"}""")))
    public Uni<Response> submit(@Valid SubmissionInput input, @Context UriInfo uri) {
        return submissions.submit(caller.get(), input).map(view -> Response.created(
                uri.getAbsolutePathBuilder().path(view.id().toString()).build()).entity(view).build());
    }
}
