package org.revops.forecast;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateBatch;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateInput;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateUpsertView;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateView;
import org.revops.platform.error.Problem;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

@RequiresScope(read = "forecast:read", write = "forecast:admin")
@Path("/api/v1/exchange-rates")
@Tag(name = "Exchange rates", description = "Dated rates into the workspace currency, for forecast roll-ups "
        + "(every key reads them, admins change them).")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExchangeRateResource {
    private final ExchangeRateService rates;
    private final CurrentCaller caller;

    public ExchangeRateResource(ExchangeRateService rates, CurrentCaller caller) {
        this.rates = rates;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listExchangeRates", summary = "List exchange rates",
            description = "One unit of `currency` is worth `rate` units of `baseCurrency` (the workspace currency) from "
                    + "`effectiveDate` until the next rate of that currency. Every key of the workspace may list them.")
    public Uni<Page<ExchangeRateView>> list(@Context UriInfo uri) {
        return rates.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getExchangeRate", summary = "Get an exchange rate",
            description = "The ETag header carries the version.")
    public Uni<Response> get(@Parameter(description = "Exchange rate id") @PathParam("id") UUID id) {
        return rates.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createExchangeRate", summary = "Add an exchange rate (admin)",
            description = "422 for the workspace currency (its rate is always 1) or a rate that is not positive or has "
                    + "more than 8 decimals; 409 when the currency already has a rate on that day (PATCH it, or PUT "
                    + "the batch).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExchangeRateInput.class),
            examples = @ExampleObject(name = "US dollar from November", value = """
                    {"currency":"USD","effectiveDate":"2026-11-01","rate":0.9215}""")))
    public Uni<Response> create(@Valid ExchangeRateInput input, @Context UriInfo uri) {
        return rates.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PUT
    @Operation(operationId = "upsertExchangeRates", summary = "Create or replace many exchange rates (admin)",
            description = "Up to 1,000 rates keyed by currency and effective date, written in one statement: a new "
                    + "key is created, an existing one gets the new rate (the same rate changes nothing). All or "
                    + "nothing: any invalid item, the same currency and day twice, or the workspace currency is one "
                    + "422 naming each item (`rates[3].rate`), and nothing is written. Answers every item as stored, "
                    + "in the order sent, with what happened to it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ExchangeRateBatch.class),
            examples = @ExampleObject(name = "month-start rates", value = """
                    {"rates":[{"currency":"USD","effectiveDate":"2026-11-01","rate":0.9215},
                              {"currency":"GBP","effectiveDate":"2026-11-01","rate":1.1432}]}""")))
    @APIResponse(responseCode = "200", description = "Every item as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExchangeRateUpsertView.class)))
    @APIResponse(responseCode = "400", description = "Malformed request: bad JSON, unknown field, wrong type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "413", description = "More than 1,000 rates: split the batch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Uni<ExchangeRateUpsertView> upsert(ExchangeRateBatch batch) {
        // validated by the service, after the size check: an oversized batch is 413 whatever its items hold
        return rates.upsert(caller.get(), batch == null ? null : batch.rates(), "rates");
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateExchangeRate", summary = "Change an exchange rate (admin)",
            description = "JSON Merge Patch of `rate`; the currency and the day cannot change (422).")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = ExchangeRateInput.class),
            examples = @ExampleObject(name = "correct", value = "{\"rate\":0.9221}")))
    public Uni<Response> update(@Parameter(description = "Exchange rate id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return rates.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteExchangeRate", summary = "Delete an exchange rate (admin)",
            description = "The previous rate of the currency then applies from that day on.")
    public Uni<Response> delete(@Parameter(description = "Exchange rate id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return rates.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }
}
