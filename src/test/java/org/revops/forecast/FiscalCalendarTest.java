package org.revops.forecast;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiscalCalendarTest {
    private final FiscalCalendar calendar = new FiscalCalendar(1);
    private final FiscalCalendar february = new FiscalCalendar(2);
    private final FiscalCalendar october = new FiscalCalendar(10);

    @Test
    void aJanuaryStartIsTheCalendar() {
        ForecastPeriod q4 = calendar.parse("2026-Q4");
        assertEquals(LocalDate.of(2026, 10, 1), q4.start());
        assertEquals(LocalDate.of(2027, 1, 1), q4.end());
        assertEquals(LocalDate.of(2026, 12, 31), q4.lastDay());
        ForecastPeriod year = calendar.parse("FY2026");
        assertEquals(LocalDate.of(2026, 1, 1), year.start());
        assertEquals(LocalDate.of(2027, 1, 1), year.end());
        ForecastPeriod november = calendar.parse("2026-11");
        assertEquals(ForecastPeriod.MONTH, november.kind());
        assertEquals(2026, november.fiscalYear());
        assertEquals(4, november.quarter());
    }

    @Test
    void fiscalYearsAreNamedAfterTheYearTheyEndIn() {
        ForecastPeriod fy = february.parse("FY2027");
        assertEquals(LocalDate.of(2026, 2, 1), fy.start());
        assertEquals(LocalDate.of(2027, 2, 1), fy.end());
        assertEquals(LocalDate.of(2026, 2, 1), february.parse("2027-Q1").start());
        assertEquals(LocalDate.of(2026, 11, 1), february.parse("2027-Q4").start());
        assertEquals(LocalDate.of(2027, 2, 1), february.parse("2027-Q4").end());
        // January 2027 is the last month of FY2027, quarter 4; February 2026 the first
        assertEquals(2027, february.parse("2027-01").fiscalYear());
        assertEquals(4, february.parse("2027-01").quarter());
        assertEquals(2027, february.parse("2026-02").fiscalYear());
        assertEquals(1, february.parse("2026-02").quarter());
        assertEquals(2026, february.parse("2026-01").fiscalYear());
        // an October start: FY2027 = 2026-10-01 .. 2027-09-30; November 2026 is in its first quarter
        assertEquals(LocalDate.of(2026, 10, 1), october.parse("FY2027").start());
        assertEquals("2027-Q1", october.containing(ForecastPeriod.QUARTER, LocalDate.of(2026, 11, 23)).id());
        assertEquals("2026-Q4", october.containing(ForecastPeriod.QUARTER, LocalDate.of(2026, 9, 30)).id());
    }

    @Test
    void everyDayIsInExactlyOneMonthQuarterAndYearThatNestInEachOther() {
        for (FiscalCalendar c : List.of(calendar, february, october, new FiscalCalendar(12))) {
            for (LocalDate d = LocalDate.of(2025, 1, 1); d.isBefore(LocalDate.of(2028, 1, 1)); d = d.plusDays(1)) {
                ForecastPeriod month = c.containing(ForecastPeriod.MONTH, d);
                ForecastPeriod quarter = c.containing(ForecastPeriod.QUARTER, d);
                ForecastPeriod year = c.containing(ForecastPeriod.YEAR, d);
                assertTrue(month.contains(d) && quarter.contains(d) && year.contains(d), c.startMonth() + " " + d);
                assertEquals(quarter, c.parent(month));
                assertEquals(year, c.parent(quarter));
                assertTrue(c.children(quarter).contains(month));
                assertTrue(c.children(year).contains(quarter));
                assertEquals(quarter, c.parse(quarter.id()));
                assertEquals(year, c.parse(year.id()));
            }
        }
    }

    @Test
    void childrenTileTheirParent() {
        ForecastPeriod fy = october.parse("FY2027");
        List<ForecastPeriod> quarters = october.children(fy);
        assertEquals(List.of("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"), quarters.stream().map(ForecastPeriod::id).toList());
        assertEquals(fy.start(), quarters.get(0).start());
        assertEquals(fy.end(), quarters.get(3).end());
        for (int i = 1; i < 4; i++) {
            assertEquals(quarters.get(i - 1).end(), quarters.get(i).start());
        }
        assertEquals(List.of("2026-10", "2026-11", "2026-12"),
                october.children(quarters.get(0)).stream().map(ForecastPeriod::id).toList());
        assertEquals(List.of(), october.children(october.month(YearMonth.of(2026, 11))));
        assertNull(october.parent(fy));
    }

    @Test
    void badIdsSayWhatIsExpected() {
        assertEquals("'2026-Q5': quarters are Q1 to Q4",
                assertThrows(IllegalArgumentException.class, () -> calendar.parse("2026-Q5")).getMessage());
        assertEquals("'2026-13': months are 01 to 12",
                assertThrows(IllegalArgumentException.class, () -> calendar.parse("2026-13")).getMessage());
        assertEquals("'FY0999': years run from 1900 to 2999",
                assertThrows(IllegalArgumentException.class, () -> calendar.parse("FY0999")).getMessage());
        assertEquals("'Q4 2026' is not a period: a fiscal year such as FY2027, a fiscal quarter such as 2027-Q1 or a "
                        + "month such as 2026-11",
                assertThrows(IllegalArgumentException.class, () -> calendar.parse("Q4 2026")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> calendar.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new FiscalCalendar(13));
    }
}
