package org.revops.lead;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.lead.LeadBatchDtos.LeadUpsertInput;
import org.revops.integration.BatchDtos;
import org.revops.integration.BatchGraphQL;
import org.revops.lead.LeadDtos.LeadInput;
import org.revops.lead.LeadDtos.LeadView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.team.UserDtos.UserView;
import org.revops.team.UserService;
import org.revops.territory.TerritoryDtos.TerritoryView;
import org.revops.territory.TerritoryQueries;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** GraphQL door to leads; the owner and territory of a page of leads resolve in one statement each. */
@RequiresScope(read = "leads:read", write = "leads:write")
@GraphQLApi
public class LeadGraphQL {
    private final LeadService leads;
    private final LeadBatchUpsert batch;
    private final UserService users;
    private final TerritoryQueries territories;
    private final CurrentCaller caller;

    public LeadGraphQL(LeadService leads, LeadBatchUpsert batch, UserService users, TerritoryQueries territories,
                       CurrentCaller caller) {
        this.leads = leads;
        this.batch = batch;
        this.users = users;
        this.territories = territories;
        this.caller = caller;
    }

    public record LeadEdge(@NonNull LeadView node, @NonNull String cursor) {
    }

    public record LeadConnection(@NonNull List<@NonNull LeadEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record LeadPayload(LeadView lead, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record LeadDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("LeadFilter")
    @Description("The same filters as GET /api/v1/leads; list fields are OR-ed.")
    public record LeadFilter(List<UUID> id, List<UUID> ownerId, Boolean unowned, List<String> status,
                             List<String> source, List<String> campaign, List<String> grade, List<UUID> territoryId,
                             List<String> industry, List<String> country, List<String> email,
                             List<String> companyDomain, List<String> externalId, List<String> externalSource,
                             Integer scoreMin, Integer scoreMax, OffsetDateTime createdFrom, OffsetDateTime createdTo,
                             OffsetDateTime updatedSince, String q) {
    }

    @Input("LeadPatch")
    @Description("Fields to change; omitted fields stay.")
    public record LeadPatch(String firstName, String lastName, String email, String phone, String title,
                            String company, String companyDomain, String industry, @Min(0) Integer employeeCount,
                            @DecimalMin("0") BigDecimal annualRevenue, String currency, String country, String region,
                            String city, String postalCode, String source, String campaign, String partner,
                            @DecimalMin("0") BigDecimal budgetAmount, String budgetStatus, String authority,
                            String need, String timeline, @Min(0) Integer visits, @Min(0) Integer emailOpens,
                            @Min(0) Integer formFills, @Min(0) Integer eventsAttended, OffsetDateTime lastEngagedAt,
                            String status, String disqualifiedReason, UUID ownerId, UUID territoryId,
                            String externalId, String externalSource) {
    }

    @Query("leads")
    @Description("Leads visible to the caller, as a Relay connection. `sort` as in REST, e.g. \"-score\".")
    public Uni<LeadConnection> list(@Name("filter") LeadFilter filter, @Name("sort") String sort,
                                    @Name("first") Integer first, @Name("after") String after) {
        return leads.list(caller.get(), GraphQLSupport.listRequest(LeadService.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, LeadEdge::new, LeadConnection::new));
    }

    @Query("lead")
    public Uni<LeadView> get(@NonNull @Name("id") UUID id) {
        return leads.get(caller.get(), id);
    }

    @Mutation("createLead")
    public Uni<LeadPayload> create(@NonNull @Name("input") LeadInput input) {
        return GraphQLSupport.payload(() -> leads.create(caller.get(), input), LeadPayload::new);
    }

    @Mutation("upsertLeads")
    @Description("Batch upsert by externalSource + externalId, as POST /api/v1/leads/batch/upsert: one result per "
            + "record. An atomic batch with invalid records writes nothing: result.applied is false, userErrors says so.")
    public Uni<BatchDtos.Payload> upsert(@NonNull @Name("input") LeadUpsertInput input) {
        return BatchGraphQL.upsert(batch, caller.get(), input.atomic(), input.records());
    }

    @Mutation("updateLead")
    public Uni<LeadPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") LeadPatch patch,
                                   @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> leads.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), LeadPayload::new);
    }

    @Mutation("deleteLead")
    public Uni<LeadDeletePayload> delete(@NonNull @Name("id") UUID id, @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> leads.delete(caller.get(), id, expectedVersion).replaceWith(id),
                LeadDeletePayload::new);
    }

    public Uni<List<UserView>> owner(@Source List<LeadView> list) {
        return users.byIds(caller.get(), list.stream().map(LeadView::ownerId).toList());
    }

    @Description("The lead's territory (null: none, a tie, or not readable by the caller).")
    public Uni<List<TerritoryView>> territory(@Source List<LeadView> list) {
        return territories.byIds(caller.get(), list.stream().map(LeadView::territoryId).toList());
    }
}
