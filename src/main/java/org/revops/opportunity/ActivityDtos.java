package org.revops.opportunity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class ActivityDtos {
    private ActivityDtos() {
    }

    @Schema(name = "ActivityInput", description = """
            Something done for a customer, logged against a deal (`opportunityId`) or an account (`accountId`). On a \
            deal the account is the deal's: leave `accountId` out or send that one. Logging, changing or deleting an \
            activity on a deal moves the deal's `lastActivityAt` (the latest `occurredAt` of its activities) and so \
            its `nextFollowUpAt`.""")
    @Input("ActivityInput")
    public record ActivityInput(
            @NotNull @Pattern(regexp = Activity.TYPE_PATTERN, message = "must be call, email, meeting, visit, demo or proposal")
            @Schema(enumeration = {"call", "email", "meeting", "visit", "demo", "proposal"}, example = "visit")
            String type,
            @NotBlank @Size(max = 200) @Schema(example = "On-site workshop with IT") String subject,
            @Size(max = 5000) String notes,
            @Size(max = 100) @Schema(description = "Free text, e.g. what was agreed", example = "positive")
            String outcome,
            @NotNull @Schema(description = "When it happened; at most one day ahead of now",
                    example = "2026-11-17T14:30:00Z") OffsetDateTime occurredAt,
            @Schema(description = "Who did it; defaults to the caller") UUID ownerId,
            @Schema(description = "The account; implied by opportunityId, required without it") UUID accountId,
            @Schema(description = "The deal, if the activity is about one") UUID opportunityId) {
    }

    @Schema(name = "Activity")
    @Type("Activity")
    public record ActivityView(
            UUID id,
            @Schema(enumeration = {"call", "email", "meeting", "visit", "demo", "proposal"}) String type,
            String subject, String notes, String outcome, OffsetDateTime occurredAt, UUID ownerId,
            @Schema(description = "The account; the deal's account for an activity on a deal") UUID accountId,
            @Schema(description = "The deal; null for an activity on the account alone") UUID opportunityId,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }
}
