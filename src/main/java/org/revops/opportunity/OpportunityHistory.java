package org.revops.opportunity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.OpportunityDtos.ChangeView;
import org.revops.platform.db.Db;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The history of deals: written by the opportunity services inside their transactions, read oldest first. A deal's
 * history is visible to whoever sees the deal.
 */
@ApplicationScoped
public class OpportunityHistory {
    private static final String SELECT = """
            SELECT h.id, h.opportunity_id, h.action, h.field, h.from_value, h.to_value, h.from_stage_id, h.to_stage_id,
                   h.changed_by, h.changed_at
            FROM opportunity_history h
            JOIN opportunities o ON o.workspace_id = h.workspace_id AND o.id = h.opportunity_id""";

    private final Db db;
    private final Clock clock;

    public OpportunityHistory(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds a row per changed field, in the current Hibernate transaction; nothing when nothing tracked changed. */
    Uni<Void> record(Caller caller, Opportunity deal, String action, TrackedFields before, TrackedFields after) {
        List<TrackedFields.Change> changes = TrackedFields.between(before, after);
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<OpportunityChange> rows = changes.stream().map(change -> {
            OpportunityChange row = new OpportunityChange();
            row.workspaceId = deal.workspaceId;
            row.opportunityId = deal.id;
            row.action = action;
            row.field = change.field();
            row.fromValue = change.from();
            row.toValue = change.to();
            row.fromStageId = change.fromStageId();
            row.toStageId = change.toStageId();
            row.changedBy = caller.userId();
            row.changedAt = clock.instant();
            return row;
        }).toList();
        // One at a time: identity keys are assigned by the insert, in order, which keeps the rows in field order.
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OpportunityChange row : rows) {
            chain = chain.call(() -> Panache.getSession().flatMap(session -> session.persist(row)));
        }
        return chain;
    }

    /** The history of one deal the caller can see; 404 when the deal is not visible. */
    public Uni<List<ChangeView>> of(Caller caller, UUID opportunityId) {
        return of(caller, List.of(opportunityId)).map(found -> found.get(0));
    }

    /** The histories of several deals in one statement, in the order of the ids (empty for deals not visible). */
    public Uni<List<List<ChangeView>>> of(Caller caller, List<UUID> opportunityIds) {
        SqlPredicate visible = Visibility.owned(caller, "o.owner_id");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE h.workspace_id = ? AND h.opportunity_id = ANY(?)",
                        caller.workspaceId(), opportunityIds.toArray(UUID[]::new))
                .append(" AND " + visible.sql() + " ORDER BY h.id", visible.args());
        return db.query(sql.sql(), sql.tuple())
                .map(rows -> Rows.groupBy(rows, opportunityIds, "opportunity_id", OpportunityHistory::toView));
    }

    private static ChangeView toView(Row row) {
        return new ChangeView(row.getLong("id"), row.getString("action"), row.getString("field"),
                row.getString("from_value"), row.getString("to_value"), row.getUUID("from_stage_id"),
                row.getUUID("to_stage_id"), row.getUUID("changed_by"), row.getOffsetDateTime("changed_at"));
    }
}
