package org.revops.opportunity;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FunnelMetricsTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void conversionIsTheNextStepsReachedOverThisOnes() {
        assertEquals(Arrays.asList(d("0.8000"), d("0.7500"), d("0.6667"), null),
                FunnelMetrics.conversions(List.of(5, 4, 3, 2)));
        // nobody reached a step: no conversion from it, and none into it is 0 / n
        assertEquals(Arrays.asList(d("0.0000"), null, null), FunnelMetrics.conversions(List.of(3, 0, 0)));
        assertEquals(Arrays.asList((BigDecimal) null), FunnelMetrics.conversions(List.of(7)));
        assertEquals(List.of(), FunnelMetrics.conversions(List.of()));
    }

    @Test
    void theLargestDropIsTheLowestConversionAndTheEarliestOnATie() {
        assertEquals(OptionalInt.of(2), FunnelMetrics.largestDrop(List.of(5, 4, 3, 2)));
        assertEquals(OptionalInt.of(0), FunnelMetrics.largestDrop(List.of(4, 2, 1, 1)));   // 0.5 and 0.5: the first
        assertEquals(OptionalInt.of(1), FunnelMetrics.largestDrop(List.of(2, 2, 0, 0)));   // the step nobody reached is skipped
        assertEquals(OptionalInt.empty(), FunnelMetrics.largestDrop(List.of(0, 0, 0)));
        assertEquals(OptionalInt.empty(), FunnelMetrics.largestDrop(List.of(9)));
        // 1/3 and 3333/10000 both round to 0.3333, but 3333/10000 is the lower one
        assertEquals(OptionalInt.of(1), FunnelMetrics.largestDrop(List.of(30000, 10000, 3333)));
        assertEquals(OptionalInt.of(0), FunnelMetrics.largestDrop(List.of(10000, 3333, 1111)));
        assertEquals(OptionalInt.of(1), FunnelMetrics.largestDrop(List.of(3, 3, 1, 1)));
    }

    @Test
    void theDropRateIsExact() {
        assertEquals(d("0.3333"), FunnelMetrics.dropRate(List.of(5, 4, 3, 2), 2));
        // 1 - round(0.33335) would be 0.6666; the exact drop 0.66665 rounds to 0.6667
        assertEquals(d("0.6667"), FunnelMetrics.dropRate(List.of(20000, 6667), 0));
        assertEquals(d("0.3334"), FunnelMetrics.conversions(List.of(20000, 6667)).get(0));
    }

    @Test
    void winRateIsWonOverClosed() {
        assertEquals(d("0.6667"), FunnelMetrics.winRate(2, 1));
        assertEquals(d("0.0000"), FunnelMetrics.winRate(0, 4));
        assertEquals(d("1.0000"), FunnelMetrics.winRate(3, 0));
        assertNull(FunnelMetrics.winRate(0, 0));
    }

    @Test
    void averagesRoundHalfUpAndAreUnknownWithoutValues() {
        assertEquals(d("15.00"), FunnelMetrics.average(d("30"), 2, 2));
        assertEquals(d("3.67"), FunnelMetrics.average(d("11"), 3, 2));
        assertEquals(d("0.13"), FunnelMetrics.average(d("0.125"), 1, 2));
        assertNull(FunnelMetrics.average(d("0"), 0, 2));
        assertNull(FunnelMetrics.average(null, 2, 2));
    }

    @Test
    void velocityIsOpenTimesWinRateTimesAverageWonOverAverageCycle() {
        // 2 open × (2/3) × (16000/2) ÷ (30/2) = 711.111…
        assertEquals(d("711.1111"), FunnelMetrics.velocity(2, 2, 1, d("16000"), 30, 2));
        // 1 open × 1 × 200 ÷ 9 = 22.222…
        assertEquals(d("22.2222"), FunnelMetrics.velocity(1, 3, 0, d("600"), 27, 3));
        // the cycle is averaged over the won deals whose cycle is known: 5 × (1/2) × 100 ÷ (10/1) = 25
        assertEquals(d("25.0000"), FunnelMetrics.velocity(5, 2, 2, d("200"), 10, 1));
        assertEquals(d("0.0000"), FunnelMetrics.velocity(0, 1, 0, d("500"), 10, 1));
    }

    @Test
    void velocityIsUnknownWhenAFactorIs() {
        assertNull(FunnelMetrics.velocity(3, 0, 0, null, 0, 0));      // nothing closed
        assertNull(FunnelMetrics.velocity(3, 0, 2, null, 0, 0));      // nothing won
        assertNull(FunnelMetrics.velocity(3, 2, 0, d("100"), 0, 2));  // average cycle 0 days
        assertNull(FunnelMetrics.velocity(3, 2, 0, d("100"), 0, 0));  // no cycle known
    }
}
