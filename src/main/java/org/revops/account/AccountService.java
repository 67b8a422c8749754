package org.revops.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.account.AccountDtos.AccountInput;
import org.revops.account.AccountDtos.AccountView;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
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
import org.revops.platform.workspace.Workspaces;
import org.revops.territory.TerritoryAssignmentService;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Accounts: the companies deals are with. Visible to their owner's chain and to whoever works a deal on them. Their
 * territory is their assignment in the active territory model, made again on every write.
 */
@ApplicationScoped
public class AccountService {
    static final String SELECT = """
            SELECT a.id, a.name, a.industry, a.employee_count, a.annual_revenue, a.currency, a.country, a.region,
                   a.city, a.postal_code, a.tier, a.owner_id, a.external_id, a.external_source,
                   a.created_at, a.updated_at, a.version, ta.territory_id, ta.cause AS territory_cause
            FROM accounts a
            LEFT JOIN territory_models tm ON tm.workspace_id = a.workspace_id AND tm.state = 'active'
            LEFT JOIN territory_assignments ta
                   ON ta.workspace_id = a.workspace_id AND ta.model_id = tm.id AND ta.account_id = a.id""";

    public static final ListSpec LIST = ListSpec.builder("listAccounts", SELECT, "a.workspace_id", "a.id")
            .anyOf("id", ValueType.UUID_, "a.id", "Account id; repeat for several.")
            .anyOf("ownerId", ValueType.UUID_, "a.owner_id", "Owner; repeat for several.")
            .anyOf("industry", ValueType.TEXT, "a.industry", "Industry, exact.")
            .anyOf("country", ValueType.TEXT, "a.country", "ISO 3166-1 alpha-2 country code.")
            .anyOf("region", ValueType.TEXT, "a.region", "Region, exact.")
            .anyOf("tier", ValueType.TEXT, "a.tier", "Tier A, B or C.")
            .anyOf("territoryId", ValueType.UUID_, "ta.territory_id", "Territory in the active model; repeat for several.")
            .anyOf("externalId", ValueType.TEXT, "a.external_id", "Id in the source system.")
            .anyOf("externalSource", ValueType.TEXT, "a.external_source", "Source system.")
            .single("employeeCountMin", ValueType.INTEGER, "a.employee_count >= ?", "At least this many employees.")
            .single("employeeCountMax", ValueType.INTEGER, "a.employee_count <= ?", "At most this many employees.")
            .single("annualRevenueMin", ValueType.DECIMAL, "a.annual_revenue >= ?", "Annual revenue at least.")
            .single("annualRevenueMax", ValueType.DECIMAL, "a.annual_revenue <= ?", "Annual revenue at most.")
            .single("updatedSince", ValueType.TIMESTAMP, "a.updated_at >= ?", "Changed at or after this instant.")
            .single("q", ValueType.TEXT, "strpos(lower(a.name), lower(?)) > 0", "Name contains this text.")
            .sort("name", "a.name", "name", ValueType.TEXT)
            .sort("createdAt", "a.created_at", "created_at", ValueType.TIMESTAMP)
            .sort("updatedAt", "a.updated_at", "updated_at", ValueType.TIMESTAMP)
            .build("name");

    private final Db db;
    private final Visibility visibility;
    private final MergePatch mergePatch;
    private final Workspaces workspaces;
    private final Clock clock;
    private final TerritoryAssignmentService territories;

