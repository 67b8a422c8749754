package org.revops.team;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;
import org.revops.platform.security.Role;

import java.time.OffsetDateTime;
import java.util.UUID;

public final class UserDtos {
    private UserDtos() {
    }

    @Schema(name = "UserInput", description = "A person in the workspace. `managerId` builds the reporting tree.")
    @Input("UserInput")
    public record UserInput(
            @NotBlank @Size(max = 200) @Schema(example = "Ada Byron") String name,
            @NotBlank @Email @Size(max = 320) @Schema(example = "ada@example.com") String email,
            @NotNull @Schema(example = "rep", enumeration = {"admin", "manager", "rep", "integration", "read-only"})
            Role role,
            @Schema(description = "The user's manager; null at the top of the tree.") UUID managerId) {
    }

    @Schema(name = "User")
    @Type("User")
    public record UserView(UUID id, String name, String email, Role role, UUID managerId,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }
}
