package org.revops.account;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.revops.account.AccountBatchDtos.ContactUpsertInput;
import org.revops.integration.BatchDtos;
import org.revops.integration.BatchResponses;
import org.revops.platform.error.Problem;
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
import org.revops.account.AccountDtos.ContactInput;
import org.revops.account.AccountDtos.ContactView;

import java.util.UUID;

@RequiresScope(read = "accounts:read", write = "accounts:write")
@Path("/api/v1/contacts")
@Tag(name = "Contacts", description = "People at accounts.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactResource {
    private final ContactService service;
    private final ContactBatchUpsert batch;
    private final CurrentCaller caller;

    public ContactResource(ContactService service, ContactBatchUpsert batch, CurrentCaller caller) {
        this.service = service;
        this.batch = batch;
        this.caller = caller;
    }

    @POST
    @Path("batch/upsert")
    @Operation(operationId = "upsertContacts", summary = "Batch upsert contacts by external id",
            description = """
                    Creates or updates up to 10,000 contacts in one transaction, each keyed by externalSource + \
                    externalId. The account is given by accountId or by its external id (accountExternalId, with \
                    accountExternalSource defaulting to the contact's externalSource); an unknown one is an error of \
                    that record. A new key is created with the rules of POST /api/v1/contacts, a known key is merged \
                    into the stored contact with the rules of PATCH (omitted fields stay). One result per record, in \
                    input order: created, updated, unchanged or error with field errors. atomic=false (default): \
                    valid records land, 200. atomic=true: any invalid record and nothing is written: 422 \
                    problem+json with every record's result. Admin and integration keys only; more than 10,000 \
                    records: 413.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ContactUpsertInput.class),
            examples = @ExampleObject(name = "a contact at an account known by its Salesforce id", value = """
                    {"records":[{"externalSource":"salesforce","externalId":"0035g00000AbC",
                      "accountExternalId":"0015g00000XyZ","name":"Grace Hopper","email":"grace@globex.example"}]}""")))
    @APIResponse(responseCode = "200", description = "Every record's result",
            content = @Content(schema = @Schema(implementation = BatchDtos.Result.class)))
    @APIResponse(responseCode = "422", description = "An atomic batch with invalid records: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = BatchDtos.Rejected.class)))
    public Uni<Response> upsert(JsonNode body) {
        return batch.upsert(caller.get(), body).map(BatchResponses::of);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listContacts", summary = "List contacts",
            description = "Contacts of the accounts the caller may see.")
    public Uni<Page<ContactView>> list(@Context UriInfo uri) {
        return service.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getContact", summary = "Get a contact", description = "The ETag header carries the version.")
    public Uni<Response> get(@Parameter(description = "Contact id") @PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createContact", summary = "Create a contact", description = "The caller must be allowed to change the account.")
    @RequestBody(required = true)
    public Uni<Response> create(@Valid ContactInput input, @Context UriInfo uri) {
        return service.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateContact", summary = "Update a contact",
            description = "JSON Merge Patch (RFC 7396) of the ContactInput fields; null clears a field.")
    @RequestBody(required = true, content = @Content(
            mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = ContactInput.class),
            examples = @ExampleObject(
                    name = "new title", value = "{\"title\":\"CFO\"}")))
    public Uni<Response> update(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return service.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteContact", summary = "Delete a contact",
            description = "Deals that name the contact as primary contact keep existing without one.")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
