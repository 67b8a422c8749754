package org.revops.lead;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.revops.lead.LeadSourceDtos.LeadSourcesView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.time.LocalDate;

/** GraphQL door to the lead-source report: the same figures as GET /api/v1/analytics/lead-sources. */
@RequiresScope("analytics:read")
@GraphQLApi
public class LeadSourceGraphQL {
    private final LeadSourceService sources;
    private final CurrentCaller caller;

    public LeadSourceGraphQL(LeadSourceService sources, CurrentCaller caller) {
        this.sources = sources;
        this.caller = caller;
    }

    @Query("leadSources")
    @Description("""
            Leads created in [from, to) (UTC days; default: the 90 days up to today) per channel and campaign: leads, \
            qualified, converted, won deals and revenue, conversion rate, average days to convert.""")
    public Uni<LeadSourcesView> leadSources(@Name("from") LocalDate from, @Name("to") LocalDate to) {
        return sources.report(caller.get(), from, to);
    }
}
