package org.revops.territory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
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
import org.revops.platform.security.Role;
import org.revops.platform.security.TerritoryVisibility;
import org.revops.platform.security.Visibility;
import org.revops.territory.AssignmentDtos.AssignmentView;
import org.revops.territory.AssignmentDtos.MoveRouteView;
import org.revops.territory.AssignmentDtos.MoveView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Account assignments of a model: listing them, setting and clearing manual ones, assigning accounts as they are
 * written, and listing the moves of a preview. Lists show only accounts the caller may read; a rep sees only the
 * assignments of territories they belong to, and no previews.
 */
@ApplicationScoped
public class TerritoryAssignmentService {
    // Both selects name the account "id" too: ListSpec reads its tie-breaker (the cursor's last value) as "id".
    private static final String ASSIGNMENTS = """
            SELECT ta.account_id AS id, ta.account_id, a.name AS account_name, ta.territory_id, t.code AS territory_code,
                   t.name AS territory_name, ta.cause, ta.rule_id, ta.tied_territory_ids, ta.assigned_at, ta.assigned_by
            FROM territory_assignments ta
            JOIN territory_models md ON md.workspace_id = ta.workspace_id AND md.id = ta.model_id AND md.id = ?
            JOIN accounts a ON a.workspace_id = ta.workspace_id AND a.id = ta.account_id
            LEFT JOIN territories t ON t.workspace_id = ta.workspace_id AND t.id = ta.territory_id""";

    public static final ListSpec ASSIGNMENT_LIST = ListSpec.builder("listTerritoryAssignments", ASSIGNMENTS,
                    "ta.workspace_id", "ta.account_id")
            .anyOf("territoryId", ValueType.UUID_, "ta.territory_id", "Territory; repeat for several.")
            .anyOf("cause", ValueType.TEXT, "ta.cause", "rule, manual or tie; repeat for several.")
            .anyOf("accountId", ValueType.UUID_, "ta.account_id", "Account; repeat for several.")
            .anyOf("ruleId", ValueType.UUID_, "ta.rule_id", "The rule that made the assignment.")
            .sort("accountName", "a.name", "account_name", ValueType.TEXT)
            .build("accountName");

    private static final String MOVES = """
            SELECT m.account_id AS id, m.account_id, a.name AS account_name, m.account_owner_id,
                   m.from_territory_id, ft.code AS from_code, ft.name AS from_name, ft.owner_id AS from_owner_id,
                   m.to_territory_id, tt.code AS to_code, tt.name AS to_name, tt.owner_id AS to_owner_id,
                   m.open_deals, m.open_pipeline_amount
            FROM territory_moves m
            JOIN territory_models md ON md.workspace_id = m.workspace_id AND md.id = m.model_id AND md.id = ?
            JOIN accounts a ON a.workspace_id = m.workspace_id AND a.id = m.account_id
            LEFT JOIN territories ft ON ft.workspace_id = m.workspace_id AND ft.id = m.from_territory_id
            LEFT JOIN territories tt ON tt.workspace_id = m.workspace_id AND tt.id = m.to_territory_id""";

    public static final ListSpec MOVE_LIST = ListSpec.builder("listTerritoryMoves", MOVES, "m.workspace_id",
                    "m.account_id")
            .anyOf("fromTerritoryId", ValueType.UUID_, "m.from_territory_id", "Territory in the active model.")
            .anyOf("toTerritoryId", ValueType.UUID_, "m.to_territory_id", "Territory in the planning model.")
            .anyOf("accountOwnerId", ValueType.UUID_, "m.account_owner_id", "Owner of the account.")
            .single("openPipelineAmountMin", ValueType.DECIMAL, "m.open_pipeline_amount >= ?",
                    "Only accounts with at least this much open pipeline.")
            .sort("accountName", "a.name", "account_name", ValueType.TEXT)
            .sort("openPipelineAmount", "m.open_pipeline_amount", "open_pipeline_amount", ValueType.DECIMAL)
            .build("accountName");

