package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.forecast.ScorecardDtos.ScorecardView;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.CurrentCaller;

import java.util.UUID;

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
    public Uni<ScorecardView> scorecard(
            @Parameter(description = "The user (with the team below); default: the caller",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("userId")
            String userId,
            @Parameter(description = "Fiscal period (2026-Q4, 2026-11, FY2027); default: the current quarter")
            @QueryParam("period") String period) {
        UUID user;
        try {
            user = userId == null || userId.isBlank() ? null : UUID.fromString(userId.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("userId", "must be a UUID");
        }
        return scorecards.scorecard(caller.get(), user, period);
    }
}
