package org.revops.opportunity;

import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.ValueType;

/** The read model of opportunities: effective probability and category joined from the stage. */
public final class OpportunityQueries {
    private OpportunityQueries() {
    }

    static final String SELECT = """
            SELECT o.id, o.name, o.account_id, o.primary_contact_id, o.owner_id, o.pipeline_id, o.stage_id, o.amount,
                   o.currency, o.close_date,
                   coalesce(o.probability_override, s.probability) AS probability,
                   o.probability_override IS NOT NULL AS probability_manual,
                   coalesce(o.forecast_category_override, s.forecast_category) AS forecast_category,
                   o.forecast_category_override IS NOT NULL AS forecast_category_manual,
                   o.next_step, o.source, o.external_id, o.external_source, o.created_at, o.updated_at, o.version
            FROM opportunities o
            JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id""";

    private static final String ACCOUNT = "EXISTS (SELECT 1 FROM accounts fa WHERE fa.workspace_id = o.workspace_id"
            + " AND fa.id = o.account_id AND ";

    public static final ListSpec LIST = ListSpec.builder("listOpportunities", SELECT, "o.workspace_id", "o.id")
            .anyOf("id", ValueType.UUID_, "o.id", "Opportunity id; repeat for several.")
            .anyOf("stageId", ValueType.UUID_, "o.stage_id", "Stage; repeat for several (OR).")
            .anyOf("pipelineId", ValueType.UUID_, "o.pipeline_id", "Pipeline; repeat for several.")
            .anyOf("ownerId", ValueType.UUID_, "o.owner_id", "Owner; repeat for several.")
            .anyOf("accountId", ValueType.UUID_, "o.account_id", "Account; repeat for several.")
            .anyOf("forecastCategory", ValueType.TEXT, "coalesce(o.forecast_category_override, s.forecast_category)",
                    "Effective forecast category: Pipeline, BestCase, Commit, Closed, Omitted.")
            .single("closed", ValueType.BOOLEAN, "s.is_closed = ?", "Only closed (true) or open (false) deals.")
            .single("won", ValueType.BOOLEAN, "(s.is_closed AND s.is_won) = ?", "Only won (true) or not won (false).")
            .anyOf("currency", ValueType.TEXT, "o.currency", "ISO 4217 currency.")
            .anyOf("source", ValueType.TEXT, "o.source", "Where the deal came from.")
            .anyOf("externalId", ValueType.TEXT, "o.external_id", "Id in the source system.")
            .anyOf("externalSource", ValueType.TEXT, "o.external_source", "Source system.")
            .single("closeDateFrom", ValueType.DATE, "o.close_date >= ?", "Close date on or after (YYYY-MM-DD).")
            .single("closeDateTo", ValueType.DATE, "o.close_date <= ?", "Close date on or before (YYYY-MM-DD).")
            .single("amountMin", ValueType.DECIMAL, "o.amount >= ?", "Amount at least.")
            .single("amountMax", ValueType.DECIMAL, "o.amount <= ?", "Amount at most.")
            .single("updatedSince", ValueType.TIMESTAMP, "o.updated_at >= ?", "Changed at or after this instant.")
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
