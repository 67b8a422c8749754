package org.revops.forecast;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuotaSplitTest {
    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void aProfileSplitsTheYearAndTheMilestonesAccumulate() {
        List<BigDecimal> quarters = QuotaSplit.byWeights(new BigDecimal("1000000"), decimals("20", "25", "25", "30"), 2);
        assertEquals(decimals("200000.00", "250000.00", "250000.00", "300000.00"), quarters);
        assertEquals(decimals("200000.00", "450000.00", "700000.00", "1000000.00"), QuotaSplit.milestones(quarters));
    }

    @Test
    void roundingLeftoversGoToTheLargestRemaindersSoThePartsAddUp() {
        // 100 / 3 = 33.333…: one cent left over, to the first part (all remainders equal)
        assertEquals(decimals("33.34", "33.33", "33.33"), QuotaSplit.even(new BigDecimal("100"), 3, 2));
        // 10 by 1:1:1:1:1:1:1 (7 parts) = 1.428571…: 1.42 each leaves 0.06 → six parts get a cent
        List<BigDecimal> sevenths = QuotaSplit.even(BigDecimal.TEN, 7, 2);
        assertEquals(decimals("1.43", "1.43", "1.43", "1.43", "1.43", "1.43", "1.42"), sevenths);
        // weights 1:2 of 0.05: exact 0.01666… and 0.0333…; floors 0.01 and 0.03 leave 0.01 → the larger remainder (first)
        assertEquals(decimals("0.02", "0.03"), QuotaSplit.byWeights(new BigDecimal("0.05"), decimals("1", "2"), 2));
        assertEquals(decimals("0.00", "7.00"), QuotaSplit.byWeights(new BigDecimal("7"), decimals("0", "3"), 2));
    }

    @Test
    void randomSplitsAlwaysSumToTheAmountAndStayWithinACentOfExact() {
        Random random = new Random(7);
        for (int run = 0; run < 2000; run++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(10_000_000), 2);
            int n = 1 + random.nextInt(12);
            List<BigDecimal> weights = java.util.stream.IntStream.range(0, n)
                    .mapToObj(i -> BigDecimal.valueOf(random.nextInt(50))).toList();
            if (weights.stream().allMatch(w -> w.signum() == 0)) {
                continue;
            }
            List<BigDecimal> parts = QuotaSplit.byWeights(amount, weights, 2);
            assertEquals(0, amount.compareTo(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)), "run " + run);
            BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            for (int i = 0; i < n; i++) {
                BigDecimal exact = amount.multiply(weights.get(i)).divide(total, 10, java.math.RoundingMode.HALF_EVEN);
                assertTrue(exact.subtract(parts.get(i)).abs().compareTo(new BigDecimal("0.01")) < 0, "run " + run);
            }
        }
    }

    @Test
    void badWeightsAreRefusedWithAReason() {
        assertEquals("weights must not be negative", assertThrows(IllegalArgumentException.class,
                () -> QuotaSplit.byWeights(BigDecimal.TEN, decimals("1", "-1"), 2)).getMessage());
        assertEquals("the weights must not all be zero", assertThrows(IllegalArgumentException.class,
                () -> QuotaSplit.byWeights(BigDecimal.TEN, decimals("0", "0"), 2)).getMessage());
        assertEquals("at least one weight is needed", assertThrows(IllegalArgumentException.class,
                () -> QuotaSplit.byWeights(BigDecimal.TEN, List.of(), 2)).getMessage());
        assertEquals("the amount must not be negative", assertThrows(IllegalArgumentException.class,
                () -> QuotaSplit.even(new BigDecimal("-1"), 2, 2)).getMessage());
    }
}
