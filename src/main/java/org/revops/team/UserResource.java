package org.revops.team;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.platform.rest.Csv;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;
import org.revops.team.UserDtos.UserInput;
import org.revops.team.UserDtos.UserView;

import java.util.UUID;

@RequiresScope(read = "users:read", write = "workspace:admin")
@Path("/api/v1/users")
@Tag(name = "Users", description = "People in the workspace, their roles and reporting tree.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {
    private final UserService users;
    private final CurrentCaller caller;

    public UserResource(UserService users, CurrentCaller caller) {
        this.users = users;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listUsers", summary = "List users",
            description = "Everyone in the workspace may list users. Cursor-paginated; filters below.")
    public Uni<Page<UserView>> list(@Context UriInfo uri) {
        return users.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUser", summary = "Get a user", description = "The ETag header carries the version.")
    public Uni<Response> get(@Parameter(description = "User id") @PathParam("id") UUID id) {
        return users.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createUser", summary = "Create a user (admin)")
    @RequestBody(required = true)
    public Uni<Response> create(@Valid UserInput input, @Context UriInfo uri) {
        return users.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateUser", summary = "Update a user (admin)",
            description = "JSON Merge Patch (RFC 7396) of the UserInput fields; null clears a field.")
    @RequestBody(required = true, content = @Content(
            mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = UserInput.class),
            examples = @ExampleObject(
                    name = "promote", value = "{\"role\":\"manager\"}")))
    public Uni<Response> update(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if the user changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return users.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteUser", summary = "Delete a user (admin)",
            description = "409 while the user still owns records or manages others.")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return users.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
