package org.revops.integration;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.integration.ChangeDtos.ChangePage;
import org.revops.platform.rest.QueryParams;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

/** REST door to the change feed. */
@RequiresScope("changes:read")
@Path("/api/v1/changes")
@Tag(name = "Change feed")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {
    private final ChangeFeedService feed;
    private final CurrentCaller caller;

    public ChangeFeedResource(ChangeFeedService feed, CurrentCaller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listChanges", summary = "What changed since a cursor",
            description = """
                    Every create, update and delete of accounts, contacts, leads and opportunities in the workspace, \
                    in commit order, with the changed fields. Store `nextCursor` (always present, also with no data) \
                    and pass it as `since` on the next call: a client that does so sees every change exactly once, \
                    deletes included. Only transactions that have ended are returned, so a long-running transaction \
                    holds the feed back until it ends (changes are delayed, never lost). Changes are kept for \
                    `revops.changes.retention` (30 days by default): a cursor from before the oldest kept change \
                    answers 410 — take a cursor with `since=now`, re-sync from the lists (sorted by updatedAt), then \
                    follow the feed. Keep `types` the same while following one cursor. Admin, integration and \
                    read-only keys only (reps and managers: 403); API keys with the `changes:read` scope.""")
    @APIResponse(responseCode = "200", description = "A page of changes and the next cursor",
            content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "410", description = "The cursor is older than the oldest change kept",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public Uni<ChangePage> list(
            @Context UriInfo uri,
            @Parameter(description = "A nextCursor (or a change's id) from an earlier call; absent: from the oldest "
                    + "change kept; `now`: no changes, only a cursor at the head", example = "now")
            @QueryParam("since") String since,
            @Parameter(description = "Resource types, comma-separated or repeated: account, contact, lead, "
                    + "opportunity. Default: all.", example = "opportunity,lead")
            @QueryParam("types") String types,
            @Parameter(description = "At most this many changes (1-1000, default 100)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
            @QueryParam("limit") String limit) {
        QueryParams q = QueryParams.of(uri, "since", "types", "limit");
        String from = q.text("since");
        Integer size = q.integer("limit");
        q.check();
        return feed.read(caller.get(), from, q.texts("types"), size);
    }
}
