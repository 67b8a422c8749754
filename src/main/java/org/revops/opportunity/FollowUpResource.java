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
import org.revops.platform.rest.Csv;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

@RequiresScope("activities:read")
@Path("/api/v1/follow-ups")
@Tag(name = "Opportunities")
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {
    private final FollowUpService followUps;
    private final CurrentCaller caller;

    public FollowUpResource(FollowUpService followUps, CurrentCaller caller) {
        this.followUps = followUps;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listFollowUps", summary = "The follow-up queue",
            description = "Open deals the caller may see (a rep their own, a manager their team's, others the whole "
                    + "workspace), most urgent first: nextFollowUpAt ascending, then id. nextFollowUpAt = (lastActivityAt, "
                    + "else createdAt) + cadenceDays of the deal's effective grade (see GET /api/v1/sales-policy), so "
                    + "logging an activity moves it forward. Items are opportunities.")
    public Uni<Page<OpportunityView>> list(@Context UriInfo uri) {
        return followUps.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }
}
