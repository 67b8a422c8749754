package org.revops.opportunity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class PipelineDtos {
    private PipelineDtos() {
    }

    @Schema(name = "PipelineInput", description = "A sales process. Stages are given on create and then edited through "
            + "`/pipelines/{id}/stages`; a patch of a pipeline changes its name only.")
    @Input("PipelineInput")
    public record PipelineInput(
            @NotBlank @Size(max = 200) @Schema(example = "New business") String name,
            @Size(max = 50) @Schema(description = "Stages in order; on create only") List<@Valid StageInput> stages) {
    }

    @Schema(name = "StageInput")
    @Input("StageInput")
    public record StageInput(
            @NotBlank @Size(max = 100) @Schema(example = "Proposal") String name,
            @Min(0) @Schema(description = "Order in the pipeline; defaults to after the last stage") Integer position,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(description = "Default win probability, 0-100",
                    example = "60") BigDecimal probability,
            @NotNull @Schema(example = "BestCase") ForecastCategory forecastCategory,
            @Schema(description = "A closed stage ends the deal (won or lost)") Boolean closed,
            @Schema(description = "Closed and won; implies closed") Boolean won,
            @Positive @Schema(description = "A deal longer than this in the stage counts as stalled", example = "21")
            Integer stallAfterDays) {
    }

    @Schema(name = "Stage")
    @Type("Stage")
    public record StageView(UUID id, UUID pipelineId, String name, int position, BigDecimal probability,
                            ForecastCategory forecastCategory, boolean closed, boolean won, Integer stallAfterDays,
                            long version) implements Versioned {
    }

    @Schema(name = "Pipeline")
    @Type("Pipeline")
    public record PipelineView(UUID id, String name, List<StageView> stages, OffsetDateTime createdAt,
                               OffsetDateTime updatedAt, long version) implements Versioned {
    }
}
