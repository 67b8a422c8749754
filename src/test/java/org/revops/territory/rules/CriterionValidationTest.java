package org.revops.territory.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each way a criterion can be wrong, with the field it is reported on and its message; and normalization. */
class CriterionValidationTest {
    private static final String FIELDS = "country, region, industry, tier, postalCode, employeeCount or annualRevenue";

    static CriterionSpec spec(String field, String operator, List<String> values) {
        return new CriterionSpec(field, operator, values, null, null, null, null);
    }

    static CriterionSpec numbers(String field, String min, String max) {
        return new CriterionSpec(field, "between", null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null, null);
    }

    static CriterionSpec postal(String from, String to) {
        return new CriterionSpec("postalCode", "between", null, null, null, from, to);
    }

    static RuleProblem problem(String field, String message) {
        return new RuleProblem(field, message);
    }

    /** The problems of a rule whose second criterion (index 1) is the one under test. */
    static List<RuleProblem> problemsOfSecond(CriterionSpec spec) {
        List<CriterionSpec> criteria = Arrays.asList(CriterionSpec.of("country", "in", "DE"), spec);
        return assertThrows(RuleInvalidException.class, () -> AssignmentRule.compile(criteria, null)).problems();
    }

    static Stream<Arguments> invalidCriteria() {
        List<String> blanks = Arrays.asList("A", " ", null);
        return Stream.of(
                arguments(null, List.of(problem("criteria[1]", "criterion must not be null"))),
                arguments(spec("colour", "in", List.of("red")),
                        List.of(problem("criteria[1].field", "unknown field 'colour': use " + FIELDS))),
                arguments(spec(" ", "in", List.of("red")),
                        List.of(problem("criteria[1].field", "field is required: use " + FIELDS))),
                arguments(spec("colour", "like", List.of("red")), List.of(
                        problem("criteria[1].field", "unknown field 'colour': use " + FIELDS),
                        problem("criteria[1].operator", "unknown operator 'like': use in, startsWith or between"))),
                arguments(spec("Country", "in", List.of("DE")),
                        List.of(problem("criteria[1].field", "unknown field 'Country': use " + FIELDS))),
                arguments(numbers("country", "1", null),
                        List.of(problem("criteria[1].operator", "operator 'between' does not apply to country: use in"))),
                arguments(spec("employeeCount", "in", List.of("5")), List.of(problem("criteria[1].operator",
                        "operator 'in' does not apply to employeeCount: use between"))),
                arguments(spec("postalCode", "in", List.of("80")), List.of(problem("criteria[1].operator",
                        "operator 'in' does not apply to postalCode: use startsWith or between"))),
                arguments(spec("region", "equals", List.of("x")),
                        List.of(problem("criteria[1].operator", "unknown operator 'equals': use in"))),
                arguments(spec("tier", null, List.of("A")),
                        List.of(problem("criteria[1].operator", "operator is required: use in"))),
                arguments(spec("country", "in", List.of()),
                        List.of(problem("criteria[1].values", "values must not be empty"))),
                arguments(spec("industry", "in", null),
                        List.of(problem("criteria[1].values", "values must not be empty"))),
                arguments(spec("country", "in", List.of("DE", "de", "DEU", "")), List.of(
                        problem("criteria[1].values", "'de' is not an ISO 3166-1 alpha-2 code such as DE"),
                        problem("criteria[1].values", "'DEU' is not an ISO 3166-1 alpha-2 code such as DE"),
                        problem("criteria[1].values", "values[3] must not be blank"))),
                arguments(spec("tier", "in", blanks), List.of(
                        problem("criteria[1].values", "values[1] must not be blank"),
                        problem("criteria[1].values", "values[2] must not be blank"))),
                arguments(spec("tier", "in", List.of("a", "D")), List.of(
                        problem("criteria[1].values", "'a' is not a tier: use A, B or C"),
                        problem("criteria[1].values", "'D' is not a tier: use A, B or C"))),
                arguments(spec("region", "in", List.of("x".repeat(201))),
                        List.of(problem("criteria[1].values", "values[0] is longer than 200 characters"))),
                arguments(spec("postalCode", "startsWith", IntStream.range(0, 501).mapToObj(i -> "P" + i).toList()),
                        List.of(problem("criteria[1].values", "values may hold at most 500 entries, not 501"))),
                arguments(new CriterionSpec("country", "in", List.of("DE"), BigDecimal.ONE, null, "1", null), List.of(
                        problem("criteria[1].min", "min does not apply to in: use values"),
                        problem("criteria[1].from", "from does not apply to in: use values"))),
                arguments(numbers("employeeCount", null, null),
                        List.of(problem("criteria[1]", "give min, max or both"))),
                arguments(numbers("employeeCount", "500", "100"),
                        List.of(problem("criteria[1]", "min must not exceed max"))),
                arguments(numbers("employeeCount", "10.5", "100.25"), List.of(
                        problem("criteria[1].min", "employeeCount bounds must be whole numbers"),
                        problem("criteria[1].max", "employeeCount bounds must be whole numbers"))),
                arguments(numbers("employeeCount", "-1", "2147483648"), List.of(
                        problem("criteria[1].min", "min must not be negative"),
                        problem("criteria[1].max", "employeeCount bounds must not exceed 2147483647"))),
                arguments(numbers("annualRevenue", "1000000.01", "1000000"),
                        List.of(problem("criteria[1]", "min must not exceed max"))),
                arguments(numbers("annualRevenue", null, "-0.01"),
                        List.of(problem("criteria[1].max", "max must not be negative"))),
                arguments(numbers("annualRevenue", "0.00001", "1e15"), List.of(
                        problem("criteria[1].min", "annualRevenue bounds take at most 15 digits before and 4 after"
                                + " the decimal point"),
                        problem("criteria[1].max", "annualRevenue bounds take at most 15 digits before and 4 after"
                                + " the decimal point"))),
                arguments(new CriterionSpec("annualRevenue", "between", List.of("1"), null, BigDecimal.TEN, "A", null),
                        List.of(problem("criteria[1].values", "values do not apply to annualRevenue between: use min and max"),
                                problem("criteria[1].from", "from does not apply to annualRevenue between: use min and max"))),
                arguments(postal(null, null), List.of(problem("criteria[1]", "give from, to or both"))),
                arguments(postal("9", "1"), List.of(problem("criteria[1]", "from must not exceed to"))),
                arguments(postal("sw9", "SW1"), List.of(problem("criteria[1]", "from must not exceed to"))),
                arguments(postal(" ", "1".repeat(201)), List.of(
                        problem("criteria[1].from", "from must not be blank"),
                        problem("criteria[1].to", "to is longer than 200 characters"))),
                arguments(new CriterionSpec("postalCode", "between", List.of("8"), BigDecimal.ONE, null, "1", null),
                        List.of(problem("criteria[1].values", "values do not apply to postalCode between: use from and to"),
                                problem("criteria[1].min", "min does not apply to postalCode between: use from and to"))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidCriteria")
    void invalidCriteriaAreReportedOnTheirAttribute(CriterionSpec spec, List<RuleProblem> expected) {
        assertEquals(expected, problemsOfSecond(spec));
    }

    @Test
    void aRuleHasOneToTenCriteria() {
        RuleProblem none = problem("criteria", "a rule needs at least one criterion");
        assertEquals(List.of(none), assertThrows(RuleInvalidException.class,
                () -> AssignmentRule.compile(List.of(), null)).problems());
        assertEquals(List.of(none), assertThrows(RuleInvalidException.class,
                () -> AssignmentRule.compile(null, null)).problems());
        // with no criteria, a given expression is still checked for syntax but its numbers name nothing to check
        assertEquals(List.of(none, problem("expression", "expected AND or OR at position 3, found '2'")),
                assertThrows(RuleInvalidException.class, () -> AssignmentRule.compile(List.of(), "1 2")).problems());

        List<CriterionSpec> eleven = Collections.nCopies(11, CriterionSpec.of("tier", "in", "A"));
        assertEquals(List.of(problem("criteria", "a rule has at most 10 criteria")),
                assertThrows(RuleInvalidException.class, () -> AssignmentRule.compile(eleven, null)).problems());
        assertEquals(10, AssignmentRule.compile(eleven.subList(0, 10), null).criteria().size());
    }

    @Test
    void valuesAreTrimmedAndDeduplicated() {
        List<CriterionSpec> specs = List.of(
                spec(" country ", " in ", List.of(" DE", "AT ", "DE", "CH", "AT")),
                spec("industry", "in", List.of("Manufacturing", " manufacturing", "Retail", "RETAIL ")),
                spec("postalCode", "startsWith", List.of("sw1", "SW1", " 80 ")),
                spec("tier", "in", List.of("B", "A", "B")));
        List<Criterion> criteria = AssignmentRule.compile(specs, null).criteria();
        assertEquals(new Criterion("country", "in", List.of("DE", "AT", "CH"), null, null, null, null), criteria.get(0));
        // compared case-insensitively, so duplicates ignoring case; the first spelling is kept
        assertEquals(List.of("Manufacturing", "Retail"), criteria.get(1).values());
        // postal codes are compared upper-cased, so stored upper-cased
        assertEquals(List.of("SW1", "80"), criteria.get(2).values());
        assertEquals(List.of("B", "A"), criteria.get(3).values());
    }

    @Test
    void fiveHundredDistinctValuesAreFineEvenWhenRepeated() {
        List<String> values = new ArrayList<>(IntStream.range(0, 500).mapToObj(i -> "P" + i).toList());
        values.addAll(values);
        assertEquals(500, AssignmentRule.compile(List.of(spec("postalCode", "startsWith", values)), null)
                .criteria().get(0).values().size());
    }

    @Test
    void boundsAreNormalized() {
        List<Criterion> criteria = AssignmentRule.compile(List.of(
                numbers("employeeCount", "1000.00", "1E+4"),
                numbers("annualRevenue", "1e6", "2500000.50"),
                numbers("annualRevenue", "0", null),
                postal(" sw1 ", "sw9z")), null).criteria();
        assertEquals("1000", criteria.get(0).min().toString());
        assertEquals("10000", criteria.get(0).max().toString());
        assertEquals("1000000", criteria.get(1).min().toString());
        assertEquals("2500000.50", criteria.get(1).max().toString());
        assertEquals(new Criterion("annualRevenue", "between", null, BigDecimal.ZERO, null, null, null), criteria.get(2));
        assertEquals(new Criterion("postalCode", "between", null, null, null, "SW1", "SW9Z"), criteria.get(3));
    }

    @Test
    void equalBoundsAreARangeOfOne() {
        AssignmentRule rule = AssignmentRule.compile(List.of(numbers("employeeCount", "7", "7"), postal("80", "80")), null);
        assertEquals("0001", rule.truthTable());
    }
}
