package org.revops.lead.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.revops.platform.db.StatementCachingPool;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one statement that scores leads in SQL, generated from a compiled {@link ScoringModel}: the publish job runs
 * it over id ranges, a lead write and "score now" over one lead, so the three can never disagree. Every value of the
 * model (criterion values, bounds, weights, labels, thresholds) is a bound parameter; the SQL text holds only column
 * names from {@link ScoringField} and the statement's shape.
 *
 * <p>It updates the open leads of the scope (status neither converted nor disqualified) with the model's score,
 * grade and reasons (see {@link ScoringModel} for the formula), inserts a {@code lead_scores} row for each lead whose
 * score or grade changed, and answers one row of counts. The score expressions are computed in the UPDATE's SET from
 * the target row itself, so a lead changed by a concurrent write while the statement waited for its row lock is
 * scored on its new values (PostgreSQL re-evaluates SET on the newest row version); the old score comes from a
 * self-join on the snapshot. The grade is the (score + 1)-th letter of a 101-letter table built from the thresholds.
 *
 * <p>The statement is marked to stay prepared ({@link StatementCachingPool}): a lead write runs the same text for as long
 * as the model is published, and parsing it again each time cost more than running it.
 *
 * <p>Parameters: $1 workspace, $2 model, $3 model number, $4 scoring time, $5 cause, $6 the state the model must be
 * in (it is share-locked; no row: nothing is scored and {@code model_found} is 0), then the scope's, then the model's.
 */
public final class ScoringSql {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FOLD = "translate(%s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
    static final UUID MAX_UUID = new UUID(-1L, -1L);
    private static final String HOT = ", coalesce(array_agg(s.id) FILTER (WHERE s.grade IN ('A', 'B')"
            + " AND (s.previous_grade IS NULL OR s.previous_grade NOT IN ('A', 'B'))), CAST('{}' AS uuid[])) AS hot";
    public static final String OPEN = "l.status NOT IN ('converted', 'disqualified')";

    private ScoringSql() {
    }

    /** Which leads a statement scores. */
    public enum Scope {
        /** One lead: $7 its id. */
        ONE,
        /** The open leads whose id lies in [$7, $8], both inclusive. */
        RANGE,
        /** The open leads not yet scored with this model, skipping rows another transaction holds (the switch). */
        STALE,
        /** The open leads whose id is in the array $7 (a batch upsert's written leads). */
        IDS
    }

    /** SQL text and its parameters in order. */
    public record Statement(String sql, List<Object> params) {
        /** The same statement with Hibernate's native placeholders ({@code ?1}) instead of {@code $1}. */
        public String hibernateSql() {
            return sql.replaceAll("\\$(\\d+)", "?$1");
        }
    }

    /** What a statement is bound to besides the model and the scope. */
    public record Binding(UUID workspaceId, UUID modelId, int modelNumber, Instant now, String cause, UUID jobId,
                          String requiredState) {
    }

