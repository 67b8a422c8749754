package org.revops.integration.webhook;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.integration.webhook.WebhookDtos.DeliveryDetail;
import org.revops.integration.webhook.WebhookDtos.DeliveryView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.UUID;

/** REST door to single webhook deliveries: their attempts, and replaying a dead one. */
@RequiresScope("webhooks:admin")
@Path("/api/v1/webhook-deliveries")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookDeliveryResource {
    private final WebhookDeliveries deliveries;
    private final CurrentCaller caller;

    public WebhookDeliveryResource(WebhookDeliveries deliveries, CurrentCaller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhookDelivery", summary = "Get a delivery with its attempts",
            description = "The exact body sent, and every attempt: when, the receiver's status or the network error, "
                    + "how long it took and what followed (delivered, retry, dead).")
    public Uni<DeliveryDetail> get(@PathParam("id") UUID id) {
        return deliveries.get(caller.get(), id);
    }

    @POST
    @Path("{id}/replay")
    @Operation(operationId = "replayWebhookDelivery", summary = "Replay a dead delivery",
            description = "The delivery becomes pending, due now, with a fresh retry horizon; the same body and "
                    + "event ids are sent again. 409 unless it is dead.")
    public Uni<DeliveryView> replay(@PathParam("id") UUID id) {
        return deliveries.replay(caller.get(), id);
    }
}
