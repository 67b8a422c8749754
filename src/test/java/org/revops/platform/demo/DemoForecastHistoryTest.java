package org.revops.platform.demo;

import org.junit.jupiter.api.Test;
import org.revops.forecast.FiscalCalendar;
import org.revops.forecast.ForecastScope;
import org.revops.forecast.ForecastSnapshot;

import java.math.BigDecimal;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo's walk back in time from today's numbers. */
class DemoForecastHistoryTest {
    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void weeksAgoLessHadClosedAndWhatClosedSinceWasStillOpen() {
        ForecastSnapshot now = new ForecastSnapshot(ForecastScope.Type.user, UUID.randomUUID(),
                new FiscalCalendar(1).parse("2026-Q4"), "USD", d("10000"), d("4000"), d("3000"), d("5000"),
                d("4500"), d("3000"), d("5000"), d("6000"), 7, d("40000"));
        ForecastSnapshot then = DemoForecasts.weeksBefore(now, 2);
        // 20 % less closed: 2,000 was open, 70 % in Commit, 20 % in BestCase, 10 % in Pipeline
        assertEquals(d("8000.00"), then.closed());
        assertEquals(d("5400.00"), then.commit());
        assertEquals(d("5900.00"), then.adjustedCommit());
        // BestCase 3 % fuller per week, Pipeline 6 %
        assertEquals(d("3580.00"), then.bestCase());
        assertEquals(d("5800.00"), then.pipeline());
        assertEquals(d("40000"), then.quota());
        assertEquals(9, then.openCount());
    }
}
