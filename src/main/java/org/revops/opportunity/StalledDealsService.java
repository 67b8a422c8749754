package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.StalledDealsDtos.ByOwner;
import org.revops.opportunity.StalledDealsDtos.ByOwnerAndStage;
import org.revops.opportunity.StalledDealsDtos.ByStage;
import org.revops.opportunity.StalledDealsDtos.ReasonCounts;
import org.revops.opportunity.StalledDealsDtos.StalledDealsView;
import org.revops.platform.db.Db;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How many open deals are stalled, per owner, per stage, per both and per reason: one statement. */
@ApplicationScoped
public class StalledDealsService {
    /** The report's filters, declared like a list's (parsed, validated and documented the same way); no paging. */
    public static final ListSpec FILTERS = ListSpec.builder("getStalledDeals", OpportunityQueries.SELECT,
                    "o.workspace_id", "o.id")
            .anyOf("pipelineId", ValueType.UUID_, "o.pipeline_id", "Pipeline; repeat for several.")
            .anyOf("ownerId", ValueType.UUID_, "o.owner_id", "Owner; repeat for several.")
            .build();

    private final Db db;
    private final Clock clock;

    public StalledDealsService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Counts over the opportunity read model ({@link OpportunityQueries#SELECT}) of the visible deals that are
     * stalled, grouped by the grouping sets (), (owner), (stage) and (owner, stage); each group also counts its deals
     * stalled for the stage rule and for inactivity. Owner and stage names are joined once per group.
     */
    public Uni<StalledDealsView> counts(Caller caller, Map<String, List<String>> filters) {
        OffsetDateTime now = OpportunityService.now(clock);
        SqlPredicate visible = Visibility.owned(caller, "o.owner_id");
        SqlBuilder sql = new SqlBuilder().append("""
                        SELECT GROUPING(x.owner_id) = 0 AS per_owner, GROUPING(x.stage_id) = 0 AS per_stage,
                               x.owner_id, u.name AS owner_name, x.stage_id, st.name AS stage_name, st.pipeline_id,
                               count(*)::int AS stalled,
                               (count(*) FILTER (WHERE x.stalled_in_stage))::int AS stage_reason,
                               (count(*) FILTER (WHERE x.stalled_inactive))::int AS inactivity_reason
                        FROM (""" + OpportunityQueries.SELECT + " WHERE o.workspace_id = ?", now, caller.workspaceId())
                .append(" AND " + visible.sql(), visible.args())
                .append(" AND " + OpportunityQueries.STALLED);
        ListQuery.where(FILTERS, filters, sql);
        sql.append("""
                ) x
                LEFT JOIN users u ON u.workspace_id = ? AND u.id = x.owner_id
                LEFT JOIN stages st ON st.workspace_id = ? AND st.id = x.stage_id
                GROUP BY GROUPING SETS ((), (x.owner_id, u.name),
                                        (x.stage_id, st.name, st.pipeline_id, st.position),
                                        (x.owner_id, u.name, x.stage_id, st.name, st.pipeline_id, st.position))
                ORDER BY stalled DESC, u.name, x.owner_id, st.pipeline_id, st.position, x.stage_id""",
                caller.workspaceId(), caller.workspaceId());
        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            ReasonCounts totalReasons = new ReasonCounts(0, 0);
            int total = 0;
            List<ByOwner> byOwner = new ArrayList<>();
            List<ByStage> byStage = new ArrayList<>();
            List<ByOwnerAndStage> byBoth = new ArrayList<>();
            for (Row row : rows) {
                boolean perOwner = row.getBoolean("per_owner");
                boolean perStage = row.getBoolean("per_stage");
                int count = row.getInteger("stalled");
                ReasonCounts reasons = new ReasonCounts(row.getInteger("stage_reason"),
                        row.getInteger("inactivity_reason"));
                if (perOwner && perStage) {
                    byBoth.add(new ByOwnerAndStage(row.getUUID("owner_id"), row.getString("owner_name"),
                            row.getUUID("stage_id"), row.getString("stage_name"), row.getUUID("pipeline_id"), count,
                            reasons));
                } else if (perOwner) {
                    byOwner.add(new ByOwner(row.getUUID("owner_id"), row.getString("owner_name"), count, reasons));
                } else if (perStage) {
                    byStage.add(new ByStage(row.getUUID("stage_id"), row.getString("stage_name"),
                            row.getUUID("pipeline_id"), count, reasons));
                } else {
                    total = count;
                    totalReasons = reasons;
                }
            }
            return new StalledDealsView(now, total, totalReasons, byOwner, byStage, byBoth);
        });
    }
}
