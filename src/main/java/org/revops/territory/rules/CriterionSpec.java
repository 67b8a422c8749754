package org.revops.territory.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * One criterion as a client sent it, before validation: any attribute may be missing, blank or wrong.
 * {@link AssignmentRule#compile} turns a list of these into normalized {@link Criterion}s or says what is wrong.
 *
 * @param field    country, region, industry, tier, postalCode, employeeCount or annualRevenue
 * @param operator in, startsWith or between
 * @param values   the list for {@code in} and {@code startsWith}
 * @param min      lower bound for employeeCount and annualRevenue {@code between}
 * @param max      upper bound for employeeCount and annualRevenue {@code between}
 * @param from     lower bound for postalCode {@code between}
 * @param to       upper bound for postalCode {@code between}
 */
public record CriterionSpec(String field, String operator, List<String> values,
                            BigDecimal min, BigDecimal max, String from, String to) {

    /** A list criterion ({@code in} or {@code startsWith}). */
    public static CriterionSpec of(String field, String operator, String... values) {
        return new CriterionSpec(field, operator, List.of(values), null, null, null, null);
    }
}
