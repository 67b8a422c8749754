package org.revops.opportunity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

public final class CloseReasonDtos {
    private CloseReasonDtos() {
    }

    /** The outcomes a reason may be given for. The JSON and SQL value is {@link #value()}. */
    @Enum("CloseReasonAppliesTo")
    @Schema(enumeration = {"won", "lost", "both"})
    public enum AppliesTo {
        WON("won"), LOST("lost"), BOTH("both");

        private final String value;

        AppliesTo(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }

        @JsonCreator
        public static AppliesTo of(String value) {
            return Arrays.stream(values()).filter(a -> a.value.equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("must be won, lost or both"));
        }

        /** Whether a deal closed as won (or lost) may carry a reason of this kind. */
        public boolean allows(boolean won) {
            return this == BOTH || (this == WON) == won;
        }
    }

    @Schema(name = "CloseReasonInput", description = "A reason deals are won or lost. Names are unique in the "
            + "workspace, ignoring case. A reason in use cannot be deleted: retire it with `active: false`.")
    @Input("CloseReasonInput")
    public record CloseReasonInput(
            @NotBlank @Size(max = 100) @Schema(example = "Price too high") String name,
            @NotNull @Schema(description = "`won`, `lost` or `both`: the outcomes a close may use it for",
                    enumeration = {"won", "lost", "both"}, example = "lost") AppliesTo appliesTo,
            @Schema(description = "Only active reasons can be given when closing; defaults to true") Boolean active) {
    }

    @Schema(name = "CloseReason")
    @Type("CloseReason")
    public record CloseReasonView(
            UUID id, String name,
            @Schema(enumeration = {"won", "lost", "both"}) AppliesTo appliesTo,
            @Schema(description = "Only active reasons can be given when closing a deal") boolean active,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }
}
