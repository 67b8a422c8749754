package org.revops.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Singleton;
import org.revops.account.AccountDtos.AccountInput;
import org.revops.integration.BatchUpsert;
import org.revops.integration.UpsertStatement;
import org.revops.integration.UpsertStatement.Column;
import org.revops.integration.UserReferences;
import org.revops.platform.db.Db;
import org.revops.platform.security.Caller;
import org.revops.platform.workspace.Workspaces;
import org.revops.platform.write.MergePatch;
import org.revops.territory.TerritoryAssignmentService;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Batch upsert of accounts by {@code (externalSource, externalId)} on the shared {@link BatchUpsert} engine, with
 * AccountService's rules: a new account is owned by the given owner (id or e-mail) or the caller, a known one keeps
 * its owner unless the record names another. The written accounts are assigned to the active territory model's
 * territories by the assignment statement, over the batch's ids.
 */
@Singleton   // not @ApplicationScoped: its engine superclass has no no-args constructor for a client proxy
public class AccountBatchUpsert extends BatchUpsert<AccountInput, Account, UserReferences.Users> {

    static final UpsertStatement UPSERT = new UpsertStatement("accounts", List.of(
            text("name"), text("industry"), new Column("employee_count", "integer"),
            new Column("annual_revenue", "numeric"), text("currency"), text("country"), text("region"), text("city"),
            text("postal_code"), text("tier"), new Column("owner_id", "uuid")));

    private final AccountService accounts;
    private final UserReferences users;
    private final TerritoryAssignmentService territories;

    public AccountBatchUpsert(Db db, ObjectMapper mapper, MergePatch mergePatch, Workspaces workspaces, Clock clock,
                              Vertx vertx, AccountService accounts, UserReferences users,
                              TerritoryAssignmentService territories) {
        super(db, mapper, mergePatch, workspaces, clock, vertx);
        this.accounts = accounts;
        this.users = users;
        this.territories = territories;
    }

    @Override
    protected UpsertStatement statement() {
        return UPSERT;
    }

    @Override
    protected Class<AccountInput> inputType() {
        return AccountInput.class;
    }

    @Override
    protected AccountInput toInput(Account stored) {
        return AccountService.toInput(stored);
    }

    @Override
    protected List<String> referenceFields() {
        return List.of(UserReferences.OWNER_EMAIL);
    }

    @Override
    protected Uni<UserReferences.Users> references(SqlClient conn, UUID workspaceId,
                                                   List<Work<AccountInput, Account>> records) {
        return users.owners(conn, workspaceId, records, AccountInput::ownerId);
    }

    @Override
    protected Object[] row(Caller caller, Work<AccountInput, Account> w, UserReferences.Users found, String currency) {
        UUID currentOwner = w.current == null ? null : w.current.ownerId;
        UUID ownerId = found.owner(w.entry, w.input.ownerId(), w.references.get(UserReferences.OWNER_EMAIL),
                currentOwner);
        // as AccountService: a new account defaults to the caller, a stored one keeps its owner
        if (ownerId == null) {
            ownerId = currentOwner != null ? currentOwner : caller.userId();
        }
        if (!w.entry.valid()) {
            return null;
        }
        Account a = new Account();
        accounts.apply(a, w.input, ownerId, w.current == null ? currency : w.current.currency);
        return new Object[] {a.name, a.industry, a.employeeCount, a.annualRevenue, a.currency, a.country, a.region,
                a.city, a.postalCode, a.tier, a.ownerId};
    }

    @Override
    protected Uni<List<UUID>> afterWrite(SqlClient conn, UUID workspaceId, UUID[] written) {
        return territories.assignBatch(conn, workspaceId, written).replaceWith(List.of());
    }

    @Override
    protected Account fromRow(Row row) {
        Account a = new Account();
        a.id = row.getUUID("id");
        a.workspaceId = row.getUUID("workspace_id");
        a.name = row.getString("name");
        a.industry = row.getString("industry");
        a.employeeCount = row.getInteger("employee_count");
        a.annualRevenue = row.getBigDecimal("annual_revenue");
        a.currency = row.getString("currency");
        a.country = row.getString("country");
        a.region = row.getString("region");
        a.city = row.getString("city");
        a.postalCode = row.getString("postal_code");
        a.tier = row.getString("tier");
        a.ownerId = row.getUUID("owner_id");
        a.externalId = row.getString("external_id");
        a.externalSource = row.getString("external_source");
        a.version = row.getLong("version");
        return a;
    }

    private static Column text(String name) {
        return new Column(name, "text");
    }
}
