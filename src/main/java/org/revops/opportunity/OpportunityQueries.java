package org.revops.opportunity;

import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.ValueType;

/** The read model of opportunities: effective probability and category joined from the stage. */
public final class OpportunityQueries {
    private OpportunityQueries() {
    }

    /**
     * Its one parameter is "now" (from the application clock, so tests can fix it). Derived per row:
     * <ul>
     * <li>{@code computed_grade}: value level v (0 if amount &ge; grade A amount, 1 if &ge; grade B amount, else 2)
     * and intent level i (the same with the effective probability) pick the letter at {@code 3v + i} of the
     * policy's 3&times;3 grade matrix; a person's grade ({@code grade_override}) wins over it;</li>
     * <li>{@code next_follow_up_at} = (last activity, or creation) + the cadence of the effective grade in 24-hour
     * days (so no session time zone or daylight-saving shift moves it), for open
     * deals only;</li>
     * <li>whole days in the current stage, since creation and since the last activity (or creation);</li>
     * <li>stalled: open, and days in stage &gt; the stage's {@code stall_after_days}, or days without activity &gt;
     * the policy's {@code inactivity_stall_days}.</li>
     * </ul>
     */
    static final String SELECT = """
            SELECT o.id, o.name, o.account_id, o.primary_contact_id, o.owner_id, o.pipeline_id, o.stage_id, o.amount,
                   o.currency, o.close_date,
                   coalesce(o.probability_override, s.probability) AS probability,
                   o.probability_override IS NOT NULL AS probability_manual,
                   coalesce(o.forecast_category_override, s.forecast_category) AS forecast_category,
                   o.forecast_category_override IS NOT NULL AS forecast_category_manual,
                   o.next_step, o.source, o.campaign, o.lead_id, o.external_id, o.external_source, o.created_at,
                   o.updated_at, o.version,
                   s.is_closed, s.is_won, o.closed_at, o.close_reason_id, o.competitor, o.close_notes,
                   g.computed_grade, o.grade_override, coalesce(o.grade_override, g.computed_grade) AS grade,
                   o.last_activity_at, o.stage_entered_at, o.close_date_pushes,
                   f.next_follow_up_at, d.days_in_stage, d.days_since_creation,
                   (NOT s.is_closed AND d.days_in_stage > s.stall_after_days) IS TRUE AS stalled_in_stage,
                   (NOT s.is_closed AND d.days_inactive > sp.inactivity_stall_days) IS TRUE AS stalled_inactive,
                   coalesce(o.territory_id, ta.territory_id) AS territory_id,
                   CASE WHEN o.territory_id IS NOT NULL THEN 'manual'
                        WHEN ta.territory_id IS NOT NULL THEN 'account' END AS territory_source
            FROM opportunities o
            JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
            JOIN sales_policies sp ON sp.workspace_id = o.workspace_id
            LEFT JOIN territory_models tm ON tm.workspace_id = o.workspace_id AND tm.state = 'active'
            LEFT JOIN territory_assignments ta
                   ON ta.workspace_id = o.workspace_id AND ta.model_id = tm.id AND ta.account_id = o.account_id
            CROSS JOIN (SELECT ?::timestamptz AS at) clock
            CROSS JOIN LATERAL (SELECT substr(sp.grade_matrix, 1
                    + 3 * CASE WHEN o.amount >= sp.grade_a_amount THEN 0 WHEN o.amount >= sp.grade_b_amount THEN 1 ELSE 2 END
                    + CASE WHEN coalesce(o.probability_override, s.probability) >= sp.grade_a_probability THEN 0
                           WHEN coalesce(o.probability_override, s.probability) >= sp.grade_b_probability THEN 1 ELSE 2 END,
                    1) AS computed_grade) g
            CROSS JOIN LATERAL (SELECT CASE WHEN NOT s.is_closed THEN coalesce(o.last_activity_at, o.created_at)
                    + make_interval(hours => 24 * CASE coalesce(o.grade_override, g.computed_grade)
                        WHEN 'A' THEN sp.cadence_a_days WHEN 'B' THEN sp.cadence_b_days ELSE sp.cadence_c_days END)
                    END AS next_follow_up_at) f
            CROSS JOIN LATERAL (SELECT floor(extract(epoch FROM clock.at - o.stage_entered_at) / 86400)::int AS days_in_stage,
                    floor(extract(epoch FROM clock.at - o.created_at) / 86400)::int AS days_since_creation,
                    floor(extract(epoch FROM clock.at - coalesce(o.last_activity_at, o.created_at)) / 86400)::int
                        AS days_inactive) d""";

    /** The next follow-up over the aliases of {@link #SELECT}, usable in WHERE and ORDER BY (null when closed). */
    static final String NEXT_FOLLOW_UP = "f.next_follow_up_at";

