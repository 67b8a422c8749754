package org.revops.territory.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.revops.territory.rules.Criterion.BETWEEN;
import static org.revops.territory.rules.Criterion.IN;
import static org.revops.territory.rules.Criterion.STARTS_WITH;

/**
 * Turns one raw {@link CriterionSpec} into a normalized {@link Criterion}, or records every problem with it.
 * Problems about one attribute are addressed to it ({@code criteria[i].values}); problems about how attributes
 * fit together ({@code give min, max or both}, {@code min must not exceed max}) to the criterion ({@code criteria[i]}).
 */
final class CriterionReader {
    static final int MAX_VALUES = 500;
    static final int MAX_TEXT = 200;
    /** Account employee counts are PostgreSQL {@code integer}s; a larger bound could not be bound as one. */
    static final BigDecimal MAX_EMPLOYEES = BigDecimal.valueOf(Integer.MAX_VALUE);
    /** Revenues are {@code numeric(19,4)}: 15 digits before the point, 4 after. */
    static final int REVENUE_INTEGER_DIGITS = 15;
    static final int REVENUE_DECIMALS = 4;

    /** Field → the operators it takes, in the order the messages list them. */
    private static final Map<String, List<String>> OPERATORS = new LinkedHashMap<>();

    static {
        OPERATORS.put("country", List.of(IN));
        OPERATORS.put("region", List.of(IN));
        OPERATORS.put("industry", List.of(IN));
        OPERATORS.put("tier", List.of(IN));
        OPERATORS.put("postalCode", List.of(STARTS_WITH, BETWEEN));
        OPERATORS.put("employeeCount", List.of(BETWEEN));
        OPERATORS.put("annualRevenue", List.of(BETWEEN));
    }

    private static final String FIELDS =
            "country, region, industry, tier, postalCode, employeeCount or annualRevenue";
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> TIERS = Set.of("A", "B", "C");

    private final String path;
    private final List<RuleProblem> problems;

    private CriterionReader(String path, List<RuleProblem> problems) {
        this.path = path;
        this.problems = problems;
    }

    /** The normalized criterion, or null after adding its problems to {@code problems}. */
    static Criterion read(CriterionSpec spec, int index, List<RuleProblem> problems) {
        return new CriterionReader("criteria[" + index + "]", problems).read(spec);
    }

    private Criterion read(CriterionSpec spec) {
        if (spec == null) {
            return fail("", "criterion must not be null");
        }
        String field = trim(spec.field());
        String operator = trim(spec.operator());
        List<String> operators = OPERATORS.get(field);
        if (field == null || operators == null) {
            fail(".field", (field == null ? "field is required" : "unknown field '" + field + "'") + ": use " + FIELDS);
            if (operator == null || !List.of(IN, STARTS_WITH, BETWEEN).contains(operator)) {
                fail(".operator", (operator == null ? "operator is required" : "unknown operator '" + operator + "'")
                        + ": use in, startsWith or between");
            }
            return null;
        }
        if (operator == null || !operators.contains(operator)) {
            String use = ": use " + String.join(" or ", operators);
            return fail(".operator", operator == null ? "operator is required" + use
                    : List.of(IN, STARTS_WITH, BETWEEN).contains(operator)
                    ? "operator '" + operator + "' does not apply to " + field + use
                    : "unknown operator '" + operator + "'" + use);
        }
        int before = problems.size();
        Criterion criterion = switch (field + " " + operator) {
            case "postalCode between" -> postalRange(spec);
            case "employeeCount between", "annualRevenue between" -> numericRange(field, spec);
            default -> list(field, operator, spec);
        };
        return problems.size() == before ? criterion : null;
    }

