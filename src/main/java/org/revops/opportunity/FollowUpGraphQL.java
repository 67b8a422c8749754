package org.revops.opportunity;

import com.fasterxml.jackson.annotation.JsonValue;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.revops.opportunity.OpportunityGraphQL.OpportunityConnection;
import org.revops.opportunity.OpportunityGraphQL.OpportunityEdge;
import org.revops.opportunity.StalledDealsDtos.StalledDealsView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** GraphQL door to the follow-up queue and the stalled-deal counts. */
@RequiresScope("activities:read")
@GraphQLApi
public class FollowUpGraphQL {
    private final FollowUpService followUps;
    private final StalledDealsService stalled;
    private final CurrentCaller caller;

    public FollowUpGraphQL(FollowUpService followUps, StalledDealsService stalled, CurrentCaller caller) {
        this.followUps = followUps;
        this.stalled = stalled;
        this.caller = caller;
    }

    @Enum("FollowUpDue")
    @Description("OVERDUE: before now; TODAY: before the end of the current UTC day; WEEK: before now + 7 days "
            + "(TODAY and WEEK include what is overdue)")
    public enum Due {
        OVERDUE, TODAY, WEEK;

        @JsonValue
        public String value() {
            return name().toLowerCase();
        }
    }

    @Query("followUps")
    @Description("Open deals the caller sees, by nextFollowUpAt ascending (id breaks ties), as GET /api/v1/follow-ups.")
    public Uni<OpportunityConnection> followUps(@Name("ownerId") List<UUID> ownerId, @Name("due") Due due,
                                                @Name("pipelineId") List<UUID> pipelineId,
                                                @Name("grade") List<String> grade,
                                                @Name("first") Integer first, @Name("after") String after) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        put(filters, "ownerId", ownerId);
        put(filters, "pipelineId", pipelineId);
        put(filters, "grade", grade);
        if (due != null) {
            filters.put("due", List.of(due.value()));
        }
        return followUps.list(caller.get(), ListRequest.of(filters, null, first, after))
                .map(slice -> GraphQLSupport.connection(slice, OpportunityEdge::new, OpportunityConnection::new));
    }

    @Query("stalledDeals")
    @Description("Stalled open deals the caller sees: total, per reason, owner, stage and both, as "
            + "GET /api/v1/analytics/stalled.")
    public Uni<StalledDealsView> stalledDeals(@Name("pipelineId") List<UUID> pipelineId,
                                              @Name("ownerId") List<UUID> ownerId) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        put(filters, "pipelineId", pipelineId);
        put(filters, "ownerId", ownerId);
        return stalled.counts(caller.get(), filters);
    }

    /** A list argument as the repeated query parameter it mirrors; absent or empty means no filter. */
    private static void put(Map<String, List<String>> filters, String name, List<?> values) {
        if (values != null && !values.isEmpty()) {
            filters.put(name, values.stream().map(String::valueOf).toList());
        }
    }
}
