package org.revops.lead.scoring;

import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

/**
 * Who may see and change scoring models: admins change them; managers and read-only keys read them; reps and
 * integration keys do neither (a rep sees the reasons on their own leads, an integration writes leads, not models).
 */
final class ScoringAccess {
    private ScoringAccess() {
    }

    static void requireRead(Caller caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.MANAGER && caller.role() != Role.READ_ONLY) {
            throw ApiProblem.forbidden("Scoring models are for admins and managers");
        }
    }

    static void requireChange(Caller caller) {
        if (caller.role() != Role.ADMIN) {
            throw ApiProblem.forbidden("Only admins change scoring models");
        }
    }
}