    /**
     * The scoring statement. {@code scopeArgs}: the lead id for ONE; the inclusive first and last id for RANGE (see
     * {@link #lastIdBefore}); nothing for STALE; a UUID[] for IDS, whose answer also carries {@code hot}: the ids of
     * the leads whose grade became A or B (as {@link ScoreChange#gradeBecameAOrB()}).
     */
    public static Statement score(ScoringModel model, Scope scope, Binding binding, Object... scopeArgs) {
        List<Object> params = new ArrayList<>(List.of(binding.workspaceId(), binding.modelId(), binding.modelNumber(),
                at(binding.now()), binding.cause(), binding.requiredState()));
        String scopeSql;
        String snapshotScope;   // the same bounds on the self-join, so it reads the same index range
        switch (scope) {
            case ONE -> {
                String id = param(params, scopeArgs[0], "uuid");
                scopeSql = "l.id = " + id;
                snapshotScope = "o.id = " + id;
            }
            case RANGE -> {
                String range = " BETWEEN " + param(params, scopeArgs[0], "uuid") + " AND "
                        + param(params, scopeArgs[1], "uuid");
                scopeSql = "l.id" + range;
                snapshotScope = "o.id" + range;
            }
            case IDS -> {
                String ids = param(params, scopeArgs[0], "uuid[]");
                scopeSql = "l.id = ANY(" + ids + ")";
                snapshotScope = "o.id = ANY(" + ids + ")";
            }
            default -> {
                scopeSql = """
                        l.scoring_model_id IS DISTINCT FROM CAST($2 AS uuid)
                              AND l.id IN (SELECT x.id FROM leads x WHERE x.workspace_id = CAST($1 AS uuid)
                                           AND x.scoring_model_id IS DISTINCT FROM CAST($2 AS uuid)
                                           AND x.status NOT IN ('converted', 'disqualified')
                                           FOR NO KEY UPDATE SKIP LOCKED)""";
                snapshotScope = "TRUE";
            }
        }
        List<String> reasonColumns = new ArrayList<>();
        List<String> groupPoints = new ArrayList<>();
        List<String> groupReasons = new ArrayList<>();
        for (List<ScoringCriterion> group : model.groups()) {
            StringBuilder points = new StringBuilder("CASE");
            StringBuilder reasons = new StringBuilder("CASE");
            for (ScoringCriterion criterion : group) {
                String condition = condition(criterion, binding.now(), params);
                String reason = "r.r" + criterion.index();
                reasonColumns.add("CAST(CAST(" + param(params, reasonJson(model, criterion)) + " AS text) AS jsonb) AS r"
                        + criterion.index());
                points.append(" WHEN ").append(condition).append(" THEN ")
                        .append(param(params, criterion.weight(), "integer"));
                reasons.append(" WHEN ").append(condition).append(" THEN ").append(reason);
            }
            groupPoints.add(points.append(" ELSE 0 END").toString());
            groupReasons.add(reasons.append(" ELSE CAST('[]' AS jsonb) END").toString());
        }
        String w = param(params, model.maxRaw(), "integer");
        String score = "(200 * (" + String.join("\n            + ", groupPoints) + ") + " + w + ") / (2 * " + w + ")";
        String grade = "substr(" + param(params, gradeTable(model.thresholds()), "text") + ", " + score + " + 1, 1)";
        String reasons = groupReasons.stream().map(r -> "(" + r + ")").collect(Collectors.joining("\n            || "));
        String sql = StatementCachingPool.KEEP_PREPARED + """
                WITH model AS (
                    SELECT m.id FROM scoring_models m
                    WHERE m.workspace_id = CAST($1 AS uuid) AND m.id = CAST($2 AS uuid) AND m.state = CAST($6 AS text)
                    FOR SHARE),
                reason AS MATERIALIZED (
                    SELECT %s),
                scored AS (
                    UPDATE leads l
                    SET score = %s,
                        grade = %s,
                        score_reasons = %s,
                        scoring_model_id = m.id, scored_at = CAST($4 AS timestamptz)
                    FROM leads o, reason r, model m
                    WHERE l.workspace_id = CAST($1 AS uuid) AND %s AND %s
                      AND o.workspace_id = l.workspace_id AND o.id = l.id AND %s
                    RETURNING l.id, l.score, l.grade, l.score_reasons, o.score AS previous_score,
                              o.grade AS previous_grade),
                history AS (
                    INSERT INTO lead_scores (workspace_id, id, lead_id, model_id, model_number, score, grade, reasons,
                                             previous_score, previous_grade, cause, job_id, scored_at)
                    SELECT CAST($1 AS uuid), gen_random_uuid(), s.id, CAST($2 AS uuid), CAST($3 AS integer), s.score,
                           s.grade, s.score_reasons, s.previous_score, s.previous_grade, CAST($5 AS text), %s,
                           CAST($4 AS timestamptz)
                    FROM scored s
                    WHERE s.score IS DISTINCT FROM s.previous_score OR s.grade IS DISTINCT FROM s.previous_grade)
                SELECT (SELECT count(*) FROM model) AS model_found, count(s.id) AS leads,
                       count(s.id) FILTER (WHERE s.score IS DISTINCT FROM s.previous_score
                                           OR s.grade IS DISTINCT FROM s.previous_grade) AS changed,
                       count(s.id) FILTER (WHERE s.grade = 'A') AS grade_a, count(s.id) FILTER (WHERE s.grade = 'B') AS grade_b,
                       count(s.id) FILTER (WHERE s.grade = 'C') AS grade_c, count(s.id) FILTER (WHERE s.grade = 'D') AS grade_d,
                       min(s.score) AS score, min(s.grade) AS grade, min(s.previous_score) AS previous_score,
                       min(s.previous_grade) AS previous_grade%s
                FROM scored s""".formatted(String.join(", ", reasonColumns), score, grade, reasons, scopeSql, OPEN, snapshotScope,
                binding.jobId() == null ? "CAST(NULL AS uuid)" : param(params, binding.jobId(), "uuid"),
                scope == Scope.ONE ? ", max(CAST(s.score_reasons AS text)) AS reasons"
                        : scope == Scope.IDS ? HOT : "");
        return new Statement(sql, params);
    }

