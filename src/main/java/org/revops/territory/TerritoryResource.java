package org.revops.territory;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;
import org.revops.territory.TerritoryDtos.TerritoryInput;
import org.revops.territory.TerritoryDtos.TerritoryMemberInput;
import org.revops.territory.TerritoryDtos.TerritoryMemberView;
import org.revops.territory.TerritoryDtos.TerritoryRuleInput;
import org.revops.territory.TerritoryDtos.TerritoryRuleView;
import org.revops.territory.TerritoryDtos.TerritoryView;

import java.util.UUID;

@RequiresScope(read = "territories:read", write = "territories:admin")
@Path("/api/v1/territories")
@Tag(name = "Territories", description = "The hierarchy of a territory model and who works each territory.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TerritoryResource {
    private static final String READ_RULE = " A rep reads only territories they own or are a member of (403 otherwise).";

    private final TerritoryQueries queries;
    private final TerritoryService service;
    private final TerritoryMemberService members;
    private final TerritoryRuleService rules;
    private final CurrentCaller caller;

    public TerritoryResource(TerritoryQueries queries, TerritoryService service, TerritoryMemberService members,
                             TerritoryRuleService rules, CurrentCaller caller) {
        this.queries = queries;
        this.service = service;
        this.members = members;
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listTerritories", summary = "List territories",
            description = "Territories of every model, or of the models named by modelId. A rep sees only the "
                    + "territories they own or are a member of.")
    public Uni<Page<TerritoryView>> list(@Context UriInfo uri) {
        return queries.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getTerritory", summary = "Get a territory",
            description = "The ETag header carries the version." + READ_RULE)
    public Uni<Response> get(@Parameter(description = "Territory id") @PathParam("id") UUID id) {
        return queries.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createTerritory", summary = "Create a territory",
            description = "The code defaults to the parent's code + \"/\" + the name as a slug (a root: the slug) and "
                    + "is unique in the model (409). The parent must be in the same model (422). Admins and managers; "
                    + "409 when the model is archived.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TerritoryInput.class),
            examples = @ExampleObject(name = "dach", value = "{\"modelId\":\"6f1c2a9e-8d4b-4f8a-9c3e-2b7d5e1a0f42\","
                    + "\"parentId\":\"0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a\",\"name\":\"DACH Enterprise\","
                    + "\"type\":\"segment\",\"priority\":10}")))
    public Uni<Response> create(@Valid TerritoryInput input, @Context UriInfo uri) {
        return service.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateTerritory", summary = "Update a territory",
            description = "JSON Merge Patch of the TerritoryInput fields. A new parentId moves the subtree, never under "
                    + "the territory itself or a descendant (422 \"would make a cycle\"). The code stays unless given; "
                    + "\"code\": null derives it again. The model cannot change.")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = TerritoryInput.class),
            examples = @ExampleObject(name = "move", value = "{\"parentId\":\"0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a\","
                    + "\"priority\":5}")))
    public Uni<Response> update(@Parameter(description = "Territory id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return service.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteTerritory", summary = "Delete a territory",
            description = "Deletes the territory with its members, rules and assignments; 409 while it has children.")
    public Uni<Response> delete(@Parameter(description = "Territory id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }

    @GET
    @Path("{id}/members")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listTerritoryMembers", summary = "List a territory's members",
            description = "The users working the territory and their roles." + READ_RULE)
    public Uni<Page<TerritoryMemberView>> members(@Parameter(description = "Territory id") @PathParam("id") UUID id,
                                                  @Context UriInfo uri) {
        return members.list(caller.get(), id, ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}/members/{userId}")
    @Operation(operationId = "getTerritoryMember", summary = "Get a territory member",
            description = "404 when the user is not a member." + READ_RULE)
    public Uni<TerritoryMemberView> member(@Parameter(description = "Territory id") @PathParam("id") UUID id,
                                           @Parameter(description = "User id") @PathParam("userId") UUID userId) {
        return members.get(caller.get(), id, userId);
    }

    @PUT
    @Path("{id}/members/{userId}")
    @Operation(operationId = "putTerritoryMember", summary = "Add a member or change their role",
            description = "201 when the user becomes a member, 200 when their role changes. Admins and managers; "
                    + "404 for an unknown territory or user; 409 when the model is archived; 422 for an unknown role.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TerritoryMemberInput.class),
            examples = @ExampleObject(name = "rep", value = "{\"role\":\"rep\"}")))
    public Uni<Response> putMember(@Parameter(description = "Territory id") @PathParam("id") UUID id,
                                   @Parameter(description = "User id") @PathParam("userId") UUID userId,
                                   @Valid TerritoryMemberInput input, @Context UriInfo uri) {
        return members.put(caller.get(), id, userId, input).map(result -> result.created()
                ? Response.created(uri.getAbsolutePath()).entity(result.member()).build()
                : Response.ok(result.member()).build());
    }

    @DELETE
    @Path("{id}/members/{userId}")
    @Operation(operationId = "deleteTerritoryMember", summary = "Remove a member",
            description = "404 when the user is not a member; 409 when the model is archived.")
    public Uni<Response> removeMember(@Parameter(description = "Territory id") @PathParam("id") UUID id,
                                      @Parameter(description = "User id") @PathParam("userId") UUID userId) {
        return members.remove(caller.get(), id, userId).map(done -> Responses.noContent());
    }

    @GET
    @Path("{id}/rules")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listTerritoryRules", summary = "List a territory's rules",
            description = "The territory's assignment rules, by position." + READ_RULE)
    public Uni<Page<TerritoryRuleView>> rules(@Parameter(description = "Territory id") @PathParam("id") UUID id,
                                              @Context UriInfo uri) {
        return rules.list(caller.get(), id, ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @POST
    @Path("{id}/rules")
    @Operation(operationId = "createTerritoryRule", summary = "Add a rule to a territory",
            description = "Criteria on account fields (country, region, industry, tier: in; postalCode: startsWith or "
                    + "between from/to; employeeCount, annualRevenue: between min/max) combined by an expression of "
                    + "criterion numbers with AND, OR and parentheses (default: all AND-ed). 422 lists every problem; "
                    + "409 when the model is archived. Admins and managers.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TerritoryRuleInput.class),
            examples = @ExampleObject(name = "dach", value = "{\"name\":\"DACH enterprise\",\"criteria\":["
                    + "{\"field\":\"country\",\"operator\":\"in\",\"values\":[\"DE\",\"AT\",\"CH\"]},"
                    + "{\"field\":\"employeeCount\",\"operator\":\"between\",\"min\":1000},"
                    + "{\"field\":\"industry\",\"operator\":\"in\",\"values\":[\"Manufacturing\"]}],"
                    + "\"expression\":\"1 AND (2 OR 3)\",\"inherited\":false,\"position\":0}")))
    public Uni<Response> createRule(@Parameter(description = "Territory id") @PathParam("id") UUID id,
                                    @Valid TerritoryRuleInput input, @Context UriInfo uri) {
        return rules.create(caller.get(), id, input).map(rule -> Response
                .created(uri.getBaseUriBuilder().path(TerritoryRuleResource.class).path(rule.id().toString()).build())
                .entity(rule).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(rule.version()))).build());
    }
}
