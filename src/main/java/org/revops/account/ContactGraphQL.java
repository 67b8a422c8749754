package org.revops.account;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.account.AccountBatchDtos.ContactUpsertInput;
import org.revops.account.AccountDtos.AccountView;
import org.revops.integration.BatchDtos;
import org.revops.integration.BatchGraphQL;
import org.revops.account.AccountDtos.ContactInput;
import org.revops.account.AccountDtos.ContactView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** GraphQL door to contacts. */
@RequiresScope(read = "accounts:read", write = "accounts:write")
@GraphQLApi
public class ContactGraphQL {
    private final ContactService contacts;
    private final AccountService accounts;
    private final CurrentCaller caller;

    private final ContactBatchUpsert batch;

    public ContactGraphQL(ContactService contacts, AccountService accounts, CurrentCaller caller,
                          ContactBatchUpsert batch) {
        this.batch = batch;
        this.contacts = contacts;
        this.accounts = accounts;
        this.caller = caller;
    }

    public record ContactEdge(@NonNull ContactView node, @NonNull String cursor) {
    }

    public record ContactConnection(@NonNull List<@NonNull ContactEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record ContactPayload(ContactView contact, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record ContactDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("ContactFilter")
    @Description("The same filters as GET /api/v1/contacts; list fields are OR-ed.")
    public record ContactFilter(List<UUID> id, List<UUID> accountId, List<String> email, List<String> externalId,
                                List<String> externalSource, OffsetDateTime updatedSince, String q) {
    }

    @Input("ContactPatch")
    @Description("Fields to change; omitted fields stay.")
    public record ContactPatch(UUID accountId, String name, String email, String phone, String title,
                               String externalId, String externalSource) {
    }

    @Query("contacts")
    public Uni<ContactConnection> list(@Name("filter") ContactFilter filter, @Name("sort") String sort,
                                       @Name("first") Integer first, @Name("after") String after) {
        return contacts.list(caller.get(), GraphQLSupport.listRequest(ContactService.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, ContactEdge::new, ContactConnection::new));
    }

    @Query("contact")
    public Uni<ContactView> get(@NonNull @Name("id") UUID id) {
        return contacts.get(caller.get(), id);
    }

    @Mutation("upsertContacts")
    @Description("Batch upsert by externalSource + externalId, as POST /api/v1/contacts/batch/upsert: one result per "
            + "record. An atomic batch with invalid records writes nothing: result.applied is false, userErrors says so.")
    public Uni<BatchDtos.Payload> upsert(@NonNull @Name("input") ContactUpsertInput input) {
        return BatchGraphQL.upsert(batch, caller.get(), input.atomic(), input.records());
    }

    @Mutation("createContact")
    public Uni<ContactPayload> create(@NonNull @Name("input") ContactInput input) {
        return GraphQLSupport.payload(() -> contacts.create(caller.get(), input), ContactPayload::new);
    }

    @Mutation("updateContact")
    public Uni<ContactPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") ContactPatch patch,
                                      @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> contacts.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), ContactPayload::new);
    }

    @Mutation("deleteContact")
    public Uni<ContactDeletePayload> delete(@NonNull @Name("id") UUID id, @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> contacts.delete(caller.get(), id, expectedVersion).replaceWith(id),
                ContactDeletePayload::new);
    }

    public Uni<List<AccountView>> account(@Source List<ContactView> list) {
        return accounts.byIds(caller.get(), list.stream().map(ContactView::accountId).toList());
    }
}
