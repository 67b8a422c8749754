package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.opportunity.StalledDealsDtos.StalledDealsView;
import org.revops.platform.security.CurrentCaller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Path("/api/v1/analytics/stalled")
@Tag(name = "Analytics", description = "Figures over the pipeline, computed in the database.")
@Produces(MediaType.APPLICATION_JSON)
public class StalledDealsResource {
    private final StalledDealsService stalled;
    private final CurrentCaller caller;

    public StalledDealsResource(StalledDealsService stalled, CurrentCaller caller) {
        this.stalled = stalled;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getStalledDeals", summary = "Stalled deals per owner and stage",
            description = """
                    Counts of the stalled open deals the caller may see: the total, per reason, per owner, per stage \
                    and per owner and stage. An open deal is stalled when its whole days in the current stage exceed \
                    the stage's stallAfterDays (reason `stage`), or its whole days since the last activity (else since \
                    creation) exceed the sales policy's inactivityStallDays (reason `inactivity`); whole days = \
                    floor((now - since) / 24 h). The same deals as GET /api/v1/opportunities?stalled=true&closed=false.""")
    public Uni<StalledDealsView> get(@Context UriInfo uri) {
        Map<String, List<String>> filters = new LinkedHashMap<>(uri.getQueryParameters());
        return stalled.counts(caller.get(), filters);
    }
}
