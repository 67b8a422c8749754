package org.revops.opportunity;

import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class StalledDealsDtos {
    private StalledDealsDtos() {
    }

    @Schema(name = "StalledReasonCounts", description = "Stalled deals by reason. A deal can be stalled for both "
            + "reasons, so stage + inactivity can exceed the count.")
    @Type("StalledReasonCounts")
    public record ReasonCounts(
            @Schema(description = "Open deals whose whole days in the current stage exceed the stage's stallAfterDays")
            int stage,
            @Schema(description = "Open deals whose whole days since the last activity (else creation) exceed the "
                    + "policy's inactivityStallDays") int inactivity) {
    }

    @Schema(name = "StalledByOwner")
    @Type("StalledByOwner")
    public record ByOwner(UUID ownerId, String ownerName,
                          @Schema(description = "Stalled open deals of this owner") int count, ReasonCounts reasons) {
    }

    @Schema(name = "StalledByStage")
    @Type("StalledByStage")
    public record ByStage(UUID stageId, String stageName, UUID pipelineId,
                          @Schema(description = "Stalled open deals in this stage") int count, ReasonCounts reasons) {
    }

    @Schema(name = "StalledByOwnerAndStage")
    @Type("StalledByOwnerAndStage")
    public record ByOwnerAndStage(UUID ownerId, String ownerName, UUID stageId, String stageName, UUID pipelineId,
                                  @Schema(description = "Stalled open deals of this owner in this stage") int count,
                                  ReasonCounts reasons) {
    }

    @Schema(name = "StalledDeals", description = """
            Counts of the stalled open deals the caller may see (a rep their own, a manager their team's, others the \
            workspace), as of `asOf`. A deal is stalled when it is open and its whole days in the current stage \
            exceed the stage's stallAfterDays (reason `stage`), or its whole days since the last activity, else since \
            creation, exceed the sales policy's inactivityStallDays (reason `inactivity`). Groups with no stalled \
            deal are left out; each list is ordered by count, largest first.""")
    @Type("StalledDeals")
    public record StalledDealsView(
            @Schema(description = "The instant the figures were computed for (the application clock)")
            OffsetDateTime asOf,
            @Schema(description = "Stalled open deals") int total,
            ReasonCounts reasons,
            @Schema(description = "Per owner: count desc, then owner name") List<ByOwner> byOwner,
            @Schema(description = "Per stage: count desc, then pipeline and stage position") List<ByStage> byStage,
            @Schema(description = "Per owner and stage") List<ByOwnerAndStage> byOwnerAndStage) {
    }
}