    /** "Now" as the SELECT received it, for predicates relative to the application clock. */
    static final String NOW = "clock.at";

    /** SQL that is true for a stalled deal, over the aliases of {@link #SELECT}. */
    static final String STALLED = "((NOT s.is_closed AND d.days_in_stage > s.stall_after_days) IS TRUE"
            + " OR (NOT s.is_closed AND d.days_inactive > sp.inactivity_stall_days) IS TRUE)";

    private static final String ACCOUNT = "EXISTS (SELECT 1 FROM accounts fa WHERE fa.workspace_id = o.workspace_id"
            + " AND fa.id = o.account_id AND ";

    public static final ListSpec LIST = ListSpec.builder("listOpportunities", SELECT, "o.workspace_id", "o.id")
            .anyOf("id", ValueType.UUID_, "o.id", "Opportunity id; repeat for several.")
            .anyOf("stageId", ValueType.UUID_, "o.stage_id", "Stage; repeat for several (OR).")
            .anyOf("pipelineId", ValueType.UUID_, "o.pipeline_id", "Pipeline; repeat for several.")
            .anyOf("ownerId", ValueType.UUID_, "o.owner_id", "Owner; repeat for several.")
            .anyOf("accountId", ValueType.UUID_, "o.account_id", "Account; repeat for several.")
            .anyOf("territoryId", ValueType.UUID_, "coalesce(o.territory_id, ta.territory_id)",
                    "Territory (set on the deal, else its account's in the active model); repeat for several.")
            .anyOf("forecastCategory", ValueType.TEXT, "coalesce(o.forecast_category_override, s.forecast_category)",
                    "Effective forecast category: Pipeline, BestCase, Commit, Closed, Omitted.")
            .single("closed", ValueType.BOOLEAN, "s.is_closed = ?", "Only closed (true) or open (false) deals.")
            .single("won", ValueType.BOOLEAN, "(s.is_closed AND s.is_won) = ?", "Only won (true) or not won (false).")
            .anyOf("currency", ValueType.TEXT, "o.currency", "ISO 4217 currency.")
            .anyOf("source", ValueType.TEXT, "o.source", "Where the deal came from.")
            .anyOf("campaign", ValueType.TEXT, "o.campaign", "Campaign, exact; repeat for several.")
            .anyOf("leadId", ValueType.UUID_, "o.lead_id", "The lead the deal was converted from.")
            .anyOf("externalId", ValueType.TEXT, "o.external_id", "Id in the source system.")
            .anyOf("externalSource", ValueType.TEXT, "o.external_source", "Source system.")
            .single("closeDateFrom", ValueType.DATE, "o.close_date >= ?", "Close date on or after (YYYY-MM-DD).")
            .single("closeDateTo", ValueType.DATE, "o.close_date <= ?", "Close date on or before (YYYY-MM-DD).")
            .single("amountMin", ValueType.DECIMAL, "o.amount >= ?", "Amount at least.")
            .single("amountMax", ValueType.DECIMAL, "o.amount <= ?", "Amount at most.")
            .single("updatedSince", ValueType.TIMESTAMP, "o.updated_at >= ?", "Changed at or after this instant.")
            .single("stalled", ValueType.BOOLEAN, STALLED + " = ?",
                    "Only stalled (true) or not stalled (false) deals; see `stalled` on the opportunity.")
            .anyOf("grade", ValueType.TEXT, "coalesce(o.grade_override, g.computed_grade)",
                    "Effective grade (A, B, C): a person's grade, else the computed one.")
            .single("closedFrom", ValueType.TIMESTAMP, "o.closed_at >= ?", "Closed at or after this instant.")
            .single("closedTo", ValueType.TIMESTAMP, "o.closed_at < ?", "Closed before this instant.")
            .single("q", ValueType.TEXT, "strpos(lower(o.name), lower(?)) > 0", "Name contains this text.")
            .anyOfWhere("account.industry", ValueType.TEXT, ACCOUNT + "fa.industry = ANY(?))", "Industry of the account.")
            .anyOfWhere("account.country", ValueType.TEXT, ACCOUNT + "fa.country = ANY(?))", "Country of the account.")
            .anyOfWhere("account.region", ValueType.TEXT, ACCOUNT + "fa.region = ANY(?))", "Region of the account.")
            .anyOfWhere("account.tier", ValueType.TEXT, ACCOUNT + "fa.tier = ANY(?))", "Tier of the account (A, B, C).")
            .sort("closeDate", "o.close_date", "close_date", ValueType.DATE)
            .sort("amount", "o.amount", "amount", ValueType.DECIMAL)
            .sort("name", "o.name", "name", ValueType.TEXT)
            .sort("createdAt", "o.created_at", "created_at", ValueType.TIMESTAMP)
            .sort("updatedAt", "o.updated_at", "updated_at", ValueType.TIMESTAMP)
            .build("closeDate");
}
