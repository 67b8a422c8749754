package org.revops.forecast;

import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

public final class ForecastPeriodDtos {
    private ForecastPeriodDtos() {
    }

    @Schema(name = "ForecastPeriod", description = "A fiscal year, fiscal quarter or calendar month of the workspace.")
    @Type("ForecastPeriod")
    public record PeriodView(
            @Schema(example = "2027-Q1", description = "FY2027, 2027-Q1 (fiscal) or 2026-11 (calendar month)") String id,
            @Schema(enumeration = {"year", "quarter", "month"}) String kind,
            @Schema(description = "First day") LocalDate startDate,
            @Schema(description = "Last day (inclusive)") LocalDate endDate,
            int fiscalYear,
            @Schema(description = "Fiscal quarter 1-4 of a quarter or month; null for a year") Integer quarter,
            @Schema(description = "The period one level up; null for a year") String parentId,
            @Schema(description = "The periods one level down, in order") List<String> childIds,
            @Schema(description = "Whether today (UTC) is in the period") boolean current) {
    }

    @Schema(name = "ForecastCalendar", description = "One fiscal year with its quarters and months.")
    @Type("ForecastCalendar")
    public record CalendarView(int fiscalYearStartMonth, PeriodView year, List<PeriodView> quarters,
                               List<PeriodView> months) {
    }
}
