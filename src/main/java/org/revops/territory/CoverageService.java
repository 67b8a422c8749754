package org.revops.territory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.security.Caller;
import org.revops.territory.CoverageDtos.CoverageFigures;
import org.revops.territory.CoverageDtos.CoverageGroupBy;
import org.revops.territory.CoverageDtos.CoverageRow;
import org.revops.territory.CoverageDtos.CoverageView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Coverage and white space: per territory of a model (or per industry or region), how many accounts there are, how
 * many have open pipeline and how much, what was won in a period, who covers them and how many nobody touched lately.
 * One statement per request ({@link CoverageSql}). Any role may read it: account and deal visibility decide what
 * counts, and a rep sees only the territories they belong to.
 */
@ApplicationScoped
public class CoverageService {
    public static final int DEFAULT_UNTOUCHED_DAYS = 90;
    public static final int MAX_UNTOUCHED_DAYS = 3650;
    public static final int MAX_WON_YEARS = 3;
    static final int SHARE_SCALE = 4;
    static final int AMOUNT_SCALE = 4;

    private final Db db;
    private final Clock clock;

    public CoverageService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The report. Per row: accounts; accounts with open pipeline (at least one open deal); open deals and their
     * amount; deals won in [wonFrom, wonTo] (closedAt, UTC days) and their amount; reps; untouched accounts, those
     * with no activity whose occurredAt is in [now − untouchedDays, now] and no deal created or updated since
     * now − untouchedDays; and untouchedShare = untouched / accounts (4 decimals, half up; null for 0 accounts).
     * Territory rows add {@code subtree}: the same figures over the territory and its descendants (sums; reps as
     * distinct users).
     *
     * <p>Defaults: groupBy territory, the active model, untouchedDays {@value #DEFAULT_UNTOUCHED_DAYS}, each missing
     * won bound the current calendar quarter's (UTC, the application clock). 422 when untouchedDays is outside
     * 1..{@value #MAX_UNTOUCHED_DAYS}, wonFrom is after wonTo, wonTo is more than {@value #MAX_WON_YEARS} years after
     * wonFrom, or modelId is given for another grouping than territory; 404 when modelId is not a model of the
     * caller's workspace.
     */
    public Uni<CoverageView> coverage(Caller caller, CoverageGroupBy groupBy, UUID modelId, Integer untouchedDays,
                                      LocalDate wonFrom, LocalDate wonTo) {
        CoverageGroupBy by = groupBy != null ? groupBy : CoverageGroupBy.TERRITORY;
        int days = untouchedDays != null ? untouchedDays : DEFAULT_UNTOUCHED_DAYS;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate quarterStart = quarterStart(now.toLocalDate());
        LocalDate from = wonFrom != null ? wonFrom : quarterStart;
        LocalDate to = wonTo != null ? wonTo : quarterStart.plusMonths(3).minusDays(1);
        check(by, modelId, days, from, to);
        OffsetDateTime since = now.minusDays(days);
        SqlBuilder sql = CoverageSql.coverage(caller, by, modelId, now, since, startOf(from), startOf(to.plusDays(1)));
        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            List<CoverageRow> report = new ArrayList<>();
            UUID model = null;
            for (Row row : rows) {
                model = row.getUUID("model_id");
                report.add(toRow(row));
            }
            if (by == CoverageGroupBy.TERRITORY && modelId != null && model == null) {
                throw ApiProblem.notFound("territory model");
            }
            return new CoverageView(by.value(), model, now, days, since, from, to, report);
        });
    }

    /** The first day of the calendar quarter of {@code day}: 1 January, April, July or October. */
    static LocalDate quarterStart(LocalDate day) {
        return LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
    }

    private static void check(CoverageGroupBy by, UUID modelId, int days, LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        if (days < 1 || days > MAX_UNTOUCHED_DAYS) {
            errors.add(new FieldError("untouchedDays", "must be between 1 and " + MAX_UNTOUCHED_DAYS));
        }
        if (from.isAfter(to)) {
            errors.add(new FieldError("wonTo", "must not be before wonFrom (" + from + ")"));
        } else if (to.isAfter(from.plusYears(MAX_WON_YEARS))) {
            errors.add(new FieldError("wonTo", "must be at most " + MAX_WON_YEARS + " years after wonFrom ("
                    + from + ")"));
        }
        if (modelId != null && by != CoverageGroupBy.TERRITORY) {
            errors.add(new FieldError("modelId", "applies to groupBy=territory only"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static CoverageRow toRow(Row row) {
        int accounts = row.getInteger("accounts");
        int untouched = row.getInteger("untouched");
        Integer subAccounts = row.getInteger("sub_accounts");
        CoverageFigures subtree = subAccounts == null ? null : new CoverageFigures(subAccounts,
                row.getInteger("sub_with_open"), row.getInteger("sub_open_deals"),
                money(row.getBigDecimal("sub_open_amount")), row.getInteger("sub_won_deals"),
                money(row.getBigDecimal("sub_won_amount")), row.getInteger("sub_reps"),
                row.getInteger("sub_untouched"), share(row.getInteger("sub_untouched"), subAccounts));
        return new CoverageRow(row.getString("kind"), row.getString("key"), row.getString("label"),
                row.getString("code"), row.getInteger("depth"), row.getUUID("parent_id"), accounts,
                row.getInteger("with_open"), row.getInteger("open_deals"), money(row.getBigDecimal("open_amount")),
                row.getInteger("won_deals"), money(row.getBigDecimal("won_amount")), row.getInteger("reps"),
                untouched, share(untouched, accounts), subtree);
    }

    /** untouched / accounts, half up to {@value #SHARE_SCALE} decimals; null when there is no account. */
    static BigDecimal share(int untouched, int accounts) {
        return accounts == 0 ? null
                : BigDecimal.valueOf(untouched).divide(BigDecimal.valueOf(accounts), SHARE_SCALE, RoundingMode.HALF_UP);
    }

    /** Amounts at the scale of the money columns, also when a sum is empty (0.0000, not 0). */
    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
    }
}
