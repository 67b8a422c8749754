package org.revops.lead;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.lead.LeadDtos.LeadView;
import org.revops.lead.RoutingDtos.BatchInput;
import org.revops.lead.RoutingDtos.BatchResult;
import org.revops.lead.RoutingDtos.QueueFilter;
import org.revops.lead.RoutingDtos.QueuedLead;
import org.revops.lead.RoutingDtos.RoutingView;
import org.revops.lead.RoutingDtos.SettingsInput;
import org.revops.lead.RoutingDtos.SettingsView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;
import java.util.UUID;

/** GraphQL door to lead routing: the same service methods as the REST routing endpoints. */
@RequiresScope(read = "leads:read", write = "leads:write")
@GraphQLApi
public class RoutingGraphQL {
    private final RoutingService routing;
    private final RoutingSettingsService settings;
    private final CurrentCaller caller;

    public RoutingGraphQL(RoutingService routing, RoutingSettingsService settings, CurrentCaller caller) {
        this.routing = routing;
        this.settings = settings;
        this.caller = caller;
    }

    public record QueuedLeadEdge(@NonNull QueuedLead node, @NonNull String cursor) {
    }

    public record QueuedLeadConnection(@NonNull List<@NonNull QueuedLeadEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record RouteLeadPayload(RoutingView routing, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record RouteLeadsPayload(BatchResult result, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record LeadRoutingSettingsPayload(SettingsView settings, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Mutation("routeLead")
    @Description("Routes an unowned, open lead to a rep, as POST /api/v1/leads/{id}/route.")
    public Uni<RouteLeadPayload> route(@NonNull @Name("id") UUID id) {
        return GraphQLSupport.payload(() -> routing.route(caller.get(), id), RouteLeadPayload::new);
    }

    @Mutation("routeLeads")
    @Description("Routes the listed leads or a batch of the queue, as POST /api/v1/leads/route.")
    public Uni<RouteLeadsPayload> routeBatch(@Name("input") BatchInput input) {
        return GraphQLSupport.payload(() -> routing.routeBatch(caller.get(), input), RouteLeadsPayload::new);
    }

    @Query("leadQueue")
    @Description("Unowned open leads with the latest routing attempt, as GET /api/v1/leads/queue.")
    public Uni<QueuedLeadConnection> queue(@Name("filter") QueueFilter filter, @Name("sort") String sort,
                                           @Name("first") Integer first, @Name("after") String after) {
        return routing.queue(caller.get(), GraphQLSupport.listRequest(RoutingService.QUEUE, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, QueuedLeadEdge::new, QueuedLeadConnection::new));
    }

    @RequiresScope("leads:admin")
    @Query("leadRoutingSettings")
    @Description("A rep's routing settings and load, as GET /api/v1/users/{id}/lead-routing.")
    public Uni<SettingsView> settings(@NonNull @Name("userId") UUID userId) {
        return settings.get(caller.get(), userId);
    }

    @RequiresScope("leads:admin")
    @Mutation("setLeadRoutingSettings")
    @Description("Saves a rep's routing settings, as PUT /api/v1/users/{id}/lead-routing; `expectedVersion` works "
            + "like If-Match.")
    public Uni<LeadRoutingSettingsPayload> setSettings(@NonNull @Name("userId") UUID userId,
                                                       @NonNull @Name("input") SettingsInput input,
                                                       @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> settings.put(caller.get(), userId, expectedVersion, input),
                LeadRoutingSettingsPayload::new);
    }

    @Description("Every routing decision about the lead, oldest first")
    public Uni<List<List<RoutingView>>> routing(@Source List<LeadView> leads) {
        return routing.historyOf(caller.get(), leads.stream().map(LeadView::id).toList());
    }
}
