package org.revops.territory;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class AssignmentDtos {
    private AssignmentDtos() {
    }

    @Schema(name = "TerritoryAssignment", description = "Which territory of a model an account belongs to, and why.")
    @Type("TerritoryAssignment")
    public record AssignmentView(
            UUID accountId, String accountName,
            @Schema(description = "Null for a tie") UUID territoryId, String territoryCode, String territoryName,
            @Schema(description = "rule: matched a rule (ruleId); manual: set by a person (assignedBy); tie: several "
                    + "territories matched equally well (tiedTerritoryIds), none was picked",
                    enumeration = {"rule", "manual", "tie"}) String cause,
            UUID ruleId, List<UUID> tiedTerritoryIds, OffsetDateTime assignedAt, UUID assignedBy) {
    }

    @Schema(name = "ManualAssignmentInput", description = "Puts an account in a territory by hand; rule runs keep it.")
    public record ManualAssignmentInput(@NotNull @Schema(description = "A territory of this model") UUID territoryId) {
    }

    @Schema(name = "TerritoryMove", description = "An account the planning model would move, from its territory in the "
            + "active model to one in the draft (same code = same territory). Amounts are summed as stored.")
    @Type("TerritoryMove")
    public record MoveView(UUID accountId, String accountName, UUID accountOwnerId,
                           UUID fromTerritoryId, String fromTerritoryCode, String fromTerritoryName, UUID fromOwnerId,
                           UUID toTerritoryId, String toTerritoryCode, String toTerritoryName, UUID toOwnerId,
                           int openDeals, BigDecimal openPipelineAmount) {
    }

    @Schema(name = "TerritoryMoveRoute", description = "Moves grouped by from → to territory.")
    @Type("TerritoryMoveRoute")
    public record MoveRouteView(UUID fromTerritoryId, String fromTerritoryCode, String fromTerritoryName,
                                UUID fromOwnerId, UUID toTerritoryId, String toTerritoryCode, String toTerritoryName,
                                UUID toOwnerId, long accounts, long accountOwners, long openDeals,
                                BigDecimal openPipelineAmount) {
    }
}