    private Criterion list(String field, String operator, CriterionSpec spec) {
        notApplicable(spec.min(), "min", operator + ": use values");
        notApplicable(spec.max(), "max", operator + ": use values");
        notApplicable(spec.from(), "from", operator + ": use values");
        notApplicable(spec.to(), "to", operator + ": use values");
        if (spec.values() == null || spec.values().isEmpty()) {
            return fail(".values", "values must not be empty");
        }
        Map<String, String> distinct = new LinkedHashMap<>();   // comparison key → stored value (first spelling)
        for (int j = 0; j < spec.values().size(); j++) {
            String value = trim(spec.values().get(j));
            if (value == null) {
                fail(".values", "values[" + j + "] must not be blank");
            } else if (value.length() > MAX_TEXT) {
                fail(".values", "values[" + j + "] is longer than " + MAX_TEXT + " characters");
            } else if (field.equals("country") && !COUNTRY.matcher(value).matches()) {
                fail(".values", "'" + value + "' is not an ISO 3166-1 alpha-2 code such as DE");
            } else if (field.equals("tier") && !TIERS.contains(value)) {
                fail(".values", "'" + value + "' is not a tier: use A, B or C");
            } else {
                String stored = field.equals("postalCode") ? Criterion.upper(value) : value;
                String key = field.equals("region") || field.equals("industry")
                        ? value.toLowerCase(Locale.ROOT) : stored;
                distinct.putIfAbsent(key, stored);
            }
        }
        if (distinct.size() > MAX_VALUES) {
            fail(".values", "values may hold at most " + MAX_VALUES + " entries, not " + distinct.size());
        }
        return new Criterion(field, operator, new ArrayList<>(distinct.values()), null, null, null, null);
    }

    private Criterion numericRange(String field, CriterionSpec spec) {
        String use = field + " between: use min and max";
        notApplicable(spec.values() == null || spec.values().isEmpty() ? null : spec.values(), "values", use);
        notApplicable(spec.from(), "from", use);
        notApplicable(spec.to(), "to", use);
        BigDecimal min = bound(field, "min", spec.min());
        BigDecimal max = bound(field, "max", spec.max());
        if (spec.min() == null && spec.max() == null) {
            return fail("", "give min, max or both");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            return fail("", "min must not exceed max");
        }
        return new Criterion(field, BETWEEN, null, min, max, null, null);
    }

    /** A valid bound normalized (plain notation; whole for employee counts), or null when absent or invalid. */
    private BigDecimal bound(String field, String name, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            return fail("." + name, name + " must not be negative");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (field.equals("employeeCount")) {
            if (stripped.scale() > 0) {
                return fail("." + name, "employeeCount bounds must be whole numbers");
            }
            if (value.compareTo(MAX_EMPLOYEES) > 0) {
                return fail("." + name, "employeeCount bounds must not exceed " + MAX_EMPLOYEES);
            }
            return stripped.setScale(0);
        }
        if (stripped.scale() > REVENUE_DECIMALS || stripped.precision() - stripped.scale() > REVENUE_INTEGER_DIGITS) {
            return fail("." + name, "annualRevenue bounds take at most " + REVENUE_INTEGER_DIGITS
                    + " digits before and " + REVENUE_DECIMALS + " after the decimal point");
        }
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    private Criterion postalRange(CriterionSpec spec) {
        String use = "postalCode between: use from and to";
        notApplicable(spec.values() == null || spec.values().isEmpty() ? null : spec.values(), "values", use);
        notApplicable(spec.min(), "min", use);
        notApplicable(spec.max(), "max", use);
        String from = postalBound("from", spec.from());
        String to = postalBound("to", spec.to());
        if (spec.from() == null && spec.to() == null) {
            return fail("", "give from, to or both");
        }
        if (from != null && to != null && Criterion.compareBytewise(from, to) > 0) {
            return fail("", "from must not exceed to");
        }
        return new Criterion("postalCode", BETWEEN, null, null, null, from, to);
    }

    private String postalBound(String name, String raw) {
        if (raw == null) {
            return null;
        }
        String value = trim(raw);
        if (value == null) {
            return fail("." + name, name + " must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            return fail("." + name, name + " is longer than " + MAX_TEXT + " characters");
        }
        return Criterion.upper(value);
    }

    private void notApplicable(Object value, String name, String use) {
        if (value != null) {
            fail("." + name, name + (name.equals("values") ? " do" : " does") + " not apply to " + use);
        }
    }

    private <T> T fail(String suffix, String message) {
        problems.add(new RuleProblem(path + suffix, message));
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
