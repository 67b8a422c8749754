package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.opportunity.ActivityAnalyticsDtos.ActivityAnalyticsView;
import org.revops.opportunity.ActivityTargetDtos.ActivityTargetInput;
import org.revops.opportunity.ActivityTargetDtos.ActivityTargetView;
import org.revops.opportunity.OpportunityGraphQL.DeletePayload;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.team.UserDtos.UserView;
import org.revops.team.UserService;

import java.util.List;
import java.util.UUID;

/** GraphQL door to activity targets and the activity report. */
@RequiresScope(read = "activities:read", write = "activities:write")
@GraphQLApi
public class ActivityTargetGraphQL {
    private final ActivityTargetService targets;
    private final ActivityAnalyticsService analytics;
    private final UserService users;
    private final CurrentCaller caller;

    public ActivityTargetGraphQL(ActivityTargetService targets, ActivityAnalyticsService analytics, UserService users,
                                 CurrentCaller caller) {
        this.targets = targets;
        this.analytics = analytics;
        this.users = users;
        this.caller = caller;
    }

    public record ActivityTargetEdge(@NonNull ActivityTargetView node, @NonNull String cursor) {
    }

    public record ActivityTargetConnection(@NonNull List<@NonNull ActivityTargetEdge> edges,
                                           @NonNull PageInfo pageInfo) {
    }

    public record ActivityTargetPayload(ActivityTargetView activityTarget,
                                        @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("ActivityTargetFilter")
    @Description("The same filters as GET /api/v1/activity-targets; list fields are OR-ed.")
    public record ActivityTargetFilter(List<UUID> id, List<UUID> userId, List<String> period, List<String> metric) {
    }

    @Query("activityTargets")
    @Description("Targets visible to the caller: a rep their own, a manager their subtree's, others the workspace's.")
    public Uni<ActivityTargetConnection> list(@Name("filter") ActivityTargetFilter filter, @Name("sort") String sort,
                                              @Name("first") Integer first, @Name("after") String after) {
        return targets.list(caller.get(),
                        GraphQLSupport.listRequest(ActivityTargetService.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, ActivityTargetEdge::new, ActivityTargetConnection::new));
    }

    @Mutation("setActivityTarget")
    @Description("Sets the user's target for the period and metric: creates it, or changes the number of the one that "
            + "exists. Admins for anyone, managers for their reporting subtree.")
    public Uni<ActivityTargetPayload> set(@NonNull @Name("input") ActivityTargetInput input) {
        return GraphQLSupport.payload(() -> targets.set(caller.get(), input), ActivityTargetPayload::new);
    }

    @Mutation("deleteActivityTarget")
    public Uni<DeletePayload> delete(@NonNull @Name("id") UUID id, @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> targets.delete(caller.get(), id, expectedVersion).replaceWith(id),
                DeletePayload::new);
    }

    public Uni<List<UserView>> user(@Source List<ActivityTargetView> list) {
        return users.byIds(caller.get(), OpportunityGraphQL.ids(list, ActivityTargetView::userId));
    }

    @Query("activityAnalytics")
    @Description("""
            Activity against targets for one user (default: the caller) and one ISO week (2026-W47) or month \
            (2026-11), per metric: actual (activities of that type by occurredAt; signing: deals won by closedAt, \
            owned by the user), target (weekly or monthly, null when none) and attainment = actual / target (4 \
            places; null when the target is null or 0).""")
    public Uni<ActivityAnalyticsView> activityAnalytics(@Name("userId") UUID userId,
                                                        @NonNull @Name("period") String period) {
        return analytics.activity(caller.get(), userId, period);
    }
}
