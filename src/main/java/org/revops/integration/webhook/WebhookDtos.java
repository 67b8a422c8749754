package org.revops.integration.webhook;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Requests and responses of the webhook endpoints. */
public final class WebhookDtos {
    static final String EVENT_TYPES_DOC = "Which changes to send: `<type>.<action>` with type account, contact, lead "
            + "or opportunity and action created, updated or deleted; `<type>.*` for every action of a type; `*` for "
            + "everything.";
    static final String FIELDS_DOC = "Optional filter: only updates that changed one of these API fields (e.g. "
            + "`stageId`, `amount`) are sent; creates and deletes always are. Absent or null: every update.";

    private WebhookDtos() {
    }

    @Input("WebhookInput")
    @Schema(name = "WebhookInput", description = "A subscription: where to send which changes.")
    public record WebhookInput(
            @Schema(description = "http(s) URL of the receiver; not this service itself", required = true,
                    example = "https://hooks.example.com/revops") String url,
            @Schema(description = EVENT_TYPES_DOC, required = true, example = "[\"opportunity.updated\",\"lead.*\"]")
            List<String> eventTypes,
            @Schema(description = FIELDS_DOC, nullable = true, example = "[\"stageId\",\"amount\"]")
            List<String> fields,
            @Schema(description = "False pauses sending: changes made meanwhile are skipped, not queued. Default true.",
                    nullable = true) Boolean active) {
    }

    @Schema(name = "WebhookRotation", description = "Options of a secret rotation.")
    public record RotateInput(
            @Schema(description = "Keep signing with the old secret too (a second v1= in Revops-Signature) for this "
                    + "many seconds, 0-604800; default 0.", nullable = true, example = "3600")
            Integer keepPreviousSecretSeconds) {
    }

    @Type("Webhook")
    @Schema(name = "Webhook", description = "`secret` is present only in the responses that create the subscription "
            + "or rotate its secret.")
    public record WebhookView(UUID id, String url, List<String> eventTypes,
                              @Schema(nullable = true) List<String> fields, boolean active,
                              @Schema(description = "The signing secret. Shown once; store it now.", nullable = true)
                              String secret,
                              @Schema(description = "Until when deliveries are also signed with the previous secret",
                                      nullable = true) OffsetDateTime previousSecretValidUntil,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }

    @Type("WebhookDelivery")
    @Schema(name = "WebhookDelivery", description = "One HTTP request's worth of events to one subscription.")
    public record DeliveryView(UUID id, UUID subscriptionId,
                               @Schema(enumeration = {"pending", "delivered", "dead"}) String state,
                               int eventCount, int attempts,
                               @Schema(description = "When the next attempt is due (pending only)", nullable = true)
                               OffsetDateTime nextAttemptAt,
                               @Schema(nullable = true) String lastError, OffsetDateTime createdAt,
                               @Schema(nullable = true) OffsetDateTime deliveredAt,
                               @Schema(nullable = true) OffsetDateTime deadAt) {
    }

    @Type("WebhookAttempt")
    @Schema(name = "WebhookAttempt", description = "One try to send a delivery.")
    public record AttemptView(int attempt, OffsetDateTime attemptedAt,
                              @Schema(description = "The receiver's HTTP status; null after a network error or timeout",
                                      nullable = true) Integer statusCode,
                              @Schema(nullable = true) String error, int durationMs,
                              @Schema(enumeration = {"delivered", "retry", "dead"}) String outcome) {
    }

    @Type("WebhookDeliveryDetail")
    @Schema(name = "WebhookDeliveryDetail", description = "A delivery with its body and every attempt.")
    public record DeliveryDetail(UUID id, UUID subscriptionId, String state, int eventCount, int attempts,
                                 @Schema(nullable = true) OffsetDateTime nextAttemptAt,
                                 @Schema(nullable = true) String lastError, OffsetDateTime createdAt,
                                 @Schema(nullable = true) OffsetDateTime deliveredAt,
                                 @Schema(nullable = true) OffsetDateTime deadAt,
                                 @Schema(description = "The exact JSON body that is sent and signed") String payload,
                                 List<AttemptView> attemptLog) {
    }
}
