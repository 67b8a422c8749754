package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.forecast.ForecastDtos.FiguresView;
import org.revops.forecast.ForecastDtos.PeriodRef;
import org.revops.forecast.ForecastDtos.ScopeView;
import org.revops.forecast.ForecastService.Breakdown;
import org.revops.forecast.ScorecardDtos.ScorecardView;
import org.revops.forecast.ScorecardDtos.StalledView;
import org.revops.forecast.ScorecardDtos.WinRateView;
import org.revops.opportunity.ActivityAnalyticsService;
import org.revops.opportunity.FollowUpService;
import org.revops.opportunity.StalledDealsService;
import org.revops.platform.db.Db;
import org.revops.platform.security.Caller;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The scorecard: one call for a rep's or a team's period, composed from the services that own each number (the
 * forecast roll-up, activity analytics, the follow-up queue, stalled deals), so it never disagrees with them.
 */
@ApplicationScoped
public class ScorecardService {
    static final String WIN_RATE = """
            SELECT (count(*) FILTER (WHERE s.is_won))::int AS won, (count(*) FILTER (WHERE NOT s.is_won))::int AS lost
            FROM opportunities o JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
            WHERE o.workspace_id = $1 AND s.is_closed AND o.close_date >= $2 AND o.close_date < $3
              AND o.owner_id = ANY($4)""";

    private final Db db;
    private final ForecastService forecasts;
    private final ActivityAnalyticsService activity;
    private final FollowUpService followUps;
    private final StalledDealsService stalled;
    private final Clock clock;

    public ScorecardService(Db db, ForecastService forecasts, ActivityAnalyticsService activity,
                            FollowUpService followUps, StalledDealsService stalled, Clock clock) {
        this.db = db;
        this.forecasts = forecasts;
        this.activity = activity;
        this.followUps = followUps;
        this.stalled = stalled;
        this.clock = clock;
    }

    /**
     * The scorecard of {@code userId} (default: the caller) and the team below them for {@code periodId} (default: the
     * current fiscal quarter). Same access as the roll-up: a rep their own, a manager their team's, other keys anyone.
     */
    public Uni<ScorecardView> scorecard(Caller caller, UUID userId, String periodId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Uni<String> period = periodId != null ? Uni.createFrom().item(periodId)
                : forecasts.settings(caller).map(s -> s.calendar().containing(ForecastPeriod.QUARTER, today).id());
        String scope = "user:" + (userId != null ? userId : caller.userId());
        return period.flatMap(id -> forecasts.book(caller, id, scope, EnumSet.noneOf(Breakdown.class)))
                .flatMap(book -> {
                    UUID user = book.scope().id();
                    List<UUID> team = book.userTree().subtree(user);
                    ForecastPeriod p = book.period();
                    YearMonth month = YearMonth.from(p.contains(today) ? today : p.lastDay());
                    Uni<Row> winRate = db.query(WIN_RATE, Tuple.of(caller.workspaceId(), p.start(), p.end(),
                            team.toArray(UUID[]::new))).map(rows -> rows.iterator().next());
                    Map<String, List<String>> owners = Map.of("ownerId", team.stream().map(UUID::toString).toList());
                    return Uni.combine().all().unis(winRate, activity.activity(caller, user, month.toString()),
                                    followUps.overdueCount(caller, team), stalled.counts(caller, owners))
                            .asTuple().map(t -> {
                                int won = t.getItem1().getInteger("won");
                                int lost = t.getItem1().getInteger("lost");
                                BigDecimal rate = won + lost == 0 ? null : BigDecimal.valueOf(won)
                                        .divide(BigDecimal.valueOf(won + lost), 4, RoundingMode.HALF_EVEN);
                                return new ScorecardView(PeriodRef.of(p), new ScopeView("user", user.toString(),
                                        book.scopeName()), book.currency(), FiguresView.of(book.total()),
                                        new WinRateView(won, lost, rate), t.getItem2(), t.getItem3(),
                                        new StalledView(t.getItem4().total(), t.getItem4().reasons().stage(),
                                                t.getItem4().reasons().inactivity()));
                            });
                });
    }
}
