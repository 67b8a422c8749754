package org.revops.platform.workspace;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class WorkspaceDtos {
    private WorkspaceDtos() {
    }

    @Schema(name = "WorkspaceInput", description = "The settings an admin changes. The currency is fixed at creation.")
    @Input("WorkspaceInput")
    public record WorkspaceInput(
            @NotBlank @Size(max = 200) @Schema(example = "Globex Sales") String name,
            @NotNull @Min(1) @Max(12)
            @Schema(description = "Month (1-12) the fiscal year starts in; fiscal years are named after the calendar "
                    + "year they end in (a February start: FY2027 = 2026-02-01..2027-01-31)", example = "2")
            Integer fiscalYearStartMonth) {
    }

    @Schema(name = "Workspace")
    @Type("Workspace")
    public record WorkspaceView(UUID id, String name,
                                @Schema(description = "ISO 4217; amounts without a currency are in it, reports "
                                        + "convert to it") String currency,
                                int fiscalYearStartMonth, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                                long version) implements Versioned {
    }
}
