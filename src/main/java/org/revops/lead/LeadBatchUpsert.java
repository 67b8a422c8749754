package org.revops.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.revops.integration.BatchDtos.Result;
import org.revops.integration.BatchRecords;
import org.revops.integration.BatchRecords.Entry;
import org.revops.integration.UpsertStatement;
import org.revops.integration.UpsertStatement.Column;
import org.revops.integration.UserReferences;
import org.revops.lead.LeadDtos.LeadInput;
import org.revops.lead.predictive.PredictiveScoring;
import org.revops.lead.scoring.LeadScoring;
import org.revops.platform.db.Db;
import org.revops.platform.security.Caller;
import org.revops.platform.workspace.Workspaces;
import org.revops.platform.write.MergePatch;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Batch upsert of leads by {@code (externalSource, externalId)}: each record is checked in Java by the single
 * create's and PATCH's own code (a new key is a create, a known key a JSON Merge Patch of the stored lead), owners
 * given by id or e-mail and manual territories are resolved in one statement each, and the valid records are written
 * by one {@link UpsertStatement}. The written leads are then matched to the active territory model, scored and
 * predictively scored by the statements single writes run, over the batch's ids; those whose grade became A or B
 * are routed after the commit, as single writes route theirs.
 */
@ApplicationScoped
public class LeadBatchUpsert {
    private static final Logger LOG = Logger.getLogger(LeadBatchUpsert.class);
    static final String OWNER_EMAIL = "ownerEmail";

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

    /** The stored leads of the batch's keys, locked in id order (so two batches never deadlock on them). */
    static final String CURRENT = """
            SELECT l.id, l.first_name, l.last_name, l.email, l.phone, l.title, l.company, l.company_domain, l.industry,
                   l.employee_count, l.annual_revenue, l.currency, l.country, l.region, l.city, l.postal_code, l.source,
                   l.campaign, l.partner, l.budget_amount, l.budget_status, l.authority, l.need, l.timeline, l.visits,
                   l.email_opens, l.form_fills, l.events_attended, l.last_engaged_at, l.status, l.disqualified_reason,
                   l.owner_id, l.territory_id, l.territory_cause, l.external_id, l.external_source, l.version
            FROM leads l
            JOIN unnest(CAST($2 AS text[]), CAST($3 AS text[])) AS k(external_source, external_id)
              ON l.external_source = k.external_source AND l.external_id = k.external_id
            WHERE l.workspace_id = $1
            ORDER BY l.id
            FOR UPDATE OF l""";

    static final String ACTIVE_TERRITORIES = """
            SELECT t.id FROM territories t
            JOIN territory_models m ON m.workspace_id = t.workspace_id AND m.id = t.model_id
            WHERE t.workspace_id = $1 AND t.id = ANY(CAST($2 AS uuid[])) AND m.state = 'active'""";

    private final Db db;
    private final ObjectMapper mapper;
    private final MergePatch mergePatch;
    private final Workspaces workspaces;
    private final Clock clock;
    private final LeadService leads;
    private final UserReferences users;
    private final LeadTerritories territories;
    private final LeadScoring scoring;
    private final PredictiveScoring predictive;
    private final LeadRouting routing;
    private final Vertx vertx;

    public LeadBatchUpsert(Vertx vertx, Db db, ObjectMapper mapper, MergePatch mergePatch, Workspaces workspaces, Clock clock,
                           LeadService leads, UserReferences users, LeadTerritories territories, LeadScoring scoring,
                           PredictiveScoring predictive, LeadRouting routing) {
        this.db = db;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
        this.workspaces = workspaces;
        this.clock = clock;
        this.leads = leads;
        this.users = users;
        this.territories = territories;
        this.scoring = scoring;
        this.predictive = predictive;
        this.routing = routing;
        this.vertx = vertx;
    }

    /** A record on its way: its lead as stored (null: new), its input, and the lead as it is to be written. */
    private static final class Work {
        Lead current;
        LeadInput input;
        String ownerEmail;
        Lead target;
    }

    /** The REST body {@code {"atomic": false, "records": [...]}}: 403, then 400/413 for its shape. */
    public Uni<Result> upsert(Caller caller, JsonNode body) {
        BatchRecords.requireBatchWriter(caller);
        return upsert(caller, BatchRecords.fromBody(body));
    }

    /** Records as JSON objects of LeadInput fields plus ownerEmail (GraphQL's door). */
    public Uni<Result> upsert(Caller caller, boolean atomic, List<? extends JsonNode> records) {
        BatchRecords.requireBatchWriter(caller);
        return upsert(caller, BatchRecords.of(atomic, records));
    }

