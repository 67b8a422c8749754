package org.revops.integration.webhook;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.integration.webhook.WebhookDtos.DeliveryDetail;
import org.revops.integration.webhook.WebhookDtos.DeliveryView;
import org.revops.integration.webhook.WebhookDtos.RotateInput;
import org.revops.integration.webhook.WebhookDtos.WebhookInput;
import org.revops.integration.webhook.WebhookDtos.WebhookView;
import org.revops.opportunity.OpportunityGraphQL.DeletePayload;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;
import java.util.UUID;

/** GraphQL door to webhooks: the same services and rules as /api/v1/webhooks and /api/v1/webhook-deliveries. */
@RequiresScope("webhooks:admin")
@GraphQLApi
public class WebhookGraphQL {
    private final WebhookService webhooks;
    private final WebhookDeliveries deliveries;
    private final CurrentCaller caller;

    public WebhookGraphQL(WebhookService webhooks, WebhookDeliveries deliveries, CurrentCaller caller) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.caller = caller;
    }

    public record WebhookEdge(@NonNull WebhookView node, @NonNull String cursor) {
    }

    public record WebhookConnection(@NonNull List<@NonNull WebhookEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record WebhookDeliveryEdge(@NonNull DeliveryView node, @NonNull String cursor) {
    }

    public record WebhookDeliveryConnection(@NonNull List<@NonNull WebhookDeliveryEdge> edges,
                                            @NonNull PageInfo pageInfo) {
    }

    public record WebhookPayload(WebhookView webhook, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record WebhookDeliveryPayload(DeliveryView delivery, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("WebhookFilter")
    public record WebhookFilter(Boolean active) {
    }

    @Input("WebhookDeliveryFilter")
    public record WebhookDeliveryFilter(@Description("pending, delivered or dead") String state) {
    }

    @Input("WebhookPatch")
    @Description("Fields to change; omitted fields stay.")
    public record WebhookPatch(String url, List<String> eventTypes, List<String> fields, Boolean active) {
    }

    @Query("webhooks")
    @Description("The workspace's webhook subscriptions (admin and integration keys).")
    public Uni<WebhookConnection> list(@Name("filter") WebhookFilter filter, @Name("sort") String sort,
                                       @Name("first") Integer first, @Name("after") String after) {
        return webhooks.list(caller.get(), GraphQLSupport.listRequest(WebhookService.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, WebhookEdge::new, WebhookConnection::new));
    }

    @Query("webhook")
    public Uni<WebhookView> get(@NonNull @Name("id") UUID id) {
        return webhooks.get(caller.get(), id);
    }

    @Query("webhookDeliveries")
    @Description("A subscription's deliveries, newest first.")
    public Uni<WebhookDeliveryConnection> deliveries(@NonNull @Name("webhookId") UUID webhookId,
                                                     @Name("filter") WebhookDeliveryFilter filter,
                                                     @Name("first") Integer first, @Name("after") String after) {
        return deliveries.list(caller.get(), webhookId,
                        GraphQLSupport.listRequest(WebhookDeliveries.LIST, filter, null, first, after))
                .map(slice -> GraphQLSupport.connection(slice, WebhookDeliveryEdge::new,
                        WebhookDeliveryConnection::new));
    }

    @Query("webhookDelivery")
    @Description("A delivery with its body and attempts.")
    public Uni<DeliveryDetail> delivery(@NonNull @Name("id") UUID id) {
        return deliveries.get(caller.get(), id);
    }

    @Mutation("createWebhook")
    @Description("Subscribes a URL; the payload's webhook carries the signing secret once.")
    public Uni<WebhookPayload> create(@NonNull @Name("input") WebhookInput input) {
        return GraphQLSupport.payload(() -> webhooks.create(caller.get(), input), WebhookPayload::new);
    }

    @Mutation("updateWebhook")
    public Uni<WebhookPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") WebhookPatch patch,
                                      @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> webhooks.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), WebhookPayload::new);
    }

    @Mutation("deleteWebhook")
    public Uni<DeletePayload> delete(@NonNull @Name("id") UUID id, @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> webhooks.delete(caller.get(), id, expectedVersion).replaceWith(id),
                DeletePayload::new);
    }

    @Mutation("rotateWebhookSecret")
    @Description("A new signing secret, carried once by the payload's webhook.")
    public Uni<WebhookPayload> rotate(@NonNull @Name("id") UUID id,
                                      @Name("keepPreviousSecretSeconds") Integer keepPreviousSecretSeconds) {
        return GraphQLSupport.payload(() -> webhooks.rotateSecret(caller.get(), id,
                new RotateInput(keepPreviousSecretSeconds)), WebhookPayload::new);
    }

    @Mutation("sendWebhookTestEvent")
    public Uni<WebhookDeliveryPayload> test(@NonNull @Name("id") UUID id) {
        return GraphQLSupport.payload(() -> deliveries.sendTest(caller.get(), id), WebhookDeliveryPayload::new);
    }

    @Mutation("replayWebhookDelivery")
    @Description("A dead delivery back to pending; a userError unless it is dead.")
    public Uni<WebhookDeliveryPayload> replay(@NonNull @Name("id") UUID id) {
        return GraphQLSupport.payload(() -> deliveries.replay(caller.get(), id), WebhookDeliveryPayload::new);
    }
}
