package org.revops.territory.rules;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * One validated, normalized condition on an account (what is stored in {@code territory_rules.criteria}).
 * The SQL assignment engine must agree with {@link #matches}, which is the reference:
 * <ul>
 *   <li>{@code country in}, {@code tier in}: the account's value equals one of {@code values} exactly;</li>
 *   <li>{@code region in}, {@code industry in}: equal after lower-casing both sides ({@code lower(x)});</li>
 *   <li>{@code postalCode startsWith}: {@code upper(postalCode)} starts with one of the (upper-cased) prefixes;</li>
 *   <li>{@code postalCode between}: {@code from <= upper(postalCode) <= to}, compared by code point, which is the
 *       byte order of UTF-8 ({@code COLLATE "C"}); a missing bound is open;</li>
 *   <li>{@code employeeCount between}, {@code annualRevenue between}: {@code min <= value <= max}, numerically,
 *       a missing bound is open;</li>
 *   <li>a null account value never matches.</li>
 * </ul>
 * Normalization done by {@link AssignmentRule#compile}: strings trimmed; values de-duplicated (case-insensitively
 * for region and industry, keeping the first spelling); postal prefixes and bounds upper-cased; employee counts
 * without decimals.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Criterion(String field, String operator, List<String> values, BigDecimal min, BigDecimal max,
                        String from, String to) {
    public static final String IN = "in";
    public static final String STARTS_WITH = "startsWith";
    public static final String BETWEEN = "between";

    public Criterion {
        values = values == null ? null : List.copyOf(values);
    }

    /** Whether the account satisfies this criterion (see the class comment for the exact semantics). */
    public boolean matches(AccountFacts account) {
        return switch (field) {
            case "country" -> containsExactly(account.country());
            case "tier" -> containsExactly(account.tier());
            case "region" -> containsIgnoringCase(account.region());
            case "industry" -> containsIgnoringCase(account.industry());
            case "postalCode" -> postalCodeMatches(account.postalCode());
            case "employeeCount" -> account.employeeCount() != null
                    && within(BigDecimal.valueOf(account.employeeCount().longValue()));
            case "annualRevenue" -> account.annualRevenue() != null && within(account.annualRevenue());
            default -> throw new IllegalStateException("not a compiled criterion: field " + field);
        };
    }

    /** This criterion as raw input again, e.g. to recompile a stored rule whose expression is being changed. */
    public CriterionSpec spec() {
        return new CriterionSpec(field, operator, values, min, max, from, to);
    }

    private boolean containsExactly(String value) {
        return value != null && values.contains(value);   // List.copyOf lists refuse contains(null)
    }

    private boolean containsIgnoringCase(String value) {
        if (value == null) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(lower));
    }

    private boolean postalCodeMatches(String postalCode) {
        if (postalCode == null) {
            return false;
        }
        String code = upper(postalCode);
        if (STARTS_WITH.equals(operator)) {
            return values.stream().anyMatch(prefix -> code.startsWith(upper(prefix)));
        }
        return (from == null || compareBytewise(upper(from), code) <= 0)
                && (to == null || compareBytewise(code, upper(to)) <= 0);
    }

    private boolean within(BigDecimal value) {
        return (min == null || min.compareTo(value) <= 0) && (max == null || value.compareTo(max) <= 0);
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    /**
     * Orders strings the way PostgreSQL's {@code COLLATE "C"} does: by UTF-8 bytes, which is code point order.
     * ({@link String#compareTo} compares UTF-16 units and disagrees for characters above U+FFFF.)
     */
    static int compareBytewise(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
