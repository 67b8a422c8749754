package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.forecast.ForecastPeriodDtos.CalendarView;
import org.revops.forecast.ForecastPeriodDtos.PeriodView;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

@RequiresScope("forecast:read")
@Path("/api/v1/forecast-periods")
@Tag(name = "Forecast periods", description = "The workspace's fiscal calendar: years, quarters, months.")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastPeriodResource {
    private final ForecastPeriodService periods;
    private final CurrentCaller caller;

    public ForecastPeriodResource(ForecastPeriodService periods, CurrentCaller caller) {
        this.periods = periods;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getForecastCalendar", summary = "A fiscal year's calendar",
            description = "The fiscal year with its four quarters and twelve months (first and last day each). Fiscal "
                    + "years start in the workspace's fiscalYearStartMonth (GET /api/v1/workspace) and are named after "
                    + "the calendar year they end in; quarters count from the fiscal year's start; months are "
                    + "calendar months. Without parameters: the current fiscal year.")
    public Uni<CalendarView> calendar(
            @Parameter(description = "Fiscal year, e.g. FY2027") @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "A date (YYYY-MM-DD): the fiscal year containing it") @QueryParam("date") String date) {
        return periods.year(caller.get(), fiscalYear, parseDate(date));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getForecastPeriod", summary = "One period",
            description = "FY2027 (fiscal year), 2027-Q1 (fiscal quarter) or 2026-11 (calendar month), with its dates, "
                    + "parent and children; 400 for anything else.")
    public Uni<PeriodView> get(@Parameter(description = "Period id") @PathParam("id") String id) {
        return periods.get(caller.get(), id);
    }

    private static LocalDate parseDate(String date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("date", "must be a date (YYYY-MM-DD)");
        }
    }
}
