package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.OpportunityDtos.OpportunityInput;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;
import org.revops.platform.workspace.Workspaces;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.MergePatch.Patched;
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Opportunities: the pipeline. A rep reads and changes the deals they own, a manager those of their subtree.
 * Probability and forecast category come from the stage unless a person overrode them (kept in separate columns).
 */
@ApplicationScoped
public class OpportunityService {
    static final String NO_STAGE = "no such stage in this workspace";
    static final String OTHER_PIPELINE = "the stage belongs to another pipeline";
    static final String NO_ACCOUNT = "no such account";
    static final String NO_CONTACT = "no such contact at this account";
    static final String NOT_ACTIVE_TERRITORY = "is not a territory of the active territory model";

    private final Db db;
    private final Visibility visibility;
    private final MergePatch mergePatch;
    private final Workspaces workspaces;
    private final Clock clock;
    private final OpportunityHistory history;

    public OpportunityService(Db db, Visibility visibility, MergePatch mergePatch, Workspaces workspaces, Clock clock,
                              OpportunityHistory history) {
        this.history = history;
        this.db = db;
        this.visibility = visibility;
        this.mergePatch = mergePatch;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    public Uni<Slice<OpportunityView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, OpportunityQueries.LIST, new Object[] {now()}, caller.workspaceId(),
                Visibility.owned(caller, "o.owner_id"), request, OpportunityService::toView);
    }

    public Uni<OpportunityView> get(Caller caller, UUID id) {
        return byIds(caller, List.of(id)).map(found -> Rows.present(found.get(0), "Opportunity"));
    }

    public Uni<List<OpportunityView>> byIds(Caller caller, List<UUID> ids) {
        SqlPredicate visible = Visibility.owned(caller, "o.owner_id");
        SqlBuilder sql = new SqlBuilder().append(OpportunityQueries.SELECT + " WHERE o.workspace_id = ? AND o.id = ANY(?)",
                        now(), caller.workspaceId(), ids.toArray(UUID[]::new))
                .append(" AND " + visible.sql(), visible.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> Rows.alignById(rows, ids, OpportunityService::toView));
    }

    /** The history of a deal the caller sees, oldest change first. */
    public Uni<List<OpportunityDtos.ChangeView>> history(Caller caller, UUID id) {
        return get(caller, id).flatMap(visible -> history.of(caller, id));
    }

    /** The visible deals of each account, in the order of {@code accountIds}: one statement. */
    public Uni<List<List<OpportunityView>>> byAccounts(Caller caller, List<UUID> accountIds) {
        SqlPredicate visible = Visibility.owned(caller, "o.owner_id");
        SqlBuilder sql = new SqlBuilder().append(OpportunityQueries.SELECT
                                + " WHERE o.workspace_id = ? AND o.account_id = ANY(?)",
                        now(), caller.workspaceId(), accountIds.toArray(UUID[]::new))
                .append(" AND " + visible.sql() + " ORDER BY o.close_date, o.id", visible.args());
        return db.query(sql.sql(), sql.tuple())
                .map(rows -> Rows.groupBy(rows, accountIds, "account_id", OpportunityService::toView));
    }

    public Uni<OpportunityView> create(Caller caller, OpportunityInput input) {
        caller.requireWrite();
        mergePatch.validate(input);
        UUID ownerId = input.ownerId() != null ? input.ownerId() : caller.userId();
        return checkReferences(caller, input)
                .call(stage -> visibility.checkNewOwner(caller, ownerId))
                .flatMap(stage -> workspaces.currency(caller).flatMap(currency -> Audited.transaction(
                        () -> persistNew(caller, input, ownerId, stage,
                                input.currency() != null ? input.currency() : currency, null))))
                .flatMap(id -> get(caller, id));
    }

    /** Creates a deal in the caller's current Hibernate transaction; references and owner were checked. */
    Uni<UUID> persistNew(Caller caller, OpportunityInput input, UUID ownerId, StageFacts stage, String currency,
                         UUID leadId) {
        refuseClosedStage(stage);
        Opportunity deal = new Opportunity();
        deal.id = UUID.randomUUID();
        deal.workspaceId = caller.workspaceId();
        deal.createdAt = clock.instant();
        deal.stageEnteredAt = deal.createdAt;
        apply(deal, input, ownerId, stage.pipelineId(), currency);
        deal.leadId = leadId;
        return deal.persistAndFlush()
                .call(saved -> history.record(caller, deal, "create", null, tracked(deal, stage)))
                .map(saved -> deal.id);
    }

    /**
     * Merge-patches a deal. Moving it to another stage resets probability and forecast category to the new stage's
     * unless the same patch sets them.
     */
    public Uni<OpportunityView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        caller.requireWrite();
        return get(caller, id).flatMap(current -> Audited.transaction(
                        () -> Records.load(Opportunity.class, caller, id, "Opportunity").flatMap(deal -> {
                            Versions.check(expectedVersion, deal.version);
                            unchangedSinceRead(deal, current);
                            Patched<OpportunityInput> patched = mergePatch.apply(toInput(deal), patch,
                                    OpportunityInput.class);
                            OpportunityInput merged = resetOverridesOnStageChange(deal, patched);
                            UUID ownerId = merged.ownerId() != null ? merged.ownerId() : deal.ownerId;
                            Uni<Void> ownerCheck = ownerId.equals(deal.ownerId) ? Uni.createFrom().voidItem()
                                    : visibility.checkNewOwner(caller, ownerId);
                            return checkReferences(caller, merged).call(stage -> ownerCheck).flatMap(stage -> {
                                if (!stage.id().equals(deal.stageId)) {
                                    if (current.closedAt() != null) {
                                        throw ApiProblem.invalid("stageId", "the deal is closed: reopen it with "
                                                + "POST /api/v1/opportunities/{id}/reopen");
                                    }
                                    refuseClosedStage(stage);
                                    deal.stageEnteredAt = clock.instant();
                                }
                                TrackedFields before = tracked(current);
                                apply(deal, merged, ownerId, stage.pipelineId(), merged.currency() != null
                                        ? merged.currency() : deal.currency);
                                TrackedFields after = tracked(deal, stage);
                                if (TrackedFields.pushed(before, after)) {
                                    deal.closeDatePushes++;
                                }
                                return history.record(caller, deal, "update", before, after).replaceWith(deal.id);
                            });
                        })))
                .flatMap(dealId -> get(caller, dealId));
    }

    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        caller.requireWrite();
        return get(caller, id).flatMap(visible -> Audited.transaction(
                () -> Records.load(Opportunity.class, caller, id, "Opportunity").flatMap(deal -> {
                    Versions.check(expectedVersion, deal.version);
                    return deal.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
                })));
    }

    private static OpportunityInput resetOverridesOnStageChange(Opportunity deal, Patched<OpportunityInput> patched) {
        OpportunityInput in = patched.value();
        if (in.stageId().equals(deal.stageId)) {
            return in;
        }
        return new OpportunityInput(in.name(), in.accountId(), in.primaryContactId(), in.ownerId(),
                patched.touched("pipelineId") ? in.pipelineId() : null, in.stageId(), in.amount(), in.currency(),
                in.closeDate(), patched.touched("probability") ? in.probability() : null,
                patched.touched("forecastCategory") ? in.forecastCategory() : null, in.grade(), in.nextStep(), in.source(),
                in.campaign(), in.externalId(), in.externalSource(), in.territoryId());
    }

    /**
     * Checks in one statement that the stage, account and contact exist in the workspace and fit together, and
     * returns the stage. All problems are reported at once as a 422.
     */
    private Uni<StageFacts> checkReferences(Caller caller, OpportunityInput in) {
        SqlPredicate account = Visibility.readableAccount(caller, "a");
        SqlBuilder sql = new SqlBuilder()
                .append("SELECT s.pipeline_id, s.probability, s.forecast_category, s.is_closed, s.is_won,",
                        new Object[0])
                .append(" EXISTS (SELECT 1 FROM accounts a WHERE a.workspace_id = ? AND a.id = ? AND " + account.sql()
                        + ") AS account_ok,", prepend(account.args(), caller.workspaceId(), in.accountId()))
                .append(" EXISTS (SELECT 1 FROM contacts c WHERE c.workspace_id = ? AND c.id = ? AND c.account_id = ?)"
                        + " AS contact_ok,", caller.workspaceId(), in.primaryContactId(), in.accountId())
                .append(" EXISTS (SELECT 1 FROM territories t JOIN territory_models m ON m.workspace_id = t.workspace_id"
                        + " AND m.id = t.model_id AND m.state = 'active' WHERE t.workspace_id = ? AND t.id = ?)"
                        + " AS territory_ok", caller.workspaceId(), in.territoryId())
                .append(" FROM (SELECT 1) one LEFT JOIN stages s ON s.workspace_id = ? AND s.id = ?",
                        caller.workspaceId(), in.stageId());
        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            Row row = rows.iterator().next();
            UUID pipelineId = row.getUUID("pipeline_id");
            List<FieldError> errors = new ArrayList<>();
            if (pipelineId == null) {
                errors.add(new FieldError("stageId", NO_STAGE));
            } else if (in.pipelineId() != null && !in.pipelineId().equals(pipelineId)) {
                errors.add(new FieldError("pipelineId", OTHER_PIPELINE));
            }
            if (!row.getBoolean("account_ok")) {
                errors.add(new FieldError("accountId", NO_ACCOUNT));
            }
            if (in.primaryContactId() != null && !row.getBoolean("contact_ok")) {
                errors.add(new FieldError("primaryContactId", NO_CONTACT));
            }
            if (in.territoryId() != null && !row.getBoolean("territory_ok")) {
                errors.add(new FieldError("territoryId", NOT_ACTIVE_TERRITORY));
            }
            if (!errors.isEmpty()) {
                throw ApiProblem.invalid(errors);
            }
            return new StageFacts(in.stageId(), pipelineId, row.getBigDecimal("probability"),
                    ForecastCategory.valueOf(row.getString("forecast_category")), row.getBoolean("is_closed"),
                    row.getBoolean("is_won"));
        });
    }

    private static void refuseClosedStage(StageFacts stage) {
        if (stage.closed()) {
            throw ApiProblem.invalid("stageId", "a closed stage is reached by closing the deal: "
                    + "POST /api/v1/opportunities/{id}/close");
        }
    }

    /**
     * The history's "from" values come from the read before the transaction; a change that slipped in between
     * (a caller without If-Match racing another writer) would make them wrong, so it is refused for a retry.
     */
    static void unchangedSinceRead(Opportunity deal, OpportunityView read) {
        if (deal.version != read.version()) {
            throw ApiProblem.conflict("The opportunity changed while this request ran; read it again and retry");
        }
    }

    static TrackedFields tracked(OpportunityView view) {
        return new TrackedFields(view.stageId(), view.amount(), view.closeDate(), view.probability(),
                view.forecastCategory());
    }

    /** The tracked fields of a deal about to be saved, with the stage's defaults for what a person did not set. */
    static TrackedFields tracked(Opportunity deal, StageFacts stage) {
        return new TrackedFields(deal.stageId, deal.amount, deal.closeDate,
                deal.probabilityOverride != null ? deal.probabilityOverride : stage.probability(),
                deal.forecastCategoryOverride != null ? ForecastCategory.valueOf(deal.forecastCategoryOverride)
                        : stage.forecastCategory());
    }

    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private OffsetDateTime now() {
        return now(clock);
    }

    private static Object[] prepend(Object[] rest, Object... first) {
        Object[] all = new Object[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }

    /** Copies the input onto the deal: the single writes' and the batch's one mapping. */
    void apply(Opportunity deal, OpportunityInput in, UUID ownerId, UUID pipelineId, String currency) {
        deal.name = in.name().trim();
        deal.accountId = in.accountId();
        deal.primaryContactId = in.primaryContactId();
        deal.ownerId = ownerId;
        deal.pipelineId = pipelineId;
        deal.stageId = in.stageId();
        deal.amount = in.amount();
        deal.currency = currency;
        deal.closeDate = in.closeDate();
        deal.probabilityOverride = in.probability();
        deal.forecastCategoryOverride = in.forecastCategory() == null ? null : in.forecastCategory().name();
        deal.gradeOverride = in.grade();
        deal.nextStep = in.nextStep();
        deal.source = in.source();
        deal.campaign = in.campaign();
        deal.externalId = in.externalId();
        deal.externalSource = in.externalSource();
        deal.territoryId = in.territoryId();
        deal.updatedAt = clock.instant();
    }

    static OpportunityInput toInput(Opportunity d) {
        return new OpportunityInput(d.name, d.accountId, d.primaryContactId, d.ownerId, d.pipelineId, d.stageId,
                d.amount, d.currency, d.closeDate, d.probabilityOverride,
                d.forecastCategoryOverride == null ? null : ForecastCategory.valueOf(d.forecastCategoryOverride),
                d.gradeOverride, d.nextStep, d.source, d.campaign, d.externalId, d.externalSource, d.territoryId);
    }

    static OpportunityView toView(Row row) {
        return new OpportunityView(row.getUUID("id"), row.getString("name"), row.getUUID("account_id"),
                row.getUUID("primary_contact_id"), row.getUUID("owner_id"), row.getUUID("pipeline_id"),
                row.getUUID("stage_id"), row.getBigDecimal("amount"), row.getString("currency"),
                row.getLocalDate("close_date"), row.getBigDecimal("probability"),
                row.getBoolean("probability_manual") ? "manual" : "stage",
                ForecastCategory.valueOf(row.getString("forecast_category")),
                row.getBoolean("forecast_category_manual") ? "manual" : "stage", row.getString("next_step"),
                row.getString("source"), row.getString("campaign"), row.getUUID("lead_id"),
                row.getString("external_id"), row.getString("external_source"),
                !row.getBoolean("is_closed") ? "open" : row.getBoolean("is_won") ? "won" : "lost",
                row.getOffsetDateTime("closed_at"), row.getUUID("close_reason_id"), row.getString("competitor"),
                row.getString("close_notes"), row.getString("grade"),
                row.getString("grade_override") != null ? "manual" : "computed", row.getString("computed_grade"),
                row.getOffsetDateTime("last_activity_at"), row.getOffsetDateTime("next_follow_up_at"),
                row.getOffsetDateTime("stage_entered_at"), row.getInteger("days_in_stage"),
                row.getInteger("days_since_creation"), row.getInteger("close_date_pushes"),
                row.getBoolean("stalled_in_stage") || row.getBoolean("stalled_inactive"), stalledReasons(row),
                row.getUUID("territory_id"), row.getString("territory_source"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }

    private static List<String> stalledReasons(Row row) {
        List<String> reasons = new ArrayList<>(2);
        if (row.getBoolean("stalled_in_stage")) {
            reasons.add("stage");
        }
        if (row.getBoolean("stalled_inactive")) {
            reasons.add("inactivity");
        }
        return reasons;
    }
}
