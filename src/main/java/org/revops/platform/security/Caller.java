package org.revops.platform.security;

import org.revops.platform.error.ApiProblem;

import java.util.UUID;

/** Who is calling: the workspace every query is scoped to, the acting user and the role in force. */
public record Caller(UUID workspaceId, UUID userId, Role role) {

    public void requireWrite() {
        if (!role.canWriteRecords()) {
            throw ApiProblem.forbidden("A " + role.value() + " key cannot change data");
        }
    }

    public void requireAdmin() {
        if (!role.canConfigure()) {
            throw ApiProblem.forbidden("Only an admin may change workspace configuration");
        }
    }
}
