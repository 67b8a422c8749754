package org.revops.lead.scoring;

import java.math.BigDecimal;

/**
 * The lowest score of grades A, B and C; D is everything below C. Validated by {@link ScoringModel#compile}:
 * whole numbers from 1 to 100, strictly decreasing from A to C, so every score has exactly one grade.
 */
public record GradeThresholds(int a, int b, int c) {
    public static final GradeThresholds DEFAULT = new GradeThresholds(80, 60, 40);

    /** A if {@code score ≥ a}, else B if {@code ≥ b}, else C if {@code ≥ c}, else D. */
    public String grade(int score) {
        return score >= a ? "A" : score >= b ? "B" : score >= c ? "C" : "D";
    }

    /** The thresholds as a client sent them; any may be missing or out of range. */
    public record Spec(BigDecimal a, BigDecimal b, BigDecimal c) {
        public static Spec of(int a, int b, int c) {
            return new Spec(BigDecimal.valueOf(a), BigDecimal.valueOf(b), BigDecimal.valueOf(c));
        }
    }
}
