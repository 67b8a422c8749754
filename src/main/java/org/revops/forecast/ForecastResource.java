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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.revops.forecast.ForecastDtos.ExportView;
import org.revops.forecast.ForecastDtos.ProjectionView;
import org.revops.forecast.ForecastDtos.RollupView;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.rest.Csv;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;

@RequiresScope("forecast:read")
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
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "exportForecast", summary = "Export a forecast for scripts",
            description = "One flat row per user of the scope (each with the team below; every user for the "
                    + "workspace) or per territory of a territory's subtree, parents first: quota, amounts per "
                    + "category, cumulative views as computed and adjusted, attainment, gap, coverage. "
                    + "`format=csv` (or `Accept: text/csv`) answers CSV with the same columns. Open to API keys "
                    + "with the `forecast:read` scope. Same visibility as the roll-up.")
    @APIResponse(responseCode = "200", description = "The export", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportView.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> export(
            @Parameter(description = "Fiscal period: 2026-Q4, 2026-11 or FY2027.", required = true)
            @QueryParam("period") String period,
            @Parameter(description = "workspace, me, user:<id> or territory:<id>; default as for the roll-up.")
            @QueryParam("scope") String scope,
            @Parameter(description = "json (default) or csv; overrides the Accept header.",
                    schema = @Schema(enumeration = {"json", "csv"}))
            @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ApiProblem.badRequest("format", "must be json or csv");
        }
        boolean csv = format == null ? Csv.requested(headers) : format.equals("csv");
        return forecasts.export(caller.get(), period, scope).map(view -> csv
                ? Csv.ok(ForecastExportRow.class, view.data(), "forecast-" + view.period().id() + ".csv")
                : Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build());
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
