package org.revops.platform.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
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
import org.revops.platform.workspace.WorkspaceDtos.WorkspaceInput;
import org.revops.platform.write.Versions;

@RequiresScope(read = "workspace:read", write = "workspace:admin")
@Path("/api/v1/workspace")
@Tag(name = "Workspace", description = "The caller's workspace: name, currency, fiscal year.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkspaceResource {
    private final WorkspaceSettings settings;
    private final CurrentCaller caller;

    public WorkspaceResource(WorkspaceSettings settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getWorkspace", summary = "Get the workspace",
            description = "Readable by every key of the workspace. The ETag header carries the version.")
    public Uni<Response> get() {
        return settings.get(caller.get()).map(Responses::ok);
    }

    @PATCH
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateWorkspace", summary = "Update the workspace (admin)",
            description = "JSON Merge Patch of name and fiscalYearStartMonth. The currency is fixed (422).")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = WorkspaceInput.class),
            examples = @ExampleObject(name = "February fiscal year", value = "{\"fiscalYearStartMonth\":2}")))
    public Uni<Response> update(@Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return settings.update(caller.get(), Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }
}
