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
import org.revops.account.AccountDtos.AccountView;
import org.revops.account.AccountService;
import org.revops.opportunity.ActivityDtos.ActivityInput;
import org.revops.opportunity.ActivityDtos.ActivityView;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.opportunity.OpportunityGraphQL.DeletePayload;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.team.UserDtos.UserView;
import org.revops.team.UserService;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * GraphQL door to activities, and the activities of deals and accounts. Every relation resolves in one statement
 * for a whole page of parents.
 */
@RequiresScope(read = "activities:read", write = "activities:write")
@GraphQLApi
public class ActivityGraphQL {
    /** How many activities a deal or an account shows when {@code first} is not given. */
    static final int DEFAULT_FIRST = 20;

    private final ActivityService activities;
    private final OpportunityService opportunities;
    private final AccountService accounts;
    private final UserService users;
    private final CurrentCaller caller;

    public ActivityGraphQL(ActivityService activities, OpportunityService opportunities, AccountService accounts,
                           UserService users, CurrentCaller caller) {
        this.activities = activities;
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.users = users;
        this.caller = caller;
    }

    public record ActivityEdge(@NonNull ActivityView node, @NonNull String cursor) {
    }

    public record ActivityConnection(@NonNull List<@NonNull ActivityEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record ActivityPayload(ActivityView activity, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("ActivityFilter")
    @Description("The same filters as GET /api/v1/activities; list fields are OR-ed.")
    public record ActivityFilter(List<UUID> id, List<String> type, List<UUID> ownerId, List<UUID> accountId,
                                 List<UUID> opportunityId, OffsetDateTime occurredFrom, OffsetDateTime occurredTo,
                                 List<String> outcome) {
    }

    @Input("ActivityPatch")
    @Description("Fields to change; omitted fields stay. A new opportunityId without accountId moves the activity to "
            + "that deal's account.")
    public record ActivityPatch(String type, String subject, String notes, String outcome, OffsetDateTime occurredAt,
                                UUID ownerId, UUID accountId, UUID opportunityId) {
    }

    @Query("activities")
    @Description("Activities visible to the caller, as a Relay connection; latest first unless `sort` says otherwise.")
    public Uni<ActivityConnection> list(@Name("filter") ActivityFilter filter, @Name("sort") String sort,
                                        @Name("first") Integer first, @Name("after") String after) {
        return activities.list(caller.get(), GraphQLSupport.listRequest(ActivityQueries.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, ActivityEdge::new, ActivityConnection::new));
    }

    @Query("activity")
    public Uni<ActivityView> get(@NonNull @Name("id") UUID id) {
        return activities.get(caller.get(), id);
    }

    @Mutation("logActivity")
    @Description("Logs an activity; on a deal it moves the deal's lastActivityAt and nextFollowUpAt.")
    public Uni<ActivityPayload> log(@NonNull @Name("input") ActivityInput input) {
        return GraphQLSupport.payload(() -> activities.create(caller.get(), input), ActivityPayload::new);
    }

    @Mutation("updateActivity")
    @Description("`expectedVersion` works like If-Match: the change is refused if the activity changed since.")
    public Uni<ActivityPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") ActivityPatch patch,
                                       @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> activities.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), ActivityPayload::new);
    }

    @Mutation("deleteActivity")
    public Uni<DeletePayload> delete(@NonNull @Name("id") UUID id, @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> activities.delete(caller.get(), id, expectedVersion).replaceWith(id),
                DeletePayload::new);
    }

    public Uni<List<UserView>> owner(@Source List<ActivityView> list) {
        return users.byIds(caller.get(), OpportunityGraphQL.ids(list, ActivityView::ownerId));
    }

    public Uni<List<AccountView>> account(@Source List<ActivityView> list) {
        return accounts.byIds(caller.get(), OpportunityGraphQL.ids(list, ActivityView::accountId));
    }

    @Description("The deal, when the activity is on one the caller sees.")
    public Uni<List<OpportunityView>> opportunity(@Source List<ActivityView> list) {
        return opportunities.byIds(caller.get(), OpportunityGraphQL.ids(list, ActivityView::opportunityId));
    }

    @Name("lastActivity")
    @Description("The deal's latest activity (by occurredAt), or null.")
    public Uni<List<ActivityView>> lastActivityOfDeals(@Source List<OpportunityView> deals) {
        return activities.latestOfDeals(caller.get(), OpportunityGraphQL.ids(deals, OpportunityView::id), 1)
                .map(lists -> lists.stream().map(found -> found.isEmpty() ? null : found.get(0)).toList());
    }

    @Name("activities")
    @Description("The deal's latest activities, latest first (default 20).")
    public Uni<List<List<ActivityView>>> activitiesOfDeals(@Source List<OpportunityView> deals,
                                                           @Name("first") Integer first) {
        return activities.latestOfDeals(caller.get(), OpportunityGraphQL.ids(deals, OpportunityView::id), limit(first));
    }

    @Name("activities")
    @Description("The account's latest activities, its own and those on its deals, latest first (default 20).")
    public Uni<List<List<ActivityView>>> activitiesOfAccounts(@Source List<AccountView> list,
                                                              @Name("first") Integer first) {
        return activities.latestOfAccounts(caller.get(), list.stream().map(AccountView::id).toList(), limit(first));
    }

    private static int limit(Integer first) {
        int n = first == null ? DEFAULT_FIRST : first;
        if (n < 1 || n > ListRequest.MAX_LIMIT) {
            throw ApiProblem.badRequest("first", "must be between 1 and " + ListRequest.MAX_LIMIT);
        }
        return n;
    }
}
