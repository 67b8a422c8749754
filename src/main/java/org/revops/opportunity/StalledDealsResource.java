package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.opportunity.StalledDealsDtos.ReasonCounts;
import org.revops.opportunity.StalledDealsDtos.StalledDealsView;
import org.revops.platform.rest.Csv;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RequiresScope("analytics:read")
@Path("/api/v1/analytics/stalled")
@Tag(name = "Analytics", description = "Figures over the pipeline, computed in the database.")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class StalledDealsResource {
    /** As CSV: one record per group of every grouping, the total first; what a group is not keyed by is empty. */
    static final List<Csv.Column<Group>> CSV = List.of(
            Csv.column("group", Group::group), Csv.column("ownerId", Group::ownerId),
            Csv.column("ownerName", Group::ownerName), Csv.column("pipelineId", Group::pipelineId),
            Csv.column("stageId", Group::stageId), Csv.column("stageName", Group::stageName),
            Csv.column("count", Group::count), Csv.column("reasons.stage", g -> g.reasons().stage()),
            Csv.column("reasons.inactivity", g -> g.reasons().inactivity()), Csv.column("asOf", Group::asOf));

    /** One group of the report, whichever grouping it belongs to. */
    record Group(String group, UUID ownerId, String ownerName, UUID pipelineId, UUID stageId, String stageName,
                 int count, ReasonCounts reasons, OffsetDateTime asOf) {
    }

    static List<Group> groups(StalledDealsView view) {
        List<Group> groups = new ArrayList<>();
        OffsetDateTime asOf = view.asOf();
        groups.add(new Group("total", null, null, null, null, null, view.total(), view.reasons(), asOf));
        view.byOwner().forEach(g -> groups.add(new Group("owner", g.ownerId(), g.ownerName(), null, null, null,
                g.count(), g.reasons(), asOf)));
        view.byStage().forEach(g -> groups.add(new Group("stage", null, null, g.pipelineId(), g.stageId(),
                g.stageName(), g.count(), g.reasons(), asOf)));
        view.byOwnerAndStage().forEach(g -> groups.add(new Group("ownerAndStage", g.ownerId(), g.ownerName(),
                g.pipelineId(), g.stageId(), g.stageName(), g.count(), g.reasons(), asOf)));
        return groups;
    }

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
                    floor((now - since) / 24 h). The same deals as GET /api/v1/opportunities?stalled=true&closed=false.

                    With `Accept: text/csv`: one CSV record per group (group, ownerId, ownerName, pipelineId, \
                    stageId, stageName, count, reasons.stage, reasons.inactivity, asOf): first `total`, then each \
                    `owner`, `stage` and `ownerAndStage` group in the order of byOwner, byStage and byOwnerAndStage; \
                    the fields a group is not keyed by are empty.""")
    @APIResponse(responseCode = "200", description = "The counts", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StalledDealsView.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> get(@Context UriInfo uri, @Context HttpHeaders headers) {
        Map<String, List<String>> filters = new LinkedHashMap<>(uri.getQueryParameters());
        boolean csv = Csv.requested(headers);
        return stalled.counts(caller.get(), filters).map(view -> csv
                ? Csv.ok(CSV, groups(view), "stalled.csv")
                : Response.ok(view, MediaType.APPLICATION_JSON_TYPE).build());
    }
}
