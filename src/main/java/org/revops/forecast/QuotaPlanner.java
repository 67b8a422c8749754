package org.revops.forecast;

import org.revops.forecast.QuotaDtos.PlanLine;
import org.revops.forecast.QuotaDtos.PlanTarget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lays a yearly target out over a fiscal year: quarters by the quarter weights, each quarter's months by the month
 * weights ({@link QuotaSplit}, so every level adds up to the one above exactly), with milestones (running sums from
 * the start of the year) per quarter and per month.
 */
public final class QuotaPlanner {
    static final int SCALE = 2;
    private static final List<BigDecimal> EVEN_QUARTERS = List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
            BigDecimal.ONE);
    private static final List<BigDecimal> EVEN_MONTHS = List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);

    private QuotaPlanner() {
    }

    /**
     * @throws IllegalArgumentException (naming the field, fit for a client) for a wrong number of weights or weights
     *                                  QuotaSplit refuses
     */
    public static PlanTarget plan(FiscalCalendar calendar, ForecastPeriod year, UUID userId, UUID territoryId,
                                  BigDecimal amount, List<BigDecimal> quarterWeights, List<BigDecimal> monthWeights) {
        List<BigDecimal> byQuarter = split(amount, quarterWeights == null ? EVEN_QUARTERS : quarterWeights, 4,
                "quarterWeights");
        List<ForecastPeriod> quarters = calendar.children(year);
        List<PlanLine> quarterLines = new ArrayList<>();
        List<PlanLine> monthLines = new ArrayList<>();
        List<BigDecimal> quarterMilestones = QuotaSplit.milestones(byQuarter);
        BigDecimal monthMilestone = BigDecimal.ZERO;
        for (int q = 0; q < 4; q++) {
            quarterLines.add(line(quarters.get(q), byQuarter.get(q), quarterMilestones.get(q)));
            List<BigDecimal> byMonth = split(byQuarter.get(q), monthWeights == null ? EVEN_MONTHS : monthWeights, 3,
                    "monthWeights");
            List<ForecastPeriod> months = calendar.children(quarters.get(q));
            for (int m = 0; m < 3; m++) {
                monthMilestone = monthMilestone.add(byMonth.get(m));
                monthLines.add(line(months.get(m), byMonth.get(m), monthMilestone));
            }
        }
        BigDecimal total = amount.setScale(SCALE, java.math.RoundingMode.HALF_EVEN);
        return new PlanTarget(userId, territoryId, line(year, total, total), quarterLines, monthLines);
    }

    /** A team target over reps by weight (largest remainder), in the order given. */
    public static List<BigDecimal> shares(BigDecimal amount, List<BigDecimal> weights) {
        try {
            return QuotaSplit.byWeights(amount, weights, SCALE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("shares: " + e.getMessage(), e);
        }
    }

    private static List<BigDecimal> split(BigDecimal amount, List<BigDecimal> weights, int count, String field) {
        if (weights.size() != count) {
            throw new IllegalArgumentException(field + ": needs " + count + " weights, got " + weights.size());
        }
        try {
            return QuotaSplit.byWeights(amount, weights, SCALE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static PlanLine line(ForecastPeriod period, BigDecimal amount, BigDecimal milestone) {
        return new PlanLine(period.id(), period.start(), period.lastDay(), amount, milestone);
    }
}
