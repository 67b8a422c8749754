package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.forecast.ForecastSubmissionDtos.SubmissionInput;
import org.revops.forecast.ForecastSubmissionDtos.SubmissionView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** GraphQL door to forecast submissions; the same service and rules as /api/v1/forecast-submissions. */
@RequiresScope(read = "forecast:read", write = "forecast:write")
@GraphQLApi
public class ForecastSubmissionGraphQL {
    private final ForecastSubmissionService submissions;
    private final CurrentCaller caller;

    public ForecastSubmissionGraphQL(ForecastSubmissionService submissions, CurrentCaller caller) {
        this.submissions = submissions;
        this.caller = caller;
    }

    public record ForecastSubmissionEdge(@NonNull SubmissionView node, @NonNull String cursor) {
    }

    public record ForecastSubmissionConnection(@NonNull List<@NonNull ForecastSubmissionEdge> edges,
                                               @NonNull PageInfo pageInfo) {
    }

    public record ForecastSubmissionPayload(SubmissionView submission, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("ForecastSubmissionFilter")
    @Description("The same filters as GET /api/v1/forecast-submissions; list fields are OR-ed.")
    public record ForecastSubmissionFilter(List<UUID> userId, List<String> periodId, OffsetDateTime submittedFrom,
                                           OffsetDateTime submittedTo) {
    }

    @Query("forecastSubmissions")
    public Uni<ForecastSubmissionConnection> list(@Name("filter") ForecastSubmissionFilter filter,
                                                  @Name("sort") String sort, @Name("first") Integer first,
                                                  @Name("after") String after) {
        return submissions.list(caller.get(), GraphQLSupport.listRequest(ForecastSubmissionService.LIST, filter, sort,
                first, after)).map(slice -> GraphQLSupport.connection(slice, ForecastSubmissionEdge::new,
                ForecastSubmissionConnection::new));
    }

    @Query("forecastSubmission")
    public Uni<SubmissionView> get(@NonNull @Name("id") UUID id) {
        return submissions.get(caller.get(), id);
    }

    @Mutation("submitForecast")
    @Description("Freezes the caller's forecast for a period; see POST /api/v1/forecast-submissions.")
    public Uni<ForecastSubmissionPayload> submit(@NonNull @Name("input") SubmissionInput input) {
        return GraphQLSupport.payload(() -> submissions.submit(caller.get(), input), ForecastSubmissionPayload::new);
    }
}
