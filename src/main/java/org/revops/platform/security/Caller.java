package org.revops.platform.security;

import org.revops.platform.error.ApiProblem;

import java.util.UUID;

/**
 * Who is calling: the workspace every query is scoped to, the acting user and the role in force, and what
 * authentication read of the workspace anyway ({@link Workspace}; null for callers the service makes itself, such as
 * background jobs, which read it when they need it).
 */
public record Caller(UUID workspaceId, UUID userId, Role role, Workspace workspace) {

    /** The workspace's currency and fiscal calendar, which a request needs often and which almost never change. */
    public record Workspace(String currency, int fiscalYearStartMonth) {
    }

    public Caller(UUID workspaceId, UUID userId, Role role) {
        this(workspaceId, userId, role, null);
    }

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
