package org.revops.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.QuotaDtos.PlanLine;
import org.revops.forecast.QuotaDtos.PlanTarget;
import org.revops.forecast.QuotaDtos.PlanView;
import org.revops.forecast.QuotaDtos.QuotaInput;
import org.revops.forecast.QuotaDtos.QuotaPlanInput;
import org.revops.forecast.QuotaDtos.QuotaShare;
import org.revops.forecast.QuotaDtos.QuotaView;
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
import org.revops.platform.workspace.Workspaces;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Quotas: targets per user or territory per fiscal period, in the workspace currency, and the yearly plan that spreads
 * a target over quarters, months and reps (see {@link QuotaPlanner}). Who may read and set them: {@link QuotaAccess}.
 */
@ApplicationScoped
public class QuotaService {
    static final String SELECT = """
            SELECT q.id, q.period_id, q.period_kind, q.period_start, q.period_end, q.user_id, q.territory_id, q.amount,
                   w.currency, q.note, q.created_at, q.updated_at, q.version
            FROM quotas q JOIN workspaces w ON w.id = q.workspace_id""";

    public static final ListSpec LIST = ListSpec.builder("listQuotas", SELECT, "q.workspace_id", "q.id")
            .anyOf("periodId", ValueType.TEXT, "q.period_id", "Period (FY2027, 2027-Q1, 2026-11); repeat for several.")
            .anyOf("periodKind", ValueType.TEXT, "q.period_kind", "year, quarter or month.")
            .anyOf("userId", ValueType.UUID_, "q.user_id", "User; repeat for several.")
            .anyOf("territoryId", ValueType.UUID_, "q.territory_id", "Territory; repeat for several.")
            .single("target", ValueType.TEXT, "(CASE WHEN q.user_id IS NULL THEN 'territory' ELSE 'user' END) = ?",
                    "user or territory: only quotas of that kind of target.")
            .single("from", ValueType.DATE, "q.period_end > ?", "Periods ending after this date.")
            .single("to", ValueType.DATE, "q.period_start <= ?", "Periods starting on or before this date.")
            .sort("startDate", "q.period_start", "period_start", ValueType.DATE)
            .sort("amount", "q.amount", "amount", ValueType.DECIMAL)
            .build("startDate");

    private final Db db;
    private final QuotaAccess access;
    private final ForecastPeriodService periods;
    private final MergePatch mergePatch;
    private final Workspaces workspaces;
    private final Clock clock;