    /**
     * Upserts the batch in one transaction. With {@code atomic} and any invalid record nothing is written and every
     * record is reported (the caller answers 422); otherwise valid records land and invalid ones are reported.
     */
    public Uni<Result> upsert(Caller caller, BatchRecords batch) {
        BatchRecords.requireBatchWriter(caller);
        UUID workspaceId = caller.workspaceId();
        Map<Integer, Work> work = new HashMap<>();
        for (Entry entry : batch.valid()) {
            Work w = new Work();
            w.ownerEmail = BatchRecords.takeText(entry, OWNER_EMAIL);
            work.put(entry.index, w);
        }
        return workspaces.currency(caller).flatMap(currency -> db.inTransaction(conn -> {
            List<Entry> keyed = batch.valid();
            return db.query(conn, CURRENT, Tuple.of(workspaceId,
                            keyed.stream().map(e -> e.source).toArray(String[]::new),
                            keyed.stream().map(e -> e.externalId).toArray(String[]::new)))
                    .flatMap(rows -> {
                        Map<String, Lead> stored = new HashMap<>();
                        for (Row row : rows) {
                            Lead lead = fromRow(row, workspaceId);
                            stored.put(lead.externalSource + '\u0000' + lead.externalId, lead);
                        }
                        return offLoop(() -> parse(batch, work, stored))
                                .flatMap(parsed -> references(conn, workspaceId, batch, work));
                    })
                    .flatMap(refs -> offLoop(() -> check(batch, work, refs, currency)))
                    .flatMap(checked -> batch.atomic && batch.hasErrors() ? Uni.createFrom().item(List.<UUID>of())
                            : write(conn, workspaceId, batch, work));
        })).call(hot -> route(caller, hot)).map(hot -> batch.result());
    }

