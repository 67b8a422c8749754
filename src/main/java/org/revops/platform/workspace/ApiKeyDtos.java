package org.revops.platform.workspace;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.security.Role;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class ApiKeyDtos {
    /** The contract lists the known scopes from {@link org.revops.platform.security.ApiScope} (OpenApiContract). */
    static final String SCOPES_DOC = "What the key may call, as `<resource>:<verb>` scopes. "
            + "Absent or null: every right of its role. A scoped key may call only the operations whose "
            + "`x-required-scope` is one of its scopes (and the GraphQL root fields of the same scopes), still within "
            + "its role; other operations answer 403 naming the scope they need.";
    static final String RATE_LIMIT_DOC = "Requests per minute this key may make (REST and GraphQL together); null: "
            + "the service default (`revops.rate-limit.default-per-minute`, 6000). Every response carries "
            + "`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; past the limit the answer is 429 with "
            + "`Retry-After`.";

    private ApiKeyDtos() {
    }

    static final String EXPIRES_DOC = "The instant the key stops working (401, \"expired\"); must be in the "
            + "future. Absent: it works until revoked.";
    static final int MAX_GRACE_SECONDS = 7 * 24 * 3600;
    static final int DEFAULT_GRACE_SECONDS = 24 * 3600;

    @Schema(name = "ApiKeyInput", description = "A key acts as `userId` with `role` (default: the user's own role; "
            + "never above it: admin > manager > rep > read-only, integration only for admin and integration users), "
            + "narrowed to `scopes` when given. It acts with the lower of its role and its user's current role.")
    public record ApiKeyInput(
            @NotBlank @Size(max = 200) @Schema(example = "forecast export script") String name,
            @NotNull UUID userId,
            @Schema(example = "read-only", enumeration = {"admin", "manager", "rep", "integration", "read-only"})
            Role role,
            @Schema(description = SCOPES_DOC, example = "[\"forecast:read\"]") List<String> scopes,
            @Min(1) @Max(1_000_000) @Schema(description = RATE_LIMIT_DOC, example = "600") Integer rateLimitPerMinute,
            @Schema(description = EXPIRES_DOC, example = "2027-01-31T00:00:00Z") OffsetDateTime expiresAt) {
    }

    @Schema(name = "ApiKeyRotation", description = "How long the old key keeps working beside its successor.")
    public record ApiKeyRotation(
            @Min(0) @Max(MAX_GRACE_SECONDS) @Schema(description = "Seconds the old key still works (0 to "
                    + MAX_GRACE_SECONDS + ", 7 days; default " + DEFAULT_GRACE_SECONDS + ", a day). 0 ends it now.",
                    example = "3600") Integer gracePeriodSeconds,
            @Schema(description = "When the new key expires; absent: never. " + EXPIRES_DOC,
                    example = "2027-06-30T00:00:00Z") OffsetDateTime expiresAt) {
    }

    @Schema(name = "ApiKeyChanges", description = "What may change on a key. Its user, role and scopes may not: "
            + "make a new key and revoke the old one, so a secret never gains rights it was not handed out with.")
    public record ApiKeyChanges(
            @NotBlank @Size(max = 200) @Schema(example = "forecast export script") String name,
            @Min(1) @Max(1_000_000) @Schema(description = RATE_LIMIT_DOC, example = "600", nullable = true)
            Integer rateLimitPerMinute) {
    }

    @Schema(name = "ApiKey", description = "`key` is present only in the response that creates the key.")
    public record ApiKeyView(UUID id, String name, UUID userId, Role role,
                             @Schema(description = "First characters of the key, to tell keys apart") String prefix,
                             OffsetDateTime createdAt, OffsetDateTime revokedAt,
                             @Schema(description = SCOPES_DOC, nullable = true) List<String> scopes,
                             @Schema(description = RATE_LIMIT_DOC, nullable = true) Integer rateLimitPerMinute,
                             @Schema(description = "When the key stops (or stopped) working; null: never",
                                     nullable = true) OffsetDateTime expiresAt,
                             @Schema(description = "When the key last authenticated a request, to the minute (it is "
                                     + "written in batches); null: never used", nullable = true)
                             OffsetDateTime lastUsedAt,
                             @Schema(description = "The key that replaced this one by rotation", nullable = true)
                             UUID rotatedToId,
                             @Schema(description = "The secret. Shown once; store it now.", nullable = true) String key) {
    }
}
