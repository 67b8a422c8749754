package org.revops.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import org.revops.account.AccountDtos.ContactInput;
import org.revops.integration.BatchUpsert;
import org.revops.integration.ExternalKeys;
import org.revops.integration.UpsertStatement;
import org.revops.integration.UpsertStatement.Column;
import org.revops.platform.db.Db;
import org.revops.platform.security.Caller;
import org.revops.platform.workspace.Workspaces;
import org.revops.platform.write.MergePatch;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Batch upsert of contacts by {@code (externalSource, externalId)} on the shared {@link BatchUpsert} engine, with
 * ContactService's rules. The account is given by {@code accountId} or by the account's external id
 * ({@code accountExternalId}, with {@code accountExternalSource}, default: the contact's own externalSource), resolved
 * for the whole batch in one statement before the records are read.
 */
@Singleton   // not @ApplicationScoped: its engine superclass has no no-args constructor for a client proxy
public class ContactBatchUpsert extends BatchUpsert<ContactInput, Contact, Set<UUID>> {
    /** The account by {@code accountExternalId} (+ {@code accountExternalSource}) instead of {@code accountId}. */
    public static final ExternalKeys ACCOUNT = new ExternalKeys("accounts", "accountId", "accountExternalId",
            "accountExternalSource", "an account");

    static final UpsertStatement UPSERT = new UpsertStatement("contacts", List.of(new Column("account_id", "uuid"),
            new Column("name", "text"), new Column("email", "text"), new Column("phone", "text"),
            new Column("title", "text")));

    static final String ACCOUNTS_BY_ID = """
            SELECT a.id FROM accounts a WHERE a.workspace_id = $1 AND a.id = ANY(CAST($2 AS uuid[]))""";

    private final ContactService contacts;

    public ContactBatchUpsert(Db db, ObjectMapper mapper, MergePatch mergePatch, Workspaces workspaces, Clock clock,
                              Vertx vertx, ContactService contacts) {
        super(db, mapper, mergePatch, workspaces, clock, vertx);
        this.contacts = contacts;
    }

    @Override
    protected UpsertStatement statement() {
        return UPSERT;
    }

    @Override
    protected Class<ContactInput> inputType() {
        return ContactInput.class;
    }

    @Override
    protected ContactInput toInput(Contact stored) {
        return ContactService.toInput(stored);
    }

    @Override
    protected List<String> referenceFields() {
        return ACCOUNT.fields();
    }

    /** Accounts named by external id become the record's accountId (or an error naming accountExternalId). */
    @Override
    protected Uni<Void> beforeRead(SqlClient conn, UUID workspaceId, List<Work<ContactInput, Contact>> records) {
        return ACCOUNT.resolve(db, conn, workspaceId, records);
    }

    /** The accounts (by id) the records name that exist in the workspace. */
    @Override
    protected Uni<Set<UUID>> references(SqlClient conn, UUID workspaceId, List<Work<ContactInput, Contact>> records) {
        Set<UUID> named = new HashSet<>();
        records.forEach(w -> named.add(w.input.accountId()));
        return db.query(conn, ACCOUNTS_BY_ID, Tuple.of(workspaceId, named.toArray(UUID[]::new))).map(rows -> {
            Set<UUID> found = new HashSet<>();
            rows.forEach(row -> found.add(row.getUUID("id")));
            return found;
        });
    }

    @Override
    protected Object[] row(Caller caller, Work<ContactInput, Contact> w, Set<UUID> accounts, String currency) {
        if (!accounts.contains(w.input.accountId())) {
            w.entry.error("accountId", ContactService.NO_ACCOUNT);
            return null;
        }
        Contact c = new Contact();
        contacts.apply(c, w.input);
        return new Object[] {c.accountId, c.name, c.email, c.phone, c.title};
    }

    @Override
    protected Contact fromRow(Row row) {
        Contact c = new Contact();
        c.id = row.getUUID("id");
        c.workspaceId = row.getUUID("workspace_id");
        c.accountId = row.getUUID("account_id");
        c.name = row.getString("name");
        c.email = row.getString("email");
        c.phone = row.getString("phone");
        c.title = row.getString("title");
        c.externalId = row.getString("external_id");
        c.externalSource = row.getString("external_source");
        c.version = row.getLong("version");
        return c;
    }
}
