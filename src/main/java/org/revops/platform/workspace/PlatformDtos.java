package org.revops.platform.workspace;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What the platform admin sends and reads when provisioning workspaces. */
public final class PlatformDtos {
    private PlatformDtos() {
    }

    @Schema(name = "NewWorkspace", description = "A workspace to create, with its first admin.")
    public record NewWorkspace(
            @NotBlank @Size(max = 200) @Schema(example = "Globex Sales") String name,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
            @Schema(description = "ISO 4217; fixed for the workspace's life", example = "EUR") String currency,
            @Min(1) @Max(12) @Schema(description = "Month (1-12) the fiscal year starts in; default 1", example = "2")
            Integer fiscalYearStartMonth,
            @NotNull @Valid FirstAdmin admin) {
    }

    @Schema(name = "FirstAdmin", description = "The workspace's first user, an admin, who gets the first API key.")
    public record FirstAdmin(@NotBlank @Size(max = 200) @Schema(example = "Ada Admin") String name,
                             @NotBlank @Email @Size(max = 320) @Schema(example = "ada@globex.example") String email) {
    }

    @Schema(name = "PlatformWorkspace", description = "A workspace as the platform admin sees it.")
    public record PlatformWorkspaceView(UUID id, String name, String currency, int fiscalYearStartMonth,
                                        @Schema(enumeration = {"active", "suspended"}) String status,
                                        OffsetDateTime createdAt, OffsetDateTime suspendedAt,
                                        String suspensionReason) {
    }

    @Schema(name = "ProvisionedWorkspace", description = "The new workspace, its admin and the admin's API key, whose "
            + "secret is shown this once.")
    public record ProvisionedWorkspace(PlatformWorkspaceView workspace, UUID adminUserId, String apiKey) {
    }

    @Schema(name = "WorkspaceSuspension")
    public record Suspension(@NotBlank @Size(max = 500)
                             @Schema(description = "Shown to the workspace's callers in every 403",
                                     example = "Invoice overdue") String reason) {
    }
}
