package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.forecast.ForecastDtos.ProjectionView;
import org.revops.forecast.ForecastDtos.RollupView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;

/** GraphQL door to forecast roll-ups and projections; the same services and rules as GET /api/v1/forecasts/…. */
@RequiresScope("forecast:read")
@GraphQLApi
public class ForecastGraphQL {
    private final ForecastService forecasts;
    private final ForecastProjectionService projections;
    private final CurrentCaller caller;

    public ForecastGraphQL(ForecastService forecasts, ForecastProjectionService projections, CurrentCaller caller) {
        this.forecasts = forecasts;
        this.projections = projections;
        this.caller = caller;
    }

    @Query("forecastRollup")
    @Description("A forecast roll-up of a period for a scope (workspace, me, user:<id>, territory:<id>), with the "
            + "breakdowns asked for (user, territory, stage, month); with asOf (a past ISO day) as the pipeline stood "
            + "at the end of that day (UTC).")
    public Uni<RollupView> rollup(@NonNull @Name("period") String period, @Name("scope") String scope,
                                  @Name("breakdowns") List<String> breakdowns, @Name("asOf") String asOf) {
        return forecasts.rollup(caller.get(), period, scope, breakdowns, asOf);
    }

    @Query("forecastProjection")
    @Description("The statistical forecast of a period for a scope: stage win rates and cycle times learnt from the "
            + "deals closed in the last lookbackDays (30-1825, default 365) applied to the open pipeline, the run rate, "
            + "and the roll-up's categories beside.")
    public Uni<ProjectionView> projection(@NonNull @Name("period") String period, @Name("scope") String scope,
                                          @Name("lookbackDays") Integer lookbackDays) {
        return projections.projection(caller.get(), period, scope, lookbackDays == null ? null : lookbackDays.toString());
    }
}