    public AccountService(Db db, Visibility visibility, MergePatch mergePatch, Workspaces workspaces, Clock clock,
                          TerritoryAssignmentService territories) {
        this.territories = territories;
        this.db = db;
        this.visibility = visibility;
        this.mergePatch = mergePatch;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    public Uni<Slice<AccountView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), Visibility.readableAccount(caller, "a"), request,
                AccountService::toView);
    }

    public Uni<AccountView> get(Caller caller, UUID id) {
        return byIds(caller, List.of(id)).map(found -> Rows.present(found.get(0), "Account"));
    }

    /** Accounts by id, aligned to {@code ids}, null where unknown or not visible: one statement. */
    public Uni<List<AccountView>> byIds(Caller caller, List<UUID> ids) {
        SqlPredicate visible = Visibility.readableAccount(caller, "a");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE a.workspace_id = ? AND a.id = ANY(?)",
                        caller.workspaceId(), ids.toArray(UUID[]::new))
                .append(" AND " + visible.sql(), visible.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> Rows.alignById(rows, ids, AccountService::toView));
    }

    /**
     * The accounts assigned (by rule or by hand) to each of {@code territoryIds} in {@code modelIds}, the first
     * {@code first} of each by name, visible to the caller: one statement for a page of territories, ranked with
     * {@code row_number() OVER (PARTITION BY territory ORDER BY name, id)}. Each account shows its territory in the
     * ACTIVE model, whatever model was asked about.
     */
    public Uni<List<List<AccountView>>> byTerritories(Caller caller, List<UUID> modelIds, List<UUID> territoryIds,
                                                      int first) {
        SqlPredicate visible = Visibility.readableAccount(caller, "a");
        SqlBuilder sql = new SqlBuilder().append("SELECT * FROM (" + SELECT.replaceFirst("SELECT ", """
                        SELECT x.territory_id AS of_territory,
                               row_number() OVER (PARTITION BY x.territory_id ORDER BY a.name, a.id) AS rank, """) + """
                         JOIN territory_assignments x ON x.workspace_id = a.workspace_id AND x.account_id = a.id
                        WHERE a.workspace_id = ? AND x.model_id = ANY(?) AND x.territory_id = ANY(?)
                          AND x.cause IN ('rule', 'manual')""", caller.workspaceId(), modelIds.toArray(UUID[]::new),
                        territoryIds.toArray(UUID[]::new))
                .append(" AND " + visible.sql(), visible.args())
                .append(") ranked WHERE rank <= ? ORDER BY of_territory, rank", first);
        return db.query(sql.sql(), sql.tuple())
                .map(rows -> Rows.groupBy(rows, territoryIds, "of_territory", AccountService::toView));
    }

    public Uni<AccountView> create(Caller caller, AccountInput input) {
        caller.requireWrite();
        mergePatch.validate(input);
        UUID ownerId = input.ownerId() != null ? input.ownerId() : caller.userId();
        return visibility.checkNewOwner(caller, ownerId)
                .flatMap(ok -> workspaces.currency(caller))
                .flatMap(defaultCurrency -> Audited.transaction(
                        () -> persistNew(caller, input, ownerId, defaultCurrency)))
                .flatMap(id -> get(caller, id));
    }

    /**
     * Creates an account in the caller's current Hibernate transaction and assigns its territory; the caller has
     * validated the input and checked the owner (create, and lead conversion, whose other records join the same
     * transaction).
     */
    public Uni<UUID> persistNew(Caller caller, AccountInput input, UUID ownerId, String defaultCurrency) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.workspaceId = caller.workspaceId();
        account.createdAt = clock.instant();
        apply(account, input, ownerId, defaultCurrency);
        return account.persist().map(saved -> account.id)
                .call(id -> territories.assignOnWrite(caller.workspaceId(), id));
    }

    public Uni<AccountView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        caller.requireWrite();
        return get(caller, id).flatMap(current -> visibility.checkMayEdit(caller, current.ownerId()))
                .flatMap(ok -> Audited.transaction(() -> Records.load(Account.class, caller, id, "Account")
                        .flatMap(account -> {
                            Versions.check(expectedVersion, account.version);
                            AccountInput merged = mergePatch.apply(toInput(account), patch, AccountInput.class).value();
                            UUID ownerId = merged.ownerId() != null ? merged.ownerId() : account.ownerId;
                            Uni<Void> ownerCheck = ownerId.equals(account.ownerId) ? Uni.createFrom().voidItem()
                                    : visibility.checkNewOwner(caller, ownerId);
                            return ownerCheck.map(v -> {
                                apply(account, merged, ownerId, account.currency);
                                return account.id;
                            }).call(accountId -> territories.assignOnWrite(caller.workspaceId(), accountId));
                        })))
                .flatMap(accountId -> get(caller, accountId));
    }

    /** Deletes the account and its contacts; refused (409) while deals reference it. */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        caller.requireWrite();
        return get(caller, id).flatMap(current -> visibility.checkMayEdit(caller, current.ownerId()))
                .flatMap(ok -> Audited.transaction(() -> Records.load(Account.class, caller, id, "Account")
                        .flatMap(account -> {
                            Versions.check(expectedVersion, account.version);
                            return account.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
                        })));
    }

    void apply(Account account, AccountInput in, UUID ownerId, String defaultCurrency) {
        account.name = in.name().trim();
        account.industry = in.industry();
        account.employeeCount = in.employeeCount();
        account.annualRevenue = in.annualRevenue();
        account.currency = in.currency() != null ? in.currency() : defaultCurrency;
        account.country = in.country();
        account.region = in.region();
        account.city = in.city();
        account.postalCode = in.postalCode();
        account.tier = in.tier();
        account.ownerId = ownerId;
        account.externalId = in.externalId();
        account.externalSource = in.externalSource();
        account.updatedAt = clock.instant();
    }

    static AccountInput toInput(Account a) {
        return new AccountInput(a.name, a.industry, a.employeeCount, a.annualRevenue, a.currency, a.country, a.region,
                a.city, a.postalCode, a.tier, a.ownerId, a.externalId, a.externalSource);
    }

    static AccountView toView(Row row) {
        return new AccountView(row.getUUID("id"), row.getString("name"), row.getString("industry"),
                row.getInteger("employee_count"), row.getBigDecimal("annual_revenue"), row.getString("currency"),
                row.getString("country"), row.getString("region"), row.getString("city"),
                row.getString("postal_code"), row.getString("tier"), row.getUUID("owner_id"),
                row.getString("external_id"), row.getString("external_source"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"), row.getUUID("territory_id"),
                row.getString("territory_cause"));
    }
}
