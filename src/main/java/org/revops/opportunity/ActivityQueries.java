package org.revops.opportunity;

import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;

import java.util.List;
import java.util.UUID;

/** The read model of activities and the statements that keep a deal's last activity current. */
public final class ActivityQueries {
    private ActivityQueries() {
    }

    static final String COLUMNS = """
            ac.id, ac.type, ac.subject, ac.notes, ac.outcome, ac.occurred_at, ac.owner_id, ac.account_id,
            ac.opportunity_id, ac.created_at, ac.updated_at, ac.version""";

    static final String SELECT = "SELECT " + COLUMNS + " FROM activities ac";

    public static final ListSpec LIST = ListSpec.builder("listActivities", SELECT, "ac.workspace_id", "ac.id")
            .anyOf("id", ValueType.UUID_, "ac.id", "Activity id; repeat for several.")
            .anyOf("type", ValueType.TEXT, "ac.type", "call, email, meeting, visit, demo or proposal.")
            .anyOf("ownerId", ValueType.UUID_, "ac.owner_id", "Who did it.")
            .anyOf("accountId", ValueType.UUID_, "ac.account_id",
                    "Account: its own activities and those on its deals.")
            .anyOf("opportunityId", ValueType.UUID_, "ac.opportunity_id", "Deal.")
            .single("occurredFrom", ValueType.TIMESTAMP, "ac.occurred_at >= ?", "Occurred at or after this instant.")
            .single("occurredTo", ValueType.TIMESTAMP, "ac.occurred_at < ?", "Occurred before this instant.")
            .anyOf("outcome", ValueType.TEXT, "ac.outcome", "Outcome, exact.")
            .sort("occurredAt", "ac.occurred_at", "occurred_at", ValueType.TIMESTAMP)
            .sort("createdAt", "ac.created_at", "created_at", ValueType.TIMESTAMP)
            .build("-occurredAt");

    /**
     * The first {@code n} activities of each parent (a deal or an account), latest first, among those the caller
     * may read: one statement for a whole page of parents, ranked in a window. Parameters: workspace, parent ids,
     * the visibility predicate's arguments, n.
     */
    static SqlBuilder latestPer(String parentColumn, SqlPredicate visible, UUID workspaceId, List<UUID> parentIds,
                                int n) {
        return new SqlBuilder()
                .append("SELECT * FROM (SELECT " + COLUMNS + ", row_number() OVER (PARTITION BY ac." + parentColumn
                                + " ORDER BY ac.occurred_at DESC, ac.id DESC) AS rank FROM activities ac"
                                + " WHERE ac.workspace_id = ? AND ac." + parentColumn + " = ANY(?)",
                        workspaceId, parentIds.toArray(UUID[]::new))
                .append(" AND " + visible.sql(), visible.args())
                .append(") ranked WHERE rank <= ? ORDER BY " + parentColumn + ", rank", n);
    }

    /**
     * Locks the deals an activity change touches, in id order (no deadlocks), before the change: a concurrent
     * change of the same deal's activities then waits, and {@link #RECOMPUTE_LAST_ACTIVITY} sees its result.
     */
    static final String LOCK_DEALS = "SELECT o.id FROM opportunities o WHERE o.workspace_id = :workspace"
            + " AND o.id IN (:ids) ORDER BY o.id FOR NO KEY UPDATE";

    /** lastActivityAt = the latest occurred_at of the deal's activities (null when none are left). */
    static final String RECOMPUTE_LAST_ACTIVITY = """
            UPDATE opportunities o SET last_activity_at = (SELECT max(a.occurred_at) FROM activities a
                                                           WHERE a.workspace_id = o.workspace_id
                                                             AND a.opportunity_id = o.id)
            WHERE o.workspace_id = :workspace AND o.id IN (:ids)""";
}
