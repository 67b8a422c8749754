package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.ForecastAdjustmentDtos.AdjustmentInput;
import org.revops.forecast.ForecastAdjustmentDtos.AdjustmentView;
import org.revops.opportunity.ForecastCategory;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
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
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Forecast adjustments: a person's call on a category of a user's forecast in a period (see {@link ForecastTree} for
 * how they enter roll-ups). A user adjusts their own number, a manager the numbers of anyone below them, an admin
 * anyone's; keys without a person (integration, read-only) adjust nothing. Each adjuster keeps one row per user,
 * period and category: adjusting again replaces the caller's own call and never anyone else's.
 */
@ApplicationScoped
public class ForecastAdjustmentService {
    static final String SELECT = """
            SELECT a.id, a.user_id, a.period_id, a.category, a.amount, w.currency, a.note, a.adjusted_by, a.created_at,
                   a.updated_at, a.version
            FROM forecast_adjustments a JOIN workspaces w ON w.id = a.workspace_id""";

    public static final ListSpec LIST = ListSpec.builder("listForecastAdjustments", SELECT, "a.workspace_id", "a.id")
            .anyOf("userId", ValueType.UUID_, "a.user_id", "Whose forecast; repeat for several.")
            .anyOf("periodId", ValueType.TEXT, "a.period_id", "Period (2026-Q4, 2026-11, FY2027); repeat for several.")
            .anyOf("category", ValueType.TEXT, "a.category", "Pipeline, BestCase or Commit; repeat for several.")
            .anyOf("adjustedBy", ValueType.UUID_, "a.adjusted_by", "Who made the call; repeat for several.")
            .sort("updatedAt", "a.updated_at", "updated_at", ValueType.TIMESTAMP)
            .build("updatedAt");

    private final Db db;
    private final ForecastService forecasts;
    private final MergePatch mergePatch;
    private final Clock clock;

    public ForecastAdjustmentService(Db db, ForecastService forecasts, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.forecasts = forecasts;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /** Adjustments of the forecasts the caller may see, and those the caller made. */
    public Uni<Slice<AdjustmentView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), readable(caller), request,
                ForecastAdjustmentService::toView);
    }

    public Uni<AdjustmentView> get(Caller caller, UUID id) {
        SqlPredicate readable = readable(caller);
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE a.workspace_id = ? AND a.id = ?",
                caller.workspaceId(), id).append(" AND " + readable.sql(), readable.args());
        return db.query(sql.sql(), sql.tuple())
                .map(rows -> Rows.single(rows, ForecastAdjustmentService::toView, "Forecast adjustment"));
    }

    /**
     * Sets the caller's call on a category of {@code userId}'s forecast, replacing the caller's earlier call on the
     * same number; {@code created} tells which. 403 outside the caller's reach, 422 for a bad period, category, amount
     * or a user not in the workspace.
     */
    public Uni<Adjusted> adjust(Caller caller, AdjustmentInput input) {
        if (caller.role().seesWholeWorkspace() && caller.role() != Role.ADMIN) {
            throw ApiProblem.forbidden("Only people adjust forecasts: a " + caller.role().value() + " key cannot");
        }
        mergePatch.validate(input);
        if (input.category() == ForecastCategory.Closed || input.category() == ForecastCategory.Omitted) {
            throw ApiProblem.invalid("category", "must be Pipeline, BestCase or Commit: Closed is what closed, "
                    + "Omitted never counts");
        }
        return forecasts.settings(caller).flatMap(settings -> {
            ForecastPeriod period = ForecastPeriodService.parseField(settings.calendar(), input.periodId(), "periodId");
            SqlPredicate reach = reach(caller, "u.id");
            SqlBuilder check = new SqlBuilder().append("SELECT (" + reach.sql() + ") AS allowed", reach.args())
                    .append(" FROM users u WHERE u.workspace_id = ? AND u.id = ?", caller.workspaceId(), input.userId());
            return db.query(check.sql(), check.tuple()).flatMap(rows -> {
                if (!rows.iterator().hasNext()) {
                    throw ApiProblem.invalid("userId", "no such user in this workspace");
                }
                if (!rows.iterator().next().getBoolean("allowed")) {
                    throw ApiProblem.forbidden(caller.role() == Role.MANAGER
                            ? "A manager adjusts their own forecast and their team's, not another team's"
                            : "A rep adjusts only their own forecast");
                }
                return db.query("""
                        INSERT INTO forecast_adjustments (workspace_id, id, user_id, period_id, category, amount, note,
                                                          adjusted_by, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
                        ON CONFLICT (workspace_id, user_id, period_id, category, adjusted_by) DO UPDATE
                        SET amount = EXCLUDED.amount, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at,
                            version = forecast_adjustments.version + 1
                        RETURNING id, (xmax = 0) AS created""", Tuple.from(new Object[]{caller.workspaceId(),
                        UUID.randomUUID(), input.userId(), period.id(), input.category().name(), input.amount(),
                        input.note(), caller.userId(), clock.instant().atOffset(ZoneOffset.UTC)}));
            }).flatMap(rows -> {
                Row row = rows.iterator().next();
                boolean created = row.getBoolean("created");
                return get(caller, row.getUUID("id")).map(view -> new Adjusted(view, created));
            });
        });
    }

    public record Adjusted(AdjustmentView adjustment, boolean created) {
    }

    /** Withdraws a call: only its author (or an admin) may. */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        return get(caller, id).flatMap(current -> {
            if (caller.role() != Role.ADMIN && !current.adjustedBy().equals(caller.userId())) {
                throw ApiProblem.forbidden("Only the person who made an adjustment (or an admin) withdraws it");
            }
            Versions.check(expectedVersion, current.version());
            return db.query("DELETE FROM forecast_adjustments WHERE workspace_id = $1 AND id = $2",
                    Tuple.of(caller.workspaceId(), id)).replaceWithVoid();
        });
    }

    /** Users whose numbers the caller may adjust: their own and, for a manager, their team's; any for an admin. */
    private static SqlPredicate reach(Caller caller, String userColumn) {
        return switch (caller.role()) {
            case ADMIN -> SqlPredicate.NONE;
            case MANAGER -> Visibility.ownedWithin(userColumn, caller.workspaceId(), caller.userId());
            default -> new SqlPredicate(userColumn + " = ?", caller.userId());
        };
    }

    private static SqlPredicate readable(Caller caller) {
        SqlPredicate owned = Visibility.owned(caller, "a.user_id");
        if (caller.role().seesWholeWorkspace()) {
            return owned;
        }
        Object[] args = java.util.Arrays.copyOf(owned.args(), owned.args().length + 1);
        args[args.length - 1] = caller.userId();
        return new SqlPredicate("(" + owned.sql() + " OR a.adjusted_by = ?)", args);
    }

    static AdjustmentView toView(Row row) {
        return new AdjustmentView(row.getUUID("id"), row.getUUID("user_id"), row.getString("period_id"),
                ForecastCategory.valueOf(row.getString("category")), row.getBigDecimal("amount"),
                row.getString("currency"), row.getString("note"), row.getUUID("adjusted_by"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
