package org.revops.platform.security;

import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.SqlPredicate;

/**
 * Who reads and changes territories. Admins, managers, integration and read-only callers read every territory of
 * their workspace; a rep reads the territories they own ({@code owner_id}) or are a member of, with those
 * territories' rules and members. (Who changes them: {@code org.revops.territory.TerritoryAccess}.)
 */
public final class TerritoryVisibility {
    public static final String READ_OWN_ONLY = "You may read only the territories you belong to";

    private TerritoryVisibility() {
    }

    /** Territories (alias {@code t} of table territories) the caller may read. */
    public static SqlPredicate readableTerritory(Caller caller, String alias) {
        if (caller.role() != Role.REP) {
            return SqlPredicate.NONE;
        }
        return new SqlPredicate("(" + alias + ".owner_id = ? OR EXISTS (SELECT 1 FROM territory_members vm"
                + " WHERE vm.workspace_id = " + alias + ".workspace_id AND vm.territory_id = " + alias + ".id"
                + " AND vm.user_id = ?))", caller.userId(), caller.userId());
    }

    /** 403 for a territory the caller may not read; the caller already knows it exists in their workspace. */
    public static ApiProblem notReadable() {
        return ApiProblem.forbidden(READ_OWN_ONLY);
    }
}
