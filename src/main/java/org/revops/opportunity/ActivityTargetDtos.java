package org.revops.opportunity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class ActivityTargetDtos {
    private ActivityTargetDtos() {
    }

    @Schema(name = "ActivityTargetInput", description = """
            How many of one metric a user should reach in every week or every month: an activity type (counted by \
            occurredAt) or `signing` (deals won, counted by closedAt). One target per user, period and metric.""")
    @Input("ActivityTargetInput")
    public record ActivityTargetInput(
            @NotNull @Schema(description = "Whose target") UUID userId,
            @NotNull @Pattern(regexp = ActivityTarget.PERIOD_PATTERN, message = "must be week or month")
            @Schema(enumeration = {"week", "month"}, example = "week") String period,
            @NotNull @Pattern(regexp = ActivityTarget.METRIC_PATTERN,
                    message = "must be call, email, meeting, visit, demo, proposal or signing")
            @Schema(enumeration = {"call", "email", "meeting", "visit", "demo", "proposal", "signing"},
                    example = "visit") String metric,
            @NotNull @Min(0) @Max(100000) @Schema(description = "How many per period, 0-100000", example = "5")
            Integer target) {
    }

    @Schema(name = "ActivityTarget")
    @Type("ActivityTarget")
    public record ActivityTargetView(
            UUID id, UUID userId,
            @Schema(enumeration = {"week", "month"}) String period,
            @Schema(enumeration = {"call", "email", "meeting", "visit", "demo", "proposal", "signing"}) String metric,
            int target, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }
}
