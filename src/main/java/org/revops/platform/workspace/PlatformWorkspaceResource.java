package org.revops.platform.workspace;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.rest.Csv;
import org.revops.platform.security.PlatformOnly;
import org.revops.platform.paging.Page;
import org.revops.platform.workspace.PlatformDtos.NewWorkspace;
import org.revops.platform.workspace.PlatformDtos.PlatformWorkspaceView;
import org.revops.platform.workspace.PlatformDtos.Suspension;

import java.util.UUID;

@Path("/api/v1/platform/workspaces")
@PlatformOnly
@Tag(name = "Platform", description = "Provisioning for the service operator, with the platform-admin credential "
        + "(REVOPS_PLATFORM_ADMIN_TOKEN) as the bearer token. Workspace keys get 403 here.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlatformWorkspaceResource {
    private final PlatformWorkspaces workspaces;
    private final SecurityIdentity identity;

    public PlatformWorkspaceResource(PlatformWorkspaces workspaces, SecurityIdentity identity) {
        this.workspaces = workspaces;
        this.identity = identity;
    }

    @POST
    @Operation(operationId = "provisionWorkspace", summary = "Create a workspace with its first admin (platform admin)",
            description = "One transaction: the workspace, its admin user and an admin API key, whose secret `apiKey` "
                    + "is in this response only.")
    public Uni<Response> create(NewWorkspace input, @Context UriInfo uri) {
        return workspaces.create(identity, input).map(made -> Response
                .created(uri.getAbsolutePathBuilder().path(made.workspace().id().toString()).build())
                .entity(made).build());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listPlatformWorkspaces", summary = "List every workspace (platform admin)")
    public Uni<Page<PlatformWorkspaceView>> list(@Context UriInfo uri) {
        return workspaces.list(identity, ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPlatformWorkspace", summary = "Get a workspace (platform admin)")
    public Uni<PlatformWorkspaceView> get(@PathParam("id") UUID id) {
        return workspaces.get(identity, id);
    }

    @POST
    @Path("{id}/suspend")
    @Operation(operationId = "suspendWorkspace", summary = "Suspend a workspace (platform admin)",
            description = "Every key and token of the workspace is answered 403 `workspace-suspended`, with the "
                    + "reason, from its next request until the workspace is resumed. Nothing is deleted.")
    public Uni<PlatformWorkspaceView> suspend(@PathParam("id") UUID id, Suspension suspension) {
        return workspaces.suspend(identity, id, suspension);
    }

    @POST
    @Path("{id}/resume")
    @Operation(operationId = "resumeWorkspace", summary = "Lift a workspace's suspension (platform admin)")
    public Uni<PlatformWorkspaceView> resume(@PathParam("id") UUID id) {
        return workspaces.resume(identity, id);
    }
}
