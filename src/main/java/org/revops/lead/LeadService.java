package org.revops.lead;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.LeadDtos.LeadInput;
import org.revops.lead.LeadDtos.LeadView;
import org.revops.lead.predictive.PredictiveFactors;
import org.revops.lead.predictive.PredictiveScoring;
import org.revops.lead.scoring.LeadScoring;
import org.revops.lead.scoring.ScoreChange;
import org.revops.lead.scoring.ScoreReasons;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.security.Visibility;
import org.revops.platform.workspace.Workspaces;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Leads: people and companies from every channel, before they are customers. A rep reads and changes the leads they
 * own; a manager those of their team plus the unowned ones (the queue routing fills from); admin, integration and
 * read-only keys the whole workspace. Each write matches the lead to the active territory model (unless a person set
 * its territory); scores, routing and conversion are written by their own services.
 */
@ApplicationScoped
public class LeadService {
    static final String SELECT = """
            SELECT l.id, l.first_name, l.last_name, l.email, l.phone, l.title, l.company, l.company_domain, l.industry,
                   l.employee_count, l.annual_revenue, l.currency, l.country, l.region, l.city, l.postal_code, l.source,
                   l.campaign, l.partner, l.budget_amount, l.budget_status, l.authority, l.need, l.timeline, l.visits,
                   l.email_opens, l.form_fills, l.events_attended, l.last_engaged_at, l.status, l.disqualified_reason,
                   l.owner_id, l.territory_id, l.territory_cause, l.score, l.grade, l.score_reasons, l.scoring_model_id,
                   l.scored_at, l.predictive_score, l.predictive_factors, l.predictive_model_id, l.predicted_at,
                   l.converted_at, l.converted_account_id,
                   l.converted_contact_id, l.converted_opportunity_id, l.external_id, l.external_source, l.created_at,
                   l.updated_at, l.version
            FROM leads l""";

    public static final ListSpec LIST = ListSpec.builder("listLeads", SELECT, "l.workspace_id", "l.id")
            .anyOf("id", ValueType.UUID_, "l.id", "Lead id; repeat for several.")
            .anyOf("ownerId", ValueType.UUID_, "l.owner_id", "Owner; repeat for several.")
            .single("unowned", ValueType.BOOLEAN, "(l.owner_id IS NULL) = ?",
                    "true: only leads without an owner (waiting to be routed); false: only owned ones.")
            .anyOf("status", ValueType.TEXT, "l.status",
                    "new, working, nurturing, qualified, disqualified or converted; repeat for several.")
            .anyOf("source", ValueType.TEXT, "l.source",
                    "Channel: web-form, trade-show, partner-referral, campaign, outbound, other; repeat for several.")
            .anyOf("campaign", ValueType.TEXT, "l.campaign", "Campaign, exact.")
            .anyOf("grade", ValueType.TEXT, "l.grade", "Score grade A, B, C or D; repeat for several.")
            .anyOf("territoryId", ValueType.UUID_, "l.territory_id", "Territory; repeat for several.")
            .anyOf("industry", ValueType.TEXT, "l.industry", "Industry, exact.")
            .anyOf("country", ValueType.TEXT, "l.country", "ISO 3166-1 alpha-2 country code.")
            .anyOfWhere("email", ValueType.TEXT, "lower(l.email) = ANY(SELECT lower(e) FROM unnest(CAST(? AS text[])) e)",
                    "Email, case-insensitive; repeat for several.")
            .anyOfWhere("companyDomain", ValueType.TEXT,
                    "lower(l.company_domain) = ANY(SELECT lower(d) FROM unnest(CAST(? AS text[])) d)",
                    "Company domain, case-insensitive.")
            .anyOf("externalId", ValueType.TEXT, "l.external_id", "Id in the source system.")
            .anyOf("externalSource", ValueType.TEXT, "l.external_source", "Source system.")
            .single("scoreMin", ValueType.INTEGER, "l.score >= ?", "Rule score at least.")
            .single("scoreMax", ValueType.INTEGER, "l.score <= ?", "Rule score at most.")
            .single("createdFrom", ValueType.TIMESTAMP, "l.created_at >= ?", "Created at or after this instant.")
            .single("createdTo", ValueType.TIMESTAMP, "l.created_at < ?", "Created before this instant.")
            .single("updatedSince", ValueType.TIMESTAMP, "l.updated_at >= ?", "Changed at or after this instant.")
            .single("q", ValueType.TEXT, "strpos(lower(concat_ws(' ', l.first_name, l.last_name, l.company, l.email)),"
                    + " lower(?)) > 0", "Name, company or email contains this text.")
            .sort("createdAt", "l.created_at", "created_at", ValueType.TIMESTAMP)
            .sort("updatedAt", "l.updated_at", "updated_at", ValueType.TIMESTAMP)
            .sort("lastName", "l.last_name", "last_name", ValueType.TEXT)
            .sort("score", "l.score", "score", ValueType.INTEGER)
            .build("-createdAt");

