package org.revops.lead.scoring;

import java.util.Set;
import java.util.UUID;

/**
 * What scoring one lead did: nothing ({@link #scored()} false: no published model, or the lead is converted or
 * disqualified), or its new score and grade beside the previous ones. Routing asks {@link #gradeBecameAOrB()}.
 *
 * @param changed whether score or grade differ from before (then a history row was written)
 */
public record ScoreChange(UUID leadId, UUID modelId, Integer modelVersion, Integer previousScore,
                          String previousGrade, Integer score, String grade, String reasonsJson, boolean changed) {
    private static final Set<String> HOT = Set.of("A", "B");

    static ScoreChange none(UUID leadId) {
        return new ScoreChange(leadId, null, null, null, null, null, null, null, false);
    }

    /** Whether the lead was scored (a model is published and the lead is open). */
    public boolean scored() {
        return score != null;
    }

    /** Whether this scoring made the lead's grade A or B when it was neither (or unscored) before. */
    public boolean gradeBecameAOrB() {
        return scored() && HOT.contains(grade) && (previousGrade == null || !HOT.contains(previousGrade));
    }
}
