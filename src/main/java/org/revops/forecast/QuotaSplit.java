package org.revops.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Spreads a target over parts (a year over its quarters, a quarter over its months, a team's number over its reps) in
 * proportion to weights, in money that adds up: part i is amount × wᵢ / Σw, rounded down to {@code scale} decimals,
 * and the units left over by rounding go one each to the parts with the largest remainders (ties: the earlier part),
 * so the parts always sum to the amount exactly (the largest-remainder method). Milestones are the running sums.
 */
public final class QuotaSplit {
    private QuotaSplit() {
    }

    /** Equal weights: {@code parts} equal shares. */
    public static List<BigDecimal> even(BigDecimal amount, int parts, int scale) {
        return byWeights(amount, IntStream.range(0, parts).mapToObj(i -> BigDecimal.ONE).toList(), scale);
    }

    /**
     * @throws IllegalArgumentException (a message fit for a client) when the amount is negative, a weight is negative,
     *                                  or the weights are empty or all zero
     */
    public static List<BigDecimal> byWeights(BigDecimal amount, List<BigDecimal> weights, int scale) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("the amount must not be negative");
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("at least one weight is needed");
        }
        if (weights.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("weights must be numbers, not null");
        }
        if (weights.stream().anyMatch(w -> w.signum() < 0)) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            throw new IllegalArgumentException("the weights must not all be zero");
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal target = amount.setScale(scale, RoundingMode.HALF_EVEN);
        List<BigDecimal> parts = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        BigDecimal assigned = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal exact = target.multiply(weight).divide(total, scale + 10, RoundingMode.HALF_EVEN);
            BigDecimal floor = exact.setScale(scale, RoundingMode.FLOOR);
            parts.add(floor);
            remainders.add(exact.subtract(floor));
            assigned = assigned.add(floor);
        }
        int leftover = target.subtract(assigned).divide(unit, 0, RoundingMode.HALF_EVEN).intValueExact();
        List<Integer> order = IntStream.range(0, parts.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders.get(i)).reversed()
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int k = 0; k < leftover; k++) {
            int i = order.get(k % order.size());
            parts.set(i, parts.get(i).add(unit));
        }
        return parts;
    }

    /** The running sums of {@code parts}: the cumulative target at the end of each part. */
    public static List<BigDecimal> milestones(List<BigDecimal> parts) {
        List<BigDecimal> sums = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal part : parts) {
            sum = sum.add(part);
            sums.add(sum);
        }
        return sums;
    }
}
