package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.revops.forecast.ScorecardDtos.ScorecardView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.UUID;

/** GraphQL door to the scorecard. */
@RequiresScope("analytics:read")
@GraphQLApi
public class ScorecardGraphQL {
    private final ScorecardService scorecards;
    private final CurrentCaller caller;

    public ScorecardGraphQL(ScorecardService scorecards, CurrentCaller caller) {
        this.scorecards = scorecards;
        this.caller = caller;
    }

    @Query("scorecard")
    @Description("A rep's or a team's period in one call; see GET /api/v1/analytics/scorecard.")
    public Uni<ScorecardView> scorecard(@Name("userId") UUID userId, @Name("period") String period) {
        return scorecards.scorecard(caller.get(), userId, period);
    }
}
