package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.security.TerritoryVisibility;
import org.revops.platform.security.Visibility;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Who reads and sets quotas. Admins set any quota; managers set their team's (users below them, not their own:
 * their own number is set by the level above) and territories'; nobody else sets quotas. Admin, integration and
 * read-only keys read all; a manager reads the team's (own included) and every territory's; a rep reads their own and
 * those of the territories they belong to.
 */
@ApplicationScoped
public class QuotaAccess {
    static final String SET_FORBIDDEN = "Only admins and managers set quotas";

    private final Db db;

    public QuotaAccess(Db db) {
        this.db = db;
    }

    /** 403 for the roles that never set quotas, before anything about the request is looked at. */
    static void requireSetter(Caller caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.MANAGER) {
            throw ApiProblem.forbidden(SET_FORBIDDEN);
        }
    }

    /** Quotas (alias {@code q}) the caller may read. */
    static SqlPredicate readable(Caller caller, String q) {
        return switch (caller.role()) {
            case ADMIN, INTEGRATION, READ_ONLY -> SqlPredicate.NONE;
            case MANAGER -> {
                SqlPredicate team = Visibility.ownedWithin(q + ".user_id", caller.workspaceId(), caller.userId());
                yield new SqlPredicate("(" + q + ".territory_id IS NOT NULL OR " + team.sql() + ")", team.args());
            }
            case REP -> {
                SqlPredicate territory = TerritoryVisibility.readableTerritory(caller, "vt");
                yield new SqlPredicate("(" + q + ".user_id = ? OR EXISTS (SELECT 1 FROM territories vt WHERE "
                        + "vt.workspace_id = " + q + ".workspace_id AND vt.id = " + q + ".territory_id AND "
                        + territory.sql() + "))", prepend(caller.userId(), territory.args()));
            }
        };
    }

    /**
     * 403 unless the caller may set quotas for all of {@code userIds} and {@code territoryId} (either may be empty),
     * 422 naming the field when a user or the territory is not in the workspace.
     */
    Uni<Void> checkSet(Caller caller, List<UUID> userIds, UUID territoryId, String userField) {
        requireSetter(caller);
        SqlPredicate team = caller.role() == Role.ADMIN ? SqlPredicate.NONE
                : Visibility.ownedWithin("u.id", caller.workspaceId(), caller.userId());
        SqlBuilder sql = new SqlBuilder().append("SELECT u.id, (" + team.sql() + ") AS allowed", team.args())
                .append(" FROM users u WHERE u.workspace_id = ? AND u.id = ANY(?)", caller.workspaceId(),
                        userIds.toArray(UUID[]::new))
                .append(" UNION ALL SELECT t.id, true FROM territories t WHERE t.workspace_id = ? AND t.id = ?",
                        caller.workspaceId(), territoryId);
        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            List<UUID> found = new ArrayList<>();
            List<FieldError> errors = new ArrayList<>();
            for (Row row : rows) {
                found.add(row.getUUID("id"));
                boolean self = row.getUUID("id").equals(caller.userId()) && caller.role() == Role.MANAGER;
                if (userIds.contains(row.getUUID("id")) && (!row.getBoolean("allowed") || self)) {
                    throw ApiProblem.forbidden("A manager sets the quotas of the team below them, not their own or "
                            + "another team's");
                }
            }
            userIds.stream().filter(id -> !found.contains(id)).findFirst()
                    .ifPresent(id -> errors.add(new FieldError(userField, "no such user in this workspace: " + id)));
            if (territoryId != null && !found.contains(territoryId)) {
                errors.add(new FieldError("territoryId", "no such territory in this workspace"));
            }
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid(errors);
            }
            return null;
        });
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
