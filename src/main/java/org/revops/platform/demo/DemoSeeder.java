package org.revops.platform.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.revops.platform.db.Db;
import org.revops.platform.demo.DemoDataGenerator.AccountRow;
import org.revops.platform.demo.DemoDataGenerator.ContactRow;
import org.revops.platform.demo.DemoDataGenerator.Dataset;
import org.revops.platform.demo.DemoDataGenerator.OpportunityRow;
import org.revops.platform.demo.DemoDataGenerator.UserRow;
import org.revops.platform.demo.DemoLifecycleGenerator.DealStory;
import org.revops.platform.demo.DemoLifecycleGenerator.Lifecycle;
import org.revops.platform.demo.DemoTerritoryGenerator.TerritoryMap;
import org.revops.lead.predictive.PredictiveTraining;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.workspace.WorkspaceProvisioning;
import org.revops.lead.scoring.ScoringPublication;
import org.revops.territory.RealignmentService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Seeds the demo workspace into an empty database on start-up (when {@code revops.demo.seed=true}), in one
 * transaction with set-based inserts ({@code INSERT … SELECT FROM unnest(arrays)}), and prints its admin key once.
 * Its live territory model is assigned by the assignment engine in the same transaction, as a run would; its
 * forecast history ({@link DemoForecasts}) follows once the deals are committed. Its leads
 * ({@link DemoLeadGenerator}) then train the predictive model, as a job started once the seed is committed.
 */
@ApplicationScoped
public class DemoSeeder {
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
    private static final int CHUNK = 5_000;
    public static final long SEED = 20261123L;

    private final Db db;
    private final WorkspaceProvisioning provisioning;
    private final DemoConfig config;
    private final Clock clock;
    private final RealignmentService realignment;
    private final ObjectMapper json;
    private final PredictiveTraining predictive;
    private final ScoringPublication scoring;
    private final DemoForecasts forecasts;

