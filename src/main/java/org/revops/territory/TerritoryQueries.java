package org.revops.territory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
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
import org.revops.platform.security.TerritoryVisibility;
import org.revops.territory.TerritoryDtos.TerritoryView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading territories, always through {@link TerritoryVisibility}: lists and batches leave out what a rep may not
 * read; a single territory the rep may not read is a 403 (it exists in their workspace), an unknown one a 404.
 */
@ApplicationScoped
public class TerritoryQueries {
    private static final String COLUMNS = """
            t.id, t.model_id, t.parent_id, t.name, t.code, t.type, t.description, t.owner_id, t.priority,
            t.created_at, t.updated_at, t.version""";
    static final String SELECT = "SELECT " + COLUMNS + " FROM territories t";

    /** Sorted, so the contract lists the choices in the same order on every build (Map.of's order varies). */
    private static final Map<String, String> ROOT = new java.util.TreeMap<>(Map.of(
            "true", "t.parent_id IS NULL", "false", "t.parent_id IS NOT NULL"));

    public static final ListSpec LIST = ListSpec.builder("listTerritories", SELECT, "t.workspace_id", "t.id")
            .anyOf("id", ValueType.UUID_, "t.id", "Territory id; repeat for several.")
            .anyOf("modelId", ValueType.UUID_, "t.model_id", "Territory model; repeat for several.")
            .anyOf("parentId", ValueType.UUID_, "t.parent_id", "Direct children of this territory.")
            .oneOf("root", ROOT,
                    "true: only the top of each hierarchy; false: only territories with a parent.")
            .anyOf("type", ValueType.TEXT, "t.type", "Type, exact.")
            .anyOf("ownerId", ValueType.UUID_, "t.owner_id", "Owner (forecast manager).")
            .anyOf("code", ValueType.TEXT, "t.code", "Code, exact.")
            .single("q", ValueType.TEXT, "strpos(lower(t.name), lower(?)) > 0", "Name contains this text.")
            .sort("name", "t.name", "name", ValueType.TEXT)
            .sort("code", "t.code", "code", ValueType.TEXT)
            .sort("createdAt", "t.created_at", "created_at", ValueType.TIMESTAMP)
            .build("code");

    private final Db db;

    public TerritoryQueries(Db db) {
        this.db = db;
    }

    /** Territories the caller may read, filtered and sorted per {@link #LIST}. */
    public Uni<Slice<TerritoryView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), TerritoryVisibility.readableTerritory(caller, "t"),
                request, TerritoryQueries::toView);
    }

    /** One territory: 404 when not in the workspace, 403 when a rep does not belong to it. One statement. */
    public Uni<TerritoryView> get(Caller caller, UUID id) {
        SqlPredicate readable = TerritoryVisibility.readableTerritory(caller, "t");
        SqlBuilder sql = new SqlBuilder().append("SELECT " + COLUMNS + ", " + readable.sql()
                        + " AS readable FROM territories t", readable.args())
                .append(" WHERE t.workspace_id = ? AND t.id = ?", caller.workspaceId(), id);
        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            Row row = rows.size() == 0 ? null : rows.iterator().next();
            if (row == null) {
                throw ApiProblem.notFound("Territory");
            }
            if (!Boolean.TRUE.equals(row.getBoolean("readable"))) { // NULL when owner_id is null and no membership
                throw TerritoryVisibility.notReadable();
            }
            return toView(row);
        });
    }

    /** 404 / 403 exactly as {@link #get}, for reads of what belongs to a territory (its members and rules). */
    public Uni<Void> requireReadable(Caller caller, UUID id) {
        return get(caller, id).replaceWithVoid();
    }

    /** Territories by id, aligned to {@code ids}, null where unknown or not readable: one statement. */
    public Uni<List<TerritoryView>> byIds(Caller caller, List<UUID> ids) {
        return where(caller, "t.id = ANY(?)", ids, "").map(rows -> Rows.alignById(rows, ids, TerritoryQueries::toView));
    }

    /** The readable children of each territory, by code: one statement. */
    public Uni<List<List<TerritoryView>>> childrenOf(Caller caller, List<UUID> parentIds) {
        return where(caller, "t.parent_id = ANY(?)", parentIds, " ORDER BY t.code, t.id")
                .map(rows -> Rows.groupBy(rows, parentIds, "parent_id", TerritoryQueries::toView));
    }

    /** The readable territories of each model (the whole hierarchy, not only roots), by code: one statement. */
    public Uni<List<List<TerritoryView>>> ofModels(Caller caller, List<UUID> modelIds) {
        return where(caller, "t.model_id = ANY(?)", modelIds, " ORDER BY t.code, t.id")
                .map(rows -> Rows.groupBy(rows, modelIds, "model_id", TerritoryQueries::toView));
    }

    private Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> where(Caller caller, String predicate, List<UUID> ids,
                                                            String order) {
        SqlPredicate readable = TerritoryVisibility.readableTerritory(caller, "t");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE t.workspace_id = ? AND " + predicate,
                        caller.workspaceId(), ids.stream().filter(java.util.Objects::nonNull).distinct()
                                .toArray(UUID[]::new))
                .append(" AND " + readable.sql(), readable.args())
                .append(order);
        return db.query(sql.sql(), sql.tuple());
    }

    static TerritoryView toView(Row row) {
        return new TerritoryView(row.getUUID("id"), row.getUUID("model_id"), row.getUUID("parent_id"),
                row.getString("name"), row.getString("code"), row.getString("type"), row.getString("description"),
                row.getUUID("owner_id"), row.getInteger("priority"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
