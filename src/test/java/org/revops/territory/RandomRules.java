package org.revops.territory;

import org.revops.territory.rules.AccountFacts;
import org.revops.territory.rules.Criterion;
import org.revops.territory.rules.CriterionSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random criteria, expressions and accounts for the equivalence test, drawn from small value sets so that rules
 * overlap a lot, plus accounts placed exactly on and next to every bound and prefix the rules use (the engine groups
 * accounts by where their values fall between those bounds, so that is where it could go wrong).
 */
final class RandomRules {
    static final String[] COUNTRIES = {"DE", "FR", "GB", "US", "JP"};
    static final String[] REGIONS = {"EMEA", "AMER", "APAC"};
    static final String[] INDUSTRIES = {"Retail", "Manufacturing", "Finance"};
    static final String[] TIERS = {"A", "B", "C"};
    static final String[] POSTAL = {"10115", "20095", "80331", "SW1A", "94105", "1", "SW", "8"};

    private RandomRules() {
    }

    static CriterionSpec criterion(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> CriterionSpec.of("country", "in", some(random, COUNTRIES));
            case 1 -> CriterionSpec.of("region", "in", some(random, REGIONS));
            case 2 -> CriterionSpec.of("industry", "in", random.nextBoolean() ? some(random, INDUSTRIES)
                    : new String[] {some(random, INDUSTRIES)[0].toUpperCase()});
            case 3 -> CriterionSpec.of("tier", "in", some(random, TIERS));
            case 4 -> CriterionSpec.of("postalCode", "startsWith", pick(random, new String[] {"1", "10", "sw", "SW1"}),
                    pick(random, new String[] {"8", "80", "9"}));
            case 5 -> new CriterionSpec("postalCode", "between", null, null, null,
                    random.nextBoolean() ? pick(random, new String[] {"10000", "10115", "2"}) : null,
                    pick(random, new String[] {"80331", "SW1A", "9"}));
            case 6 -> new CriterionSpec("employeeCount", "between", null,
                    BigDecimal.valueOf(random.nextInt(1500)), random.nextBoolean() ? null : BigDecimal.valueOf(2000),
                    null, null);
            default -> new CriterionSpec("annualRevenue", "between", null,
                    random.nextBoolean() ? null : BigDecimal.valueOf(100_000), BigDecimal.valueOf(1_500_000), null, null);
        };
    }

    /** A random AND/OR expression using each criterion from..to exactly once, parenthesised at random. */
    static String expression(Random random, int from, int to) {
        if (from == to) {
            return Integer.toString(from);
        }
        int split = from + random.nextInt(to - from);
        String left = expression(random, from, split);
        String right = expression(random, split + 1, to);
        String joined = left + (random.nextBoolean() ? " AND " : " or ") + right;
        return random.nextBoolean() ? "(" + joined + ")" : joined;
    }

    static AccountFacts account(Random random) {
        return new AccountFacts(pick(random, COUNTRIES), maybe(random, REGIONS), maybe(random, INDUSTRIES),
                pick(random, TIERS), maybe(random, POSTAL), random.nextInt(5) == 0 ? null : random.nextInt(3000),
                random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(2_000_000)));
    }

    /**
     * Accounts on every bound b of the compiled criteria (b - 1, b, b + 1 for numbers; the bound itself, the bound
     * with a character more and the prefix in lower case for postal codes). All accounts near one field's bounds share
     * the other fields, so that they differ only where the engine tells them apart.
     */
    static List<AccountFacts> onTheBounds(Random random, List<Criterion> criteria) {
        Set<Integer> employees = new LinkedHashSet<>();
        Set<BigDecimal> revenues = new LinkedHashSet<>();
        Set<String> postalCodes = new LinkedHashSet<>();
        for (Criterion c : criteria) {
            for (BigDecimal bound : new BigDecimal[] {c.min(), c.max()}) {
                if (bound != null && c.field().equals("employeeCount")) {
                    for (int delta = -1; delta <= 1; delta++) {
                        employees.add(Math.max(0, bound.intValue() + delta));
                    }
                } else if (bound != null) {
                    revenues.add(bound.subtract(BigDecimal.ONE).max(BigDecimal.ZERO));
                    revenues.add(bound);
                    revenues.add(bound.add(new BigDecimal("0.5")));
                }
            }
            List<String> codes = new ArrayList<>();
            if (c.values() != null && c.field().equals("postalCode")) {
                codes.addAll(c.values());
            }
            for (String code : new String[] {c.from(), c.to()}) {
                if (code != null) {
                    codes.add(code);
                }
            }
            for (String code : codes) {
                postalCodes.add(code);
                postalCodes.add(code + "0");
                postalCodes.add(code.toLowerCase());
            }
        }
        List<AccountFacts> accounts = new ArrayList<>();
        for (int variant = 0; variant < 2; variant++) {
            AccountFacts base = account(random);
            for (Integer employeeCount : employees) {
                accounts.add(with(base, null, employeeCount, null));
            }
            for (BigDecimal revenue : revenues) {
                accounts.add(with(base, null, null, revenue));
            }
            for (String postalCode : postalCodes) {
                accounts.add(with(base, postalCode, null, null));
            }
        }
        return accounts;
    }

    private static AccountFacts with(AccountFacts a, String postalCode, Integer employeeCount, BigDecimal revenue) {
        return new AccountFacts(a.country(), a.region(), a.industry(), a.tier(),
                postalCode == null ? a.postalCode() : postalCode,
                employeeCount == null ? a.employeeCount() : employeeCount,
                revenue == null ? a.annualRevenue() : revenue);
    }

    static Map<String, Object> json(CriterionSpec spec) {
        Map<String, Object> json = new HashMap<>(Map.of("field", spec.field(), "operator", spec.operator()));
        putIfSet(json, "values", spec.values());
        putIfSet(json, "min", spec.min());
        putIfSet(json, "max", spec.max());
        putIfSet(json, "from", spec.from());
        putIfSet(json, "to", spec.to());
        return json;
    }

    static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String maybe(Random random, String[] values) {
        return random.nextInt(6) == 0 ? null : pick(random, values);
    }

    private static String[] some(Random random, String[] values) {
        List<String> chosen = new ArrayList<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        return chosen.isEmpty() ? new String[] {pick(random, values)} : chosen.toArray(String[]::new);
    }
}
