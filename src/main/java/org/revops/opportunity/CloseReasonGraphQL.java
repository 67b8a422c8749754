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
import org.revops.opportunity.CloseReasonDtos.AppliesTo;
import org.revops.opportunity.CloseReasonDtos.CloseReasonInput;
import org.revops.opportunity.CloseReasonDtos.CloseReasonView;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;
import java.util.UUID;

/** GraphQL door to close reasons, and the close reason of a deal (resolved in one statement per page). */
@RequiresScope(read = "opportunities:read", write = "workspace:admin")
@GraphQLApi
public class CloseReasonGraphQL {
    private final CloseReasonService reasons;
    private final CurrentCaller caller;

    public CloseReasonGraphQL(CloseReasonService reasons, CurrentCaller caller) {
        this.reasons = reasons;
        this.caller = caller;
    }

    public record CloseReasonEdge(@NonNull CloseReasonView node, @NonNull String cursor) {
    }

    public record CloseReasonConnection(@NonNull List<@NonNull CloseReasonEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record CloseReasonPayload(CloseReasonView closeReason, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record CloseReasonDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("CloseReasonFilter")
    @Description("The same filters as GET /api/v1/close-reasons; list fields are OR-ed.")
    public record CloseReasonFilter(List<UUID> id, Boolean active, List<AppliesTo> appliesTo, String q) {
    }

    @Input("CloseReasonPatch")
    @Description("Fields to change; omitted fields stay. `active: false` retires the reason.")
    public record CloseReasonPatch(String name, AppliesTo appliesTo, Boolean active) {
    }

    @Query("closeReasons")
    public Uni<CloseReasonConnection> list(@Name("filter") CloseReasonFilter filter, @Name("sort") String sort,
                                           @Name("first") Integer first, @Name("after") String after) {
        return reasons.list(caller.get(), GraphQLSupport.listRequest(CloseReasonService.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, CloseReasonEdge::new, CloseReasonConnection::new));
    }

    @Query("closeReason")
    public Uni<CloseReasonView> get(@NonNull @Name("id") UUID id) {
        return reasons.get(caller.get(), id);
    }

    @Mutation("createCloseReason")
    @Description("Admin only.")
    public Uni<CloseReasonPayload> create(@NonNull @Name("input") CloseReasonInput input) {
        return GraphQLSupport.payload(() -> reasons.create(caller.get(), input), CloseReasonPayload::new);
    }

    @Mutation("updateCloseReason")
    @Description("Admin only. `expectedVersion` works like If-Match.")
    public Uni<CloseReasonPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") CloseReasonPatch patch,
                                          @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> reasons.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), CloseReasonPayload::new);
    }

    @Mutation("deleteCloseReason")
    @Description("Admin only; refused while deals carry the reason (retire it with active: false).")
    public Uni<CloseReasonDeletePayload> delete(@NonNull @Name("id") UUID id,
                                                @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> reasons.delete(caller.get(), id, expectedVersion).replaceWith(id),
                CloseReasonDeletePayload::new);
    }

    @Description("Why the deal was won or lost; null while open")
    public Uni<List<CloseReasonView>> closeReason(@Source List<OpportunityView> deals) {
        return reasons.byIds(caller.get(), OpportunityGraphQL.ids(deals, OpportunityView::closeReasonId));
    }
}
