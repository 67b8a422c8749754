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
import org.revops.platform.write.MergePatch;
import org.revops.territory.TerritoryDtos.TerritoryMemberInput;
import org.revops.territory.TerritoryDtos.TerritoryMemberView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who works a territory and in which role (owner, rep, overlay). A membership is keyed by territory and user. */
@ApplicationScoped
public class TerritoryMemberService {
    static final String SELECT = """
            SELECT m.user_id AS id, m.territory_id, m.user_id, m.role, m.created_at, u.name AS user_name
            FROM territory_members m JOIN users u ON u.workspace_id = m.workspace_id AND u.id = m.user_id""";

    public static final ListSpec LIST = ListSpec.builder("listTerritoryMembers", SELECT, "m.workspace_id", "m.user_id")
            .anyOf("userId", ValueType.UUID_, "m.user_id", "User; repeat for several.")
            .anyOf("role", ValueType.TEXT, "m.role", "owner, rep or overlay.")
            .sort("name", "u.name", "user_name", ValueType.TEXT)
            .sort("createdAt", "m.created_at", "created_at", ValueType.TIMESTAMP)
            .build("name");

    /** Insert or change the role; {@code xmax = 0} holds only for a freshly inserted row. */
    private static final String UPSERT = """
            INSERT INTO territory_members (workspace_id, territory_id, user_id, role, created_at)
            SELECT $1, $2, u.id, $4, $5 FROM users u WHERE u.workspace_id = $1 AND u.id = $3
            ON CONFLICT (workspace_id, territory_id, user_id) DO UPDATE SET role = EXCLUDED.role
            RETURNING (xmax = 0) AS created""";

    /** The member and whether the PUT created the membership (201) or changed it (200). */
    public record Upserted(TerritoryMemberView member, boolean created) {
    }

    private final Db db;
    private final TerritoryQueries territories;
    private final MergePatch mergePatch;
    private final Clock clock;

    public TerritoryMemberService(Db db, TerritoryQueries territories, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.territories = territories;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /** The members of a territory the caller may read (403 / 404 as for the territory). */
    public Uni<Slice<TerritoryMemberView>> list(Caller caller, UUID territoryId, ListRequest request) {
        return territories.requireReadable(caller, territoryId).flatMap(ok -> ListQuery.run(db, LIST,
                caller.workspaceId(), new SqlPredicate("m.territory_id = ?", territoryId), request,
                TerritoryMemberService::toView));
    }

    public Uni<TerritoryMemberView> get(Caller caller, UUID territoryId, UUID userId) {
        return list(caller, territoryId, ListRequest.of(Map.of("userId", List.of(userId.toString())), null, 1, null))
                .map(slice -> Rows.present(slice.items().isEmpty() ? null : slice.items().get(0), "Territory member"));
    }

    /** The members of each territory, by name, for the territories the caller may read: one statement. */
    public Uni<List<List<TerritoryMemberView>>> ofTerritories(Caller caller, List<UUID> territoryIds) {
        SqlPredicate readable = TerritoryVisibility.readableTerritory(caller, "t");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " JOIN territories t ON t.workspace_id = m.workspace_id"
                                + " AND t.id = m.territory_id WHERE m.workspace_id = ? AND m.territory_id = ANY(?)",
                        caller.workspaceId(), territoryIds.toArray(UUID[]::new))
                .append(" AND " + readable.sql(), readable.args())
                .append(" ORDER BY u.name, m.user_id");
        return db.query(sql.sql(), sql.tuple())
                .map(rows -> Rows.groupBy(rows, territoryIds, "territory_id", TerritoryMemberService::toView));
    }

    /** Adds the user to the territory or changes their role. 404 for an unknown territory or user. */
    public Uni<Upserted> put(Caller caller, UUID territoryId, UUID userId, TerritoryMemberInput input) {
        TerritoryAccess.requireChange(caller);
        mergePatch.validate(input);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return db.inTransaction(tx -> ModelLock.editableOfTerritory(db, tx, caller, territoryId, false)
                        .flatMap(modelId -> db.query(tx, UPSERT,
                                Tuple.of(caller.workspaceId(), territoryId, userId, input.role(), now)))
                        .map(rows -> {
                            if (rows.size() == 0) {
                                throw ApiProblem.notFound("User");
                            }
                            return rows.iterator().next().getBoolean("created");
                        }))
                .flatMap(created -> get(caller, territoryId, userId).map(member -> new Upserted(member, created)));
    }

    /** Removes the user from the territory; 404 when they are not a member. */
    public Uni<Void> remove(Caller caller, UUID territoryId, UUID userId) {
        TerritoryAccess.requireChange(caller);
        return db.inTransaction(tx -> ModelLock.editableOfTerritory(db, tx, caller, territoryId, false)
                .flatMap(modelId -> db.query(tx, """
                                DELETE FROM territory_members WHERE workspace_id = $1 AND territory_id = $2 AND user_id = $3""",
                        Tuple.of(caller.workspaceId(), territoryId, userId)))
                .invoke(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ApiProblem.notFound("Territory member");
                    }
                })
                .replaceWithVoid());
    }

    static TerritoryMemberView toView(Row row) {
        return new TerritoryMemberView(row.getUUID("territory_id"), row.getUUID("user_id"), row.getString("role"),
                row.getOffsetDateTime("created_at"));
    }
}
