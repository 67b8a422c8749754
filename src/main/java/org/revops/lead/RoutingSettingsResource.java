package org.revops.lead;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.lead.RoutingDtos.SettingsInput;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

@RequiresScope("leads:admin")
@Path("/api/v1/users/{id}/lead-routing")
@Tag(name = "Lead routing", description = "Who gets new leads: rep capacity and opt-out, routing, the queue.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoutingSettingsResource {
    private final RoutingSettingsService settings;
    private final CurrentCaller caller;

    public RoutingSettingsResource(RoutingSettingsService settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getLeadRoutingSettings", summary = "Get a rep's lead routing settings", description = """
            Capacity (most leads routed per 30 days), opt-out, and the rep's load: leads routed to them in the last \
            30 days. Never-saved settings show the defaults with `saved: false` and version 0. A rep reads only their \
            own (403). The ETag header carries the version.""")
    public Uni<Response> get(@Parameter(description = "User id") @PathParam("id") UUID id) {
        return settings.get(caller.get(), id).map(view -> Responses.ok(view, view.version()));
    }

    @PUT
    @Operation(operationId = "putLeadRoutingSettings", summary = "Save a rep's lead routing settings", description = """
            Fields left out keep their value (first save: the default capacity, opted in). Admins set anyone's, \
            managers those of their reporting subtree; a rep may only opt themselves out or back in (403 for their \
            capacity or anyone else's settings); integration and read-only keys may not (403). 404 for an unknown \
            user, 422 when the user is not a rep or the capacity is outside 0-100000, 412 when If-Match is stale \
            (version 0 before the first save). Saved settings also put the rep in the workspace pool, which routing \
            uses without an active territory model or for leads without a territory.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SettingsInput.class),
            examples = {@ExampleObject(name = "capacity", value = "{\"capacity\":40}"),
                    @ExampleObject(name = "opt out", value = "{\"optedOut\":true}")}))
    public Uni<Response> put(@Parameter(description = "User id") @PathParam("id") UUID id,
                             @Parameter(description = "ETag from a read; 412 if the settings changed since")
                             @HeaderParam("If-Match") String ifMatch,
                             @Valid SettingsInput input) {
        return settings.put(caller.get(), id, Versions.parseIfMatch(ifMatch), input)
                .map(view -> Responses.ok(view, view.version()));
    }
}
