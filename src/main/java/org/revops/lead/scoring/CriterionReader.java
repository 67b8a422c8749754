package org.revops.lead.scoring;

import org.revops.platform.error.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.revops.lead.scoring.ScoringCriterion.EQUALS;
import static org.revops.lead.scoring.ScoringCriterion.IN;
import static org.revops.lead.scoring.ScoringCriterion.PRESENT;
import static org.revops.lead.scoring.ScoringCriterion.RANGE;
import static org.revops.lead.scoring.ScoringCriterion.RECENCY;

/**
 * Turns one raw {@link CriterionSpec} into a {@link ScoringCriterion}, or records every problem with it. Problems
 * about one attribute name it ({@code criteria[2].field}); problems about how attributes fit together
 * ({@code give min, max or both}) name the criterion ({@code criteria[2]}).
 */
final class CriterionReader {
    static final int MAX_VALUES = 100;
    static final int MAX_TEXT = 200;
    static final int MAX_WEIGHT = 1000;
    static final int MAX_DAYS = 3650;
    /** Amounts are {@code numeric(19,4)}: 15 digits before the point, 4 after. */
    private static final int INTEGER_DIGITS = 15;
    private static final int DECIMALS = 4;
    private static final BigDecimal MAX_WHOLE = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final List<String> OPERATORS = List.of(EQUALS, IN, RANGE, PRESENT, RECENCY);

    private final String path;
    private final List<FieldError> problems;

    private CriterionReader(String path, List<FieldError> problems) {
        this.path = path;
        this.problems = problems;
    }

    /** The criterion, or null after adding its problems to {@code problems}. */
    static ScoringCriterion read(CriterionSpec spec, int index, List<FieldError> problems) {
        return new CriterionReader("criteria[" + index + "]", problems).read(spec, index);
    }

    private ScoringCriterion read(CriterionSpec spec, int index) {
        if (spec == null) {
            return fail("", "criterion must not be null");
        }
        int before = problems.size();
        String name = trim(spec.field());
        String operator = trim(spec.operator());
        ScoringField field = name == null ? null : ScoringField.byJsonName(name).orElse(null);
        boolean applies = false;
        if (field == null) {
            fail(".field", (name == null ? "field is required" : "unknown field '" + name + "'") + ": use "
                    + ScoringField.names());
            if (operator == null || !OPERATORS.contains(operator)) {
                fail(".operator", operatorProblem(operator, OPERATORS));
            }
        } else if (operator == null || !field.operators().contains(operator)) {
            fail(".operator", operator != null && OPERATORS.contains(operator)
                    ? "operator '" + operator + "' does not apply to " + field.jsonName() + " ("
                    + (operator.equals(PRESENT) ? "it is never empty" : field.kind().description) + "): use "
                    + String.join(", ", field.operators())
                    : operatorProblem(operator, field.operators()));
        } else {
            applies = true;
        }
        Integer weight = weight(spec.weight());
        String label = label(spec.label());
        if (!applies) {
            return null;
        }
        ScoringCriterion read = switch (operator) {
            case EQUALS -> values(index, field, operator, spec, spec.value() == null ? null : List.of(spec.value()),
                    weight, label);
            case IN -> values(index, field, operator, spec, spec.values(), weight, label);
            case RANGE -> range(index, field, spec, weight, label);
            case PRESENT -> {
                only(spec, operator);
                yield new ScoringCriterion(index, field, PRESENT, null, null, null, null, orZero(weight),
                        label != null ? label : field.jsonName() + " given");
            }
            default -> recency(index, field, spec, weight, label);
        };
        return problems.size() == before ? read : null;
    }

    private ScoringCriterion values(int index, ScoringField field, String operator, CriterionSpec spec,
                                    List<String> given, Integer weight, String label) {
        String attribute = operator.equals(EQUALS) ? "value" : "values";
        only(spec, operator, attribute);
        if (given == null || given.isEmpty()) {
            return fail("." + attribute, operator.equals(EQUALS) ? "value is required" : "values must not be empty");
        }
        Map<String, String> distinct = new LinkedHashMap<>();   // comparison key → stored value (first spelling)
        for (int j = 0; j < given.size(); j++) {
            String at = operator.equals(EQUALS) ? "value" : "values[" + j + "]";
            String value = trim(given.get(j));
            String refused = value == null ? at + " must not be blank"
                    : value.length() > MAX_TEXT ? at + " is longer than " + MAX_TEXT + " characters"
                    : field.kind() == ScoringField.Kind.CHOICE ? field.refuseChoice(value)
                    : numeric(field) ? refuseNumber(field, value, at) : null;
            if (refused != null) {
                fail("." + attribute, refused);
                continue;
            }
            String stored = numeric(field) ? new BigDecimal(value).stripTrailingZeros().toPlainString() : value;
            String key = field.kind() == ScoringField.Kind.TEXT ? ScoringCriterion.fold(stored) : stored;
            distinct.putIfAbsent(key, stored);
        }
        if (distinct.size() > MAX_VALUES) {
            fail(".values", "values may hold at most " + MAX_VALUES + " entries, not " + distinct.size());
        }
        List<String> values = new ArrayList<>(distinct.values());
        return new ScoringCriterion(index, field, operator, values, null, null, null, orZero(weight),
                label != null ? label : field.jsonName() + (operator.equals(EQUALS) ? " is " : " is one of ")
                        + String.join(", ", values));
    }

