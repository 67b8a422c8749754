package org.revops.opportunity;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period named the ISO way: a week {@code 2026-W47} (ISO 8601 week date: weeks start on Monday, week 1
 * is the week with the year's first Thursday, so some years have 53) or a month {@code 2026-11}. It covers the
 * half-open interval [start, end) of instants, in UTC: {@code 2026-W10} is [2026-03-02T00:00Z, 2026-03-09T00:00Z),
 * {@code 2026-02} is [2026-02-01T00:00Z, 2026-03-01T00:00Z).
 *
 * @param text the period as given, normalised (the same text for the same period)
 * @param kind {@code week} or {@code month}, as activity targets name their period
 */
public record ReportingPeriod(String text, String kind, Instant start, Instant end) {
    public static final String WEEK = "week";
    public static final String MONTH = "month";

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH_OF_YEAR = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final int FIRST_YEAR = 1900;

    /**
     * @throws IllegalArgumentException with a message fit for a client when the text is neither an ISO week
     *                                  ({@code YYYY-Www}, a week that exists in that year) nor a month ({@code YYYY-MM})
     */
    public static ReportingPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is required: an ISO week such as 2026-W47 or a month such as 2026-11");
        }
        String trimmed = text.trim();
        Matcher week = ISO_WEEK.matcher(trimmed);
        if (week.matches()) {
            return week(year(week.group(1), trimmed), Integer.parseInt(week.group(2)), trimmed);
        }
        Matcher month = MONTH_OF_YEAR.matcher(trimmed);
        if (month.matches()) {
            return month(year(month.group(1), trimmed), Integer.parseInt(month.group(2)), trimmed);
        }
        throw new IllegalArgumentException("'" + trimmed + "' is neither an ISO week such as 2026-W47 nor a month "
                + "such as 2026-11");
    }

    private static ReportingPeriod week(int year, int week, String text) {
        // 4 January is always in week 1 of its week-based year
        LocalDate anchor = LocalDate.of(year, 1, 4);
        long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(anchor).getMaximum();
        if (week < 1 || week > weeks) {
            throw new IllegalArgumentException("'" + text + "': " + year + " has ISO weeks 01 to " + weeks);
        }
        LocalDate monday = anchor.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportingPeriod(text, WEEK, startOf(monday), startOf(monday.plusWeeks(1)));
    }

    private static ReportingPeriod month(int year, int month, String text) {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("'" + text + "': months are 01 to 12");
        }
        LocalDate first = LocalDate.of(year, month, 1);
        return new ReportingPeriod(text, MONTH, startOf(first), startOf(first.plusMonths(1)));
    }

    private static int year(String digits, String text) {
        int year = Integer.parseInt(digits);
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException("'" + text + "': the year must be " + FIRST_YEAR + " or later");
        }
        return year;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Whether the instant falls in [start, end). */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
