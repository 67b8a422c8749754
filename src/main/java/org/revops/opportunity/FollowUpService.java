package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.platform.db.Db;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.revops.opportunity.OpportunityQueries.NEXT_FOLLOW_UP;
import static org.revops.opportunity.OpportunityQueries.NOW;

/**
 * The follow-up queue: open deals the caller sees, most urgent first. A deal's next follow-up is derived on read
 * (see {@link OpportunityQueries#SELECT}): (last activity, else creation) + the cadence days of its grade.
 */
@ApplicationScoped
public class FollowUpService {
    /** The {@code due} windows, against the application clock the SELECT receives; each includes what is overdue. */
    static final Map<String, String> DUE = dueWindows();

    public static final ListSpec LIST = ListSpec.builder("listFollowUps", OpportunityQueries.SELECT, "o.workspace_id",
                    "o.id")
            .oneOf("due", DUE, "`overdue`: next follow-up before now; `today`: before the end of the current UTC day "
                    + "(overdue included); `week`: before now + 7 days (overdue included). Without it, every open deal.")
            .anyOf("ownerId", ValueType.UUID_, "o.owner_id", "Owner; repeat for several.")
            .anyOf("pipelineId", ValueType.UUID_, "o.pipeline_id", "Pipeline; repeat for several.")
            .anyOf("grade", ValueType.TEXT, "coalesce(o.grade_override, g.computed_grade)",
                    "Effective grade (A, B, C); repeat for several.")
            .sort("nextFollowUpAt", NEXT_FOLLOW_UP, "next_follow_up_at", ValueType.TIMESTAMP)
            .build("nextFollowUpAt");

    private final Db db;
    private final Clock clock;

    public FollowUpService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * A page of the queue: the caller's visible open deals, by {@code nextFollowUpAt} ascending (id breaks ties),
     * narrowed by {@code due}, owner, pipeline and grade. Items are the Opportunity view.
     */
    public Uni<Slice<OpportunityView>> list(Caller caller, ListRequest request) {
        SqlPredicate visible = Visibility.owned(caller, "o.owner_id");
        SqlPredicate openAndVisible = new SqlPredicate("NOT s.is_closed AND " + visible.sql(), visible.args());
        return ListQuery.run(db, LIST, new Object[] {OpportunityService.now(clock)}, caller.workspaceId(),
                openAndVisible, request, OpportunityService::toView);
    }

    /** How many open deals of {@code ownerIds} that the caller sees are overdue for a follow-up now. */
    public Uni<Integer> overdueCount(Caller caller, List<UUID> ownerIds) {
        SqlPredicate visible = Visibility.owned(caller, "o.owner_id");
        SqlBuilder sql = new SqlBuilder()
                .append("SELECT count(*)::int AS n FROM (" + OpportunityQueries.SELECT + " WHERE o.workspace_id = ?",
                        OpportunityService.now(clock), caller.workspaceId())
                .append(" AND NOT s.is_closed AND " + visible.sql(), visible.args())
                .append(" AND o.owner_id = ANY(?)", (Object) ownerIds.toArray(UUID[]::new))
                .append(" AND " + DUE.get("overdue") + ") x");
        return db.query(sql.sql(), sql.tuple()).map(rows -> rows.iterator().next().getInteger("n"));
    }

    private static Map<String, String> dueWindows() {
        Map<String, String> due = new LinkedHashMap<>();
        due.put("overdue", NEXT_FOLLOW_UP + " < " + NOW);
        // the end of the current day in UTC, whatever the session's time zone
        due.put("today", NEXT_FOLLOW_UP + " < (date_trunc('day', " + NOW + " AT TIME ZONE 'UTC') + interval '1 day')"
                + " AT TIME ZONE 'UTC'");
        // hours, not days: "7 days" would follow daylight-saving shifts of a non-UTC session
        due.put("week", NEXT_FOLLOW_UP + " < " + NOW + " + interval '168 hours'");
        return due;
    }
}