    public DemoSeeder(Db db, WorkspaceProvisioning provisioning, DemoConfig config, Clock clock,
                      RealignmentService realignment, ObjectMapper json, PredictiveTraining predictive,
                      ScoringPublication scoring, DemoForecasts forecasts) {
        this.scoring = scoring;
        this.forecasts = forecasts;
        this.db = db;
        this.provisioning = provisioning;
        this.config = config;
        this.clock = clock;
        this.realignment = realignment;
        this.json = json;
        this.predictive = predictive;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.seed()) {
            return;
        }
        seedIfEmpty().subscribe().with(
                seeded -> seeded.ifPresent(ws -> {
                    announce(ws.apiKey());
                    trainPredictiveModel(ws);
                }),
                failure -> LOG.error("Demo data could not be seeded", failure));
    }

    /** Seeds when no workspace exists yet; returns the workspace (and its admin API key) when it did. */
    Uni<java.util.Optional<WorkspaceProvisioning.Provisioned>> seedIfEmpty() {
        return db.query("SELECT EXISTS (SELECT 1 FROM workspaces) AS seeded", Tuple.tuple())
                .flatMap(rows -> rows.iterator().next().getBoolean("seeded")
                        ? Uni.createFrom().item(java.util.Optional.<WorkspaceProvisioning.Provisioned>empty())
                        : seedWorkspace(DemoDataGenerator.Sizes.forOpportunities(config.opportunities()))
                                .map(java.util.Optional::of));
    }

    /** The demo's leads teach a predictive model: trained as the demo admin, as a job, once the seed is committed. */
    private void trainPredictiveModel(WorkspaceProvisioning.Provisioned ws) {
        if (config.leads() == 0) {
            return;
        }
        predictive.train(new Caller(ws.workspaceId(), ws.adminUserId(), Role.ADMIN), null).subscribe().with(
                job -> System.out.println("Predictive model training on the demo leads: GET /api/v1/jobs/" + job.id()),
                failure -> LOG.warn("The demo's predictive model could not be trained", failure));
    }

    /** Seeds the demo workspace; returns its admin API key. */
    public Uni<String> seed(DemoDataGenerator.Sizes sizes) {
        return seedWorkspace(sizes).map(WorkspaceProvisioning.Provisioned::apiKey);
    }

    private Uni<WorkspaceProvisioning.Provisioned> seedWorkspace(DemoDataGenerator.Sizes sizes) {
        LocalDate today = LocalDate.now(clock);
        Dataset data = DemoDataGenerator.generate(SEED, sizes, today);
        Lifecycle lifecycle = DemoLifecycleGenerator.generate(SEED, data, today);
        DemoLeadGenerator.Leads leads = DemoLeadGenerator.generate(SEED, data, today, config.leads());
        TerritoryMap territories = DemoTerritoryGenerator.generate(SEED, data.users());
        Map<UUID, DealStory> stories = new HashMap<>();
        lifecycle.stories().forEach(story -> stories.put(story.dealId(), story));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return db.inTransaction(tx -> provisioning.provision(tx, "Demo Sales Co", "USD", "Dana Admin",
                        "admin@demo.revops.dev")
                .call(ws -> insertUsers(tx, ws.workspaceId(), data.users(), now))
                .call(ws -> chunked(data.accounts(), rows -> insertAccounts(tx, ws.workspaceId(), rows, now)))
                .call(ws -> chunked(data.contacts(), rows -> insertContacts(tx, ws.workspaceId(), rows, now)))
                .call(ws -> insertPipelines(tx, ws.workspaceId(), now))
                .call(ws -> insertCloseReasons(tx, ws.workspaceId(), now))
                .call(ws -> chunked(data.opportunities(), rows -> insertOpportunities(tx, ws.workspaceId(), rows,
                        stories, now)))
                .call(ws -> chunked(data.opportunities(), rows -> DemoHistory.insert(db, tx, ws.workspaceId(), rows,
                        stories)))
                .call(ws -> chunked(lifecycle.activities(), rows -> DemoHistory.insertActivities(db, tx,
                        ws.workspaceId(), rows, now)))
                .call(ws -> DemoHistory.insertTargets(db, tx, ws.workspaceId(), lifecycle.targets(), now))
                .call(ws -> DemoTerritories.insert(db, json, tx, ws.workspaceId(), territories, now))
                .call(ws -> realignment.assignWithin(tx, ws.workspaceId(), territories.active().id()))
                .call(ws -> insertLeads(tx, ws.workspaceId(), leads, now))
                // last, so that every demo lead seeded before it is scored
                .call(ws -> scoring.publishWithin(tx, ws.workspaceId(), ws.adminUserId(), DemoScoring.MODEL)))
                // once committed: snapshots are computed from the deals as the roll-up reads them
                .call(ws -> forecasts.seed(ws.workspaceId(), data, today, now));
    }

    /** The leads with their conversions: the new contacts and deals (with stage histories) first, then the leads. */
    private Uni<?> insertLeads(SqlClient tx, UUID ws, DemoLeadGenerator.Leads leads, OffsetDateTime now) {
        Map<UUID, DealStory> stories = new HashMap<>();
        leads.stories().forEach(story -> stories.put(story.dealId(), story));
        return chunked(leads.contacts(), rows -> insertContacts(tx, ws, rows, now))
                .call(() -> chunked(leads.deals(), rows -> insertOpportunities(tx, ws, rows, stories, now)))
                .call(() -> chunked(leads.deals(), rows -> DemoHistory.insert(db, tx, ws, rows, stories)))
                .call(() -> chunked(leads.leads(), rows -> DemoLeads.insert(db, tx, ws, rows)));
    }

    private void announce(String key) {
        System.out.println("Demo workspace seeded (" + config.opportunities() + " opportunities).");
        System.out.println("API key: " + key);
        System.out.flush();
        config.apiKeyFile().filter(f -> !f.isBlank()).ifPresent(file -> {
            try {
                Path path = Path.of(file);
                Files.writeString(path, key + System.lineSeparator());
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (Exception e) {
                LOG.warn("Could not write the demo API key to " + file + ": " + e.getMessage());
            }
        });
    }

    private static <T> Uni<Void> chunked(List<T> rows, Function<List<T>, Uni<?>> insert) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            chain = chain.call(() -> insert.apply(chunk));
        }
        return chain;
    }

    private Uni<?> insertUsers(SqlClient tx, UUID ws, List<UserRow> users, OffsetDateTime now) {
        return db.query(tx, """
                INSERT INTO users (workspace_id, id, name, email, role, manager_id, created_at, updated_at)
                SELECT $1, u.id, u.name, u.email, u.role, u.manager_id, $7, $7
                FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[]) AS u(id, name, email, role, manager_id)""",
                Tuple.from(new Object[] {ws, ids(users, UserRow::id), texts(users, UserRow::name),
                        texts(users, UserRow::email), texts(users, UserRow::role), ids(users, UserRow::managerId), now}));
    }

    private Uni<?> insertAccounts(SqlClient tx, UUID ws, List<AccountRow> rows, OffsetDateTime now) {
        return db.query(tx, """
                INSERT INTO accounts (workspace_id, id, name, industry, employee_count, annual_revenue, currency, country,
                                      region, city, postal_code, tier, owner_id, created_at, updated_at)
                SELECT $1, a.id, a.name, a.industry, a.employees, a.revenue, 'USD', a.country, a.region, a.city,
                       a.postal_code, a.tier, a.owner_id, $13, $13
                FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::numeric[], $7::text[], $8::text[],
                            $9::text[], $10::text[], $11::text[], $12::uuid[])
                     AS a(id, name, industry, employees, revenue, country, region, city, postal_code, tier, owner_id)""",
                Tuple.from(new Object[] {ws, ids(rows, AccountRow::id), texts(rows, AccountRow::name),
                        texts(rows, AccountRow::industry),
                        rows.stream().map(AccountRow::employeeCount).toArray(Integer[]::new),
                        rows.stream().map(AccountRow::annualRevenue).toArray(java.math.BigDecimal[]::new), texts(rows, AccountRow::country),
                        texts(rows, AccountRow::region), texts(rows, AccountRow::city),
                        texts(rows, AccountRow::postalCode), texts(rows, AccountRow::tier),
                        ids(rows, AccountRow::ownerId), now}));
    }

    private Uni<?> insertContacts(SqlClient tx, UUID ws, List<ContactRow> rows, OffsetDateTime now) {
        return db.query(tx, """
                INSERT INTO contacts (workspace_id, id, account_id, name, email, phone, title, created_at, updated_at)
                SELECT $1, c.id, c.account_id, c.name, c.email, c.phone, c.title, $8, $8
                FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
                     AS c(id, account_id, name, email, phone, title)""",
                Tuple.from(new Object[] {ws, ids(rows, ContactRow::id), ids(rows, ContactRow::accountId),
                        texts(rows, ContactRow::name), texts(rows, ContactRow::email), texts(rows, ContactRow::phone),
                        texts(rows, ContactRow::title), now}));
    }

    /** Two pipelines whose stage order matches {@link DemoDataGenerator#OPEN_STAGES}: open stages, won, lost. */
    private Uni<?> insertPipelines(SqlClient tx, UUID ws, OffsetDateTime now) {
        return db.query(tx, """
                WITH p AS (
                    INSERT INTO pipelines (workspace_id, id, name, created_at, updated_at)
                    VALUES ($1, $2, 'New business', $4, $4), ($1, $3, 'Renewals', $4, $4))
                INSERT INTO stages (workspace_id, id, pipeline_id, name, position, probability, forecast_category,
                                    is_closed, is_won, stall_after_days, created_at, updated_at)
                SELECT $1, gen_random_uuid(), s.pipeline_id, s.name, s.position, s.probability, s.category,
                       s.closed, s.won, s.stall, $4, $4
                FROM (VALUES
                    ($2::uuid, 'Prospecting', 0, 10, 'Pipeline', false, false, 21),
                    ($2, 'Qualification', 1, 20, 'Pipeline', false, false, 21),
                    ($2, 'Proposal', 2, 50, 'BestCase', false, false, 30),
                    ($2, 'Negotiation', 3, 75, 'Commit', false, false, 14),
                    ($2, 'Verbal commit', 4, 90, 'Commit', false, false, 10),
                    ($2, 'Closed won', 5, 100, 'Closed', true, true, NULL),
                    ($2, 'Closed lost', 6, 0, 'Omitted', true, false, NULL),
                    ($3::uuid, 'Upcoming', 0, 50, 'Pipeline', false, false, 30),
                    ($3, 'Negotiation', 1, 80, 'Commit', false, false, 21),
                    ($3, 'Committed', 2, 95, 'Commit', false, false, 14),
                    ($3, 'Renewed', 3, 100, 'Closed', true, true, NULL),
                    ($3, 'Churned', 4, 0, 'Omitted', true, false, NULL))
                AS s(pipeline_id, name, position, probability, category, closed, won, stall)""",
                Tuple.of(ws, pipelineId(ws, 0), pipelineId(ws, 1), now));
    }

    /** The close reasons of the demo: fixed ids, so the deals can name them. */
    private Uni<?> insertCloseReasons(SqlClient tx, UUID ws, OffsetDateTime now) {
        List<String> names = new ArrayList<>(List.of(DemoLifecycleGenerator.WIN_REASONS));
        names.addAll(List.of(DemoLifecycleGenerator.LOSS_REASONS));
        return db.query(tx, """
                INSERT INTO close_reasons (workspace_id, id, name, applies_to, created_at, updated_at)
                SELECT $1, r.id, r.name, r.applies_to, $5, $5 FROM unnest($2::uuid[], $3::text[], $4::text[])
                    AS r(id, name, applies_to)""",
                Tuple.from(new Object[] {ws, names.stream().map(n -> reasonId(ws, n)).toArray(UUID[]::new),
                        names.toArray(String[]::new), names.stream().map(n -> List.of(DemoLifecycleGenerator
                        .WIN_REASONS).contains(n) ? "won" : "lost").toArray(String[]::new), now}));
    }

    static UUID reasonId(UUID workspaceId, String name) {
        return UUID.nameUUIDFromBytes((workspaceId + "/close-reason/" + name).getBytes());
    }

    private Uni<?> insertOpportunities(SqlClient tx, UUID ws, List<OpportunityRow> rows, Map<UUID, DealStory> stories,
                                       OffsetDateTime now) {
        List<DealStory> told = rows.stream().map(r -> stories.get(r.id())).toList();
        return db.query(tx, """
                INSERT INTO opportunities (workspace_id, id, name, account_id, primary_contact_id, owner_id, pipeline_id,
                                           stage_id, amount, currency, close_date, source, created_at, updated_at,
                                           stage_entered_at, closed_at, close_reason_id, competitor, close_date_pushes)
                SELECT $1, o.id, o.name, o.account_id, o.contact_id, o.owner_id, o.pipeline_id, s.id, o.amount, 'USD',
                       o.close_date, o.source, o.created_at, greatest(o.entered_at, o.created_at), o.entered_at,
                       o.closed_at, o.reason_id, o.competitor, o.pushes
                FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::int[],
                            $9::numeric[], $10::date[], $11::text[], $12::timestamptz[], $13::timestamptz[],
                            $14::timestamptz[], $15::uuid[], $16::text[], $17::int[])
                     AS o(id, name, account_id, contact_id, owner_id, pipeline_id, position, amount, close_date, source,
                          created_at, entered_at, closed_at, reason_id, competitor, pushes)
                JOIN stages s ON s.workspace_id = $1 AND s.pipeline_id = o.pipeline_id AND s.position = o.position""",
                Tuple.from(new Object[] {ws, ids(rows, OpportunityRow::id), texts(rows, OpportunityRow::name),
                        ids(rows, OpportunityRow::accountId), ids(rows, OpportunityRow::contactId),
                        ids(rows, OpportunityRow::ownerId), ids(rows, r -> pipelineId(ws, r.pipeline())),
                        rows.stream().map(OpportunityRow::stageIndex).toArray(Integer[]::new),
                        rows.stream().map(OpportunityRow::amount).toArray(java.math.BigDecimal[]::new),
                        rows.stream().map(OpportunityRow::closeDate).toArray(LocalDate[]::new),
                        texts(rows, OpportunityRow::source),
                        told.stream().map(t -> DemoHistory.at(t.createdOn(), 9)).toArray(OffsetDateTime[]::new),
                        told.stream().map(t -> DemoHistory.at(t.steps().get(t.steps().size() - 1).on(), 9))
                                .toArray(OffsetDateTime[]::new),
                        told.stream().map(t -> t.closedOn() == null ? null : DemoHistory.at(t.closedOn(), 9))
                                .toArray(OffsetDateTime[]::new),
                        told.stream().map(t -> t.reason() == null ? null : reasonId(ws, t.reason()))
                                .toArray(UUID[]::new),
                        told.stream().map(DealStory::competitor).toArray(String[]::new),
                        told.stream().map(t -> t.firstCloseDate() == null ? 0 : 1).toArray(Integer[]::new)}));
    }

    static UUID pipelineId(UUID workspaceId, int index) {
        return UUID.nameUUIDFromBytes((workspaceId + "/pipeline/" + index).getBytes());
    }

    static <T> UUID[] ids(List<T> rows, Function<T, UUID> id) {
        return rows.stream().map(id).toArray(UUID[]::new);
    }

    static <T> String[] texts(List<T> rows, Function<T, String> text) {
        return rows.stream().map(text).toArray(String[]::new);
    }
}