    private final Db db;
    private final Visibility visibility;
    private final MergePatch mergePatch;
    private final Workspaces workspaces;
    private final Clock clock;
    private final LeadTerritories territories;
    private final PredictiveScoring predictive;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LeadService.class);
    private final LeadScoring scoring;
    private final LeadRouting routing;

    public LeadService(Db db, Visibility visibility, MergePatch mergePatch, Workspaces workspaces, Clock clock,
                       LeadTerritories territories, PredictiveScoring predictive, LeadScoring scoring,
                       LeadRouting routing) {
        this.scoring = scoring;
        this.routing = routing;
        this.db = db;
        this.visibility = visibility;
        this.mergePatch = mergePatch;
        this.workspaces = workspaces;
        this.clock = clock;
        this.territories = territories;
        this.predictive = predictive;
    }

    public Uni<Slice<LeadView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), Visibility.readableLead(caller, "l"), request,
                LeadService::toView);
    }

    public Uni<LeadView> get(Caller caller, UUID id) {
        return byIds(caller, List.of(id)).map(found -> Rows.present(found.get(0), "Lead"));
    }

    /** Leads by id, aligned to {@code ids}, null where unknown or not visible: one statement. */
    public Uni<List<LeadView>> byIds(Caller caller, List<UUID> ids) {
        SqlPredicate visible = Visibility.readableLead(caller, "l");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE l.workspace_id = ? AND l.id = ANY(?)",
                        caller.workspaceId(), ids.toArray(UUID[]::new))
                .append(" AND " + visible.sql(), visible.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> Rows.alignById(rows, ids, LeadService::toView));
    }

    /** Creates a lead (status new unless given), matches its territory, and answers it as stored. */
    public Uni<LeadView> create(Caller caller, LeadInput input) {
        caller.requireWrite();
        mergePatch.validate(input);
        UUID ownerId = input.ownerId() != null ? input.ownerId()
                : caller.role() == Role.REP ? caller.userId() : null;
        return checkOwner(caller, ownerId, null)
                .flatMap(ok -> checkRules(caller, input))
                .flatMap(ok -> workspaces.currency(caller))
                .flatMap(defaultCurrency -> Audited.transaction(() -> {
                    Lead lead = new Lead();
                    lead.id = UUID.randomUUID();
                    lead.workspaceId = caller.workspaceId();
                    lead.createdAt = clock.instant();
                    apply(lead, input, ownerId, defaultCurrency);
                    return lead.persist().map(saved -> lead.id)
                            .call(id -> territories.matchOnWrite(caller.workspaceId(), id))
                            .flatMap(id -> scoring.scoreOnWrite(caller.workspaceId(), id))
                            .call(change -> predictive.scoreOnWrite(caller.workspaceId(), change.leadId()))
                            .map(change -> new Written(change, lead.ownerId));
                }))
                .call(written -> routeIfHot(caller, written))
                .flatMap(written -> get(caller, written.change().leadId()));
    }

    /** JSON Merge Patch of the LeadInput fields; a converted lead is read-only (409). */
    public Uni<LeadView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        caller.requireWrite();
        return get(caller, id).flatMap(current -> mayEdit(caller, current))
                .flatMap(current -> Audited.transaction(() -> Records.load(Lead.class, caller, id, "Lead")
                        .flatMap(lead -> {
                            Versions.check(expectedVersion, lead.version);
                            refuseConverted(lead.status);
                            LeadInput merged = mergePatch.apply(toInput(lead), patch, LeadInput.class).value();
                            return checkOwner(caller, merged.ownerId(), lead.ownerId)
                                    .flatMap(ok -> checkRules(caller, merged))
                                    .map(ok -> {
                                        apply(lead, merged, merged.ownerId(), lead.currency);
                                        return lead.id;
                                    })
                                    .call(leadId -> territories.matchOnWrite(caller.workspaceId(), leadId))
                                    .flatMap(leadId -> scoring.scoreOnWrite(caller.workspaceId(), leadId))
                                    .call(change -> predictive.scoreOnWrite(caller.workspaceId(), change.leadId()))
                                    .map(change -> new Written(change, lead.ownerId));
                        })))
                .call(written -> routeIfHot(caller, written))
                .flatMap(written -> get(caller, written.change().leadId()));
    }

    /** A lead write's score change and the owner the lead has after it. */
    private record Written(ScoreChange change, UUID ownerId) {
    }

    /**
     * A write that made the lead's grade A or B routes it (an owned or closed lead is left alone, an owned one without
     * even a transaction), after the write
     * committed: routing locks reps' capacity rows, and a routing failure leaves the lead in the queue rather than
     * undoing the write.
     */
    private Uni<Void> routeIfHot(Caller caller, Written written) {
        ScoreChange change = written.change();
        if (!change.gradeBecameAOrB() || written.ownerId() != null) {
            return Uni.createFrom().voidItem();
        }
        return Audited.transaction(() -> routing.route(caller.workspaceId(), List.of(change.leadId()), 0, "grade",
                        caller.userId()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warn("Routing lead " + change.leadId() + " after its grade became A or B failed", failure);
                    return Uni.createFrom().voidItem();
                });
    }

    /** Deletes a lead; a converted one is kept as the record of where its account came from (409). */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        caller.requireWrite();
        return get(caller, id).flatMap(current -> mayEdit(caller, current))
                .flatMap(current -> Audited.transaction(() -> Records.load(Lead.class, caller, id, "Lead")
                        .flatMap(lead -> {
                            Versions.check(expectedVersion, lead.version);
                            refuseConverted(lead.status);
                            return lead.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
                        })));
    }

    /**
     * 403 unless the caller may change this lead: one they may act for, or, for managers and whole-workspace writers
     * (admin, integration), an unowned one.
     */
    Uni<LeadView> mayEdit(Caller caller, LeadView lead) {
        caller.requireWrite();
        if (lead.ownerId() == null) {
            if (caller.role() == Role.REP) {
                throw ApiProblem.forbidden("Only managers and admins change unowned leads");
            }
            return Uni.createFrom().item(lead);
        }
        return visibility.checkMayEdit(caller, lead.ownerId()).replaceWith(lead);
    }

    private Uni<Void> checkOwner(Caller caller, UUID ownerId, UUID currentOwnerId) {
        if (Objects.equals(ownerId, currentOwnerId)) {
            return Uni.createFrom().voidItem();
        }
        if (ownerId == null) {
            if (caller.role() == Role.REP) {
                throw ApiProblem.invalid("ownerId", "a rep's leads are their own: it cannot be cleared");
            }
            return Uni.createFrom().voidItem();
        }
        return visibility.checkNewOwner(caller, ownerId);
    }

    /** The rules bean validation cannot say: identity, the disqualification reason, a manual territory's model. */
    private Uni<Void> checkRules(Caller caller, LeadInput in) {
        List<FieldError> errors = ruleErrors(in);
        if (in.territoryId() == null) {
            return fail(errors);
        }
        return db.query("""
                        SELECT 1 FROM territories t
                        JOIN territory_models m ON m.workspace_id = t.workspace_id AND m.id = t.model_id
                        WHERE t.workspace_id = $1 AND t.id = $2 AND m.state = 'active'""",
                        Tuple.of(caller.workspaceId(), in.territoryId()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        errors.add(new FieldError("territoryId", NOT_ACTIVE_TERRITORY));
                    }
                    return fail(errors);
                });
    }

    static final String NOT_ACTIVE_TERRITORY = "is not a territory of the active territory model";

    /** The rules of {@link #checkRules} that need no database: identity and the disqualification reason. */
    static List<FieldError> ruleErrors(LeadInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(in.lastName()) && blank(in.email()) && blank(in.company())) {
            errors.add(new FieldError("lastName", "a lead needs at least one of lastName, email or company"));
        }
        if ("disqualified".equals(in.status()) && blank(in.disqualifiedReason())) {
            errors.add(new FieldError("disqualifiedReason", "is required to disqualify a lead"));
        }
        return errors;
    }

    private static Uni<Void> fail(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return Uni.createFrom().voidItem();
    }

    static void refuseConverted(String status) {
        if ("converted".equals(status)) {
            throw ApiProblem.conflict("A converted lead is read-only: its account, contact and deal carry it on");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    void apply(Lead lead, LeadInput in, UUID ownerId, String defaultCurrency) {
        lead.firstName = in.firstName();
        lead.lastName = in.lastName();
        lead.email = in.email();
        lead.phone = in.phone();
        lead.title = in.title();
        lead.company = in.company();
        lead.companyDomain = in.companyDomain() == null ? null : in.companyDomain().toLowerCase();
        lead.industry = in.industry();
        lead.employeeCount = in.employeeCount();
        lead.annualRevenue = in.annualRevenue();
        lead.currency = in.currency() != null ? in.currency() : defaultCurrency;
        lead.country = in.country();
        lead.region = in.region();
        lead.city = in.city();
        lead.postalCode = in.postalCode();
        lead.source = in.source() != null ? in.source() : "other";
        lead.campaign = in.campaign();
        lead.partner = in.partner();
        lead.budgetAmount = in.budgetAmount();
        lead.budgetStatus = in.budgetStatus();
        lead.authority = in.authority();
        lead.need = in.need();
        lead.timeline = in.timeline();
        lead.visits = orZero(in.visits());
        lead.emailOpens = orZero(in.emailOpens());
        lead.formFills = orZero(in.formFills());
        lead.eventsAttended = orZero(in.eventsAttended());
        lead.lastEngagedAt = in.lastEngagedAt() == null ? null : in.lastEngagedAt().toInstant();
        lead.status = in.status() != null ? in.status() : "new";
        lead.disqualifiedReason = "disqualified".equals(lead.status) ? in.disqualifiedReason().trim() : null;
        lead.ownerId = ownerId;
        if (in.territoryId() != null) {
            lead.territoryId = in.territoryId();
            lead.territoryCause = "manual";
        } else if ("manual".equals(lead.territoryCause)) {
            lead.territoryId = null;   // cleared by hand: the rules decide again (matchOnWrite, right after)
            lead.territoryCause = null;
        }
        lead.externalId = in.externalId();
        lead.externalSource = in.externalSource();
        lead.updatedAt = clock.instant();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    static LeadInput toInput(Lead l) {
        return new LeadInput(l.firstName, l.lastName, l.email, l.phone, l.title, l.company, l.companyDomain,
                l.industry, l.employeeCount, l.annualRevenue, l.currency, l.country, l.region, l.city, l.postalCode,
                l.source, l.campaign, l.partner, l.budgetAmount, l.budgetStatus, l.authority, l.need, l.timeline,
                l.visits, l.emailOpens, l.formFills, l.eventsAttended,
                l.lastEngagedAt == null ? null : l.lastEngagedAt.atOffset(java.time.ZoneOffset.UTC), l.status,
                l.disqualifiedReason, l.ownerId, "manual".equals(l.territoryCause) ? l.territoryId : null,
                l.externalId, l.externalSource);
    }

    static LeadView toView(Row row) {
        return new LeadView(row.getUUID("id"), row.getString("first_name"), row.getString("last_name"),
                row.getString("email"), row.getString("phone"), row.getString("title"), row.getString("company"),
                row.getString("company_domain"), row.getString("industry"), row.getInteger("employee_count"),
                row.getBigDecimal("annual_revenue"), row.getString("currency"), row.getString("country"),
                row.getString("region"), row.getString("city"), row.getString("postal_code"), row.getString("source"),
                row.getString("campaign"), row.getString("partner"), row.getBigDecimal("budget_amount"),
                row.getString("budget_status"), row.getString("authority"), row.getString("need"),
                row.getString("timeline"), row.getInteger("visits"), row.getInteger("email_opens"),
                row.getInteger("form_fills"), row.getInteger("events_attended"),
                row.getOffsetDateTime("last_engaged_at"), row.getString("status"),
                row.getString("disqualified_reason"), row.getUUID("owner_id"), row.getUUID("territory_id"),
                row.getString("territory_cause"), row.getInteger("score"), row.getString("grade"),
                ScoreReasons.tree(row.getValue("score_reasons")),
                row.getUUID("scoring_model_id"), row.getOffsetDateTime("scored_at"),
                row.getInteger("predictive_score"),
                PredictiveFactors.from(row.getJsonObject("predictive_factors")), row.getUUID("predictive_model_id"),
                row.getOffsetDateTime("predicted_at"), row.getOffsetDateTime("converted_at"),
                row.getUUID("converted_account_id"), row.getUUID("converted_contact_id"),
                row.getUUID("converted_opportunity_id"), row.getString("external_id"),
                row.getString("external_source"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
