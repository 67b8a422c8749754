package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.forecast.ScorecardDtos.ScorecardView;
import org.revops.platform.rest.QueryParams;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.UUID;

/** REST door to the scorecard; the query is read with {@link QueryParams}, so a bad id is a 400, not a 404. */
@RequiresScope("analytics:read")
@Path("/api/v1/analytics/scorecard")
@Tag(name = "Forecasts")
@Produces(MediaType.APPLICATION_JSON)
public class ScorecardResource {
    private final ScorecardService scorecards;
    private final CurrentCaller caller;

    public ScorecardResource(ScorecardService scorecards, CurrentCaller caller) {
        this.scorecards = scorecards;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getScorecard", summary = "A rep's or a team's scorecard",
            description = "Quota, attainment, forecast by category, pipeline coverage, win rate, activity against "
                    + "targets, overdue follow-ups and stalled deals of a user and the team below them, in one call. "
                    + "A rep sees their own, a manager their team's, admin, integration and read-only keys anyone's.")
    @APIResponse(responseCode = "200", description = "The scorecard",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ScorecardView.class)))
    @Parameters({
            @Parameter(name = "userId", in = ParameterIn.QUERY, description = "The user (with the team below); "
                    + "default: the caller", schema = @Schema(type = SchemaType.STRING, format = "uuid")),
            @Parameter(name = "period", in = ParameterIn.QUERY, description = "Fiscal period (2026-Q4, 2026-11, "
                    + "FY2027); default: the current quarter", schema = @Schema(type = SchemaType.STRING))})
    public Uni<ScorecardView> scorecard(@Context UriInfo uri) {
        QueryParams query = QueryParams.of(uri, "userId", "period");
        UUID userId = query.uuid("userId");
        String period = query.text("period");
        query.check();
        return scorecards.scorecard(caller.get(), userId, period);
    }
}
