package org.revops.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workspace's fiscal calendar: years start on the first day of {@code startMonth} (1 = January) and are named
 * after the calendar year in which they END — with a February start, FY2027 runs from 2026-02-01 to 2027-01-31 (the
 * common convention, as Salesforce's own fiscal year). With a January start fiscal and calendar years coincide.
 * Quarters are three calendar months each from the start of the fiscal year: {@code 2027-Q1} is quarter 1 of FY2027.
 * Months are calendar months ({@code 2026-11}); each belongs to exactly one fiscal quarter and year.
 *
 * <p>Formulas: for a date d with month m (1-12) and calendar year y, let k = (m − startMonth + 12) mod 12 (months
 * since the fiscal year began). Its fiscal year is y when startMonth = 1, else y + 1 if m ≥ startMonth, else y; its
 * fiscal quarter is ⌊k / 3⌋ + 1. Fiscal year Y starts on the first day of startMonth of year Y − 1 (Y when
 * startMonth = 1).
 */
public final class FiscalCalendar {
    private static final Pattern YEAR = Pattern.compile("FY(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2999;

    private final int startMonth;

    public FiscalCalendar(int startMonth) {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("startMonth must be 1-12");
        }
        this.startMonth = startMonth;
    }

    public int startMonth() {
        return startMonth;
    }

    /**
     * The period named {@code id}.
     *
     * @throws IllegalArgumentException with a message fit for a client when the id is not {@code FY2027},
     *                                  {@code 2027-Q1} or {@code 2026-11}, or names a quarter or month that does not exist
     */
    public ForecastPeriod parse(String id) {
        String text = id == null ? "" : id.trim();
        Matcher year = YEAR.matcher(text);
        if (year.matches()) {
            return year(checkYear(year.group(1), text));
        }
        Matcher quarter = QUARTER.matcher(text);
        if (quarter.matches()) {
            int q = Integer.parseInt(quarter.group(2));
            if (q < 1 || q > 4) {
                throw new IllegalArgumentException("'" + text + "': quarters are Q1 to Q4");
            }
            return quarter(checkYear(quarter.group(1), text), q);
        }
        Matcher month = MONTH.matcher(text);
        if (month.matches()) {
            int m = Integer.parseInt(month.group(2));
            if (m < 1 || m > 12) {
                throw new IllegalArgumentException("'" + text + "': months are 01 to 12");
            }
            return month(YearMonth.of(checkYear(month.group(1), text), m));
        }
        throw new IllegalArgumentException("'" + text + "' is not a period: a fiscal year such as FY2027, a fiscal "
                + "quarter such as 2027-Q1 or a month such as 2026-11");
    }

    /** Fiscal year {@code fiscalYear}. */
    public ForecastPeriod year(int fiscalYear) {
        LocalDate start = LocalDate.of(startMonth == 1 ? fiscalYear : fiscalYear - 1, startMonth, 1);
        return new ForecastPeriod("FY" + fiscalYear, ForecastPeriod.YEAR, start, start.plusYears(1), fiscalYear, null);
    }

    /** Quarter {@code quarter} (1-4) of fiscal year {@code fiscalYear}. */
    public ForecastPeriod quarter(int fiscalYear, int quarter) {
        LocalDate start = year(fiscalYear).start().plusMonths(3L * (quarter - 1));
        return new ForecastPeriod(fiscalYear + "-Q" + quarter, ForecastPeriod.QUARTER, start, start.plusMonths(3),
                fiscalYear, quarter);
    }

    /** The calendar month {@code month}, with the fiscal year and quarter it belongs to. */
    public ForecastPeriod month(YearMonth month) {
        LocalDate start = month.atDay(1);
        int sinceStart = (month.getMonthValue() - startMonth + 12) % 12;
        return new ForecastPeriod(month.toString(), ForecastPeriod.MONTH, start, start.plusMonths(1),
                fiscalYearOf(start), sinceStart / 3 + 1);
    }

    /** The period of {@code kind} (year, quarter, month) that contains {@code date}. */
    public ForecastPeriod containing(String kind, LocalDate date) {
        ForecastPeriod month = month(YearMonth.from(date));
        return switch (kind) {
            case ForecastPeriod.YEAR -> year(month.fiscalYear());
            case ForecastPeriod.QUARTER -> quarter(month.fiscalYear(), month.quarter());
            case ForecastPeriod.MONTH -> month;
            default -> throw new IllegalArgumentException("kind must be year, quarter or month");
        };
    }

    /** The fiscal year that contains {@code date}. */
    public int fiscalYearOf(LocalDate date) {
        if (startMonth == 1) {
            return date.getYear();
        }
        return date.getMonthValue() >= startMonth ? date.getYear() + 1 : date.getYear();
    }

    /** The next smaller periods that make up {@code period}: a year's quarters, a quarter's months; none for a month. */
    public List<ForecastPeriod> children(ForecastPeriod period) {
        List<ForecastPeriod> children = new ArrayList<>();
        switch (period.kind()) {
            case ForecastPeriod.YEAR -> {
                for (int q = 1; q <= 4; q++) {
                    children.add(quarter(period.fiscalYear(), q));
                }
            }
            case ForecastPeriod.QUARTER -> {
                for (int m = 0; m < 3; m++) {
                    children.add(month(YearMonth.from(period.start().plusMonths(m))));
                }
            }
            default -> {
            }
        }
        return children;
    }

    /** The period one level up (a month's quarter, a quarter's year); null for a year. */
    public ForecastPeriod parent(ForecastPeriod period) {
        return switch (period.kind()) {
            case ForecastPeriod.MONTH -> quarter(period.fiscalYear(), period.quarter());
            case ForecastPeriod.QUARTER -> year(period.fiscalYear());
            default -> null;
        };
    }

    private static int checkYear(String digits, String text) {
        int year = Integer.parseInt(digits);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("'" + text + "': years run from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        return year;
    }
}
