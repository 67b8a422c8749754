package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.forecast.ForecastSnapshotDtos.AccuracyView;
import org.revops.forecast.ForecastSnapshotDtos.SnapshotInput;
import org.revops.forecast.ForecastSnapshotDtos.TakenView;
import org.revops.forecast.ForecastSnapshotDtos.TrendView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;

/** GraphQL door to forecast snapshots, trends and accuracy; the same services as REST. */
@RequiresScope(read = "forecast:read", write = "forecast:write")
@GraphQLApi
public class ForecastSnapshotGraphQL {
    private final ForecastSnapshotService snapshots;
    private final ForecastTrendService trends;
    private final ForecastAccuracyService accuracy;
    private final CurrentCaller caller;

    public ForecastSnapshotGraphQL(ForecastSnapshotService snapshots, ForecastTrendService trends,
                                   ForecastAccuracyService accuracy, CurrentCaller caller) {
        this.snapshots = snapshots;
        this.trends = trends;
        this.accuracy = accuracy;
        this.caller = caller;
    }

    public record ForecastSnapshotsPayload(TakenView snapshots, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Mutation("takeForecastSnapshots")
    @Description("Admin only: today's snapshot of every scope; see POST /api/v1/forecast-snapshots.")
    public Uni<ForecastSnapshotsPayload> take(@Name("input") SnapshotInput input) {
        return GraphQLSupport.payload(() -> snapshots.take(caller.get(), input), ForecastSnapshotsPayload::new);
    }

    @Query("forecastTrend")
    @Description("The snapshots of a scope and period by day, and today's live numbers; see GET /api/v1/forecasts/trend.")
    public Uni<TrendView> trend(@NonNull @Name("period") String period, @Name("scope") String scope) {
        return trends.trend(caller.get(), period, scope);
    }

    @Query("forecastAccuracy")
    @Description("Submissions and snapshots of an ended period against what closed (error, APE, MAPE); see GET "
            + "/api/v1/forecasts/accuracy.")
    public Uni<AccuracyView> accuracy(@NonNull @Name("period") String period, @Name("measure") String measure) {
        return accuracy.accuracy(caller.get(), period, measure);
    }
}
