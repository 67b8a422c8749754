package org.revops.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.revops.integration.BatchUpsert;
import org.revops.integration.BatchRecords.Entry;
import org.revops.integration.UpsertStatement;
import org.revops.integration.UpsertStatement.Column;
import org.revops.integration.UserReferences;
import org.revops.lead.LeadDtos.LeadInput;
import org.revops.lead.predictive.PredictiveScoring;
import org.revops.lead.scoring.LeadScoring;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.security.Caller;
import org.revops.platform.workspace.Workspaces;
import org.revops.platform.write.MergePatch;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Batch upsert of leads by {@code (externalSource, externalId)} on the shared {@link BatchUpsert} engine: each record
 * is checked by the single create's and PATCH's own code (a new key is a create, a known key a JSON Merge Patch of the
 * stored lead; a converted lead is refused), owners given by id or e-mail and manual territories are resolved in one
 * statement each. The written leads are then matched to the active territory model, scored and predictively scored
 * by the statements single writes run, over the batch's ids; those whose grade became A or B are routed after the
 * commit, as single writes route theirs.
 */
@Singleton   // not @ApplicationScoped: its engine superclass has no no-args constructor for a client proxy
public class LeadBatchUpsert extends BatchUpsert<LeadInput, Lead, LeadBatchUpsert.Refs> {
    private static final Logger LOG = Logger.getLogger(LeadBatchUpsert.class);

    static final UpsertStatement UPSERT = new UpsertStatement("leads", List.of(
            text("first_name"), text("last_name"), text("email"), text("phone"), text("title"), text("company"),
            text("company_domain"), text("industry"), new Column("employee_count", "integer"),
            new Column("annual_revenue", "numeric"), text("currency"), text("country"), text("region"), text("city"),
            text("postal_code"), text("source"), text("campaign"), text("partner"),
            new Column("budget_amount", "numeric"), text("budget_status"), text("authority"), text("need"),
            text("timeline"), new Column("visits", "integer"), new Column("email_opens", "integer"),
            new Column("form_fills", "integer"), new Column("events_attended", "integer"),
            new Column("last_engaged_at", "timestamptz"), text("status"), text("disqualified_reason"),
            new Column("owner_id", "uuid"), new Column("territory_id", "uuid"), text("territory_cause")));

    static final String ACTIVE_TERRITORIES = """
            SELECT t.id FROM territories t
            JOIN territory_models m ON m.workspace_id = t.workspace_id AND m.id = t.model_id
            WHERE t.workspace_id = $1 AND t.id = ANY(CAST($2 AS uuid[])) AND m.state = 'active'""";

    private final LeadService leads;
    private final UserReferences users;
    private final LeadTerritories territories;
    private final LeadScoring scoring;
    private final PredictiveScoring predictive;
    private final LeadRouting routing;

    public LeadBatchUpsert(Db db, ObjectMapper mapper, MergePatch mergePatch, Workspaces workspaces, Clock clock,
                           Vertx vertx, LeadService leads, UserReferences users, LeadTerritories territories,
                           LeadScoring scoring, PredictiveScoring predictive, LeadRouting routing) {
        super(db, mapper, mergePatch, workspaces, clock, vertx);
        this.leads = leads;
        this.users = users;
        this.territories = territories;
        this.scoring = scoring;
        this.predictive = predictive;
        this.routing = routing;
    }

    /** Owners named by the batch and which of its manual territories belong to the active model. */
    record Refs(UserReferences.Users users, Set<UUID> activeTerritories) {
    }

    @Override
    protected UpsertStatement statement() {
        return UPSERT;
    }

    @Override
    protected Class<LeadInput> inputType() {
        return LeadInput.class;
    }

    @Override
    protected LeadInput toInput(Lead stored) {
        return LeadService.toInput(stored);
    }

    @Override
    protected List<String> referenceFields() {
        return List.of(UserReferences.OWNER_EMAIL);
    }

    @Override
    protected void refuseChange(Lead stored) {
        LeadService.refuseConverted(stored.status);
    }

