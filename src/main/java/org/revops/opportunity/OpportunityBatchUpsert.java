package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.inject.Singleton;
import org.revops.integration.BatchRecords.Entry;
import org.revops.integration.BatchUpsert;
import org.revops.integration.ExternalKeys;
import org.revops.integration.UpsertStatement;
import org.revops.integration.UpsertStatement.Column;
import org.revops.integration.UserReferences;
import org.revops.opportunity.OpportunityBatchReferences.Pending;
import org.revops.opportunity.OpportunityBatchReferences.Reason;
import org.revops.opportunity.OpportunityBatchReferences.Refs;
import org.revops.opportunity.OpportunityDtos.OpportunityInput;
import org.revops.platform.db.Db;
import org.revops.platform.security.Caller;
import org.revops.platform.workspace.Workspaces;
import org.revops.platform.write.MergePatch;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Batch upsert of opportunities by {@code (externalSource, externalId)} on the shared {@link BatchUpsert} engine, with
 * the rules of OpportunityService (create, PATCH) and OpportunityClosing. The account and primary contact are given by
 * id or external id, the owner by id or e-mail, the stage by id or by name within {@code pipelineId}. Per record:
 * <ul>
 * <li>moving a known deal to another stage resets its probability and forecast category overrides unless the record
 *   sets them, and starts the stage clock ({@code stage_entered_at});</li>
 * <li>a closed (won or lost) stage closes the deal, as POST /close does: {@code closedAt}, a close reason required for
 *   lost deals, active (when newly given) and applying to the outcome; an open stage for a closed deal reopens it, as
 *   POST /reopen does (close fields cleared). Closing fields on an open deal are an error;</li>
 * <li>a close date moved later counts as a push; grade and the account's territory stay derived on read.</li>
 * </ul>
 * The history rows of the written deals (the single writes' rows: one per changed tracked field) are inserted by one
 * statement for the batch.
 */
@Singleton   // not @ApplicationScoped: its engine superclass has no no-args constructor for a client proxy
public class OpportunityBatchUpsert extends BatchUpsert<OpportunityInput, Opportunity, Refs> {
    static final String CLOSE_REASON = "closeReasonId";
    static final String COMPETITOR = "competitor";
    static final String CLOSE_NOTES = "closeNotes";

    static final ExternalKeys ACCOUNT = new ExternalKeys("accounts", "accountId", "accountExternalId",
            "accountExternalSource", "an account");
    static final ExternalKeys CONTACT = new ExternalKeys("contacts", "primaryContactId", "primaryContactExternalId",
            "primaryContactExternalSource", "a contact");

    static final UpsertStatement UPSERT = new UpsertStatement("opportunities", List.of(text("name"),
            uuid("account_id"), uuid("primary_contact_id"), uuid("owner_id"), uuid("pipeline_id"), uuid("stage_id"),
            new Column("amount", "numeric"), text("currency"), new Column("close_date", "date"),
            new Column("probability_override", "numeric"), text("forecast_category_override"), text("grade_override"),
            text("next_step"), text("source"), text("campaign"), uuid("territory_id"),
            new Column("stage_entered_at", "timestamptz"), new Column("close_date_pushes", "integer"),
            new Column("closed_at", "timestamptz"), uuid("close_reason_id"), text("competitor"), text("close_notes")));


    private final OpportunityService opportunities;
    private final UserReferences users;

    public OpportunityBatchUpsert(Db db, ObjectMapper mapper, MergePatch mergePatch, Workspaces workspaces,
                                  Clock clock, Vertx vertx, OpportunityService opportunities, UserReferences users) {
        super(db, mapper, mergePatch, workspaces, clock, vertx);
        this.opportunities = opportunities;
        this.users = users;
    }

    @Override
    protected UpsertStatement statement() {
        return UPSERT;
    }

    @Override
    protected Class<OpportunityInput> inputType() {
        return OpportunityInput.class;
    }

    @Override
    protected OpportunityInput toInput(Opportunity stored) {
        return OpportunityService.toInput(stored);
    }

    @Override
    protected List<String> referenceFields() {
        List<String> fields = new ArrayList<>(List.of(UserReferences.OWNER_EMAIL, OpportunityBatchReferences.STAGE_NAME));
        fields.addAll(ACCOUNT.fields());
        fields.addAll(CONTACT.fields());
        return fields;
    }

    /**
     * Close fields are taken out (kept apart: null clears, omitted keeps), then accounts and contacts by external id
     * and stages by name become ids.
     */
    @Override
    protected Uni<Void> beforeRead(SqlClient conn, UUID workspaceId, List<Work<OpportunityInput, Opportunity>> records) {
        for (Work<OpportunityInput, Opportunity> w : records) {
            for (String field : List.of(CLOSE_REASON, COMPETITOR, CLOSE_NOTES)) {
                JsonNode value = w.entry.fields.remove(field);
                if (value != null && !value.isNull() && !value.isTextual()) {
                    w.entry.error(field, "must be a string");
                } else if (value != null) {
                    w.references.put(field, value.isNull() ? null : value.asText());
                }
            }
            String reason = w.references.get(CLOSE_REASON);
            if (reason != null && uuidOrNull(reason) == null) {
                w.entry.error(CLOSE_REASON, "must be a UUID");
            }
            tooLong(w.entry, COMPETITOR, w.references.get(COMPETITOR), 200);
            tooLong(w.entry, CLOSE_NOTES, w.references.get(CLOSE_NOTES), 2000);
        }
        return ACCOUNT.resolve(db, conn, workspaceId, records)
                .call(() -> CONTACT.resolve(db, conn, workspaceId, records))
                .call(() -> OpportunityBatchReferences.stagesByName(db, conn, workspaceId, records));
    }

    @Override
    protected Uni<Refs> references(SqlClient conn, UUID workspaceId, List<Work<OpportunityInput, Opportunity>> records) {
        return OpportunityBatchReferences.find(db, users, conn, workspaceId, records);
    }

    /** OpportunityService's reference checks and mapping, then the stage, close and push rules of the class comment. */
    @Override
    protected Object[] row(Caller caller, Work<OpportunityInput, Opportunity> w, Refs refs, String currency) {
        Entry entry = w.entry;
        Opportunity stored = w.current;
        OpportunityInput in = w.input;
        boolean moved = stored == null || !in.stageId().equals(stored.stageId);
        if (stored != null && moved) {
            in = withoutUntouchedOverrides(in, entry);
        }
        UUID ownerId = refs.users().owner(entry, in.ownerId(), w.references.get(UserReferences.OWNER_EMAIL),
                stored == null ? null : stored.ownerId);
        if (ownerId == null) {   // as the single writes: a new deal is the caller's, a stored one keeps its owner
            ownerId = stored != null ? stored.ownerId : caller.userId();
        }
        StageFacts stage = refs.stages().get(in.stageId());
        if (stage == null) {
            entry.error("stageId", OpportunityService.NO_STAGE);
        } else if (in.pipelineId() != null && !in.pipelineId().equals(stage.pipelineId())) {
            entry.error("pipelineId", OpportunityService.OTHER_PIPELINE);
        }
        if (!refs.accounts().contains(in.accountId())) {
            entry.error("accountId", OpportunityService.NO_ACCOUNT);
        }
        if (in.primaryContactId() != null && !in.accountId().equals(refs.contactAccounts().get(in.primaryContactId()))) {
            entry.error("primaryContactId", OpportunityService.NO_CONTACT);
        }
        if (in.territoryId() != null && !refs.activeTerritories().contains(in.territoryId())) {
            entry.error("territoryId", OpportunityService.NOT_ACTIVE_TERRITORY);
        }
        if (!entry.valid()) {
            return null;
        }
        Opportunity deal = new Opportunity();
        opportunities.apply(deal, in, ownerId, stage.pipelineId(), in.currency() != null ? in.currency() : currency);
        deal.stageEnteredAt = moved ? w.at : stored.stageEnteredAt;
        deal.closeDatePushes = stored == null ? 0 : stored.closeDatePushes;
        TrackedFields before = stored == null ? null : OpportunityService.tracked(stored, refs.stages().get(stored.stageId));
        TrackedFields after = OpportunityService.tracked(deal, stage);
        if (TrackedFields.pushed(before, after)) {
            deal.closeDatePushes++;
        }
        settleClose(w, refs, stage, moved, deal);
        if (!entry.valid()) {
            return null;
        }
        boolean wasClosed = stored != null && stored.closedAt != null;
        String action = stored == null ? "create" : moved && stage.closed() ? "close"
                : moved && wasClosed ? "reopen" : "update";
        refs.history().put(w, new Pending(action, TrackedFields.between(before, after), caller.userId()));
        return new Object[] {deal.name, deal.accountId, deal.primaryContactId, deal.ownerId, deal.pipelineId,
                deal.stageId, deal.amount, deal.currency, deal.closeDate, deal.probabilityOverride,
                deal.forecastCategoryOverride, deal.gradeOverride, deal.nextStep, deal.source, deal.campaign,
                deal.territoryId, utc(deal.stageEnteredAt), deal.closeDatePushes, utc(deal.closedAt),
                deal.closeReasonId, deal.competitor, deal.closeNotes};
    }

    /**
     * OpportunityClosing's rules for a deal in a closed stage: closed when it entered the stage (kept while it stays),
     * a lost deal needs a reason, a newly given reason must be active, any reason must apply to the outcome. A deal
     * in an open stage has no close fields (a reopened one loses them, as POST /reopen clears them).
     */
    private static void settleClose(Work<OpportunityInput, Opportunity> w, Refs refs, StageFacts stage, boolean moved,
                                    Opportunity deal) {
        Opportunity stored = w.current;
        Entry entry = w.entry;
        if (!stage.closed()) {
            for (String field : List.of(CLOSE_REASON, COMPETITOR, CLOSE_NOTES)) {
                if (w.references.get(field) != null) {
                    entry.error(field, "is for closed deals only: the stage is open");
                }
            }
            return;
        }
        boolean keep = stored != null && stored.closedAt != null;
        deal.closedAt = keep && !moved ? stored.closedAt : w.at;
        deal.closeReasonId = w.references.containsKey(CLOSE_REASON) ? uuidOrNull(w.references.get(CLOSE_REASON))
                : keep ? stored.closeReasonId : null;
        deal.competitor = blankToNull(w.references.containsKey(COMPETITOR) ? w.references.get(COMPETITOR)
                : keep ? stored.competitor : null);
        deal.closeNotes = blankToNull(w.references.containsKey(CLOSE_NOTES) ? w.references.get(CLOSE_NOTES)
                : keep ? stored.closeNotes : null);
        if (deal.closeReasonId == null) {
            if (!stage.won()) {
                entry.error(CLOSE_REASON, OpportunityClosing.LOST_NEEDS_REASON);
            }
            return;
        }
        Reason reason = refs.reasons().get(deal.closeReasonId);
        if (reason == null) {
            entry.error(CLOSE_REASON, OpportunityClosing.NO_REASON);
        } else if (!reason.active() && (stored == null || !deal.closeReasonId.equals(stored.closeReasonId))) {
            entry.error(CLOSE_REASON, OpportunityClosing.RETIRED_REASON);
        } else if (!reason.allows(stage.won())) {
            entry.error(CLOSE_REASON, "this close reason applies to " + reason.appliesTo() + " deals only");
        }
    }

    /** As OpportunityService's PATCH: a stage move resets pipeline, probability and category unless the record sets them. */
    private static OpportunityInput withoutUntouchedOverrides(OpportunityInput in, Entry entry) {
        return new OpportunityInput(in.name(), in.accountId(), in.primaryContactId(), in.ownerId(),
                entry.fields.has("pipelineId") ? in.pipelineId() : null, in.stageId(), in.amount(), in.currency(),
                in.closeDate(), entry.fields.has("probability") ? in.probability() : null,
                entry.fields.has("forecastCategory") ? in.forecastCategory() : null, in.grade(), in.nextStep(),
                in.source(), in.campaign(), in.externalId(), in.externalSource(), in.territoryId());
    }

    /** The history rows of the written deals, in one statement. */
    @Override
    protected Uni<List<UUID>> afterWrite(SqlClient conn, UUID workspaceId, Refs refs,
                                         List<Work<OpportunityInput, Opportunity>> written) {
        return OpportunityBatchHistory.write(db, conn, workspaceId, refs, written).replaceWith(List.of());
    }

    static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void tooLong(Entry entry, String field, String value, int max) {
        if (value != null && value.length() > max) {
            entry.error(field, "size must be between 0 and " + max);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Column text(String name) {
        return new Column(name, "text");
    }

    private static Column uuid(String name) {
        return new Column(name, "uuid");
    }

    @Override
    protected Opportunity fromRow(Row row) {
        return OpportunityBatchHistory.stored(row);
    }
}
