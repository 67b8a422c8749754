package org.revops.opportunity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportingPeriodTest {

    private static void assertPeriod(String text, String kind, String start, String end) {
        ReportingPeriod period = ReportingPeriod.parse(text);
        assertEquals(kind, period.kind(), text);
        assertEquals(Instant.parse(start), period.start(), text);
        assertEquals(Instant.parse(end), period.end(), text);
        assertEquals(text, period.text());
    }

    @Test
    void isoWeeksStartOnMondayAndWeekOneHoldsTheFirstThursday() {
        // 1 January 2026 is a Thursday: week 1 runs from Monday 29 December 2025
        assertPeriod("2026-W01", "week", "2025-12-29T00:00:00Z", "2026-01-05T00:00:00Z");
        assertPeriod("2026-W10", "week", "2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z");
        assertPeriod("2026-W47", "week", "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z");
        // 2026 has 53 weeks (it starts on a Thursday); the last one ends in 2027
        assertPeriod("2026-W53", "week", "2026-12-28T00:00:00Z", "2027-01-04T00:00:00Z");
        // 1 January 2021 is a Friday: it belongs to 2020-W53, and 2021-W01 starts on 4 January
        assertPeriod("2021-W01", "week", "2021-01-04T00:00:00Z", "2021-01-11T00:00:00Z");
        assertPeriod("2020-W53", "week", "2020-12-28T00:00:00Z", "2021-01-04T00:00:00Z");
    }

    @Test
    void monthsRunFromTheFirstToTheFirstOfTheNextMonthInUtc() {
        assertPeriod("2026-11", "month", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z");
        assertPeriod("2026-12", "month", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z");
        assertPeriod("2028-02", "month", "2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z");
        assertPeriod("2026-02", "month", "2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z");
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertEquals("2026-W10", ReportingPeriod.parse(" 2026-W10 ").text());
    }

    @Test
    void theEndIsExcluded() {
        ReportingPeriod week = ReportingPeriod.parse("2026-W10");
        assertTrue(week.contains(Instant.parse("2026-03-02T00:00:00Z")));
        assertTrue(week.contains(Instant.parse("2026-03-08T23:59:59.999999Z")));
        assertFalse(week.contains(Instant.parse("2026-03-09T00:00:00Z")));
        assertFalse(week.contains(Instant.parse("2026-03-01T23:59:59Z")));
    }

    @Test
    void anythingElseIsRefusedWithAReadableMessage() {
        for (String text : List.of("", " ", "2026", "2026-W", "2026-W1", "2026-W00", "2027-W53", "2026-W54",
                "2026-w10", "2026W10", "2026-13", "2026-00", "2026-1", "26-11", "2026-11-01", "November 2026",
                "2026-Q4", "0999-01", "+2026-11", "2026-W10x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ReportingPeriod.parse(text), text);
            assertFalse(e.getMessage().isBlank(), text);
        }
        assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse(null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse("2027-W53"))
                .getMessage().contains("2027 has ISO weeks 01 to 52"));
    }
}
