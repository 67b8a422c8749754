package org.revops.lead.scoring;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.LeadService;
import org.revops.lead.scoring.ScoringDtos.LeadScoreView;
import org.revops.platform.db.Db;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;

import java.util.List;
import java.util.UUID;

/** The score history of leads: one row per change of score or grade, readable with the lead. */
@ApplicationScoped
public class LeadScoreHistory {
    private static final String COLUMNS = """
            h.id, h.lead_id, h.model_id, h.model_number, h.score, h.grade, h.reasons::text AS reasons,
            h.previous_score, h.previous_grade, h.cause, h.job_id, h.scored_at""";
    static final String SELECT = "SELECT " + COLUMNS + " FROM lead_scores h";

    public static final ListSpec LIST = ListSpec.builder("listLeadScores", SELECT, "h.workspace_id", "h.id")
            .anyOf("cause", ValueType.TEXT, "h.cause", "publish, write or demand; repeat for several.")
            .anyOf("modelId", ValueType.UUID_, "h.model_id", "The scoring model; repeat for several.")
            .single("scoredFrom", ValueType.TIMESTAMP, "h.scored_at >= ?", "Scored at or after this instant.")
            .sort("scoredAt", "h.scored_at", "scored_at", ValueType.TIMESTAMP)
            .build("-scoredAt");

    private final Db db;
    private final LeadService leads;

    public LeadScoreHistory(Db db, LeadService leads) {
        this.db = db;
        this.leads = leads;
    }

    /** A lead's score changes, newest first by default; 404 when the caller may not read the lead. */
    public Uni<Slice<LeadScoreView>> list(Caller caller, UUID leadId, ListRequest request) {
        return leads.get(caller, leadId).flatMap(lead -> ListQuery.run(db, LIST, caller.workspaceId(),
                new SqlPredicate("h.lead_id = ?", leadId), request, LeadScoreHistory::toView));
    }

    /**
     * The latest {@code first} changes of each lead, newest first, aligned to {@code leadIds}: one statement for a page
     * of leads (the leads were read with the caller's visibility).
     */
    public Uni<List<List<LeadScoreView>>> latest(Caller caller, List<UUID> leadIds, int first) {
        return db.query("SELECT * FROM (SELECT " + COLUMNS + ", row_number() OVER (PARTITION BY h.lead_id"
                                + " ORDER BY h.scored_at DESC, h.id DESC) AS rank FROM lead_scores h"
                                + " WHERE h.workspace_id = $1 AND h.lead_id = ANY($2)) ranked WHERE rank <= $3"
                                + " ORDER BY lead_id, rank",
                        Tuple.of(caller.workspaceId(), leadIds.toArray(UUID[]::new), first))
                .map(rows -> Rows.groupBy(rows, leadIds, "lead_id", LeadScoreHistory::toView));
    }

    static LeadScoreView toView(Row row) {
        return new LeadScoreView(row.getUUID("id"), row.getUUID("lead_id"), row.getUUID("model_id"),
                row.getInteger("model_number"), row.getInteger("score"), row.getString("grade"),
                ScoreReasons.parse(row.getString("reasons")), row.getInteger("previous_score"),
                row.getString("previous_grade"), row.getString("cause"), row.getUUID("job_id"),
                row.getOffsetDateTime("scored_at"));
    }
}