    private final Db db;
    private final Clock clock;
    private final TerritoryModelService models;

    public TerritoryAssignmentService(Db db, Clock clock, TerritoryModelService models) {
        this.models = models;
        this.db = db;
        this.clock = clock;
    }

    public Uni<Slice<AssignmentView>> assignments(Caller caller, UUID modelId, ListRequest request) {
        return requireModel(caller, modelId).flatMap(state -> ListQuery.run(db, ASSIGNMENT_LIST,
                new Object[] {modelId}, caller.workspaceId(), readable(caller, "ta.territory_id"), request,
                TerritoryAssignmentService::toAssignment));
    }

    /** The moves recorded by the model's latest preview; reps may not read previews. */
    public Uni<Slice<MoveView>> moves(Caller caller, UUID modelId, ListRequest request) {
        requireNotRep(caller);
        return requireModel(caller, modelId).flatMap(state -> ListQuery.run(db, MOVE_LIST, new Object[] {modelId},
                caller.workspaceId(), Visibility.readableAccount(caller, "a"), request, TerritoryAssignmentService::toMove));
    }

    /** The latest preview's moves grouped by route (from → to), largest first, over the accounts the caller reads. */
    public Uni<List<MoveRouteView>> routes(Caller caller, UUID modelId) {
        requireNotRep(caller);
        SqlPredicate visible = Visibility.readableAccount(caller, "a");
        SqlBuilder sql = new SqlBuilder().append("""
                SELECT m.from_territory_id, ft.code AS from_code, ft.name AS from_name, ft.owner_id AS from_owner_id,
                       m.to_territory_id, tt.code AS to_code, tt.name AS to_name, tt.owner_id AS to_owner_id,
                       count(*) AS accounts, count(DISTINCT m.account_owner_id) AS account_owners,
                       sum(m.open_deals) AS open_deals, sum(m.open_pipeline_amount) AS open_pipeline_amount
                FROM territory_moves m
                JOIN accounts a ON a.workspace_id = m.workspace_id AND a.id = m.account_id
                LEFT JOIN territories ft ON ft.workspace_id = m.workspace_id AND ft.id = m.from_territory_id
                LEFT JOIN territories tt ON tt.workspace_id = m.workspace_id AND tt.id = m.to_territory_id
                WHERE m.workspace_id = ? AND m.model_id = ?""", caller.workspaceId(), modelId)
                .append(" AND " + visible.sql(), visible.args())
                .append(" " + """
                         GROUP BY m.from_territory_id, ft.code, ft.name, ft.owner_id, m.to_territory_id, tt.code,
                                  tt.name, tt.owner_id
                         ORDER BY count(*) DESC, ft.code NULLS FIRST, tt.code NULLS FIRST""");
        return requireModel(caller, modelId).flatMap(state -> db.query(sql.sql(), sql.tuple()))
                .map(rows -> {
                    List<MoveRouteView> routes = new java.util.ArrayList<>();
                    for (Row r : rows) {
                        routes.add(new MoveRouteView(r.getUUID("from_territory_id"), r.getString("from_code"),
                                r.getString("from_name"), r.getUUID("from_owner_id"), r.getUUID("to_territory_id"),
                                r.getString("to_code"), r.getString("to_name"), r.getUUID("to_owner_id"),
                                r.getLong("accounts"), r.getLong("account_owners"), r.getLong("open_deals"),
                                r.getBigDecimal("open_pipeline_amount")));
                    }
                    return routes;
                });
    }

