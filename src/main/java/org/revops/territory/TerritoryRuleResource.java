package org.revops.territory;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;
import org.revops.territory.TerritoryDtos.TerritoryRuleInput;

import java.util.UUID;

/** A rule by its own id; a territory's rules are listed and added under /api/v1/territories/{id}/rules. */
@RequiresScope(read = "territories:read", write = "territories:admin")
@Path("/api/v1/territory-rules")
@Tag(name = "Territories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TerritoryRuleResource {
    private final TerritoryRuleService rules;
    private final CurrentCaller caller;

    public TerritoryRuleResource(TerritoryRuleService rules, CurrentCaller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTerritoryRule", summary = "Get a territory rule",
            description = "The ETag header carries the version. A rep reads only the rules of territories they own or "
                    + "are a member of (403 otherwise).")
    public Uni<Response> get(@Parameter(description = "Territory rule id") @PathParam("id") UUID id) {
        return rules.get(caller.get(), id).map(Responses::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateTerritoryRule", summary = "Update a territory rule",
            description = "JSON Merge Patch of the TerritoryRuleInput fields; the rule is compiled again as a whole "
                    + "(422 lists every problem). criteria is replaced as a list; \"expression\": null goes back to "
                    + "all criteria AND-ed, and a rule with that default keeps it when only its criteria change.")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = TerritoryRuleInput.class),
            examples = @ExampleObject(name = "widen", value = "{\"expression\":\"1 OR 2 OR 3\",\"position\":2}")))
    public Uni<Response> update(@Parameter(description = "Territory rule id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return rules.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteTerritoryRule", summary = "Delete a territory rule",
            description = "409 when the model is archived.")
    public Uni<Response> delete(@Parameter(description = "Territory rule id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return rules.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