    @Override
    protected Uni<Refs> references(SqlClient conn, UUID workspaceId, List<Work<LeadInput, Lead>> records) {
        Set<UUID> territoryIds = new HashSet<>();
        for (Work<LeadInput, Lead> w : records) {
            if (w.input.territoryId() != null) {
                territoryIds.add(w.input.territoryId());
            }
        }
        Uni<Set<UUID>> active = territoryIds.isEmpty() ? Uni.createFrom().item(Set.of())
                : db.query(conn, ACTIVE_TERRITORIES, Tuple.of(workspaceId, territoryIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getUUID("id")));
                    return found;
                });
        return users.owners(conn, workspaceId, records, LeadInput::ownerId)
                .flatMap(found -> active.map(territories -> new Refs(found, territories)));
    }

    /** LeadService's rules (owner, identity, disqualification, manual territory), then LeadService#apply. */
    @Override
    protected Object[] row(Caller caller, Work<LeadInput, Lead> w, Refs refs, String currency) {
        Entry entry = w.entry;
        UUID ownerId = refs.users().owner(entry, w.input.ownerId(), w.references.get(UserReferences.OWNER_EMAIL),
                w.current == null ? null : w.current.ownerId);
        LeadService.ruleErrors(w.input).forEach(e -> entry.error(e.field(), e.message()));
        if (w.input.territoryId() != null && !refs.activeTerritories().contains(w.input.territoryId())) {
            entry.error("territoryId", LeadService.NOT_ACTIVE_TERRITORY);
        }
        if (!entry.valid()) {
            return null;
        }
        Lead l = new Lead();
        if (w.current != null) {
            l.territoryId = w.current.territoryId;
            l.territoryCause = w.current.territoryCause;
        }
        leads.apply(l, w.input, ownerId, w.current == null ? currency : w.current.currency);
        return new Object[] {l.firstName, l.lastName, l.email, l.phone, l.title, l.company, l.companyDomain,
                l.industry, l.employeeCount, l.annualRevenue, l.currency, l.country, l.region, l.city, l.postalCode,
                l.source, l.campaign, l.partner, l.budgetAmount, l.budgetStatus, l.authority, l.need, l.timeline,
                l.visits, l.emailOpens, l.formFills, l.eventsAttended,
                l.lastEngagedAt == null ? null : l.lastEngagedAt.atOffset(ZoneOffset.UTC), l.status,
                l.disqualifiedReason, l.ownerId, l.territoryId, l.territoryCause};
    }

    /** Territory, score and predictive score of the written leads; answers those whose grade became A or B. */
    @Override
    protected Uni<List<UUID>> afterWrite(SqlClient conn, UUID workspaceId, UUID[] written) {
        return territories.matchBatch(conn, workspaceId, written)
                .flatMap(done -> scoring.scoreBatch(conn, workspaceId, written))
                .call(hot -> predictive.scoreBatch(conn, workspaceId, written));
    }

    /**
     * Leads whose grade became A or B are routed after the commit (unowned ones only: routing skips the rest), as a
     * single write routes its lead; a routing failure leaves them in the queue rather than undoing the batch.
     */
    @Override
    protected Uni<Void> afterCommit(Caller caller, List<UUID> hot) {
        return Audited.transaction(() -> routing.route(caller.workspaceId(), hot, 0, "grade", caller.userId()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warn("Routing " + hot.size() + " batch-upserted leads whose grade became A or B failed", failure);
                    return Uni.createFrom().voidItem();
                });
    }

    private static Column text(String name) {
        return new Column(name, "text");
    }

    @Override
    protected Lead fromRow(Row row) {
        Lead l = new Lead();
        l.id = row.getUUID("id");
        l.workspaceId = row.getUUID("workspace_id");
        l.firstName = row.getString("first_name");
        l.lastName = row.getString("last_name");
        l.email = row.getString("email");
        l.phone = row.getString("phone");
        l.title = row.getString("title");
        l.company = row.getString("company");
        l.companyDomain = row.getString("company_domain");
        l.industry = row.getString("industry");
        l.employeeCount = row.getInteger("employee_count");
        l.annualRevenue = row.getBigDecimal("annual_revenue");
        l.currency = row.getString("currency");
        l.country = row.getString("country");
        l.region = row.getString("region");
        l.city = row.getString("city");
        l.postalCode = row.getString("postal_code");
        l.source = row.getString("source");
        l.campaign = row.getString("campaign");
        l.partner = row.getString("partner");
        l.budgetAmount = row.getBigDecimal("budget_amount");
        l.budgetStatus = row.getString("budget_status");
        l.authority = row.getString("authority");
        l.need = row.getString("need");
        l.timeline = row.getString("timeline");
        l.visits = row.getInteger("visits");
        l.emailOpens = row.getInteger("email_opens");
        l.formFills = row.getInteger("form_fills");
        l.eventsAttended = row.getInteger("events_attended");
        l.lastEngagedAt = row.getOffsetDateTime("last_engaged_at") == null ? null
                : row.getOffsetDateTime("last_engaged_at").toInstant();
        l.status = row.getString("status");
        l.disqualifiedReason = row.getString("disqualified_reason");
        l.ownerId = row.getUUID("owner_id");
        l.territoryId = row.getUUID("territory_id");
        l.territoryCause = row.getString("territory_cause");
        l.externalId = row.getString("external_id");
        l.externalSource = row.getString("external_source");
        l.version = row.getLong("version");
        return l;
    }
}
