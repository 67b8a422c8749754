package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.integration.BatchUpsert.Work;
import org.revops.opportunity.OpportunityBatchReferences.Pending;
import org.revops.opportunity.OpportunityBatchReferences.Refs;
import org.revops.opportunity.OpportunityDtos.OpportunityInput;
import org.revops.platform.db.Db;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The stored side of an opportunity batch: deals read back from the stored-row read, and the history rows of the
 * written deals — the rows the single writes add one by one (one per changed tracked field), here inserted by one
 * statement for the whole batch, in record and field order (identity ids follow the ordinality).
 */
final class OpportunityBatchHistory {
    static final String HISTORY = """
            INSERT INTO opportunity_history (workspace_id, opportunity_id, action, field, from_value, to_value,
                                             from_stage_id, to_stage_id, changed_by, changed_at)
            SELECT $1, h.opportunity_id, h.action, h.field, h.from_value, h.to_value, h.from_stage_id, h.to_stage_id,
                   $2, $3
            FROM unnest(CAST($4 AS uuid[]), CAST($5 AS text[]), CAST($6 AS text[]), CAST($7 AS text[]),
                        CAST($8 AS text[]), CAST($9 AS uuid[]), CAST($10 AS uuid[]))
                 WITH ORDINALITY AS h(opportunity_id, action, field, from_value, to_value, from_stage_id, to_stage_id, n)
            ORDER BY h.n""";

    private OpportunityBatchHistory() {
    }

    /** Inserts the pending history rows of the written records; nothing when none changed a tracked field. */
    static Uni<Void> write(Db db, SqlClient conn, UUID workspaceId, Refs refs,
                           List<Work<OpportunityInput, Opportunity>> written) {
        List<UUID> ids = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> from = new ArrayList<>();
        List<String> to = new ArrayList<>();
        List<UUID> fromStages = new ArrayList<>();
        List<UUID> toStages = new ArrayList<>();
        for (Work<OpportunityInput, Opportunity> w : written) {
            Pending pending = refs.history().get(w);
            for (TrackedFields.Change change : pending.changes()) {
                ids.add(w.writtenId);
                actions.add(pending.action());
                fields.add(change.field());
                from.add(change.from());
                to.add(change.to());
                fromStages.add(change.fromStageId());
                toStages.add(change.toStageId());
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one caller and one instant per batch: those of its first record
        Work<OpportunityInput, Opportunity> first = written.get(0);
        Tuple args = Tuple.of(workspaceId, refs.history().get(first).changedBy(), first.at.atOffset(ZoneOffset.UTC))
                .addValue(ids.toArray(UUID[]::new)).addValue(actions.toArray(String[]::new))
                .addValue(fields.toArray(String[]::new)).addValue(from.toArray(String[]::new))
                .addValue(to.toArray(String[]::new)).addValue(fromStages.toArray(UUID[]::new))
                .addValue(toStages.toArray(UUID[]::new));
        return db.query(conn, HISTORY, args).replaceWithVoid();
    }

    /** The stored deal of a row of the batch's stored-row read (the written columns, id, key and version). */
    static Opportunity stored(Row row) {
        Opportunity d = new Opportunity();
        d.id = row.getUUID("id");
        d.workspaceId = row.getUUID("workspace_id");
        d.name = row.getString("name");
        d.accountId = row.getUUID("account_id");
        d.primaryContactId = row.getUUID("primary_contact_id");
        d.ownerId = row.getUUID("owner_id");
        d.pipelineId = row.getUUID("pipeline_id");
        d.stageId = row.getUUID("stage_id");
        d.amount = row.getBigDecimal("amount");
        d.currency = row.getString("currency");
        d.closeDate = row.getLocalDate("close_date");
        d.probabilityOverride = row.getBigDecimal("probability_override");
        d.forecastCategoryOverride = row.getString("forecast_category_override");
        d.gradeOverride = row.getString("grade_override");
        d.nextStep = row.getString("next_step");
        d.source = row.getString("source");
        d.campaign = row.getString("campaign");
        d.territoryId = row.getUUID("territory_id");
        d.stageEnteredAt = row.getOffsetDateTime("stage_entered_at").toInstant();
        d.closeDatePushes = row.getInteger("close_date_pushes");
        d.closedAt = row.getOffsetDateTime("closed_at") == null ? null : row.getOffsetDateTime("closed_at").toInstant();
        d.closeReasonId = row.getUUID("close_reason_id");
        d.competitor = row.getString("competitor");
        d.closeNotes = row.getString("close_notes");
        d.externalId = row.getString("external_id");
        d.externalSource = row.getString("external_source");
        d.version = row.getLong("version");
        return d;
    }
}
