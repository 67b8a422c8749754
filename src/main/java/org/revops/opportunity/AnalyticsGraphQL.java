package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.opportunity.AnalyticsDtos.FunnelFilter;
import org.revops.opportunity.AnalyticsDtos.FunnelView;
import org.revops.opportunity.AnalyticsDtos.WinLossGroupBy;
import org.revops.opportunity.AnalyticsDtos.WinLossView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.time.LocalDate;

/**
 * GraphQL door to the analytics: the same service methods and figures as GET /api/v1/analytics/funnel and
 * /win-loss. Reads through the reactive client only, so no Hibernate session is needed.
 */
@RequiresScope("analytics:read")
@GraphQLApi
public class AnalyticsGraphQL {
    private final AnalyticsService analytics;
    private final CurrentCaller caller;

    public AnalyticsGraphQL(AnalyticsService analytics, CurrentCaller caller) {
        this.analytics = analytics;
        this.caller = caller;
    }

    @Query("funnel")
    @Description("""
            Funnel of a pipeline over the deals the caller may see: per step (open stages by position, then won) the \
            deals that reached it, those now in it and conversionToNext = reached(next) / reached(this); win rate, \
            sales cycle (average, median), average won amount, pipeline velocity and the largest drop. The same \
            figures and definitions as GET /api/v1/analytics/funnel.""")
    public Uni<FunnelView> funnel(@NonNull @Name("filter") FunnelFilter filter) {
        return analytics.funnel(caller.get(), filter);
    }

    @Query("winLoss")
    @Description("""
            Won and lost deals closed in [from, to) (UTC days; default: the 90 days up to today), by close reason \
            (default), competitor, owner or source. The same figures as GET /api/v1/analytics/win-loss.""")
    public Uni<WinLossView> winLoss(@Name("from") LocalDate from, @Name("to") LocalDate to,
                                    @Name("groupBy") WinLossGroupBy groupBy) {
        return analytics.winLoss(caller.get(), from, to, groupBy);
    }
}
