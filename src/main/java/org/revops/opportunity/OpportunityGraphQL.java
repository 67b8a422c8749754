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
import org.revops.integration.BatchDtos;
import org.revops.integration.BatchGraphQL;
import org.revops.opportunity.OpportunityDtos.ChangeView;
import org.revops.opportunity.OpportunityDtos.CloseInput;
import org.revops.opportunity.OpportunityDtos.OpportunityInput;
import org.revops.opportunity.OpportunityDtos.ReopenInput;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.opportunity.PipelineDtos.PipelineView;
import org.revops.opportunity.PipelineDtos.StageView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.team.UserDtos.UserView;
import org.revops.team.UserService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** GraphQL door to opportunities; relations resolve in batches, one statement per relation and level. */
@RequiresScope(read = "opportunities:read", write = "opportunities:write")
@GraphQLApi
public class OpportunityGraphQL {
    private final OpportunityService opportunities;
    private final AccountService accounts;
    private final ContactService contacts;
    private final UserService users;
    private final PipelineService pipelines;
    private final CurrentCaller caller;
    private final OpportunityClosing closing;
    private final OpportunityHistory history;
    private final OpportunityBatchUpsert batch;

    public OpportunityGraphQL(OpportunityService opportunities, AccountService accounts, ContactService contacts,
                              UserService users, PipelineService pipelines, CurrentCaller caller,
                              OpportunityClosing closing, OpportunityHistory history, OpportunityBatchUpsert batch) {
        this.batch = batch;
        this.closing = closing;
        this.history = history;
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
                                    List<UUID> accountId, List<UUID> territoryId,
                                    List<ForecastCategory> forecastCategory, Boolean closed,
                                    Boolean won, List<String> currency, List<String> source, List<String> campaign,
                                    List<UUID> leadId, List<String> externalId,
                                    List<String> externalSource, LocalDate closeDateFrom, LocalDate closeDateTo,
                                    BigDecimal amountMin, BigDecimal amountMax, Boolean stalled, List<String> grade,
                                    OffsetDateTime closedFrom, OffsetDateTime closedTo, String q,
                                    List<String> accountIndustry, List<String> accountCountry,
                                    List<String> accountRegion, List<String> accountTier) {
    }

    @Input("OpportunityPatch")
    @Description("Fields to change; omitted fields stay. Moving stage resets probability and category unless given.")
    public record OpportunityPatch(String name, UUID accountId, UUID primaryContactId, UUID ownerId, UUID stageId,
                                   @DecimalMin("0") BigDecimal amount, String currency, LocalDate closeDate,
                                   @DecimalMin("0") @DecimalMax("100") BigDecimal probability,
                                   ForecastCategory forecastCategory,
                                   @Description("A person's grade A, B or C; wins over the computed one") String grade,
                                   String nextStep, String source, String campaign,
                                   String externalId, String externalSource,
                                   @Description("A territory of the active model set by hand") UUID territoryId) {
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

    @Mutation("upsertOpportunities")
    @Description("Batch upsert by externalSource + externalId, as POST /api/v1/opportunities/batch/upsert: one result "
            + "per record. An atomic batch with invalid records writes nothing: result.applied is false, userErrors says so.")
    public Uni<BatchDtos.Payload> upsert(@NonNull @Name("input") OpportunityBatchDtos.OpportunityUpsertInput input) {
        return BatchGraphQL.upsert(batch, caller.get(), input.atomic(), input.records());
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

    @Mutation("closeOpportunity")
    @Description("Closes a deal as won or lost, as POST /api/v1/opportunities/{id}/close.")
    public Uni<OpportunityPayload> close(@NonNull @Name("id") UUID id, @NonNull @Name("input") CloseInput input,
                                         @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> closing.close(caller.get(), id, expectedVersion, input),
                OpportunityPayload::new);
    }

    @Mutation("reopenOpportunity")
    @Description("Reopens a closed deal, as POST /api/v1/opportunities/{id}/reopen.")
    public Uni<OpportunityPayload> reopen(@NonNull @Name("id") UUID id, @Name("input") ReopenInput input,
                                          @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> closing.reopen(caller.get(), id, expectedVersion, input),
                OpportunityPayload::new);
    }

    @Description("Every change of stage, amount, close date, probability and forecast category, oldest first")
    public Uni<List<List<ChangeView>>> history(@Source List<OpportunityView> deals) {
        return history.of(caller.get(), ids(deals, OpportunityView::id));
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
