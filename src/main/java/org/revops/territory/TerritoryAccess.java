package org.revops.territory;

import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

/** Who may change the territory map: admins and managers (sales-ops work), nobody else. */
public final class TerritoryAccess {
    private TerritoryAccess() {
    }

    public static void requireChange(Caller caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.MANAGER) {
            throw ApiProblem.forbidden("Only admins and managers change territories");
        }
    }
}