    public QuotaService(Db db, QuotaAccess access, ForecastPeriodService periods, MergePatch mergePatch,
                        Workspaces workspaces, Clock clock) {
        this.db = db;
        this.access = access;
        this.periods = periods;
        this.mergePatch = mergePatch;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    public Uni<Slice<QuotaView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), QuotaAccess.readable(caller, "q"), request,
                QuotaService::toView);
    }

    public Uni<QuotaView> get(Caller caller, UUID id) {
        SqlPredicate readable = QuotaAccess.readable(caller, "q");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE q.workspace_id = ? AND q.id = ?", caller.workspaceId(), id)
                .append(" AND " + readable.sql(), readable.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> Rows.single(rows, QuotaService::toView, "Quota"));
    }

    /** One quota; 409 when the target already has one for the period. */
    public Uni<QuotaView> create(Caller caller, QuotaInput input) {
        QuotaAccess.requireSetter(caller);
        mergePatch.validate(input);
        requireOneTarget(input.userId(), input.territoryId());
        return periods.calendar(caller)
                .map(calendar -> ForecastPeriodService.parseField(calendar, input.periodId(), "periodId"))
                .call(period -> access.checkSet(caller, input.userId() == null ? List.of() : List.of(input.userId()),
                        input.territoryId(), "userId"))
                .flatMap(period -> Audited.transaction(() -> {
                    Quota quota = new Quota();
                    quota.id = UUID.randomUUID();
                    quota.workspaceId = caller.workspaceId();
                    quota.periodId = period.id();
                    quota.periodKind = period.kind();
                    quota.periodStart = period.start();
                    quota.periodEnd = period.end();
                    quota.userId = input.userId();
                    quota.territoryId = input.territoryId();
                    quota.amount = input.amount();
                    quota.note = input.note();
                    quota.createdAt = clock.instant();
                    quota.updatedAt = quota.createdAt;
                    return quota.persist().map(saved -> quota.id);
                }))
                .flatMap(id -> get(caller, id));
    }

    /** Merge patch of amount and note; the period and the target are the quota's identity (422 if changed). */
    public Uni<QuotaView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        QuotaAccess.requireSetter(caller);
        return get(caller, id).call(current -> access.checkSet(caller,
                        current.userId() == null ? List.of() : List.of(current.userId()), current.territoryId(), "userId"))
                .flatMap(current -> Audited.transaction(() -> Records.load(Quota.class, caller, id, "Quota")
                        .map(quota -> {
                            Versions.check(expectedVersion, quota.version);
                            QuotaInput merged = mergePatch.apply(new QuotaInput(quota.periodId, quota.userId,
                                    quota.territoryId, quota.amount, quota.note), patch, QuotaInput.class).value();
                            List<FieldError> errors = new ArrayList<>();
                            if (!Objects.equals(merged.periodId(), quota.periodId)) {
                                errors.add(new FieldError("periodId", "cannot change: delete the quota and create another"));
                            }
                            if (!Objects.equals(merged.userId(), quota.userId)
                                    || !Objects.equals(merged.territoryId(), quota.territoryId)) {
                                errors.add(new FieldError(quota.userId != null ? "userId" : "territoryId",
                                        "cannot change: delete the quota and create another"));
                            }
                            if (!errors.isEmpty()) {
                                throw ApiProblem.invalid(errors);
                            }
                            quota.amount = merged.amount();
                            quota.note = merged.note();
                            quota.updatedAt = clock.instant();
                            return quota.id;
                        })))
                .flatMap(quotaId -> get(caller, quotaId));
    }

    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        QuotaAccess.requireSetter(caller);
        return get(caller, id).call(current -> access.checkSet(caller,
                        current.userId() == null ? List.of() : List.of(current.userId()), current.territoryId(), "userId"))
                .flatMap(current -> Audited.transaction(() -> Records.load(Quota.class, caller, id, "Quota")
                        .flatMap(quota -> {
                            Versions.check(expectedVersion, quota.version);
                            return quota.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
                        })));
    }

    /**
     * Lays a yearly target out ({@link QuotaPlanner}) for the target and, with shares, for each rep (the year split by
     * weight first, then each rep's year like the target's), and writes every period's quota, replacing those already
     * set for the same target and period, in one transaction of two set-based upserts; {@code dryRun} writes nothing.
     */
    public Uni<PlanView> plan(Caller caller, QuotaPlanInput input) {
        QuotaAccess.requireSetter(caller);
        mergePatch.validate(input);
        requireOneTarget(input.userId(), input.territoryId());
        List<QuotaShare> shares = input.shares() == null ? List.of() : input.shares();
        List<UUID> users = new ArrayList<>();
        if (input.userId() != null) {
            users.add(input.userId());
        }
        if (shares.stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiProblem.invalid("shares", "must not contain null");
        }
        shares.forEach(share -> users.add(share.userId()));
        if (users.size() != users.stream().distinct().count()) {
            throw ApiProblem.invalid("shares", "each user may appear once (and not as the target as well)");
        }
        return periods.calendar(caller).flatMap(calendar -> {
            ForecastPeriod year = ForecastPeriodService.parseField(calendar, input.fiscalYear(), "fiscalYear");
            if (!ForecastPeriod.YEAR.equals(year.kind())) {
                throw ApiProblem.invalid("fiscalYear", "must be a fiscal year such as FY2027");
            }
            PlanTarget target;
            List<PlanTarget> rows = new ArrayList<>();
            try {
                target = QuotaPlanner.plan(calendar, year, input.userId(), input.territoryId(), input.amount(),
                        input.quarterWeights(), input.monthWeights());
                List<BigDecimal> split = shares.isEmpty() ? List.of()
                        : QuotaPlanner.shares(input.amount(), shares.stream().map(QuotaShare::weight).toList());
                for (int i = 0; i < shares.size(); i++) {
                    rows.add(QuotaPlanner.plan(calendar, year, shares.get(i).userId(), null, split.get(i),
                            input.quarterWeights(), input.monthWeights()));
                }
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                int colon = message.indexOf(": ");
                throw ApiProblem.invalid(message.substring(0, colon), message.substring(colon + 2));
            }
            boolean write = !Boolean.TRUE.equals(input.dryRun());
            List<PlanTarget> all = new ArrayList<>(rows);
            all.add(0, target);
            return access.checkSet(caller, users, input.territoryId(), input.userId() != null ? "userId" : "shares")
                    .flatMap(ok -> write ? db.inTransaction(tx -> upsert(tx, caller, all)) : Uni.createFrom().voidItem())
                    .flatMap(done -> workspaces.currency(caller))
                    .map(currency -> new PlanView(year.id(), currency, write, target, rows));
        });
    }

    private Uni<Void> upsert(SqlClient tx, Caller caller, List<PlanTarget> targets) {
        List<String> ids = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        List<LocalDate> ends = new ArrayList<>();
        List<UUID> users = new ArrayList<>();
        List<UUID> territories = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        for (PlanTarget target : targets) {
            List<PlanLine> lines = new ArrayList<>();
            lines.add(target.year());
            lines.addAll(target.quarters());
            lines.addAll(target.months());
            for (PlanLine line : lines) {
                ids.add(line.periodId());
                kinds.add(line.periodId().startsWith("FY") ? ForecastPeriod.YEAR
                        : line.periodId().contains("-Q") ? ForecastPeriod.QUARTER : ForecastPeriod.MONTH);
                starts.add(line.startDate());
                ends.add(line.endDate().plusDays(1));
                users.add(target.userId());
                territories.add(target.territoryId());
                amounts.add(line.amount());
            }
        }
        Tuple params = Tuple.of(caller.workspaceId(), clock.instant().atOffset(ZoneOffset.UTC))
                .addArrayOfString(ids.toArray(String[]::new)).addArrayOfString(kinds.toArray(String[]::new))
                .addArrayOfLocalDate(starts.toArray(LocalDate[]::new)).addArrayOfLocalDate(ends.toArray(LocalDate[]::new))
                .addArrayOfUUID(users.toArray(UUID[]::new)).addArrayOfUUID(territories.toArray(UUID[]::new))
                .addArrayOfBigDecimal(amounts.toArray(BigDecimal[]::new));
        return db.query(tx, UPSERT.formatted("p.user_id IS NOT NULL", "quotas_user_period_uq"), params)
                .flatMap(done -> db.query(tx, UPSERT.formatted("p.territory_id IS NOT NULL",
                        "quotas_territory_period_uq"), params))
                .replaceWithVoid();
    }

    /** One upsert per unique constraint (user targets, territory targets): ON CONFLICT names one arbiter. */
    private static final String UPSERT = """
            INSERT INTO quotas (workspace_id, id, period_id, period_kind, period_start, period_end, user_id,
                                territory_id, amount, created_at, updated_at)
            SELECT $1, gen_random_uuid(), p.period_id, p.kind, p.start_date, p.end_date, p.user_id, p.territory_id,
                   p.amount, $2, $2
            FROM unnest($3::text[], $4::text[], $5::date[], $6::date[], $7::uuid[], $8::uuid[], $9::numeric[])
                 AS p(period_id, kind, start_date, end_date, user_id, territory_id, amount)
            WHERE %s
            ON CONFLICT ON CONSTRAINT %s DO UPDATE
            SET amount = excluded.amount, updated_at = excluded.updated_at, version = quotas.version + 1
            WHERE quotas.amount IS DISTINCT FROM excluded.amount""";

    private static void requireOneTarget(UUID userId, UUID territoryId) {
        if ((userId == null) == (territoryId == null)) {
            throw ApiProblem.invalid("userId", "give exactly one of userId and territoryId");
        }
    }

    static QuotaView toView(Row row) {
        return new QuotaView(row.getUUID("id"), row.getString("period_id"), row.getString("period_kind"),
                row.getLocalDate("period_start"), row.getLocalDate("period_end").minusDays(1), row.getUUID("user_id"),
                row.getUUID("territory_id"), row.getBigDecimal("amount"), row.getString("currency"),
                row.getString("note"), row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"),
                row.getLong("version"));
    }
}
