package org.revops.integration.imports;

import io.smallrye.common.annotation.Blocking;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.integration.imports.ImportDtos.ImportErrorView;
import org.revops.integration.imports.ImportDtos.ImportView;
import org.revops.platform.idempotency.StreamedBody;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.QueryParams;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

@RequiresScope(read = "imports:read", write = "imports:write")
@Path("/api/v1/imports")
@Tag(name = "Imports",
        description = "CSV files of accounts, contacts, leads or opportunities upserted by external id, as a job.")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    private final ImportService imports;
    private final CurrentCaller caller;

    public ImportResource(ImportService imports, CurrentCaller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes(Csv.MEDIA_TYPE)
    @Blocking      // the body is read as a stream, not buffered: a million-row file is some hundred megabytes
    @StreamedBody  // so no Idempotency-Key (its fingerprint hashes a buffered body): 400
    @Operation(operationId = "createImport", summary = "Import a CSV file", description = """
            The body is the CSV file itself (RFC 4180, UTF-8, a header row; quoted fields may hold commas, quotes and \
            line breaks; a byte order mark is skipped). Each row becomes the record the object's batch upsert takes \
            (POST /api/v1/{object}/batch/upsert), keyed by externalSource + externalId: a new key is created, a \
            known key updated (an empty cell clears the field), an identical one left unchanged. `mapping` maps CSV \
            columns to record fields; a column it does not name must be named like a field; map a column to null to \
            ignore it. A column must map to externalId; externalSource comes from a column or the parameter. The \
            file is checked and stored before anything is written: a malformed file (unbalanced quote, a row with \
            another number of fields than the header, not UTF-8) is 400 naming the line, an unusable mapping 422 \
            listing the known fields; nothing is stored then. Then 202: a job upserts the rows in chunks (each chunk \
            its own transaction), reporting progress; rows the record rules refuse (bad e-mail, unknown owner e-mail, \
            missing account…) are reported by line in GET /api/v1/imports/{id}/errors while the others land. Admin \
            and integration keys only. Idempotency-Key is refused (400): the body is streamed, not kept.""")
    @Parameters({
            @Parameter(name = "object", in = ParameterIn.QUERY, required = true, description = "What the rows are",
                    schema = @Schema(enumeration = {"accounts", "contacts", "leads", "opportunities"})),
            @Parameter(name = "externalSource", in = ParameterIn.QUERY, example = "hubspot",
                    schema = @Schema(type = SchemaType.STRING),
                    description = "Source system of rows without an externalSource column or cell"),
            @Parameter(name = "mapping", in = ParameterIn.QUERY, example = "{\"Email\":\"email\",\"Id\":\"externalId\",\"Notes\":null}",
                    schema = @Schema(type = SchemaType.STRING),
                    description = "JSON object: CSV column → record field, or null to ignore the column")})
    @RequestBody(required = true, content = @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(
            name = "two leads", value = "Id,Last name,Email,Company\r\n5501,Lovelace,ada@analytical.example,\"Engines, Ltd\"\r\n"
                    + "5502,Babbage,charles@difference.example,Difference Ltd\r\n")))
    @APIResponse(responseCode = "202", description = "Stored; the import job runs (Location: the import)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    public Uni<Response> create(InputStream body, @Context UriInfo uri) {
        QueryParams query = QueryParams.of(uri, "object", "externalSource", "mapping");
        String object = query.text("object");
        String source = query.text("externalSource");
        String mapping = query.text("mapping");
        query.check();
        return imports.create(caller.get(), object, source, mapping, body)
                .map(view -> Response.accepted(view).location(URI.create("/api/v1/imports/" + view.id())).build());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listImports", summary = "List imports",
            description = "The workspace's imports, newest first, with their state and counts. Admin and integration keys.")
    public Uni<Page<ImportView>> list(@Context UriInfo uri) {
        return imports.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getImport", summary = "Get an import", description = """
            State (queued, running, succeeded, failed), percent done, counts (processed, created, updated, unchanged, \
            errors) and links to its job (GET /api/v1/jobs/{id}?wait=60 waits for its end) and its errors.""")
    public Uni<ImportView> get(@Parameter(description = "Import id") @PathParam("id") UUID id) {
        return imports.get(caller.get(), id);
    }

    @GET
    @Path("{id}/errors")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listImportErrors", summary = "List an import's row errors", description = """
            One entry per field error of each refused row, by line of the file (the header is line 1): the row's \
            externalId, the field and the message. Cursor-paginated; CSV with Accept: text/csv.""")
    public Uni<Page<ImportErrorView>> errors(@Parameter(description = "Import id") @PathParam("id") UUID id,
                                             @Context UriInfo uri) {
        return imports.errors(caller.get(), id, ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }
}
