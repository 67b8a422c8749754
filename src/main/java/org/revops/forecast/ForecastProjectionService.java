package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.ForecastDtos.CumulativeView;
import org.revops.forecast.ForecastDtos.PeriodRef;
import org.revops.forecast.ForecastDtos.ProjectionView;
import org.revops.forecast.ForecastDtos.ScopeView;
import org.revops.forecast.ForecastDtos.StageProjectionView;
import org.revops.forecast.ForecastDtos.UnconvertedView;
import org.revops.forecast.ForecastFacts.Unconverted;
import org.revops.forecast.ForecastProjection.StageRate;
import org.revops.forecast.ForecastQueries.ScopeFilter;
import org.revops.forecast.ForecastService.Breakdown;
import org.revops.opportunity.ForecastCategory;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The statistical forecast of a scope in a period (see {@link ForecastProjection} for the method): stage win rates
 * and cycle times from the workspace's recently closed deals, applied to the scope's open deals, beside the roll-up's
 * human categories. Access is the roll-up's: the roll-up is computed first and its scope check decides.
 */
@ApplicationScoped
public class ForecastProjectionService {
    public static final int DEFAULT_LOOKBACK_DAYS = 365;
    public static final int MIN_LOOKBACK_DAYS = 30;
    public static final int MAX_LOOKBACK_DAYS = 1825;

    private final Db db;
    private final Clock clock;
    private final ForecastService forecasts;

    public ForecastProjectionService(Db db, Clock clock, ForecastService forecasts) {
        this.db = db;
        this.clock = clock;
        this.forecasts = forecasts;
    }