    /** The inclusive last id of a half-open id range [from, to): the UUID just before {@code to}, or the largest. */
    public static UUID lastIdBefore(UUID to) {
        if (to == null) {
            return MAX_UUID;
        }
        long lsb = to.getLeastSignificantBits();
        return lsb != 0 ? new UUID(to.getMostSignificantBits(), lsb - 1)
                : new UUID(to.getMostSignificantBits() - 1, -1L);
    }

    /** The condition under which {@code criterion} fires, on the target row {@code l}, as in ScoringCriterion#fires. */
    static String condition(ScoringCriterion criterion, Instant now, List<Object> params) {
        ScoringField field = criterion.field();
        String column = "l." + field.column();
        return switch (criterion.operator()) {
            case ScoringCriterion.PRESENT -> field.kind() == ScoringField.Kind.TEXT
                    || field.kind() == ScoringField.Kind.CHOICE ? column + " <> ''" : column + " IS NOT NULL";
            case ScoringCriterion.RECENCY -> column + " >= " + param(params, at(criterion.cutoff(now)), "timestamptz");
            case ScoringCriterion.RANGE -> {
                List<String> parts = new ArrayList<>();
                if (criterion.min() != null) {
                    parts.add(column + " >= " + number(params, field, criterion.min()));
                }
                if (criterion.max() != null) {
                    parts.add(column + " <= " + number(params, field, criterion.max()));
                }
                yield "(" + String.join(" AND ", parts) + ")";
            }
            default -> switch (field.kind()) {
                case TEXT -> FOLD.formatted(column) + " IN (" + criterion.comparedValues().stream()
                        .map(v -> param(params, v, "text")).collect(Collectors.joining(", ")) + ")";
                case CHOICE -> column + " IN (" + criterion.values().stream()
                        .map(v -> param(params, v, "text")).collect(Collectors.joining(", ")) + ")";
                default -> column + " = " + number(params, field, new java.math.BigDecimal(criterion.values().get(0)));
            };
        };
    }

    private static String number(List<Object> params, ScoringField field, java.math.BigDecimal value) {
        return field.kind() == ScoringField.Kind.WHOLE_NUMBER ? param(params, value.intValueExact(), "integer")
                : param(params, value, "numeric");
    }

    /** 101 letters: the grade of score s is letter s + 1. */
    static String gradeTable(GradeThresholds thresholds) {
        StringBuilder table = new StringBuilder(101);
        for (int score = 0; score <= 100; score++) {
            table.append(thresholds.grade(score));
        }
        return table.toString();
    }

    /** The reason of one criterion as a one-element JSON array, ready to concatenate. */
    static String reasonJson(ScoringModel model, ScoringCriterion criterion) {
        try {
            return JSON.writeValueAsString(List.of(model.reason(criterion)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reason does not serialize", e);
        }
    }

    private static String param(List<Object> params, Object value, String type) {
        return "CAST(" + param(params, value) + " AS " + type + ")";
    }

    private static String param(List<Object> params, Object value) {
        params.add(value);
        return "$" + params.size();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