    private ScoringCriterion range(int index, ScoringField field, CriterionSpec spec, Integer weight, String label) {
        only(spec, RANGE, "min", "max");
        BigDecimal min = bound(field, "min", spec.min());
        BigDecimal max = bound(field, "max", spec.max());
        if (spec.min() == null && spec.max() == null) {
            return fail("", "give min, max or both");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            return fail("", "min must not exceed max");
        }
        String text = min != null && max != null ? " from " + min.toPlainString() + " to " + max.toPlainString()
                : min != null ? " at least " + min.toPlainString() : " at most " + (max == null ? "" : max.toPlainString());
        return new ScoringCriterion(index, field, RANGE, null, min, max, null, orZero(weight),
                label != null ? label : field.jsonName() + text);
    }

    private ScoringCriterion recency(int index, ScoringField field, CriterionSpec spec, Integer weight, String label) {
        only(spec, RECENCY, "days");
        if (spec.days() == null) {
            return fail(".days", "days is required");
        }
        if (spec.days() < 1 || spec.days() > MAX_DAYS) {
            return fail(".days", "days must be from 1 to " + MAX_DAYS + ", not " + spec.days());
        }
        return new ScoringCriterion(index, field, RECENCY, null, null, null, spec.days(), orZero(weight),
                label != null ? label : field.jsonName() + " within " + spec.days() + " days");
    }

    /** Attributes that do not belong to {@code operator} are refused, so a typo never silently scores. */
    private void only(CriterionSpec spec, String operator, String... allowed) {
        List<String> ok = List.of(allowed);
        String use = operator + (ok.isEmpty() ? "" : ": use " + String.join(" and ", ok));
        check(spec.value(), "value", ok, use);
        check(spec.values() == null || spec.values().isEmpty() ? null : spec.values(), "values", ok, use);
        check(spec.min(), "min", ok, use);
        check(spec.max(), "max", ok, use);
        check(spec.days(), "days", ok, use);
    }

    private void check(Object given, String attribute, List<String> allowed, String use) {
        if (given != null && !allowed.contains(attribute)) {
            fail("." + attribute, attribute + (attribute.equals("values") ? " do" : " does") + " not apply to " + use);
        }
    }

    private Integer weight(BigDecimal weight) {
        if (weight == null) {
            return fail(".weight", "weight is required");
        }
        if (weight.signum() <= 0) {
            return fail(".weight", "weight must be positive, not " + weight.toPlainString());
        }
        if (weight.stripTrailingZeros().scale() > 0 || weight.compareTo(BigDecimal.valueOf(MAX_WEIGHT)) > 0) {
            return fail(".weight", "weight must be a whole number from 1 to " + MAX_WEIGHT + ", not "
                    + weight.toPlainString());
        }
        return weight.intValueExact();
    }

    private String label(String raw) {
        String label = trim(raw);
        if (label != null && label.length() > MAX_TEXT) {
            return fail(".label", "label is longer than " + MAX_TEXT + " characters");
        }
        return label;
    }

    /** A valid bound, normalised (plain notation), or null when absent or invalid. */
    private BigDecimal bound(ScoringField field, String name, BigDecimal value) {
        if (value == null) {
            return null;
        }
        String refused = refuseNumber(field, value.toPlainString(), name);
        if (refused != null) {
            return fail("." + name, refused);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Null when {@code text} is a number the field's column can hold, otherwise why not. */
    private static String refuseNumber(ScoringField field, String text, String at) {
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return at + " must be a number, not '" + text + "'";
        }
        if (number.signum() < 0) {
            return at + " must not be negative";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (field.kind() == ScoringField.Kind.WHOLE_NUMBER) {
            return stripped.scale() > 0 || number.compareTo(MAX_WHOLE) > 0
                    ? at + " must be a whole number from 0 to " + MAX_WHOLE + " (" + field.jsonName() + " is a count)"
                    : null;
        }
        return stripped.scale() > DECIMALS || stripped.precision() - stripped.scale() > INTEGER_DIGITS
                ? at + " takes at most " + INTEGER_DIGITS + " digits before and " + DECIMALS
                + " after the decimal point" : null;
    }

    private static boolean numeric(ScoringField field) {
        return field.kind() == ScoringField.Kind.NUMBER || field.kind() == ScoringField.Kind.WHOLE_NUMBER;
    }

    private static String operatorProblem(String operator, List<String> operators) {
        return (operator == null ? "operator is required" : "unknown operator '" + operator + "'") + ": use "
                + String.join(", ", operators);
    }

    private static int orZero(Integer weight) {
        return weight == null ? 0 : weight;   // only when a problem was recorded: the criterion is then dropped
    }

    private <T> T fail(String suffix, String message) {
        problems.add(new FieldError(path + suffix, message));
        return null;
    }

    /** Trimmed, or null when null or blank. */
    private static String trim(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