    /**
     * The projection of {@code periodId} for {@code scopeText} from deals closed in the {@code lookbackText} days
     * (30–1825, default 365) up to today; 400 for a bad period, scope or look-back, 403/404 as the roll-up.
     */
    public Uni<ProjectionView> projection(Caller caller, String periodId, String scopeText, String lookbackText) {
        int lookbackDays = parseLookback(lookbackText);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return forecasts.book(caller, periodId, scopeText, EnumSet.noneOf(Breakdown.class)).flatMap(book -> {
            ScopeFilter filter = switch (book.scope().type()) {
                case workspace -> ScopeFilter.NONE;
                case user -> ScopeFilter.TEAM;
                case territory -> ScopeFilter.TERRITORIES;
            };
            Tuple dealArgs = Tuple.of(caller.workspaceId(), book.currency());
            switch (filter) {
                case TEAM -> dealArgs.addUUID(book.scope().id());
                case TERRITORIES -> dealArgs.addArrayOfUUID(
                        ForecastService.scopeIds(caller, book).toArray(UUID[]::new));
                case NONE -> { }
            }
            Uni<RowSet<Row>> history = db.query(ProjectionQueries.STAGE_HISTORY, Tuple.of(caller.workspaceId(),
                    today.minusDays(lookbackDays).atStartOfDay().atOffset(ZoneOffset.UTC),
                    today.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)));
            Uni<RowSet<Row>> stages = db.query(ProjectionQueries.OPEN_STAGES, Tuple.of(caller.workspaceId()));
            Uni<RowSet<Row>> open = db.query(ProjectionQueries.openDeals(filter), dealArgs);
            return Uni.combine().all().unis(history, stages, open).asTuple()
                    .map(t -> assemble(book, today, lookbackDays, t.getItem1(), t.getItem2(), t.getItem3()));
        });
    }

    static int parseLookback(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LOOKBACK_DAYS;
        }
        try {
            int days = Integer.parseInt(text.trim());
            if (days >= MIN_LOOKBACK_DAYS && days <= MAX_LOOKBACK_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.badRequest("lookbackDays", "must be a whole number of days from " + MIN_LOOKBACK_DAYS
                + " to " + MAX_LOOKBACK_DAYS);
    }

    /** Per open stage: its rate, and the open deals in it, all and counted in the period, with their expected value. */
    private static final class StageLine {
        final UUID id;
        final String name;
        final StageRate rate;
        long openDeals;
        BigDecimal openAmount = BigDecimal.ZERO;
        long counted;
        BigDecimal expected = BigDecimal.ZERO;

        StageLine(UUID id, String name, StageRate rate) {
            this.id = id;
            this.name = name;
            this.rate = rate;
        }
    }

    private static ProjectionView assemble(ForecastBook book, LocalDate today, int lookbackDays, RowSet<Row> history,
                                           RowSet<Row> stages, RowSet<Row> open) {
        Map<UUID, Row> closedHistory = new HashMap<>();
        history.forEach(row -> closedHistory.put(row.getUUID("stage_id"), row));
        Map<UUID, StageLine> lines = new java.util.LinkedHashMap<>();
        for (Row stage : stages) {
            UUID id = stage.getUUID("id");
            Row seen = closedHistory.get(id);
            Integer[] days = seen == null ? null : seen.getArrayOfIntegers("cycle_days");
            StageRate rate = ForecastProjection.rate(id, stage.getBigDecimal("probability"),
                    seen == null ? 0 : seen.getLong("closed_deals"), seen == null ? 0 : seen.getLong("won_deals"),
                    days == null ? List.of() : Arrays.asList(days));
            lines.put(id, new StageLine(id, stage.getString("pipeline") + " / " + stage.getString("name"), rate));
        }
        ForecastPeriod period = book.period();
        Map<String, Unconverted> unconverted = new TreeMap<>();
        for (Row group : open) {
            long deals = group.getLong("deals");
            String currency = group.getString("unconverted");
            if (currency != null) {
                unconverted.merge(currency, new Unconverted(currency, deals, group.getBigDecimal("original")),
                        (a, b) -> a.plus(b.deals(), b.amount()));
                continue;
            }
            StageLine line = lines.get(group.getUUID("stage_id"));
            if (line == null) {
                continue; // the stage closed between the two reads
            }
            BigDecimal amount = group.getBigDecimal("amount");
            line.openDeals += deals;
            line.openAmount = line.openAmount.add(amount);
            LocalDate projected = ForecastProjection.projectedClose(today, group.getLocalDate("entered_on"),
                    line.rate.cycleDays(), group.getLocalDate("close_date"));
            if (period.contains(projected)) {
                line.counted += deals;
                line.expected = line.expected.add(ForecastProjection.expected(amount, line.rate.winRate()));
            }
        }
        BigDecimal closedToDate = book.total().computed(ForecastCategory.Closed).amount();
        BigDecimal expected = lines.values().stream().map(l -> l.expected).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<StageProjectionView> stageViews = new ArrayList<>();
        lines.values().forEach(l -> stageViews.add(new StageProjectionView(l.id.toString(), l.name,
                ForecastDtos.ratio(l.rate.winRate()), l.rate.source().name(), l.rate.cycleDays(),
                l.rate.closedDeals(), l.rate.wonDeals(), l.openDeals, ForecastDtos.money(l.openAmount), l.counted,
                ForecastDtos.money(l.expected))));
        ForecastScope scope = book.scope();
        return new ProjectionView(PeriodRef.of(period),
                new ScopeView(scope.type().name(), scope.id().toString(), book.scopeName()), book.currency(), today,
                lookbackDays, ForecastDtos.money(closedToDate), ForecastDtos.money(expected),
                ForecastDtos.money(closedToDate.add(expected)),
                ForecastDtos.money(ForecastProjection.runRate(closedToDate, period.start(), period.end(), today)),
                method(lookbackDays), stageViews, CumulativeView.of(book.total().cumulativeComputed()),
                CumulativeView.of(book.total().cumulativeAdjusted()),
                unconverted.values().stream().map(u -> new UnconvertedView(u.currency(), u.deals(),
                        ForecastDtos.money(u.amount()))).toList());
    }

    static String method(int lookbackDays) {
        return "Per open stage, win rate = won ÷ closed among the workspace's deals closed in the last " + lookbackDays
                + " days that were ever in the stage (the stage probability when none were), cycle = median days from "
                + "entering the stage to winning. Each open deal is expected at amount × its stage's win rate and "
                + "counts when max(today, stage entered + cycle) falls in the period (its close date when the stage "
                + "has no won history). projection = closed to date + expected; run rate = closed to date ÷ days "
                + "elapsed × days in the period.";
    }
}
