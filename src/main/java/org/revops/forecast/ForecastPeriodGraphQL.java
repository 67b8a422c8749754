package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.forecast.ForecastPeriodDtos.CalendarView;
import org.revops.forecast.ForecastPeriodDtos.PeriodView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.time.LocalDate;

/** GraphQL door to the fiscal calendar. */
@RequiresScope("forecast:read")
@GraphQLApi
public class ForecastPeriodGraphQL {
    private final ForecastPeriodService periods;
    private final CurrentCaller caller;

    public ForecastPeriodGraphQL(ForecastPeriodService periods, CurrentCaller caller) {
        this.periods = periods;
        this.caller = caller;
    }

    @Query("forecastCalendar")
    @Description("A fiscal year with its quarters and months: `fiscalYear` (FY2027), else the one containing `date`, "
            + "else the current one.")
    public Uni<CalendarView> calendar(@Name("fiscalYear") String fiscalYear, @Name("date") LocalDate date) {
        return periods.year(caller.get(), fiscalYear, date);
    }

    @Query("forecastPeriod")
    public Uni<PeriodView> period(@NonNull @Name("id") String id) {
        return periods.get(caller.get(), id);
    }
}
