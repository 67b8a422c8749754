package org.revops.integration.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
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
import org.revops.integration.webhook.WebhookDtos.DeliveryView;
import org.revops.integration.webhook.WebhookDtos.RotateInput;
import org.revops.integration.webhook.WebhookDtos.WebhookInput;
import org.revops.integration.webhook.WebhookDtos.WebhookView;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

/** REST door to webhook subscriptions (admin and integration keys). */
@RequiresScope("webhooks:admin")
@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Signed HTTP callbacks for changes of accounts, contacts, leads and "
        + "opportunities (admin and integration keys; see the README for the payload and signature).")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {
    private final WebhookService webhooks;
    private final WebhookDeliveries deliveries;
    private final CurrentCaller caller;

    public WebhookResource(WebhookService webhooks, WebhookDeliveries deliveries, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions",
            description = "Secrets are never listed.")
    public Uni<Page<WebhookView>> list(@Context UriInfo uri) {
        return webhooks.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Get a webhook subscription", description = "Without its secret.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return webhooks.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to changes",
            description = "The response carries the signing `secret` once. The subscription receives the changes "
                    + "committed after it was created. 422 for a URL that is not http(s), has no host or points at "
                    + "this service, and for unknown event types.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WebhookInput.class),
            examples = @ExampleObject(name = "Deal updates", value = "{\"url\":\"https://hooks.example.com/revops\","
                    + "\"eventTypes\":[\"opportunity.updated\"],\"fields\":[\"stageId\",\"amount\"]}")))
    public Uni<Response> create(WebhookInput input, @Context UriInfo uri) {
        return webhooks.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateWebhook", summary = "Update a webhook subscription",
            description = "JSON Merge Patch of url, eventTypes, fields and active. Re-activating a paused "
                    + "subscription starts it at the current head: changes made while it was paused are not sent.")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = WebhookInput.class),
            examples = @ExampleObject(name = "Pause", value = "{\"active\":false}")))
    public Uni<Response> update(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return webhooks.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook subscription",
            description = "With its deliveries and their attempts; pending deliveries are not sent.")
    public Uni<Response> delete(@PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return webhooks.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret",
            description = "Answers the subscription with its new `secret`, shown once. With "
                    + "`keepPreviousSecretSeconds`, deliveries are signed with both secrets until then.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RotateInput.class),
            examples = @ExampleObject(name = "One hour of overlap", value = "{\"keepPreviousSecretSeconds\":3600}")))
    public Uni<WebhookView> rotate(@PathParam("id") UUID id, RotateInput input) {
        return webhooks.rotateSecret(caller.get(), id, input);
    }

    @POST
    @Path("{id}/test")
    @Operation(operationId = "sendWebhookTestEvent", summary = "Send a test event",
            description = "Queues a delivery with one `webhook.test` event; it is sent, signed and retried like any "
                    + "other. Answers 202 with the delivery.")
    public Uni<Response> test(@PathParam("id") UUID id, @Context UriInfo uri) {
        return deliveries.sendTest(caller.get(), id).map(delivery -> Response.accepted(delivery)
                .location(uri.getBaseUriBuilder().path("api/v1/webhook-deliveries").path(delivery.id().toString())
                        .build()).build());
    }

    @GET
    @Path("{id}/deliveries")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listWebhookDeliveries", summary = "List a subscription's deliveries",
            description = "Newest first; `state=pending|delivered|dead` filters.")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") UUID id, @Context UriInfo uri) {
        return deliveries.list(caller.get(), id, ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }
}
