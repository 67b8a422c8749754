package org.revops.forecast;

import java.time.LocalDate;

/**
 * A forecast period of a workspace's fiscal calendar: the dates [start, end) it covers.
 *
 * @param id         {@code FY2027}, {@code 2027-Q1} (quarter 1 of fiscal year 2027) or {@code 2026-11} (a calendar month)
 * @param kind       {@code year}, {@code quarter} or {@code month}
 * @param fiscalYear the fiscal year the period belongs to (a month belongs to the fiscal year containing it)
 * @param quarter    the fiscal quarter (1-4) of a quarter or a month; null for a year
 */
public record ForecastPeriod(String id, String kind, LocalDate start, LocalDate end, int fiscalYear, Integer quarter) {
    public static final String YEAR = "year";
    public static final String QUARTER = "quarter";
    public static final String MONTH = "month";

    /** Whether {@code date} falls in the period. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    /** The last day of the period (its end is exclusive). */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }
}
