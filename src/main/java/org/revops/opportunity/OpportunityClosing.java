package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.CloseReasonDtos.CloseReasonView;
import org.revops.opportunity.OpportunityDtos.CloseInput;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.opportunity.OpportunityDtos.ReopenInput;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.UUID;

/**
 * Winning, losing and reopening a deal: explicit actions, because a closed deal carries a reason and a date that a
 * stage change alone would not record. Both are written to the history with their own action.
 */
@ApplicationScoped
public class OpportunityClosing {
    static final String LOST_NEEDS_REASON = "a lost deal needs a close reason";
    static final String NO_REASON = "no such close reason";
    static final String RETIRED_REASON = "this close reason is retired";

    private final Db db;
    private final OpportunityService opportunities;
    private final OpportunityHistory history;
    private final MergePatch validation;
    private final Clock clock;
    private final CloseReasonService closeReasons;

    public OpportunityClosing(Db db, OpportunityService opportunities, OpportunityHistory history,
                              MergePatch validation, Clock clock, CloseReasonService closeReasons) {
        this.closeReasons = closeReasons;
        this.db = db;
        this.opportunities = opportunities;
        this.history = history;
        this.validation = validation;
        this.clock = clock;
    }

    /**
     * Moves an open deal to its pipeline's won (or lost) stage, the first by position, and records when, why and
     * against whom. A lost deal needs a reason; a reason must be active and apply to the outcome. The stage's
     * probability and forecast category replace any override.
     */
    public Uni<OpportunityView> close(Caller caller, UUID id, Long expectedVersion, CloseInput input) {
        caller.requireWrite();
        validation.validate(input);
        if (!input.won() && input.reasonId() == null) {
            throw ApiProblem.invalid("reasonId", LOST_NEEDS_REASON);
        }
        return opportunities.get(caller, id).flatMap(current -> {
            if (current.closedAt() != null) {
                throw ApiProblem.invalid("status", "the deal is already closed (" + current.status() + ")");
            }
            return closingStage(caller, current.pipelineId(), input.won())
                    .call(stage -> checkReason(caller, input))
                    .flatMap(stage -> move(caller, current, expectedVersion, stage, "close", deal -> {
                        deal.closedAt = deal.stageEnteredAt;
                        deal.closeReasonId = input.reasonId();
                        deal.competitor = blankToNull(input.competitor());
                        deal.closeNotes = blankToNull(input.notes());
                    }));
        }).flatMap(done -> opportunities.get(caller, id));
    }

    /**
     * Reopens a closed deal into an open stage of its pipeline: the one named, else the stage it was closed from.
     * The close date, reason, competitor and notes are cleared; the history keeps them.
     */
    public Uni<OpportunityView> reopen(Caller caller, UUID id, Long expectedVersion, ReopenInput input) {
        caller.requireWrite();
        return opportunities.get(caller, id).flatMap(current -> {
            if (current.closedAt() == null) {
                throw ApiProblem.invalid("status", "the deal is open");
            }
            return reopeningStage(caller, current, input == null ? null : input.stageId())
                    .flatMap(stage -> move(caller, current, expectedVersion, stage, "reopen", deal -> {
                        deal.closedAt = null;
                        deal.closeReasonId = null;
                        deal.competitor = null;
                        deal.closeNotes = null;
                    }));
        }).flatMap(done -> opportunities.get(caller, id));
    }

    /**
     * In one transaction: moves the deal to {@code stage} with the stage's probability and category (overrides
     * reset), lets {@code settle} set or clear the close fields, and records the change under {@code action}.
     */
    private Uni<Void> move(Caller caller, OpportunityView current, Long expectedVersion, StageFacts stage,
                           String action, Consumer<Opportunity> settle) {
        return Audited.transaction(() -> Records.load(Opportunity.class, caller, current.id(), "Opportunity")
                .flatMap(deal -> {
                    Versions.check(expectedVersion, deal.version);
                    OpportunityService.unchangedSinceRead(deal, current);
                    deal.stageId = stage.id();
                    deal.probabilityOverride = null;
                    deal.forecastCategoryOverride = null;
                    deal.stageEnteredAt = clock.instant();
                    deal.updatedAt = deal.stageEnteredAt;
                    settle.accept(deal);
                    return history.record(caller, deal, action, OpportunityService.tracked(current),
                            OpportunityService.tracked(deal, stage));
                }));
    }

    private Uni<StageFacts> closingStage(Caller caller, UUID pipelineId, boolean won) {
        return db.query("""
                        SELECT id, pipeline_id, probability, forecast_category, is_closed, is_won FROM stages
                        WHERE workspace_id = $1 AND pipeline_id = $2 AND is_closed AND is_won = $3
                        ORDER BY position, id LIMIT 1""", Tuple.of(caller.workspaceId(), pipelineId, won))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiProblem.invalid("won", "the deal's pipeline has no " + (won ? "won" : "lost")
                                + " stage");
                    }
                    return facts(rows.iterator().next());
                });
    }

    /** The reason, read through its owner: it must exist, be active and apply to the outcome. */
    private Uni<Void> checkReason(Caller caller, CloseInput input) {
        if (input.reasonId() == null) {
            return Uni.createFrom().voidItem();
        }
        return closeReasons.byIds(caller, List.of(input.reasonId())).map(found -> {
            CloseReasonView reason = found.get(0);
            if (reason == null) {
                throw ApiProblem.invalid("reasonId", NO_REASON);
            }
            if (!reason.active()) {
                throw ApiProblem.invalid("reasonId", RETIRED_REASON);
            }
            if (!reason.appliesTo().allows(input.won())) {
                throw ApiProblem.invalid("reasonId", "this close reason applies to " + reason.appliesTo().value()
                        + " deals only");
            }
            return null;
        });
    }

    /** The named stage if it is an open stage of the deal's pipeline; else the stage the deal was closed from. */
    private Uni<StageFacts> reopeningStage(Caller caller, OpportunityView deal, UUID requested) {
        String sql = requested != null
                ? "SELECT id, pipeline_id, probability, forecast_category, is_closed, is_won FROM stages"
                  + " WHERE workspace_id = $1 AND pipeline_id = $2 AND id = $3"
                : """
                  SELECT s.id, s.pipeline_id, s.probability, s.forecast_category, s.is_closed, s.is_won
                  FROM stages s
                  WHERE s.workspace_id = $1 AND s.pipeline_id = $2 AND NOT s.is_closed
                  ORDER BY s.id = (SELECT h.from_stage_id FROM opportunity_history h
                                   WHERE h.workspace_id = $1 AND h.opportunity_id = $3 AND h.action = 'close'
                                     AND h.field = 'stage' ORDER BY h.id DESC LIMIT 1) DESC NULLS LAST,
                           s.position, s.id
                  LIMIT 1""";
        return db.query(sql, Tuple.of(caller.workspaceId(), deal.pipelineId(), requested != null ? requested : deal.id()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiProblem.invalid("stageId", requested != null
                                ? "no such stage in the deal's pipeline" : "the deal's pipeline has no open stage");
                    }
                    StageFacts stage = facts(rows.iterator().next());
                    if (stage.closed()) {
                        throw ApiProblem.invalid("stageId", "reopening needs an open stage");
                    }
                    return stage;
                });
    }

    private static StageFacts facts(Row row) {
        return new StageFacts(row.getUUID("id"), row.getUUID("pipeline_id"), row.getBigDecimal("probability"),
                ForecastCategory.valueOf(row.getString("forecast_category")), row.getBoolean("is_closed"),
                row.getBoolean("is_won"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
