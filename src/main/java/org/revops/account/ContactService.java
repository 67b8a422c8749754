package org.revops.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.account.AccountDtos.ContactInput;
import org.revops.account.AccountDtos.ContactView;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Contacts: people at accounts. They follow their account: who may read or change it may read or change them. */
@ApplicationScoped
public class ContactService {
    static final String SELECT = """
            SELECT c.id, c.account_id, c.name, c.email, c.phone, c.title, c.external_id, c.external_source,
                   c.created_at, c.updated_at, c.version
            FROM contacts c""";

    public static final ListSpec LIST = ListSpec.builder("listContacts", SELECT, "c.workspace_id", "c.id")
            .anyOf("id", ValueType.UUID_, "c.id", "Contact id; repeat for several.")
            .anyOf("accountId", ValueType.UUID_, "c.account_id", "Contacts of this account; repeat for several.")
            .anyOfWhere("email", ValueType.TEXT, "lower(c.email) IN (SELECT lower(e) FROM unnest(?::text[]) e)",
                    "E-mail address, any case.")
            .anyOf("externalId", ValueType.TEXT, "c.external_id", "Id in the source system.")
            .anyOf("externalSource", ValueType.TEXT, "c.external_source", "Source system.")
            .single("updatedSince", ValueType.TIMESTAMP, "c.updated_at >= ?", "Changed at or after this instant.")
            .single("q", ValueType.TEXT, "strpos(lower(c.name), lower(?)) > 0", "Name contains this text.")
            .sort("name", "c.name", "name", ValueType.TEXT)
            .sort("createdAt", "c.created_at", "created_at", ValueType.TIMESTAMP)
            .build("name");

    private final Db db;
    private final AccountService accounts;
    private final Visibility visibility;
    private final MergePatch mergePatch;
    private final Clock clock;

    public ContactService(Db db, AccountService accounts, Visibility visibility, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.visibility = visibility;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    public Uni<Slice<ContactView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), Visibility.readableContact(caller, "c"), request,
                ContactService::toView);
    }

    public Uni<ContactView> get(Caller caller, UUID id) {
        return byIds(caller, List.of(id)).map(found -> Rows.present(found.get(0), "Contact"));
    }

    public Uni<List<ContactView>> byIds(Caller caller, List<UUID> ids) {
        SqlPredicate visible = Visibility.readableContact(caller, "c");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE c.workspace_id = ? AND c.id = ANY(?)",
                        caller.workspaceId(), ids.toArray(UUID[]::new))
                .append(" AND " + visible.sql(), visible.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> Rows.alignById(rows, ids, ContactService::toView));
    }

    /** The contacts of each account, in the order of {@code accountIds}: one statement for any number of accounts. */
    public Uni<List<List<ContactView>>> byAccounts(Caller caller, List<UUID> accountIds) {
        SqlPredicate visible = Visibility.readableContact(caller, "c");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE c.workspace_id = ? AND c.account_id = ANY(?)",
                        caller.workspaceId(), accountIds.toArray(UUID[]::new))
                .append(" AND " + visible.sql() + " ORDER BY c.name, c.id", visible.args());
        return db.query(sql.sql(), sql.tuple())
                .map(rows -> Rows.groupBy(rows, accountIds, "account_id", ContactService::toView));
    }

    public Uni<ContactView> create(Caller caller, ContactInput input) {
        caller.requireWrite();
        mergePatch.validate(input);
        return requireEditableAccount(caller, input.accountId())
                .flatMap(ok -> Audited.transaction(() -> persistNew(caller, input)))
                .flatMap(id -> get(caller, id));
    }

    /**
     * Creates a contact in the caller's current Hibernate transaction; the caller has validated the input and checked
     * the account (create, and lead conversion, whose account may be new in the same transaction).
     */
    public Uni<UUID> persistNew(Caller caller, ContactInput input) {
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.workspaceId = caller.workspaceId();
        contact.createdAt = clock.instant();
        apply(contact, input);
        return contact.persist().map(saved -> contact.id);
    }

    public Uni<ContactView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        caller.requireWrite();
        return get(caller, id).flatMap(current -> requireEditableAccount(caller, current.accountId()))
                .flatMap(ok -> Audited.transaction(() -> Records.load(Contact.class, caller, id, "Contact")
                        .flatMap(contact -> {
                            Versions.check(expectedVersion, contact.version);
                            ContactInput merged = mergePatch.apply(toInput(contact), patch, ContactInput.class).value();
                            Uni<Void> moved = merged.accountId().equals(contact.accountId) ? Uni.createFrom().voidItem()
                                    : requireEditableAccount(caller, merged.accountId());
                            return moved.map(v -> {
                                apply(contact, merged);
                                return contact.id;
                            });
                        })))
                .flatMap(contactId -> get(caller, contactId));
    }

    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        caller.requireWrite();
        return get(caller, id).flatMap(current -> requireEditableAccount(caller, current.accountId()))
                .flatMap(ok -> Audited.transaction(() -> Records.load(Contact.class, caller, id, "Contact")
                        .flatMap(contact -> {
                            Versions.check(expectedVersion, contact.version);
                            return contact.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
                        })));
    }

    /** The account must be visible (422 otherwise, since it is a field of the request) and editable (403). */
    static final String NO_ACCOUNT = "no such account";

    private Uni<Void> requireEditableAccount(Caller caller, UUID accountId) {
        return accounts.byIds(caller, List.of(accountId)).flatMap(found -> {
            if (found.get(0) == null) {
                return Uni.createFrom().failure(ApiProblem.invalid("accountId", NO_ACCOUNT));
            }
            return visibility.checkMayEdit(caller, found.get(0).ownerId());
        });
    }

    void apply(Contact contact, ContactInput in) {
        contact.accountId = in.accountId();
        contact.name = in.name().trim();
        contact.email = in.email();
        contact.phone = in.phone();
        contact.title = in.title();
        contact.externalId = in.externalId();
        contact.externalSource = in.externalSource();
        contact.updatedAt = clock.instant();
    }

    static ContactInput toInput(Contact c) {
        return new ContactInput(c.accountId, c.name, c.email, c.phone, c.title, c.externalId, c.externalSource);
    }

    static ContactView toView(Row row) {
        return new ContactView(row.getUUID("id"), row.getUUID("account_id"), row.getString("name"),
                row.getString("email"), row.getString("phone"), row.getString("title"), row.getString("external_id"),
                row.getString("external_source"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
