package org.revops.forecast;

import org.revops.platform.error.ApiProblem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The day a point-in-time roll-up is rebuilt for. The pipeline "as of" a day is the pipeline at the END of that day in
 * UTC: every history row changed before the next midnight counts. A day that has not ended yet (today, the future)
 * is served from the live tables, so {@link #parse} answers null for it.
 */
final class PointInTime {
    private PointInTime() {
    }

    /** The requested past day; null when absent, today or later (live); 400 naming {@code field} when not a date. */
    static LocalDate parse(String text, Clock clock, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, "must be a date such as 2026-10-15");
        }
        return day.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC))) ? day : null;
    }

    /** Earlier days all give the empty pipeline; clamping keeps far-off years (-5000000-01-01) inside timestamptz. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** The first instant after {@code day} (UTC): rows changed strictly before it are the day's state. */
    static OffsetDateTime endOf(LocalDate day) {
        LocalDate from = day.isBefore(EARLIEST) ? EARLIEST : day;
        return from.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
