package org.revops.platform.workspace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.security.Role;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class ApiKeyDtos {
    private ApiKeyDtos() {
    }

    @Schema(name = "ApiKeyInput", description = "A key acts as `userId` with `role` (default: the user's own role).")
    public record ApiKeyInput(
            @NotBlank @Size(max = 200) @Schema(example = "forecast export script") String name,
            @NotNull UUID userId,
            @Schema(example = "read-only", enumeration = {"admin", "manager", "rep", "integration", "read-only"})
            Role role) {
    }

    @Schema(name = "ApiKey", description = "`key` is present only in the response that creates the key.")
    public record ApiKeyView(UUID id, String name, UUID userId, Role role,
                             @Schema(description = "First characters of the key, to tell keys apart") String prefix,
                             OffsetDateTime createdAt, OffsetDateTime revokedAt,
                             @Schema(description = "The secret. Shown once; store it now.", nullable = true) String key) {
    }
}
