package org.revops.lead.scoring;

import org.revops.platform.error.FieldError;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled rule-scoring model: weighted criteria over lead fields and grade thresholds.
 *
 * <p><b>Formula.</b> Criteria on the same field form a group, and a group counts once: with the criteria of group
 * g ordered by weight, highest first (ties: the earlier criterion first), the group scores the weight of the first
 * criterion that fires, or 0. So "industry is Software: 30" and "industry is Retail: 10" are alternatives, and
 * "engaged within 7 days: 20" beside "within 30 days: 10" gives 20 to a lead engaged yesterday, not 30.
 * With {@code W = Σ_g max weight in g} (the most a lead can score),
 * <pre>
 *   raw   = Σ_g weight of the firing criterion of g
 *   score = round(100 · raw / W)            (half up; integer arithmetic: (200·raw + W) div (2·W))
 *   grade = A if score ≥ A, B if ≥ B, C if ≥ C, else D
 * </pre>
 * so a lead that meets the best criterion of every field scores 100, one that meets none 0.
 * Each firing criterion is a reason with its label, its weight and its points {@code 100 · weight / W} rounded half up
 * to one decimal; the reasons come in the order of the groups (by the position of their first criterion), and their
 * points add up to the score up to that rounding.
 */
public final class ScoringModel {
    static final int MAX_CRITERIA = 50;

    private final List<ScoringCriterion> criteria;
    private final List<List<ScoringCriterion>> groups;
    private final GradeThresholds thresholds;
    private final int maxRaw;

    private ScoringModel(List<ScoringCriterion> criteria, GradeThresholds thresholds) {
        this.criteria = List.copyOf(criteria);
        this.thresholds = thresholds;
        Map<ScoringField, List<ScoringCriterion>> byField = new LinkedHashMap<>();
        criteria.forEach(c -> byField.computeIfAbsent(c.field(), f -> new ArrayList<>()).add(c));
        this.groups = byField.values().stream().map(group -> group.stream()
                .sorted(Comparator.comparingInt(ScoringCriterion::weight).reversed()
                        .thenComparingInt(ScoringCriterion::index)).toList()).toList();
        this.maxRaw = groups.stream().mapToInt(group -> group.get(0).weight()).sum();
    }

    /**
     * Validates and normalises a model: 1 to {@value #MAX_CRITERIA} criteria (see {@link CriterionReader}) and
     * thresholds (null: {@link GradeThresholds#DEFAULT}).
     *
     * @throws ScoringModelInvalidException listing every problem, each addressed like the JSON it came from
     */
    public static ScoringModel compile(List<CriterionSpec> specs, GradeThresholds.Spec thresholds) {
        List<FieldError> problems = new ArrayList<>();
        List<ScoringCriterion> criteria = new ArrayList<>();
        if (specs == null || specs.isEmpty()) {
            problems.add(new FieldError("criteria", "a model needs at least one criterion"));
        } else if (specs.size() > MAX_CRITERIA) {
            problems.add(new FieldError("criteria", "a model may have at most " + MAX_CRITERIA + " criteria, not "
                    + specs.size()));
        } else {
            for (int i = 0; i < specs.size(); i++) {
                criteria.add(CriterionReader.read(specs.get(i), i, problems));
            }
        }
        GradeThresholds grades = thresholds(thresholds, problems);
        if (!problems.isEmpty()) {
            throw new ScoringModelInvalidException(problems);
        }
        return new ScoringModel(criteria, grades);
    }

    private static GradeThresholds thresholds(GradeThresholds.Spec spec, List<FieldError> problems) {
        if (spec == null) {
            return GradeThresholds.DEFAULT;
        }
        Integer a = threshold("A", spec.a(), problems);
        Integer b = threshold("B", spec.b(), problems);
        Integer c = threshold("C", spec.c(), problems);
        if (a != null && b != null && b >= a) {
            problems.add(new FieldError("thresholds.B", belowMessage(b, "A", a)));
        }
        if (b != null && c != null && c >= b) {
            problems.add(new FieldError("thresholds.C", belowMessage(c, "B", b)));
        }
        return a == null || b == null || c == null ? null : new GradeThresholds(a, b, c);
    }

    private static String belowMessage(int value, String above, int aboveValue) {
        return "must be below " + above + " (" + aboveValue + "), not " + value
                + ": thresholds decrease from A to C, or the grades would overlap";
    }

    private static Integer threshold(String grade, BigDecimal value, List<FieldError> problems) {
        if (value == null) {
            problems.add(new FieldError("thresholds." + grade, "is required"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.ONE) < 0
                || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new FieldError("thresholds." + grade, "must be a whole number from 1 to 100, not "
                    + value.toPlainString()));
            return null;
        }
        return value.intValueExact();
    }

    /** The lead's score, grade and reasons at {@code now} (recency criteria compare with it). */
    public Score score(LeadFacts lead, Instant now) {
        int raw = 0;
        List<ScoreReason> reasons = new ArrayList<>();
        for (List<ScoringCriterion> group : groups) {
            for (ScoringCriterion criterion : group) {
                if (criterion.fires(lead, now)) {
                    raw += criterion.weight();
                    reasons.add(reason(criterion));
                    break;
                }
            }
        }
        int score = scoreOf(raw);
        return new Score(score, thresholds.grade(score), reasons);
    }

    /** {@code round(100 · raw / W)}, half up, in integers. */
    int scoreOf(int raw) {
        return (200 * raw + maxRaw) / (2 * maxRaw);
    }

    /** The reason a firing criterion gives: its points are {@code 100 · weight / W} to one decimal, half up. */
    public ScoreReason reason(ScoringCriterion criterion) {
        return new ScoreReason(criterion.index(), criterion.field().jsonName(), criterion.label(), criterion.weight(),
                points(criterion));
    }

    public BigDecimal points(ScoringCriterion criterion) {
        return BigDecimal.valueOf(100L * criterion.weight()).divide(BigDecimal.valueOf(maxRaw), 1, RoundingMode.HALF_UP);
    }

    public List<ScoringCriterion> criteria() {
        return criteria;
    }

    /** Criteria by field, each ordered by weight (highest first, then position); groups in order of appearance. */
    public List<List<ScoringCriterion>> groups() {
        return groups;
    }

    public GradeThresholds thresholds() {
        return thresholds;
    }

    /** W: the most raw points a lead can collect, the sum of each group's highest weight. */
    public int maxRaw() {
        return maxRaw;
    }

    /** A lead's rule score: 0–100, its grade and the criteria that counted. */
    public record Score(int score, String grade, List<ScoreReason> reasons) {
    }

    /** One criterion that counted towards a score. */
    public record ScoreReason(int criterion, String field, String label, int weight, BigDecimal points) {
    }
}
