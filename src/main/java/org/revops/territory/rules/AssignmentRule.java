package org.revops.territory.rules;

import org.revops.territory.rules.ExpressionToken.Kind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A compiled territory assignment rule: 1..{@value #MAX_CRITERIA} criteria, numbered 1..n in list order, and an
 * expression over those numbers (grammar on {@link ExpressionParser}); without one, all criteria AND-ed.
 *
 * <p>The expression is compiled to a <b>truth table</b>: a string of {@code 2^n} characters where the character at
 * index {@code m} is {@code '1'} iff the expression is true when exactly the criteria {@code k} with bit
 * {@code k-1} of {@code m} set are true. For {@code "1 OR 2 AND 3"} (n = 3):
 * <pre>
 *   m         0 1 2 3 4 5 6 7        bit 0 = criterion 1, bit 1 = criterion 2, bit 2 = criterion 3
 *   table     0 1 0 1 0 1 1 1   →   "01010111"
 * </pre>
 * An account matches when {@code table[Σ 2^(k-1) over the criteria k it satisfies]} is {@code '1'}; the SQL engine
 * computes the same index with bit arithmetic and looks up the same string. As expressions have no NOT, index 0
 * is always {@code '0'}: an account that satisfies no criterion matches no rule.
 */
public final class AssignmentRule {
    public static final int MAX_CRITERIA = 10;
    /** Matches {@code territory_rules.expression}'s length CHECK; also bounds the parser's recursion depth. */
    public static final int MAX_EXPRESSION_LENGTH = 1000;

    private final List<Criterion> criteria;
    private final String expression;
    private final String truthTable;

    private AssignmentRule(List<Criterion> criteria, String expression, String truthTable) {
        this.criteria = List.copyOf(criteria);
        this.expression = expression;
        this.truthTable = truthTable;
    }

    /**
     * Validates and compiles; throws RuleInvalidException listing EVERY problem found (criteria and expression):
     * the criteria count, each criterion's attributes, the expression's first syntax error, every number that names
     * no criterion and every criterion the expression leaves out.
     *
     * @param criteria   the raw criteria, numbered 1..n in this order
     * @param expression null or absent for the AND of all criteria; otherwise trimmed and kept as written
     * @throws RuleInvalidException when anything is wrong
     */
    public static AssignmentRule compile(List<CriterionSpec> criteria, String expression) {
        List<CriterionSpec> specs = criteria == null ? List.of() : criteria;
        List<RuleProblem> problems = new ArrayList<>();
        if (specs.isEmpty()) {
            problems.add(new RuleProblem("criteria", "a rule needs at least one criterion"));
        } else if (specs.size() > MAX_CRITERIA) {
            problems.add(new RuleProblem("criteria", "a rule has at most " + MAX_CRITERIA + " criteria"));
        }
        List<Criterion> compiled = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            compiled.add(CriterionReader.read(specs.get(i), i, problems));
        }
        int n = specs.size();
        String text = expression == null ? defaultExpression(n) : expression.strip();
        Expression tree = expression == null && n == 0 ? null : check(text, n, problems);
        if (!problems.isEmpty()) {
            throw new RuleInvalidException(problems);
        }
        return new AssignmentRule(compiled, text, truthTable(tree, n));
    }

    /** The criteria, validated and normalized (see {@link Criterion}); stored as jsonb. */
    public List<Criterion> criteria() {
        return criteria;
    }

    /** The expression as given (trimmed), or the default {@code "1 AND 2 AND … AND n"}. */
    public String expression() {
        return expression;
    }

    /** {@code 2^n} characters of '0'/'1'; see the class comment for the layout. */
    public String truthTable() {
        return truthTable;
    }

    /** Whether the account satisfies the rule: the truth table at the index of the criteria it satisfies. */
    public boolean matches(AccountFacts account) {
        int satisfied = 0;
        for (int k = 0; k < criteria.size(); k++) {
            if (criteria.get(k).matches(account)) {
                satisfied |= 1 << k;
            }
        }
        return truthTable.charAt(satisfied) == '1';
    }

    @Override
    public String toString() {
        return "AssignmentRule[" + expression + " over " + criteria + "]";
    }

    static String defaultExpression(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(Integer::toString).collect(Collectors.joining(" AND "));
    }

    /** Parses the expression for a rule of n criteria; returns the tree when it is sound, else adds problems. */
    private static Expression check(String text, int n, List<RuleProblem> problems) {
        if (text.length() > MAX_EXPRESSION_LENGTH) {
            problems.add(new RuleProblem("expression", "expression is longer than " + MAX_EXPRESSION_LENGTH
                    + " characters"));
            return null;
        }
        List<ExpressionToken> tokens = ExpressionToken.lex(text);
        if (tokens.stream().allMatch(t -> t.kind() == Kind.OPEN || t.kind() == Kind.CLOSE || t.kind() == Kind.END)) {
            problems.add(new RuleProblem("expression", "expression is empty"));
            return null;
        }
        int before = problems.size();
        ExpressionParser.Parsed parsed = ExpressionParser.parse(tokens);
        if (parsed.error() != null) {
            problems.add(new RuleProblem("expression", parsed.error()));
        }
        if (n == 0) {
            return null;   // "needs at least one criterion" already says it; every number would be noise here
        }
        Set<String> missing = new LinkedHashSet<>();
        Set<Integer> used = new TreeSet<>();
        for (ExpressionToken token : tokens) {
            if (token.kind() == Kind.NUMBER) {
                int number = ExpressionParser.number(token);
                if (number >= 1 && number <= n) {
                    used.add(number);
                } else {
                    missing.add(ExpressionParser.canonicalNumber(token));
                }
            }
        }
        String count = n == 1 ? "1 criterion" : n + " criteria";
        for (String number : missing) {
            problems.add(new RuleProblem("expression", "criterion " + number + " does not exist: this rule has "
                    + count));
        }
        for (int k = 1; k <= n; k++) {
            if (!used.contains(k)) {
                problems.add(new RuleProblem("expression", "criterion " + k + " is not used in the expression"));
            }
        }
        return problems.size() == before ? parsed.expression() : null;
    }

    /** Character m is '1' iff the expression holds when exactly the criteria k with bit k-1 of m are true. */
    private static String truthTable(Expression expression, int n) {
        StringBuilder table = new StringBuilder(1 << n);
        for (int m = 0; m < 1 << n; m++) {
            table.append(expression.isTrueFor(m) ? '1' : '0');
        }
        return table.toString();
    }
}
