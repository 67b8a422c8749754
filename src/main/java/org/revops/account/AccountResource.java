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
import org.revops.account.AccountBatchDtos.AccountUpsertInput;
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
import org.revops.account.AccountDtos.AccountInput;
import org.revops.account.AccountDtos.AccountView;

import java.util.UUID;

@RequiresScope(read = "accounts:read", write = "accounts:write")
@Path("/api/v1/accounts")
@Tag(name = "Accounts", description = "Customers and prospects: firmographics, tier, owner.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final AccountService service;
    private final AccountBatchUpsert batch;
    private final CurrentCaller caller;

    public AccountResource(AccountService service, AccountBatchUpsert batch, CurrentCaller caller) {
        this.service = service;
        this.batch = batch;
        this.caller = caller;
    }

    @POST
    @Path("batch/upsert")
    @Operation(operationId = "upsertAccounts", summary = "Batch upsert accounts by external id",
            description = """
                    Creates or updates up to 10,000 accounts in one transaction, each keyed by externalSource + \
                    externalId. A new key is created with the rules of POST /api/v1/accounts (owner: the given one, \
                    by ownerId or ownerEmail, else the caller), a known key is merged into the stored account with the \
                    rules of PATCH (omitted fields stay). Written accounts are assigned to the active territory \
                    model. One result per record, in input order: created, updated, unchanged (stored exactly so \
                    already: not written) or error with field errors; a key repeated in the batch is an error from its \
                    second record on. atomic=false (default): valid records land, 200. atomic=true: any invalid \
                    record and nothing is written: 422 problem+json with every record's result (valid ones \
                    `not-applied`). Admin and integration keys only; more than 10,000 records: 413.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AccountUpsertInput.class),
            examples = @ExampleObject(name = "two accounts from Salesforce", value = """
                    {"atomic":false,"records":[
                      {"externalSource":"salesforce","externalId":"0015g00000XyZ","name":"Globex GmbH","country":"DE",
                       "region":"EMEA","industry":"Manufacturing","employeeCount":1200,"ownerEmail":"ann@example.com"},
                      {"externalSource":"salesforce","externalId":"0015g00000XzA","tier":"A"}]}""")))
    @APIResponse(responseCode = "200", description = "Every record's result",
            content = @Content(schema = @Schema(implementation = BatchDtos.Result.class)))
    @APIResponse(responseCode = "422", description = "An atomic batch with invalid records: nothing written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = BatchDtos.Rejected.class)))
    public Uni<Response> upsert(JsonNode body) {
        return batch.upsert(caller.get(), body).map(BatchResponses::of);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listAccounts", summary = "List accounts",
            description = "Accounts the caller may see: their own (a manager: the team's) and those of deals they work; the whole workspace for admin, integration and read-only keys.")
    public Uni<Page<AccountView>> list(@Context UriInfo uri) {
        return service.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAccount", summary = "Get an account", description = "The ETag header carries the version.")
    public Uni<Response> get(@Parameter(description = "Account id") @PathParam("id") UUID id) {
        return service.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createAccount", summary = "Create an account", description = "The owner defaults to the caller; a rep may only create records they own, a manager for their team.")
    @RequestBody(required = true)
    public Uni<Response> create(@Valid AccountInput input, @Context UriInfo uri) {
        return service.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateAccount", summary = "Update an account",
            description = "JSON Merge Patch (RFC 7396) of the AccountInput fields; null clears a field.")
    @RequestBody(required = true, content = @Content(
            mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = AccountInput.class),
            examples = @ExampleObject(
                    name = "retier", value = "{\"tier\":\"A\",\"employeeCount\":1500}")))
    public Uni<Response> update(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return service.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteAccount", summary = "Delete an account",
            description = "Deletes the account and its contacts; 409 while opportunities reference it.")
    public Uni<Response> delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return service.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
