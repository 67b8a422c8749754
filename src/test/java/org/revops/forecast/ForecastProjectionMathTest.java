package org.revops.forecast;

import org.junit.jupiter.api.Test;
import org.revops.forecast.ForecastProjection.Source;
import org.revops.forecast.ForecastProjection.StageRate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ForecastProjectionMathTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    @Test
    void winRatesComeFromHistoryElseFromTheStageProbability() {
        assertEquals(0, new BigDecimal("0.25").compareTo(ForecastProjection.winRate(1, 4)));
        assertNull(ForecastProjection.winRate(0, 0));
        UUID stage = UUID.randomUUID();
        StageRate history = ForecastProjection.rate(stage, new BigDecimal("60"), 3, 2, List.of(10, 30));
        assertEquals(Source.history, history.source());
        assertEquals(0, new BigDecimal("0.6666666666666667").compareTo(history.winRate()));
        assertEquals(20, history.cycleDays());
        StageRate lostOnly = ForecastProjection.rate(stage, new BigDecimal("60"), 2, 0, List.of());
        assertEquals(0, BigDecimal.ZERO.compareTo(lostOnly.winRate()));
        assertNull(lostOnly.cycleDays());
        StageRate none = ForecastProjection.rate(stage, new BigDecimal("10"), 0, 0, null);
        assertEquals(Source.probability, none.source());
        assertEquals(0, new BigDecimal("0.1").compareTo(none.winRate()));
        assertNull(none.cycleDays());
    }

    @Test
    void theMedianIsTheMiddleDayAndRoundsUpBetweenTwo() {
        assertNull(ForecastProjection.median(List.of()));
        assertEquals(7, ForecastProjection.median(List.of(7)));
        assertEquals(10, ForecastProjection.median(List.of(40, 3, 10)));
        assertEquals(11, ForecastProjection.median(List.of(3, 10, 11, 90)));
        assertEquals(8, ForecastProjection.median(List.of(7, 8)));
        assertEquals(0, ForecastProjection.median(List.of(0, 0)));
    }

    @Test
    void aDealIsProjectedAfterItsStagesCycleButNeverBeforeToday() {
        LocalDate entered = LocalDate.parse("2026-11-01");
        assertEquals(LocalDate.parse("2026-12-01"), ForecastProjection.projectedClose(TODAY, entered, 30, null));
        assertEquals(TODAY, ForecastProjection.projectedClose(TODAY, entered, 5, null));
        assertEquals(LocalDate.parse("2027-01-10"),
                ForecastProjection.projectedClose(TODAY, entered, null, LocalDate.parse("2027-01-10")));
        assertEquals(TODAY, ForecastProjection.projectedClose(TODAY, entered, null, LocalDate.parse("2026-10-01")));
    }

    @Test
    void theRunRateExtrapolatesThePaceSoFar() {
        LocalDate start = LocalDate.parse("2026-10-01");
        LocalDate end = LocalDate.parse("2027-01-01");
        BigDecimal closed = new BigDecimal("5000");
        assertNull(ForecastProjection.runRate(closed, start, end, LocalDate.parse("2026-09-30")));
        // 5,000 in 1 day of 92
        assertEquals(new BigDecimal("460000.0000"), ForecastProjection.runRate(closed, start, end, start));
        // 5,000 in 51 days (10-01 … 11-20) × 92 = 9,019.6078…
        assertEquals(new BigDecimal("9019.6078"), ForecastProjection.runRate(closed, start, end, TODAY));
        assertEquals(closed, ForecastProjection.runRate(closed, start, end, end));
        assertEquals(0, new BigDecimal("150").compareTo(
                ForecastProjection.expected(new BigDecimal("600"), new BigDecimal("0.25"))));
    }
}
