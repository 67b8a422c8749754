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
import org.revops.forecast.ForecastSnapshotDtos.AccuracyView;
import org.revops.forecast.ForecastSnapshotDtos.TrendView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

/** The forecast over time: trends from snapshots, and the accuracy of past calls. */
@RequiresScope("forecast:read")
@Path("/api/v1/forecasts")
@Tag(name = "Forecasts")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastHistoryResource {
    private final ForecastTrendService trends;
    private final ForecastAccuracyService accuracy;
    private final CurrentCaller caller;

    public ForecastHistoryResource(ForecastTrendService trends, ForecastAccuracyService accuracy,
                                   CurrentCaller caller) {
        this.trends = trends;
        this.accuracy = accuracy;
        this.caller = caller;
    }

    @GET
    @Path("trend")
    @Operation(operationId = "getForecastTrend", summary = "A forecast's trend, week by week",
            description = "The snapshots of the scope and period, oldest first (cumulative views as computed and as "
                    + "adjusted, weighted open pipeline, quota), and today's live numbers as `latest`. The same access "
                    + "rules as the roll-up. Open to API keys with the `forecast:read` scope.")
    public Uni<TrendView> trend(
            @Parameter(description = "Fiscal period: 2026-Q4, 2026-11 or FY2027.", required = true)
            @QueryParam("period") String period,
            @Parameter(description = "workspace, me, user:<id> or territory:<id>. Default: me for managers and reps, "
                    + "workspace for other keys.")
            @QueryParam("scope") String scope) {
        return trends.trend(caller.get(), period, scope);
    }

    @GET
    @Path("accuracy")
    @Operation(operationId = "getForecastAccuracy", summary = "How accurate past forecasts were",
            description = "For a period that has ended (400 otherwise): each user's latest submission made before the "
                    + "end, and each scope's last snapshot taken before the end, against the actual closed amount of "
                    + "the same scope computed now. forecast = Closed + Commit as called (measure commit) or Closed + "
                    + "Commit + BestCase (measure bestCase); error = forecast − actual; absolutePercentageError (APE) "
                    + "= |error| ÷ actual, null when actual is 0; MAPE = the mean of the APEs that exist, for "
                    + "submissions and snapshots apart. Ratios are rounded to 4 decimals. A rep sees their own rows, a "
                    + "manager their team's and the territories', admin, integration and read-only keys every row. Open "
                    + "to API keys with the `forecast:read` scope.")
    public Uni<AccuracyView> accuracy(
            @Parameter(description = "An ended fiscal period: 2026-Q3, 2026-09 or FY2026.", required = true)
            @QueryParam("period") String period,
            @Parameter(description = "commit (default) or bestCase.") @QueryParam("measure") String measure) {
        return accuracy.accuracy(caller.get(), period, measure);
    }
}
