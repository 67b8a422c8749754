package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.ForecastPeriodDtos.CalendarView;
import org.revops.forecast.ForecastPeriodDtos.PeriodView;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;
import org.revops.platform.workspace.Workspaces;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The workspace's fiscal calendar: periods by id, and a fiscal year laid out in quarters and months. */
@ApplicationScoped
public class ForecastPeriodService {
    private final Workspaces workspaces;
    private final Clock clock;

    public ForecastPeriodService(Workspaces workspaces, Clock clock) {
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The workspace's calendar, for periods to be read and parsed in its fiscal year. */
    public Uni<FiscalCalendar> calendar(Caller caller) {
        return workspaces.fiscalYearStartMonth(caller).map(FiscalCalendar::new);
    }

    /**
     * The fiscal year {@code yearId} ({@code FY2027}), or the one containing {@code date}, or the current one; 400
     * when the id is not a fiscal year.
     */
    public Uni<CalendarView> year(Caller caller, String yearId, LocalDate date) {
        return calendar(caller).map(calendar -> {
            ForecastPeriod year = yearId != null ? parse(calendar, yearId, "fiscalYear")
                    : calendar.containing(ForecastPeriod.YEAR, date != null ? date : today());
            if (!ForecastPeriod.YEAR.equals(year.kind())) {
                throw ApiProblem.badRequest("fiscalYear", "must be a fiscal year such as FY2027");
            }
            List<ForecastPeriod> quarters = calendar.children(year);
            return new CalendarView(calendar.startMonth(), view(calendar, year),
                    quarters.stream().map(q -> view(calendar, q)).toList(),
                    quarters.stream().flatMap(q -> calendar.children(q).stream()).map(m -> view(calendar, m)).toList());
        });
    }

    /** One period by id (400 when the id is not a period). */
    public Uni<PeriodView> get(Caller caller, String id) {
        return calendar(caller).map(calendar -> view(calendar, parse(calendar, id, "id")));
    }

    /** Parses a period id in a request body's {@code field}: 422 naming the field when it is not one. */
    public static ForecastPeriod parseField(FiscalCalendar calendar, String id, String field) {
        try {
            return calendar.parse(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(field, e.getMessage());
        }
    }

    /** Parses a period id for a request parameter {@code field}: 400 naming the field when it is not one. */
    public static ForecastPeriod parse(FiscalCalendar calendar, String id, String field) {
        try {
            return calendar.parse(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(field, e.getMessage());
        }
    }

    private PeriodView view(FiscalCalendar calendar, ForecastPeriod period) {
        ForecastPeriod parent = calendar.parent(period);
        return new PeriodView(period.id(), period.kind(), period.start(), period.lastDay(), period.fiscalYear(),
                period.quarter(), parent == null ? null : parent.id(),
                calendar.children(period).stream().map(ForecastPeriod::id).toList(), period.contains(today()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
