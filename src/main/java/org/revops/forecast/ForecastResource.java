package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.forecast.ForecastDtos.RollupView;
import org.revops.platform.security.CurrentCaller;

import java.util.List;

@Path("/api/v1/forecasts")
@Tag(name = "Forecasts", description = "Roll-ups per forecast category against quota, adjustments, snapshots, exports.")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {
    private final ForecastService forecasts;
    private final CurrentCaller caller;

    public ForecastResource(ForecastService forecasts, CurrentCaller caller) {
        this.forecasts = forecasts;
        this.caller = caller;
    }

    @GET
    @Path("rollup")
    @Operation(operationId = "getForecastRollup", summary = "Roll up a forecast",
            description = "Deals closing in the period, per forecast category (count, amount, amount × probability, "
                    + "amount as adjusted), cumulative views, quota, attainment, gap and coverage, in the workspace "
                    + "currency (deals in a currency without a rate on their close date are listed under "
                    + "`unconverted`, not counted). Admin, integration and read-only keys see any scope; a manager "
                    + "their team's users and any territory; a rep only their own.")
    public Uni<RollupView> rollup(
            @Parameter(description = "Fiscal period: 2026-Q4, 2026-11 or FY2027.", required = true)
            @QueryParam("period") String period,
            @Parameter(description = "workspace, me, user:<id> (with the team below) or territory:<id> (with its "
                    + "subtree). Default: me for managers and reps, workspace for other keys.")
            @QueryParam("scope") String scope,
            @Parameter(description = "Breakdowns, comma-separated or repeated: user (direct reports), territory "
                    + "(child territories), stage, month.")
            @QueryParam("breakdown") List<String> breakdown,
            @Parameter(description = "A past day (2026-10-15): the roll-up as the pipeline stood at the end of that day "
                    + "(UTC), rebuilt from the deals' history (stage, amount, close date, probability, category); "
                    + "owners, territories and currencies are today's; adjusted = computed. Absent, today or later: "
                    + "the live pipeline.")
            @QueryParam("asOf") String asOf) {
        return forecasts.rollup(caller.get(), period, scope, breakdown, asOf);
    }
}