    /**
     * Puts the account in the territory by hand; rule runs keep it unless told to replace manual assignments. The
     * model row is share-locked for the change, as for every territory change, so an activation cannot archive it
     * in between.
     */
    public Uni<AssignmentView> assignManually(Caller caller, UUID modelId, UUID accountId, UUID territoryId) {
        TerritoryAccess.requireChange(caller);
        return db.inTransaction(tx -> checkTarget(tx, caller, modelId, accountId, territoryId)
                        .flatMap(ok -> db.query(tx, """
                                INSERT INTO territory_assignments (workspace_id, model_id, account_id, territory_id,
                                                                   cause, assigned_at, assigned_by)
                                VALUES ($1, $2, $3, $4, 'manual', $5, $6)
                                ON CONFLICT (workspace_id, model_id, account_id) DO UPDATE
                                SET territory_id = excluded.territory_id, cause = 'manual', rule_id = NULL,
                                    tied_territory_ids = NULL, assigned_at = excluded.assigned_at,
                                    assigned_by = excluded.assigned_by""", Tuple.of(caller.workspaceId(), modelId,
                                accountId, territoryId, now(), caller.userId()))))
                .flatMap(done -> assignment(caller, modelId, accountId));
    }

    /** Drops a manual assignment; the account is assigned by the rules again at once, in the same transaction. */
    public Uni<Void> clearManual(Caller caller, UUID modelId, UUID accountId) {
        TerritoryAccess.requireChange(caller);
        return db.inTransaction(tx -> checkTarget(tx, caller, modelId, accountId, null)
                .flatMap(ok -> db.query(tx, """
                        DELETE FROM territory_assignments
                        WHERE workspace_id = $1 AND model_id = $2 AND account_id = $3 AND cause = 'manual'""",
                        Tuple.of(caller.workspaceId(), modelId, accountId)))
                .flatMap(deleted -> {
                    if (deleted.rowCount() == 0) {
                        throw ApiProblem.notFound("Manual assignment");
                    }
                    return db.query(tx, AssignmentSql.assign(AssignmentSql.Scope.ONE),
                            Tuple.of(caller.workspaceId(), modelId, now(), false, accountId));
                })).replaceWithVoid();
    }

    /**
     * SQL that matches any records with firmographics (a SELECT of {@code id, country, region, industry, tier,
     * postal_code, employee_count, annual_revenue}) against the rules of model $2 in workspace $1, writing nothing:
     * rows (id, territory_id, cause rule|tie, rule_id, tied) for those that matched. The same engine that assigns
     * accounts, so leads and accounts with the same firmographics land in the same territory.
     */
    public static String matchSql(String facts) {
        return AssignmentSql.match(facts);
    }

    /**
     * Assigns one account that was just created or changed to the active model's territories, inside the writer's
     * Hibernate transaction (flushed first so the statement sees the write). Nothing to do without an active model.
     */
    public Uni<Void> assignOnWrite(UUID workspaceId, UUID accountId) {
        return Panache.getSession().flatMap(session -> session.flush()
                .chain(() -> session.createNativeQuery(
                                "SELECT id FROM territory_models WHERE workspace_id = :workspace AND state = 'active'",
                                UUID.class)
                        .setParameter("workspace", workspaceId).getResultList())
                .chain(models -> models.isEmpty() ? Uni.createFrom().voidItem() : session
                        .createNativeQuery(AssignmentSql.assignForHibernate(AssignmentSql.Scope.ONE))
                        .setParameter(1, workspaceId).setParameter(2, models.get(0)).setParameter(3, now())
                        .setParameter(4, false).setParameter(5, accountId)
                        .getResultList().replaceWithVoid()));
    }

    /** Assigns the accounts a batch upsert wrote, on its connection; nothing without an active model. */
    public Uni<Void> assignBatch(SqlClient conn, UUID workspaceId, UUID[] accountIds) {
        return db.query(conn, "SELECT id FROM territory_models WHERE workspace_id = $1 AND state = 'active'",
                        Tuple.of(workspaceId))
                .flatMap(models -> models.size() == 0 ? Uni.createFrom().voidItem()
                        : db.query(conn, AssignmentSql.assign(AssignmentSql.Scope.IDS), Tuple.of(workspaceId,
                                models.iterator().next().getUUID("id"), now(), false, accountIds)).replaceWithVoid());
    }

    private Uni<AssignmentView> assignment(Caller caller, UUID modelId, UUID accountId) {
        return db.query(ASSIGNMENTS.replace("md.id = ?", "md.id = $2")
                                + " WHERE ta.workspace_id = $1 AND ta.account_id = $3",
                        Tuple.of(caller.workspaceId(), modelId, accountId))
                .map(rows -> Rows.single(rows, TerritoryAssignmentService::toAssignment, "Assignment"));
    }

