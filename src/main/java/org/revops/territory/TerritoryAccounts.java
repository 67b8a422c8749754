package org.revops.territory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.account.AccountDtos.AccountView;
import org.revops.platform.db.Db;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;
import org.revops.territory.TerritoryDtos.TerritoryView;

import java.util.List;
import java.util.UUID;

/**
 * The accounts assigned to territories (by rule or by hand) in their model, as the caller may see them
 * ({@link Visibility#readableAccount}). For a page of territories this is one statement: the assignments of all of
 * them, joined to their accounts, ranked per territory by {@code row_number() OVER (PARTITION BY territory_id ORDER BY
 * name, id)} and cut at rank {@code first}.
 */
@ApplicationScoped
public class TerritoryAccounts {
    private static final String RANKED = """
            SELECT * FROM (
                SELECT ta.territory_id, a.id, a.name, a.industry, a.employee_count, a.annual_revenue, a.currency,
                       a.country, a.region, a.city, a.postal_code, a.tier, a.owner_id, a.external_id,
                       a.external_source, a.created_at, a.updated_at, a.version,
                       live.territory_id AS live_territory_id, live.cause AS live_cause,
                       row_number() OVER (PARTITION BY ta.territory_id ORDER BY a.name, a.id) AS rank
                FROM territory_assignments ta
                JOIN accounts a ON a.workspace_id = ta.workspace_id AND a.id = ta.account_id
                LEFT JOIN territory_models tm ON tm.workspace_id = a.workspace_id AND tm.state = 'active'
                LEFT JOIN territory_assignments live
                       ON live.workspace_id = a.workspace_id AND live.model_id = tm.id AND live.account_id = a.id
                WHERE ta.workspace_id = ? AND ta.model_id = ANY(?) AND ta.territory_id = ANY(?)
                  AND ta.cause IN ('rule', 'manual')""";

    private final Db db;

    public TerritoryAccounts(Db db) {
        this.db = db;
    }

    /** The first {@code first} accounts of each territory by name, in the order of {@code territories}. */
    public Uni<List<List<AccountView>>> assignedTo(Caller caller, List<TerritoryView> territories, int first) {
        List<UUID> ids = territories.stream().map(TerritoryView::id).toList();
        SqlPredicate visible = Visibility.readableAccount(caller, "a");
        SqlBuilder sql = new SqlBuilder().append(RANKED, caller.workspaceId(),
                        territories.stream().map(TerritoryView::modelId).distinct().toArray(UUID[]::new),
                        ids.toArray(UUID[]::new))
                .append(" AND " + visible.sql(), visible.args())
                .append(") ranked WHERE rank <= ? ORDER BY territory_id, rank", first);
        return db.query(sql.sql(), sql.tuple())
                .map(rows -> Rows.groupBy(rows, ids, "territory_id", TerritoryAccounts::toAccount));
    }

    /**
     * The account as {@code AccountService} shows it (its mapper is not public): territoryId and territoryCause are
     * the account's assignment in the ACTIVE model, whatever model the territory asked about belongs to.
     */
    private static AccountView toAccount(Row row) {
        return new AccountView(row.getUUID("id"), row.getString("name"), row.getString("industry"),
                row.getInteger("employee_count"), row.getBigDecimal("annual_revenue"), row.getString("currency"),
                row.getString("country"), row.getString("region"), row.getString("city"),
                row.getString("postal_code"), row.getString("tier"), row.getUUID("owner_id"),
                row.getString("external_id"), row.getString("external_source"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"), row.getUUID("live_territory_id"),
                row.getString("live_cause"));
    }
}
