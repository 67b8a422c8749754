package org.revops.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The arithmetic of the funnel, from the counts and sums that SQL aggregates. Every figure is computed from exact
 * integers and decimals and rounded once, half up: rates to {@value #RATE_SCALE} decimals (fractions 0-1, not
 * percentages), days to {@value #DAYS_SCALE}, amounts to {@value #AMOUNT_SCALE}. A figure whose denominator is zero
 * is null (unknown), never 0 and never an error.
 */
public final class FunnelMetrics {
    public static final int RATE_SCALE = 4;
    public static final int DAYS_SCALE = 2;
    public static final int AMOUNT_SCALE = 4;

    private FunnelMetrics() {
    }

    /**
     * Stage-to-stage conversion: {@code conversion(n) = reached(n+1) / reached(n)} for every step but the last
     * (which has no next step, so null), and null where {@code reached(n) = 0}.
     */
    public static List<BigDecimal> conversions(List<Integer> reached) {
        List<BigDecimal> conversions = new ArrayList<>(reached.size());
        for (int n = 0; n < reached.size(); n++) {
            conversions.add(n + 1 < reached.size() ? ratio(reached.get(n + 1), reached.get(n)) : null);
        }
        return conversions;
    }

    /**
     * The step with the largest drop: the lowest conversion to the next step, the earliest step on a tie; steps
     * without a conversion are skipped. Compared exactly (cross-multiplied), so two rates that round alike still
     * rank correctly. Empty when no step has a conversion.
     */
    public static OptionalInt largestDrop(List<Integer> reached) {
        int lowest = -1;
        for (int n = 0; n + 1 < reached.size(); n++) {
            if (reached.get(n) == 0) {
                continue;
            }
            // reached(n+1)/reached(n) < reached(l+1)/reached(l)  <=>  reached(n+1)*reached(l) < reached(l+1)*reached(n)
            if (lowest < 0 || (long) reached.get(n + 1) * reached.get(lowest)
                    < (long) reached.get(lowest + 1) * reached.get(n)) {
                lowest = n;
            }
        }
        return lowest < 0 ? OptionalInt.empty() : OptionalInt.of(lowest);
    }

    /** The drop rate of step n: {@code 1 - conversion(n) = (reached(n) - reached(n+1)) / reached(n)}, exact. */
    public static BigDecimal dropRate(List<Integer> reached, int n) {
        return ratio(reached.get(n) - reached.get(n + 1), reached.get(n));
    }

    /** Win rate: {@code won / (won + lost)} over closed deals; null when none is closed. */
    public static BigDecimal winRate(long won, long lost) {
        return ratio(won, won + lost);
    }

    /** {@code part / whole} rounded to {@value #RATE_SCALE} decimals; null when {@code whole = 0}. */
    public static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_UP);
    }

    /** {@code sum / count} rounded to {@code scale} decimals; null when {@code count = 0} or the sum is unknown. */
    public static BigDecimal average(BigDecimal sum, long count, int scale) {
        return count == 0 || sum == null ? null
                : sum.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
    }

    /**
     * Pipeline velocity, the amount the open pipeline is expected to close per day:
     * {@code open × winRate × averageWonAmount ÷ averageCycleDays}. With {@code winRate = won / (won + lost)},
     * {@code averageWonAmount = wonAmount / won} and {@code averageCycleDays = cycleDaysSum / cycleDeals} (the won
     * deals whose cycle is known) this is exactly {@code open × wonAmount × cycleDeals ÷ ((won + lost) × cycleDaysSum)},
     * computed unrounded and rounded once to {@value #AMOUNT_SCALE} decimals. Null when a factor is unknown (nothing
     * closed, nothing won, no cycle known) or the average cycle is 0 days.
     */
    public static BigDecimal velocity(long open, long won, long lost, BigDecimal wonAmount, long cycleDaysSum,
                                      long cycleDeals) {
        if (won == 0 || wonAmount == null || cycleDeals == 0 || cycleDaysSum == 0) {
            return null;
        }
        BigDecimal numerator = BigDecimal.valueOf(open).multiply(wonAmount).multiply(BigDecimal.valueOf(cycleDeals));
        BigDecimal denominator = BigDecimal.valueOf(won + lost).multiply(BigDecimal.valueOf(cycleDaysSum));
        return numerator.divide(denominator, AMOUNT_SCALE, RoundingMode.HALF_UP);
    }
}
