package org.revops.lead.scoring;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What routing asks of a score change: did the grade become A or B? */
class ScoreChangeTest {
    private static final UUID LEAD = UUID.randomUUID();
    private static final UUID MODEL = UUID.randomUUID();

    private static ScoreChange change(String previousGrade, String grade) {
        return new ScoreChange(LEAD, MODEL, 1, previousGrade == null ? null : 10, previousGrade,
                grade == null ? null : 90, grade, "[]", true);
    }

    @Test
    void becomingAOrBFromBelowOrFromNothingCounts() {
        assertTrue(change(null, "A").gradeBecameAOrB());
        assertTrue(change("C", "B").gradeBecameAOrB());
        assertTrue(change("D", "A").gradeBecameAOrB());
    }

    @Test
    void stayingWithinAOrBFallingOrNotBeingScoredDoesNot() {
        assertFalse(change("B", "A").gradeBecameAOrB());
        assertFalse(change("A", "B").gradeBecameAOrB());
        assertFalse(change("A", "C").gradeBecameAOrB());
        assertFalse(change("C", "D").gradeBecameAOrB());
        assertFalse(ScoreChange.none(LEAD).gradeBecameAOrB());
        assertFalse(ScoreChange.none(LEAD).scored());
    }
}
