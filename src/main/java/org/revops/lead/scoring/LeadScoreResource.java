package org.revops.lead.scoring;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.lead.scoring.ScoringDtos.LeadScoreView;
import org.revops.lead.scoring.ScoringDtos.ScoreResultView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.UUID;

/** A lead's rule score: score it now, read its history. */
@RequiresScope(read = "leads:read", write = "leads:write")
@Path("/api/v1/leads")
@Tag(name = "Lead scoring")
@Produces(MediaType.APPLICATION_JSON)
public class LeadScoreResource {
    private final LeadScoring scoring;
    private final LeadScoreHistory history;
    private final CurrentCaller caller;

    public LeadScoreResource(LeadScoring scoring, LeadScoreHistory history, CurrentCaller caller) {
        this.scoring = scoring;
        this.history = history;
        this.caller = caller;
    }

    @POST
    @Path("{id}/score")
    @Operation(operationId = "scoreLead", summary = "Score a lead now",
            description = "Scores the lead with the published model (leads are also scored on every create and "
                    + "change, and when a model is published) and writes a history row (cause demand) when its score "
                    + "or grade changed. 409 without a published model, and for converted or disqualified leads. "
                    + "Any lead the caller may read (a rep: their own); not read-only keys. No body.")
    public Uni<ScoreResultView> score(@Parameter(description = "Lead id") @PathParam("id") UUID id) {
        return scoring.scoreNow(caller.get(), id);
    }

    @GET
    @Path("{id}/scores")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listLeadScores", summary = "List a lead's score history",
            description = "One entry per change of the lead's rule score or grade, newest first: the model and its "
                    + "version, score, grade, reasons, the previous values and the cause (publish, write, demand). "
                    + "Readable with the lead.")
    public Uni<Page<LeadScoreView>> scores(@Parameter(description = "Lead id") @PathParam("id") UUID id,
                                           @Context UriInfo uri) {
        return history.list(caller.get(), id, ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }
}
