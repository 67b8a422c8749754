package org.revops.lead;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.lead.RoutingDtos.BatchInput;
import org.revops.lead.RoutingDtos.BatchResult;
import org.revops.lead.RoutingDtos.QueuedLead;
import org.revops.lead.RoutingDtos.RoutingView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.UUID;

@RequiresScope(read = "leads:read", write = "leads:write")
@Path("/api/v1/leads")
@Tag(name = "Lead routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutingResource {
    static final String HOW = """
             Pools: the rep members (member role rep, user role rep) of the lead's territory in the active model; when \
            none of them is eligible, those of its parent, and so on up to the root. Without an active territory \
            model, or for a lead without a territory in it, the workspace pool: every rep whose routing settings were \
            saved. A rep is eligible unless they opted out or reached their capacity (leads routed to them in the last \
            30 days). Of the eligible reps of the first pool that has any, the lead goes to the one whose load after \
            taking it, (routed + 1) / capacity, is lowest; on a tie to the one routed to least recently, then the \
            lowest user id: a round robin weighted by capacity. Each decision is a routing event with its rule and \
            reason; a lead nobody can take stays unowned, in the queue (GET /api/v1/leads/queue).""";

    private final RoutingService routing;
    private final CurrentCaller caller;

    public RoutingResource(RoutingService routing, CurrentCaller caller) {
        this.routing = routing;
        this.caller = caller;
    }

    @POST
    @Path("{id}/route")
    @Operation(operationId = "routeLead", summary = "Route a lead to a rep", description = """
            Gives an unowned, open lead an owner by the routing rules, or records why nobody could take it (then \
            `ownerId` is null, `rule` is `unroutable` and the lead stays in the queue). Admins, managers and \
            integration keys; reps and read-only keys get 403. 404 when the caller cannot see the lead; 409 when it \
            already has an owner or is converted or disqualified.""" + HOW)
    public Uni<RoutingView> route(@Parameter(description = "Lead id") @PathParam("id") UUID id) {
        return routing.route(caller.get(), id);
    }

    @POST
    @Path("route")
    @Operation(operationId = "routeLeads", summary = "Route a batch of leads, or the queue", description = """
            Routes the listed leads (1-1000; those owned, converted, disqualified or unknown are skipped and listed) \
            or, without `leadIds`, up to `limit` leads of the queue (default 100, at most 1000): never-tried leads \
            first, then those tried longest ago, so repeated calls work through the whole queue; leads another batch \
            is routing at the same moment are left to it. One transaction; reps share one load across the batch. \
            Admins, managers and integration keys (403 otherwise); 422 for more than 1000 ids or both `leadIds` and \
            `limit`.""" + HOW)
    @RequestBody(content = @Content(schema = @Schema(implementation = BatchInput.class), examples = {
            @ExampleObject(name = "queue", value = "{\"limit\":200}"),
            @ExampleObject(name = "listed", value = "{\"leadIds\":[\"6d2f1c9e-0b8a-4e57-9a3d-2c1b0a9f8e7d\"]}")}))
    public Uni<BatchResult> routeBatch(@Valid BatchInput input) {
        return routing.routeBatch(caller.get(), input);
    }

    @GET
    @Path("queue")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listLeadQueue", summary = "List the lead queue", description = """
            Unowned, open leads (not converted or disqualified), oldest first, each with the latest routing attempt: \
            its rule and reason (why nobody could take it) and when; null when routing never tried. Admins, managers, \
            integration and read-only keys; reps get 403 (they see only their own leads). Cursor-paginated; CSV with \
            Accept: text/csv.""")
    public Uni<Page<QueuedLead>> queue(@Context UriInfo uri) {
        return routing.queue(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}/routing")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "getLeadRouting", summary = "Routing history of a lead", description = """
            Every routing decision about the lead, oldest first: owner (null when unroutable), the lead's territory, \
            the territory whose reps supplied the owner, rule, reason, trigger, when and by whom. The whole history in \
            one page; CSV with Accept: text/csv. 404 when the caller cannot see the lead.""")
    public Uni<Page<RoutingView>> history(@Parameter(description = "Lead id") @PathParam("id") UUID id) {
        return routing.history(caller.get(), id).map(decisions -> new Page<>(decisions, null));
    }
}
