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
import org.revops.forecast.ForecastDtos.ProjectionView;
import org.revops.forecast.ForecastDtos.RollupView;
import org.revops.platform.security.CurrentCaller;

import java.util.List;

@Path("/api/v1/forecasts")
@Tag(name = "Forecasts", description = "Roll-ups per forecast category against quota, adjustments, snapshots, exports.")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {
    private final ForecastService forecasts;
    private final ForecastProjectionService projections;
    private final CurrentCaller caller;

    public ForecastResource(ForecastService forecasts, ForecastProjectionService projections, CurrentCaller caller) {
        this.forecasts = forecasts;
        this.projections = projections;
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

    @GET
    @Path("projection")
    @Operation(operationId = "getForecastProjection", summary = "Project a forecast statistically",
            description = "Per open stage, the win rate (won ÷ closed among the workspace's deals closed in the "
                    + "look-back window that were ever in the stage; the stage probability when none were) and the "
                    + "median days from entering it to winning, applied to the scope's open deals: each counts at "
                    + "amount × win rate when max(today, stage entered + cycle) falls in the period. projection = "
                    + "closed to date + expected; run rate = closed to date ÷ days elapsed × days in the period. "
                    + "Beside it the roll-up's cumulative categories. Access as the roll-up.")
    public Uni<ProjectionView> projection(
            @Parameter(description = "Fiscal period: 2026-Q4, 2026-11 or FY2027.", required = true)
            @QueryParam("period") String period,
            @Parameter(description = "workspace, me, user:<id> (with the team below) or territory:<id> (with its "
                    + "subtree). Default: me for managers and reps, workspace for other keys.")
            @QueryParam("scope") String scope,
            @Parameter(description = "Days of closed deals the rates are learnt from, up to today: 30 to 1825, "
                    + "default 365.")
            @QueryParam("lookbackDays") String lookbackDays) {
        return projections.projection(caller.get(), period, scope, lookbackDays);
    }
}
