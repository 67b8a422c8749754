package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.forecast.ForecastAdjustmentDtos.AdjustmentInput;
import org.revops.forecast.ForecastAdjustmentDtos.AdjustmentView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;
import java.util.UUID;

/** GraphQL door to forecast adjustments. */
@RequiresScope(read = "forecast:read", write = "forecast:write")
@GraphQLApi
public class ForecastAdjustmentGraphQL {
    private final ForecastAdjustmentService adjustments;
    private final CurrentCaller caller;

    public ForecastAdjustmentGraphQL(ForecastAdjustmentService adjustments, CurrentCaller caller) {
        this.adjustments = adjustments;
        this.caller = caller;
    }

    public record ForecastAdjustmentEdge(@NonNull AdjustmentView node, @NonNull String cursor) {
    }

    public record ForecastAdjustmentConnection(@NonNull List<@NonNull ForecastAdjustmentEdge> edges,
                                               @NonNull PageInfo pageInfo) {
    }

    public record ForecastAdjustmentPayload(AdjustmentView adjustment, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record ForecastAdjustmentDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("ForecastAdjustmentFilter")
    @Description("The same filters as GET /api/v1/forecast-adjustments; list fields are OR-ed.")
    public record ForecastAdjustmentFilter(List<UUID> userId, List<String> periodId, List<String> category,
                                           List<UUID> adjustedBy) {
    }

    @Query("forecastAdjustments")
    public Uni<ForecastAdjustmentConnection> list(@Name("filter") ForecastAdjustmentFilter filter,
                                                  @Name("sort") String sort, @Name("first") Integer first,
                                                  @Name("after") String after) {
        return adjustments.list(caller.get(), GraphQLSupport.listRequest(ForecastAdjustmentService.LIST, filter, sort,
                first, after)).map(slice -> GraphQLSupport.connection(slice, ForecastAdjustmentEdge::new,
                ForecastAdjustmentConnection::new));
    }

    @Mutation("adjustForecast")
    @Description("Sets the caller's call on a category of a user's forecast; see POST /api/v1/forecast-adjustments.")
    public Uni<ForecastAdjustmentPayload> adjust(@NonNull @Name("input") AdjustmentInput input) {
        return GraphQLSupport.payload(() -> adjustments.adjust(caller.get(), input)
                .map(ForecastAdjustmentService.Adjusted::adjustment), ForecastAdjustmentPayload::new);
    }

    @Mutation("deleteForecastAdjustment")
    public Uni<ForecastAdjustmentDeletePayload> delete(@NonNull @Name("id") UUID id,
                                                       @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> adjustments.delete(caller.get(), id, expectedVersion).replaceWith(id),
                ForecastAdjustmentDeletePayload::new);
    }
}
