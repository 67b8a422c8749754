package org.revops.lead;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** What a conversion fills in when the request leaves it out: the deal's close date and name, the contact's name. */
public final class ConversionDefaults {
    private ConversionDefaults() {
    }

    /**
     * The expected close date from the lead's buying timeline, counted from {@code today}:
     * <pre>
     *   now          today + 30 days
     *   this-quarter the last day of today's calendar quarter
     *   next-quarter the last day of the next calendar quarter
     *   this-year    31 December of today's year
     *   later, null  today + 90 days
     * </pre>
     */
    public static LocalDate closeDate(String timeline, LocalDate today) {
        if (timeline == null) {
            return today.plusDays(90);
        }
        return switch (timeline) {
            case "now" -> today.plusDays(30);
            case "this-quarter" -> quarterEnd(today);
            case "next-quarter" -> quarterEnd(quarterEnd(today).plusDays(1));
            case "this-year" -> today.with(TemporalAdjusters.lastDayOfYear());
            default -> today.plusDays(90);
        };
    }

    private static LocalDate quarterEnd(LocalDate day) {
        int lastMonth = ((day.getMonthValue() - 1) / 3) * 3 + 3;
        return day.withDayOfMonth(1).withMonth(lastMonth).with(TemporalAdjusters.lastDayOfMonth());
    }

    /** "First Last", whichever parts exist, at most 200 characters; null when the lead names no person. */
    public static String personName(String firstName, String lastName) {
        String name = ((firstName == null ? "" : firstName.trim()) + " " + (lastName == null ? "" : lastName.trim()))
                .trim();
        return name.isEmpty() ? null : name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** "&lt;company, else the person's name, else the email&gt; - &lt;channel&gt;", at most 200 characters. */
    public static String opportunityName(String company, String firstName, String lastName, String email,
                                         String source) {
        String who = company != null && !company.isBlank() ? company.trim()
                : personName(firstName, lastName) != null ? personName(firstName, lastName) : email;
        String name = who + " - " + source;
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
