package org.revops.account;

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
import org.revops.account.AccountBatchDtos.AccountUpsertInput;
import org.revops.account.AccountDtos.AccountInput;
import org.revops.integration.BatchDtos;
import org.revops.integration.BatchGraphQL;
import org.revops.account.AccountDtos.AccountView;
import org.revops.account.AccountDtos.ContactView;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.opportunity.OpportunityService;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.team.UserDtos.UserView;
import org.revops.team.UserService;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** GraphQL door to accounts; opportunities, contacts and owner of a page of accounts resolve in one statement each. */
@RequiresScope(read = "accounts:read", write = "accounts:write")
@GraphQLApi
public class AccountGraphQL {
    private final AccountService accounts;
    private final ContactService contacts;
    private final OpportunityService opportunities;
    private final UserService users;
    private final CurrentCaller caller;

    private final AccountBatchUpsert batch;

    public AccountGraphQL(AccountService accounts, ContactService contacts, OpportunityService opportunities,
                          UserService users, CurrentCaller caller, AccountBatchUpsert batch) {
        this.batch = batch;
        this.accounts = accounts;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.users = users;
        this.caller = caller;
    }

    public record AccountEdge(@NonNull AccountView node, @NonNull String cursor) {
    }

    public record AccountConnection(@NonNull List<@NonNull AccountEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record AccountPayload(AccountView account, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record AccountDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("AccountFilter")
    @Description("The same filters as GET /api/v1/accounts; list fields are OR-ed.")
    public record AccountFilter(List<UUID> id, List<UUID> ownerId, List<String> industry, List<String> country,
                                List<String> region, List<String> tier, List<UUID> territoryId, List<String> externalId,
                                List<String> externalSource, Integer employeeCountMin, Integer employeeCountMax,
                                BigDecimal annualRevenueMin, BigDecimal annualRevenueMax, OffsetDateTime updatedSince,
                                String q) {
    }

    @Input("AccountPatch")
    @Description("Fields to change; omitted fields stay.")
    public record AccountPatch(String name, String industry, @Min(0) Integer employeeCount,
                               @DecimalMin("0") BigDecimal annualRevenue, String currency, String country,
                               String region, String city, String postalCode, String tier, UUID ownerId,
                               String externalId, String externalSource) {
    }

    @Query("accounts")
    @Description("Accounts visible to the caller, as a Relay connection. `sort` as in REST, e.g. \"-createdAt\".")
    public Uni<AccountConnection> list(@Name("filter") AccountFilter filter, @Name("sort") String sort,
                                       @Name("first") Integer first, @Name("after") String after) {
        return accounts.list(caller.get(), GraphQLSupport.listRequest(AccountService.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, AccountEdge::new, AccountConnection::new));
    }

    @Query("account")
    public Uni<AccountView> get(@NonNull @Name("id") UUID id) {
        return accounts.get(caller.get(), id);
    }

    @Mutation("createAccount")
    public Uni<AccountPayload> create(@NonNull @Name("input") AccountInput input) {
        return GraphQLSupport.payload(() -> accounts.create(caller.get(), input), AccountPayload::new);
    }

    @Mutation("upsertAccounts")
    @Description("Batch upsert by externalSource + externalId, as POST /api/v1/accounts/batch/upsert: one result per "
            + "record. An atomic batch with invalid records writes nothing: result.applied is false, userErrors says so.")
    public Uni<BatchDtos.Payload> upsert(@NonNull @Name("input") AccountUpsertInput input) {
        return BatchGraphQL.upsert(batch, caller.get(), input.atomic(), input.records());
    }

    @Mutation("updateAccount")
    public Uni<AccountPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") AccountPatch patch,
                                      @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> accounts.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), AccountPayload::new);
    }

    @Mutation("deleteAccount")
    public Uni<AccountDeletePayload> delete(@NonNull @Name("id") UUID id, @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> accounts.delete(caller.get(), id, expectedVersion).replaceWith(id),
                AccountDeletePayload::new);
    }

    @Description("The account's deals the caller may see, by close date.")
    public Uni<List<List<OpportunityView>>> opportunities(@Source List<AccountView> list) {
        return opportunities.byAccounts(caller.get(), list.stream().map(AccountView::id).toList());
    }

    public Uni<List<List<ContactView>>> contacts(@Source List<AccountView> list) {
        return contacts.byAccounts(caller.get(), list.stream().map(AccountView::id).toList());
    }

    public Uni<List<UserView>> owner(@Source List<AccountView> list) {
        return users.byIds(caller.get(), list.stream().map(AccountView::ownerId).toList());
    }
}
