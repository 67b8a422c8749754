package org.revops.opportunity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class ActivityAnalyticsDtos {
    private ActivityAnalyticsDtos() {
    }

    @Schema(name = "ActivityAnalytics", description = """
            What one user did in one week or month against their targets for that kind of period: one line per \
            metric (call, email, meeting, visit, demo, proposal, signing, in that order).""")
    @Type("ActivityAnalytics")
    @Description("What one user did in one week or month against their targets, one line per metric.")
    public record ActivityAnalyticsView(
            @NonNull UUID userId,
            @NonNull @Schema(description = "The period as asked: an ISO week (2026-W47) or a month (2026-11)",
                    example = "2026-W47") String period,
            @NonNull @Schema(description = "`week` or `month`: which targets apply", enumeration = {"week", "month"})
            String periodKind,
            @NonNull @Schema(description = "First instant of the period (Monday or the 1st, 00:00 UTC), included")
            OffsetDateTime start,
            @NonNull @Schema(description = "First instant after the period, excluded") OffsetDateTime end,
            @NonNull List<@NonNull MetricAttainment> metrics) {
    }

    @Schema(name = "MetricAttainment", description = "Actual against target for one metric.")
    @Type("MetricAttainment")
    public record MetricAttainment(
            @NonNull @Schema(enumeration = {"call", "email", "meeting", "visit", "demo", "proposal", "signing"})
            String metric,
            @Schema(description = """
                    For an activity type: the user's activities of that type with start <= occurredAt < end. For \
                    `signing`: the deals the user owns that were closed as won with start <= closedAt < end.""")
            int actual,
            @Schema(description = "The user's target for this metric and kind of period; null when none is set",
                    nullable = true) Integer target,
            @Schema(description = """
                    actual / target as a ratio (1 = target met), rounded half up to 4 decimal places; null when no \
                    target is set or the target is 0.""", nullable = true, example = "0.6")
            BigDecimal attainment) {
    }
}
