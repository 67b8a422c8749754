package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.opportunity.AnalyticsDtos.FunnelFilter;
import org.revops.opportunity.AnalyticsDtos.FunnelStep;
import org.revops.opportunity.AnalyticsDtos.FunnelView;
import org.revops.opportunity.AnalyticsDtos.WinLossGroup;
import org.revops.opportunity.AnalyticsDtos.WinLossGroupBy;
import org.revops.opportunity.AnalyticsDtos.WinLossView;
import org.revops.platform.error.Problem;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.QueryParams;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * REST door to the analytics: JSON, or CSV with {@code Accept: text/csv}. The query is read with {@link QueryParams}
 * (a typed {@code @QueryParam} would turn a bad date into a 404), so its parameters are documented with
 * {@code @Parameters}.
 */
@RequiresScope("analytics:read")
@Path("/api/v1/analytics")
@Tag(name = "Analytics", description = "Funnel and win/loss reports over the deals the caller may see.")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class AnalyticsResource {
    private final AnalyticsService analytics;
    private final CurrentCaller caller;

    public AnalyticsResource(AnalyticsService analytics, CurrentCaller caller) {
        this.analytics = analytics;
        this.caller = caller;
    }

    /** The funnel as CSV: one record per step; the cohort's figures repeat on every record. */
    static final List<Csv.Column<FunnelRow>> FUNNEL_CSV = List.of(
            Csv.column("step", r -> r.step().step()), Csv.column("stageId", r -> r.step().stageId()),
            Csv.column("name", r -> r.step().name()), Csv.column("won", r -> r.step().won()),
            Csv.column("reached", r -> r.step().reached()), Csv.column("currentCount", r -> r.step().currentCount()),
            Csv.column("currentAmount", r -> r.step().currentAmount()),
            Csv.column("conversionToNext", r -> r.step().conversionToNext()),
            Csv.column("deals", r -> r.funnel().deals()), Csv.column("openDeals", r -> r.funnel().openDeals()),
            Csv.column("wonDeals", r -> r.funnel().wonDeals()), Csv.column("lostDeals", r -> r.funnel().lostDeals()),
            Csv.column("winRate", r -> r.funnel().winRate()),
            Csv.column("averageSalesCycleDays", r -> r.funnel().averageSalesCycleDays()),
            Csv.column("medianSalesCycleDays", r -> r.funnel().medianSalesCycleDays()),
            Csv.column("averageWonAmount", r -> r.funnel().averageWonAmount()),
            Csv.column("pipelineVelocity", r -> r.funnel().pipelineVelocity()),
            Csv.column("largestDrop", r -> r.funnel().largestDrop() != null
                    && r.funnel().largestDrop().step() == r.step().step()));

    record FunnelRow(FunnelView funnel, FunnelStep step) {
    }

    static final List<Csv.Column<WinLossGroup>> WIN_LOSS_CSV = List.of(
            Csv.column("key", WinLossGroup::key), Csv.column("label", WinLossGroup::label),
            Csv.column("won", WinLossGroup::won), Csv.column("lost", WinLossGroup::lost),
            Csv.column("wonAmount", WinLossGroup::wonAmount), Csv.column("lostAmount", WinLossGroup::lostAmount),
            Csv.column("winRate", WinLossGroup::winRate));

    @GET
    @Path("funnel")
    @Operation(operationId = "getFunnel", summary = "Funnel analytics of a pipeline", description = """
            The cohort is the deals of the pipeline the caller may see (a rep their own, a manager their subtree's, \
            others the whole workspace), created in [from, to) (UTC days), narrowed by ownerId, managerId and the \
            account filters.

            Steps are the pipeline's open stages in position order, then `won`. A deal **reached** an open step when \
            its stage history shows it entering that stage or a later open stage (skipping a stage counts as reaching \
            it), or it is won (a won deal reached every step). Per step: reached, the open deals now in it and their \
            amount (for won: the won deals and their amount), and **conversionToNext** = reached(next) / reached(this).

            Figures: **winRate** = won / (won + lost); **sales cycle** of a won deal = whole days from createdAt to \
            closedAt, with its average and median (percentile_cont 0.5); **averageWonAmount** = won amount / won; \
            **pipelineVelocity** (amount per day) = openDeals × winRate × averageWonAmount ÷ averageSalesCycleDays; \
            **largestDrop** = the step with the lowest conversionToNext (the earliest on a tie), dropRate = 1 − it. \
            Rates are fractions 0-1 with 4 decimals; a figure whose denominator is 0 is null.

            With `Accept: text/csv`: one CSV record per step (columns as in FunnelStep), the cohort's figures repeated \
            on each, and `largestDrop` true on the step with the largest drop. \
            422 when the pipeline is not one of the workspace's or `to` is not after `from`.""")
    @APIResponse(responseCode = "200", description = "The funnel", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunnelView.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "422", description = "Unknown pipeline, or `to` not after `from`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Parameters({
            @Parameter(name = "pipelineId", in = ParameterIn.QUERY, required = true, description = "The pipeline",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")),
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "Deals created on or after this day (UTC)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "Deals created before this day (UTC)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")),
            @Parameter(name = "ownerId", in = ParameterIn.QUERY, description = "Owner; repeat for several (OR)",
                    explode = Explode.TRUE, schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class)),
            @Parameter(name = "managerId", in = ParameterIn.QUERY, description = "This user and everyone in their "
                    + "reporting subtree", schema = @Schema(type = SchemaType.STRING, format = "uuid")),
            @Parameter(name = "account.industry", in = ParameterIn.QUERY, explode = Explode.TRUE,
                    description = "Industry of the account; repeat for several (OR)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
            @Parameter(name = "account.region", in = ParameterIn.QUERY, explode = Explode.TRUE,
                    description = "Region of the account; repeat for several (OR)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))})
    public Uni<Response> funnel(@Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParams query = QueryParams.of(uri, "pipelineId", "from", "to", "ownerId", "managerId", "account.industry",
                "account.region");
        UUID pipeline = query.requiredUuid("pipelineId");
        FunnelFilter filter = new FunnelFilter(pipeline, query.date("from"), query.date("to"), query.uuids("ownerId"),
                query.uuid("managerId"), query.texts("account.industry"), query.texts("account.region"));
        query.check();
        boolean csv = Csv.requested(headers);
        return analytics.funnel(caller.get(), filter).map(view -> csv
                ? Csv.ok(FUNNEL_CSV, view.steps().stream().map(step -> new FunnelRow(view, step)).toList(),
                        "funnel.csv")
                : Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build());
    }

    @GET
    @Path("win-loss")
    @Operation(operationId = "getWinLoss", summary = "Win/loss analytics", description = """
            Deals the caller may see (a rep their own, a manager their subtree's, others the whole workspace) that \
            were closed (closedAt) in [from, to), UTC days. Without `to` the period ends after today (by the service \
            clock); without `from` it starts 90 days before its end. A deal counts as won when its stage is a won \
            stage, else as lost.

            Grouped by `groupBy`: `reason` (close reason; key = its id, label = its name), `competitor`, `owner` \
            (key = user id, label = name) or `source` (key = label = the text as stored); deals without one form the group \
            with key null and label `(none)`. Per group: won, lost, wonAmount, lostAmount and **winRate** = won / \
            (won + lost) as a fraction 0-1 with 4 decimals; groups by won + lost, most first, then by label (`(none)` \
            last among equals). The same figures over all groups come at the top level.

            With `Accept: text/csv`: one CSV record per group (key, label, won, lost, wonAmount, lostAmount, \
            winRate). 422 when `to` is not after `from`.""")
    @APIResponse(responseCode = "200", description = "Win/loss by group", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WinLossView.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "422", description = "`to` not after `from`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Parameters({
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day counted (UTC); default: 90 "
                    + "days before `to`", schema = @Schema(type = SchemaType.STRING, format = "date")),
            @Parameter(name = "to", in = ParameterIn.QUERY, description = "First day no longer counted (UTC); "
                    + "default: tomorrow, so that today counts",
                    schema = @Schema(type = SchemaType.STRING, format = "date")),
            @Parameter(name = "groupBy", in = ParameterIn.QUERY, description = "What to group by; default: reason",
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = {"reason", "competitor", "owner", "source"}))})
    public Uni<Response> winLoss(@Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParams query = QueryParams.of(uri, "from", "to", "groupBy");
        LocalDate start = query.date("from");
        LocalDate end = query.date("to");
        String by = query.choice("groupBy", WinLossGroupBy.names());
        query.check();
        WinLossGroupBy grouping = by == null ? null : WinLossGroupBy.of(by).orElseThrow();
        boolean csv = Csv.requested(headers);
        return analytics.winLoss(caller.get(), start, end, grouping).map(view -> csv
                ? Csv.ok(WIN_LOSS_CSV, view.groups(), "win-loss.csv")
                : Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build());
    }
}
