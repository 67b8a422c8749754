package org.revops.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The statistical forecast's arithmetic, kept apart from the SQL that gathers its inputs:
 * <pre>
 *   winRate(stage)   = won ÷ closed, over the deals closed in the look-back window that were ever in the stage
 *                      (source "history"); without any such deal, the stage probability ÷ 100 (source "probability")
 *   cycleDays(stage) = the MEDIAN of the days from (last) entering the stage to closing, over the won ones; with an
 *                      even count the mean of the two middle values, rounded up to a whole day; none without wins
 *   projectedClose   = max(today, entered stage on + cycleDays), or max(today, the deal's close date) when the
 *                      stage has no cycle (the rep's own date is the best guess left)
 *   expected(deal)   = amount × winRate(stage), counted when projectedClose falls in the period
 *   projection       = closed so far in the period + Σ expected
 *   runRate          = closed so far ÷ days elapsed × days in the period, counting today as elapsed;
 *                      none before the period starts, = closed so far once it has ended
 * </pre>
 * The median rather than the mean keeps one deal that sat in a stage for a year from moving every projection.
 */
public final class ForecastProjection {
    public static final int RATE_SCALE = 4;

    /** Where a stage's win rate comes from. */
    public enum Source { history, probability }

    /**
     * What the history says about one open stage.
     *
     * @param winRate   the unrounded win rate (see the class comment)
     * @param cycleDays median days to close of the stage's won deals; null without won deals or history
     */
    public record StageRate(UUID stageId, BigDecimal winRate, Source source, Integer cycleDays, long closedDeals,
                            long wonDeals) {
    }

    private ForecastProjection() {
    }

    /** The rate of a stage from {@code closed} closed deals of which {@code won} were won, else from its probability. */
    public static StageRate rate(UUID stageId, BigDecimal probability, long closed, long won, List<Integer> wonCycleDays) {
        if (closed <= 0) {
            return new StageRate(stageId, probability.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64),
                    Source.probability, null, 0, 0);
        }
        return new StageRate(stageId, winRate(won, closed), Source.history, median(wonCycleDays), closed, won);
    }

    /** won ÷ closed; null when nothing closed. */
    public static BigDecimal winRate(long won, long closed) {
        return closed <= 0 ? null : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(closed), MathContext.DECIMAL64);
    }

    /** The median of {@code days}, rounded up to a whole day; null for none. */
    public static Integer median(List<Integer> days) {
        if (days == null || days.isEmpty()) {
            return null;
        }
        List<Integer> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        int sum = sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return Math.floorDiv(sum + 1, 2);
    }

    /** When an open deal is expected to close (see the class comment). */
    public static LocalDate projectedClose(LocalDate today, LocalDate enteredStageOn, Integer cycleDays,
                                           LocalDate closeDate) {
        LocalDate estimate = cycleDays != null ? enteredStageOn.plusDays(cycleDays) : closeDate;
        return estimate == null || estimate.isBefore(today) ? today : estimate;
    }

    /** amount × winRate. */
    public static BigDecimal expected(BigDecimal amount, BigDecimal winRate) {
        return amount.multiply(winRate, MathContext.DECIMAL64);
    }

    /** The closed amount extrapolated over the whole period at the pace so far (see the class comment). */
    public static BigDecimal runRate(BigDecimal closedToDate, LocalDate start, LocalDate endExclusive, LocalDate today) {
        if (today.isBefore(start)) {
            return null;
        }
        if (!today.isBefore(endExclusive)) {
            return closedToDate;
        }
        long elapsed = ChronoUnit.DAYS.between(start, today) + 1;
        long length = ChronoUnit.DAYS.between(start, endExclusive);
        return closedToDate.multiply(BigDecimal.valueOf(length))
                .divide(BigDecimal.valueOf(elapsed), RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}
