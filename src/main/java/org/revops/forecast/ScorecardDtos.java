package org.revops.forecast;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.forecast.ForecastDtos.FiguresView;
import org.revops.forecast.ForecastDtos.PeriodRef;
import org.revops.forecast.ForecastDtos.ScopeView;
import org.revops.opportunity.ActivityAnalyticsDtos.ActivityAnalyticsView;

import java.math.BigDecimal;

public final class ScorecardDtos {
    private ScorecardDtos() {
    }

    @Schema(description = "Deals of the scope closed in the period (by close date): won ÷ (won + lost).")
    public record WinRateView(int won, int lost, BigDecimal winRate) {
    }

    @Schema(description = "Open deals of the scope that are stalled now (see GET /api/v1/analytics/stalled).")
    public record StalledView(int total, int inStage, int inactive) {
    }

    @Schema(description = "A rep's or a team's period on one page: the forecast against quota (quota, attainment, gap, "
            + "coverage and the categories are in `forecast`), win rate, the user's own activity against their "
            + "monthly targets (the current month when the period holds today, else the period's last month), "
            + "follow-ups overdue now and stalled deals.")
    public record ScorecardView(@NonNull PeriodRef period, @NonNull ScopeView scope, @NonNull String currency,
                                @NonNull FiguresView forecast, @NonNull WinRateView winRate,
                                @NonNull ActivityAnalyticsView activity, int overdueFollowUps,
                                @NonNull StalledView stalledDeals) {
    }
}
