package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.account.AccountDtos.AccountView;
import org.revops.account.AccountDtos.ContactView;
import org.revops.account.AccountService;
import org.revops.account.ContactService;
import org.revops.opportunity.OpportunityDtos.OpportunityInput;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.opportunity.PipelineDtos.PipelineView;
import org.revops.opportunity.PipelineDtos.StageView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.team.UserDtos.UserView;
import org.revops.team.UserService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** GraphQL door to opportunities; relations resolve in batches, one statement per relation and level. */
@GraphQLApi
public class OpportunityGraphQL {
    private final OpportunityService opportunities;
    private final AccountService accounts;
    private final ContactService contacts;
    private final UserService users;
    private final PipelineService pipelines;
    private final CurrentCaller caller;

    public OpportunityGraphQL(OpportunityService opportunities, AccountService accounts, ContactService contacts,
                              UserService users, PipelineService pipelines, CurrentCaller caller) {
        this.opportunities = opportunities;
        this.accounts = accounts;
        this.contacts = contacts;
        this.users = users;
        this.pipelines = pipelines;
        this.caller = caller;
    }

    public record OpportunityEdge(@NonNull OpportunityView node, @NonNull String cursor) {
    }

    public record OpportunityConnection(@NonNull List<@NonNull OpportunityEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record OpportunityPayload(OpportunityView opportunity, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record DeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("OpportunityFilter")
    @Description("The same filters as GET /api/v1/opportunities; list fields are OR-ed.")
    public record OpportunityFilter(List<UUID> id, List<UUID> stageId, List<UUID> pipelineId, List<UUID> ownerId,
                                    List<UUID> accountId, List<ForecastCategory> forecastCategory, Boolean closed,
                                    Boolean won, List<String> currency, List<String> source, List<String> externalId,
                                    List<String> externalSource, LocalDate closeDateFrom, LocalDate closeDateTo,
                                    BigDecimal amountMin, BigDecimal amountMax, String q, List<String> accountIndustry,
                                    List<String> accountCountry, List<String> accountRegion, List<String> accountTier,
                                    Boolean stalled, List<String> grade) {
    }

    @Input("OpportunityPatch")
    @Description("Fields to change; omitted fields stay. Moving stage resets probability and category unless given.")
    public record OpportunityPatch(String name, UUID accountId, UUID primaryContactId, UUID ownerId, UUID stageId,
                                   @DecimalMin("0") BigDecimal amount, String currency, LocalDate closeDate,
                                   @DecimalMin("0") @DecimalMax("100") BigDecimal probability,
                                   ForecastCategory forecastCategory, String nextStep, String source,
                                   String externalId, String externalSource) {
    }

    @Query("opportunities")
    @Description("Opportunities visible to the caller, as a Relay connection. `sort` as in REST, e.g. \"-amount\".")
    public Uni<OpportunityConnection> list(@Name("filter") OpportunityFilter filter, @Name("sort") String sort,
                                           @Name("first") Integer first, @Name("after") String after) {
        return opportunities.list(caller.get(),
                        GraphQLSupport.listRequest(OpportunityQueries.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, OpportunityEdge::new, OpportunityConnection::new));
    }

    @Query("opportunity")
    public Uni<OpportunityView> get(@NonNull @Name("id") UUID id) {
        return opportunities.get(caller.get(), id);
    }

    @Mutation("createOpportunity")
    public Uni<OpportunityPayload> create(@NonNull @Name("input") OpportunityInput input) {
        return GraphQLSupport.payload(() -> opportunities.create(caller.get(), input), OpportunityPayload::new);
    }

    @Mutation("updateOpportunity")
    @Description("`expectedVersion` works like If-Match: the change is refused if the deal changed since.")
    public Uni<OpportunityPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") OpportunityPatch patch,
                                          @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> opportunities.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), OpportunityPayload::new);
    }

    @Mutation("deleteOpportunity")
    public Uni<DeletePayload> delete(@NonNull @Name("id") UUID id, @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> opportunities.delete(caller.get(), id, expectedVersion).replaceWith(id),
                DeletePayload::new);
    }

    public Uni<List<AccountView>> account(@Source List<OpportunityView> deals) {
        return accounts.byIds(caller.get(), ids(deals, OpportunityView::accountId));
    }

    public Uni<List<UserView>> owner(@Source List<OpportunityView> deals) {
        return users.byIds(caller.get(), ids(deals, OpportunityView::ownerId));
    }

    public Uni<List<StageView>> stage(@Source List<OpportunityView> deals) {
        return pipelines.stagesByIds(caller.get(), ids(deals, OpportunityView::stageId));
    }

    public Uni<List<PipelineView>> pipeline(@Source List<OpportunityView> deals) {
        return pipelines.byIds(caller.get(), ids(deals, OpportunityView::pipelineId));
    }

    public Uni<List<ContactView>> primaryContact(@Source List<OpportunityView> deals) {
        return contacts.byIds(caller.get(), ids(deals, OpportunityView::primaryContactId));
    }

    static <T> List<UUID> ids(List<T> sources, Function<T, UUID> id) {
        return sources.stream().map(id).toList();
    }
}