    /**
     * Share-locks the model (404 unknown, 409 archived), then checks that the account is one the caller may read (404)
     * and that the territory, when given, belongs to the model (422). Both rows are key-share-locked until the
     * assignment commits: the table has no foreign keys (V15), so this lock is what keeps a concurrent delete out.
     */
    private Uni<Void> checkTarget(SqlClient tx, Caller caller, UUID modelId, UUID accountId, UUID territoryId) {
        SqlPredicate visible = Visibility.readableAccount(caller, "a");
        SqlBuilder sql = new SqlBuilder().append("""
                SELECT coalesce((SELECT true FROM territories WHERE workspace_id = ? AND model_id = ? AND id = ?
                                 FOR KEY SHARE), false) AS territory,
                       coalesce((SELECT true FROM accounts a WHERE a.workspace_id = ? AND a.id = ? AND""",
                        caller.workspaceId(), modelId, territoryId, caller.workspaceId(), accountId)
                .append(" " + visible.sql() + " FOR KEY SHARE OF a), false) AS account", visible.args());
        return ModelLock.stateOf(db, tx, caller, modelId, false).flatMap(state -> {
            if (state == null) {
                throw ApiProblem.notFound("Territory model");
            }
            return db.query(tx, sql.sql(), sql.tuple()).map(rows -> {
                Row row = rows.iterator().next();
                if (!row.getBoolean("account")) {
                    throw ApiProblem.notFound("Account");
                }
                ModelLock.requireEditable(state);
                if (territoryId != null && !row.getBoolean("territory")) {
                    throw ApiProblem.invalid("territoryId", "is not a territory of this model");
                }
                return null;
            });
        });
    }

    private Uni<String> requireModel(Caller caller, UUID modelId) {
        return models.get(caller, modelId).map(TerritoryDtos.TerritoryModelView::state);
    }

    private static void requireNotRep(Caller caller) {
        if (caller.role() == Role.REP) {
            throw ApiProblem.forbidden("Realignment previews are for admins and managers");
        }
    }

    /** Readable accounts, and for a rep only the territories they own or are a member of. */
    private static SqlPredicate readable(Caller caller, String territoryColumn) {
        SqlPredicate accounts = Visibility.readableAccount(caller, "a");
        if (caller.role() != Role.REP) {
            return accounts;
        }
        SqlPredicate territories = TerritoryVisibility.readableTerritory(caller, "rt");
        return new SqlPredicate(accounts.sql() + " AND " + territoryColumn + " IN (SELECT rt.id FROM territories rt"
                + " WHERE rt.workspace_id = ? AND " + territories.sql() + ")",
                concat(accounts.args(), concat(new Object[] {caller.workspaceId()}, territories.args())));
    }

    private static Object[] concat(Object[] first, Object... rest) {
        Object[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    static AssignmentView toAssignment(Row row) {
        UUID[] tied = row.getArrayOfUUIDs("tied_territory_ids");
        return new AssignmentView(row.getUUID("account_id"), row.getString("account_name"), row.getUUID("territory_id"),
                row.getString("territory_code"), row.getString("territory_name"), row.getString("cause"),
                row.getUUID("rule_id"), tied == null ? null : List.of(tied), row.getOffsetDateTime("assigned_at"),
                row.getUUID("assigned_by"));
    }

    static MoveView toMove(Row row) {
        return new MoveView(row.getUUID("account_id"), row.getString("account_name"), row.getUUID("account_owner_id"),
                row.getUUID("from_territory_id"), row.getString("from_code"), row.getString("from_name"),
                row.getUUID("from_owner_id"), row.getUUID("to_territory_id"), row.getString("to_code"),
                row.getString("to_name"), row.getUUID("to_owner_id"), row.getInteger("open_deals"),
                row.getBigDecimal("open_pipeline_amount"));
    }
}
