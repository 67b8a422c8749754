package org.revops.territory;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.territory.CoverageDtos.CoverageGroupBy;
import org.revops.territory.CoverageDtos.CoverageView;

import java.time.LocalDate;
import java.util.UUID;

/**
 * GraphQL door to the coverage report: the same service method and figures as GET /api/v1/analytics/coverage.
 * Reads through the reactive client only, so no Hibernate session is needed.
 */
@RequiresScope("analytics:read")
@GraphQLApi
public class CoverageGraphQL {
    private final CoverageService coverage;
    private final CurrentCaller caller;

    public CoverageGraphQL(CoverageService coverage, CurrentCaller caller) {
        this.coverage = coverage;
        this.caller = caller;
    }

    @Query("coverage")
    @Description("""
            Coverage and white space by territory (default; the active model unless modelId is given), industry or \
            region: accounts, accounts with open pipeline, open deals and amount, deals won in [wonFrom, wonTo] \
            (default: the current quarter) and amount, reps, and accounts untouched for untouchedDays (default 90) \
            with their share. The same rows, figures and definitions as GET /api/v1/analytics/coverage.""")
    public Uni<CoverageView> coverage(@Name("groupBy") CoverageGroupBy groupBy, @Name("modelId") UUID modelId,
                                      @Name("untouchedDays") Integer untouchedDays,
                                      @Name("wonFrom") LocalDate wonFrom, @Name("wonTo") LocalDate wonTo) {
        return coverage.coverage(caller.get(), groupBy, modelId, untouchedDays, wonFrom, wonTo);
    }
}