    /**
     * Runs the per-record checks (some milliseconds per hundred records) on a worker thread, not the event loop; the
     * statements after it continue on the transaction's context.
     */
    private Uni<Void> offLoop(Runnable checks) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            checks.run();
            return null;
        }), false).replaceWithVoid();
    }

    /** Each record read as a LeadInput: a create's input for a new key, the merged PATCH of the stored lead else. */
    private void parse(BatchRecords batch, Map<Integer, Work> work, Map<String, Lead> stored) {
        for (Entry entry : batch.valid()) {
            Work w = work.get(entry.index);
            w.current = stored.get(entry.key());
            try {
                if (w.current == null) {
                    w.input = mapper.treeToValue(entry.fields, LeadInput.class);
                    mergePatch.validate(w.input);
                } else {
                    LeadService.refuseConverted(w.current.status);
                    w.input = mergePatch.apply(LeadService.toInput(w.current), entry.fields, LeadInput.class).value();
                }
            } catch (Exception e) {
                entry.error(e);
            }
        }
    }

    /** Owners (by id or e-mail) and manual territories named by the batch: one statement each. */
    private Uni<Refs> references(SqlClient conn, UUID workspaceId, BatchRecords batch, Map<Integer, Work> work) {
        Set<UUID> ownerIds = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<UUID> territoryIds = new HashSet<>();
        for (Entry entry : batch.valid()) {
            Work w = work.get(entry.index);
            if (w.input.ownerId() != null) {
                ownerIds.add(w.input.ownerId());
            }
            if (w.ownerEmail != null) {
                emails.add(w.ownerEmail);
            }
            if (w.input.territoryId() != null) {
                territoryIds.add(w.input.territoryId());
            }
        }
        Uni<Set<UUID>> territoriesFound = territoryIds.isEmpty() ? Uni.createFrom().item(Set.of())
                : db.query(conn, ACTIVE_TERRITORIES, Tuple.of(workspaceId, territoryIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> found = new HashSet<>();
                    rows.forEach(row -> found.add(row.getUUID("id")));
                    return found;
                });
        return users.find(conn, workspaceId, ownerIds, emails)
                .flatMap(found -> territoriesFound.map(active -> new Refs(found, active)));
    }

    private record Refs(UserReferences.Users users, Set<UUID> activeTerritories) {
    }

    /** The single write's rules over each record, then the lead as it is to be stored (LeadService#apply). */
    private void check(BatchRecords batch, Map<Integer, Work> work, Refs refs, String currency) {
        for (Entry entry : batch.valid()) {
            Work w = work.get(entry.index);
            UUID ownerId = w.input.ownerId();
            if (w.ownerEmail != null) {
                UUID byEmail = refs.users().byEmail(w.ownerEmail);
                if (byEmail == null) {
                    entry.error(OWNER_EMAIL, "is not the e-mail of a user of this workspace");
                } else if (entry.fields.hasNonNull("ownerId") && !byEmail.equals(ownerId)) {
                    entry.error(OWNER_EMAIL, "names another user than ownerId");
                } else {
                    ownerId = byEmail;
                }
            }
            UUID currentOwner = w.current == null ? null : w.current.ownerId;
            if (ownerId != null && !ownerId.equals(currentOwner) && !refs.users().ids().contains(ownerId)) {
                entry.error("ownerId", "is not a user of this workspace you may assign records to");
            }
            LeadService.ruleErrors(w.input).forEach(e -> entry.error(e.field(), e.message()));
            if (w.input.territoryId() != null && !refs.activeTerritories().contains(w.input.territoryId())) {
                entry.error("territoryId", LeadService.NOT_ACTIVE_TERRITORY);
            }
            if (!entry.valid()) {
                continue;
            }
            Lead target = new Lead();
            if (w.current != null) {
                target.territoryId = w.current.territoryId;
                target.territoryCause = w.current.territoryCause;
            }
            leads.apply(target, w.input, ownerId, w.current == null ? currency : w.current.currency);
            w.target = target;
        }
    }

    /** The upsert, then territory, score and predictive score of the written leads; answers the leads to route. */
    private Uni<List<UUID>> write(SqlClient conn, UUID workspaceId, BatchRecords batch, Map<Integer, Work> work) {
        UpsertStatement.Rows rows = UPSERT.rows();
        Map<String, UUID> existing = new HashMap<>();
        for (Entry entry : batch.valid()) {
            Work w = work.get(entry.index);
            Lead l = w.target;
            if (w.current != null) {
                existing.put(entry.key(), w.current.id);
            }
            rows.add(UUID.randomUUID(), entry.source, entry.externalId, l.firstName, l.lastName, l.email, l.phone,
                    l.title, l.company, l.companyDomain, l.industry, l.employeeCount, l.annualRevenue, l.currency,
                    l.country, l.region, l.city, l.postalCode, l.source, l.campaign, l.partner, l.budgetAmount,
                    l.budgetStatus, l.authority, l.need, l.timeline, l.visits, l.emailOpens, l.formFills,
                    l.eventsAttended, l.lastEngagedAt == null ? null : l.lastEngagedAt.atOffset(ZoneOffset.UTC),
                    l.status, l.disqualifiedReason, l.ownerId, l.territoryId, l.territoryCause);
        }
        if (rows.size() == 0) {
            batch.written(Map.of(), Map.of(), existing);
            return Uni.createFrom().item(List.of());
        }
        return db.query(conn, UPSERT.sql(), rows.tuple(workspaceId, clock.instant().atOffset(ZoneOffset.UTC)))
                .flatMap(written -> {
                    Map<String, UUID> created = new HashMap<>();
                    Map<String, UUID> updated = new HashMap<>();
                    List<UUID> ids = new ArrayList<>();
                    for (Row row : written) {
                        String key = row.getString("external_source") + '\u0000' + row.getString("external_id");
                        (row.getBoolean("created") ? created : updated).put(key, row.getUUID("id"));
                        ids.add(row.getUUID("id"));
                    }
                    batch.written(created, updated, existing);
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(List.<UUID>of());
                    }
                    UUID[] idArray = ids.toArray(UUID[]::new);
                    return territories.matchBatch(conn, workspaceId, idArray)
                            .flatMap(done -> scoring.scoreBatch(conn, workspaceId, idArray))
                            .call(hot -> predictive.scoreBatch(conn, workspaceId, idArray));
                });
    }

    /**
     * Leads whose grade became A or B are routed after the commit (unowned ones only: routing skips the rest), as a
     * single write routes its lead; a routing failure leaves them in the queue rather than undoing the batch.
     */
    private Uni<Void> route(Caller caller, List<UUID> hot) {
        if (hot.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> routing.route(caller.workspaceId(), hot, 0, "grade", caller.userId()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warn("Routing " + hot.size() + " batch-upserted leads whose grade became A or B failed", failure);
                    return Uni.createFrom().voidItem();
                });
    }

    private static Column text(String name) {
        return new Column(name, "text");
    }

    private static Lead fromRow(Row row, UUID workspaceId) {
        Lead l = new Lead();
        l.id = row.getUUID("id");
        l.workspaceId = workspaceId;
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
