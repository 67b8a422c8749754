package org.revops.lead.predictive;

import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

/**
 * Who may see and train predictive models. A model summarises the whole workspace's lead history (win rates per
 * campaign, per partner, per region), so it is for admins, managers and read-only keys; reps see their own leads'
 * scores and factors on the leads, not the model. Training changes every open lead's score: admins only.
 */
final class PredictiveAccess {
    private PredictiveAccess() {
    }

    static void requireRead(Caller caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.MANAGER && caller.role() != Role.READ_ONLY) {
            throw ApiProblem.forbidden("Predictive models summarise the whole workspace's history: admins, managers "
                    + "and read-only keys read them; a " + caller.role().value() + " sees the scores on the leads");
        }
    }

    static void requireTrain(Caller caller) {
        if (caller.role() != Role.ADMIN) {
            throw ApiProblem.forbidden("Only admins train predictive models (training re-scores every open lead)");
        }
    }
}
