package org.revops.territory.rules;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole rule: compile, every problem at once, matching through the truth table, the stored JSON shape. */
class AssignmentRuleTest {
    /** The rule of the design note: DACH and (1000+ employees or manufacturing). */
    private static final List<CriterionSpec> DACH_ENTERPRISE = List.of(
            CriterionSpec.of("country", "in", "DE", "AT", "CH"),
            new CriterionSpec("employeeCount", "between", null, new BigDecimal("1000"), null, null, null),
            CriterionSpec.of("industry", "in", "Manufacturing"));

    static AccountFacts account(String country, Integer employees, String industry) {
        return new AccountFacts(country, null, industry, null, null, employees, null);
    }

    @Test
    void theDesignExampleMatchesThroughItsTruthTable() {
        AssignmentRule rule = AssignmentRule.compile(DACH_ENTERPRISE, " 1 AND (2 OR 3) ");
        assertEquals("1 AND (2 OR 3)", rule.expression());
        assertEquals("00010101", rule.truthTable());
        assertTrue(rule.matches(account("DE", 5000, "Retail")));
        assertTrue(rule.matches(account("AT", 20, "manufacturing")));
        assertTrue(rule.matches(account("CH", 1000, "Manufacturing")));
        assertFalse(rule.matches(account("DE", 999, "Retail")));
        assertFalse(rule.matches(account("FR", 5000, "Manufacturing")));
        assertFalse(rule.matches(account(null, 5000, "Manufacturing")));
        assertFalse(rule.matches(account("DE", null, null)));
        assertFalse(rule.matches(new AccountFacts(null, null, null, null, null, null, null)));
    }

    @Test
    void matchingIsTheTruthTableAtTheSatisfiedCriteria() {
        // every combination of the three criteria, checked against the formula written out in Java
        AssignmentRule rule = AssignmentRule.compile(DACH_ENTERPRISE, "1 OR 2 AND 3");
        for (String country : Arrays.asList("DE", "US", null)) {
            for (Integer employees : Arrays.asList(5000, 10, null)) {
                for (String industry : Arrays.asList("Manufacturing", "Retail", null)) {
                    boolean dach = "DE".equals(country);
                    boolean big = employees != null && employees >= 1000;
                    boolean manufacturing = "Manufacturing".equals(industry);
                    assertEquals(dach || big && manufacturing,
                            rule.matches(account(country, employees, industry)), country + employees + industry);
                }
            }
        }
    }

    @Test
    void everyProblemOfCriteriaAndExpressionComesInOneException() {
        List<CriterionSpec> criteria = Arrays.asList(
                CriterionSpec.of("country", "in", "de"),
                CriterionSpec.of("colour", "in", "red"),
                new CriterionSpec("employeeCount", "between", null, new BigDecimal("10"), new BigDecimal("5"), null, null),
                CriterionSpec.of("region", "in", "Bavaria"));
        RuleInvalidException invalid = assertThrows(RuleInvalidException.class,
                () -> AssignmentRule.compile(criteria, "(1 OR 2 AND 5"));
        assertEquals(List.of(
                new RuleProblem("criteria[0].values", "'de' is not an ISO 3166-1 alpha-2 code such as DE"),
                new RuleProblem("criteria[1].field", "unknown field 'colour': use country, region, industry, tier, "
                        + "postalCode, employeeCount or annualRevenue"),
                new RuleProblem("criteria[2]", "min must not exceed max"),
                new RuleProblem("expression", "unbalanced parentheses: '(' at position 1 is never closed"),
                new RuleProblem("expression", "criterion 5 does not exist: this rule has 4 criteria"),
                new RuleProblem("expression", "criterion 3 is not used in the expression"),
                new RuleProblem("expression", "criterion 4 is not used in the expression")), invalid.problems());
        assertTrue(invalid.getMessage().startsWith("criteria[0].values: 'de' is not"), invalid.getMessage());
        assertEquals(0, invalid.getStackTrace().length, "a client's mistake carries no stack trace");
    }

    @Test
    void aBlankExpressionIsAMistakeNotTheDefault() {
        assertEquals(List.of(new RuleProblem("expression", "expression is empty")),
                assertThrows(RuleInvalidException.class, () -> AssignmentRule.compile(DACH_ENTERPRISE, "  "))
                        .problems());
    }

    @Test
    void criteriaSerializeWithoutNullsAndReadBack() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<CriterionSpec> specs = List.of(DACH_ENTERPRISE.get(0), DACH_ENTERPRISE.get(1),
                new CriterionSpec("annualRevenue", "between", null, new BigDecimal("0.5"), new BigDecimal("1e6"), null, null),
                new CriterionSpec("postalCode", "between", null, null, null, "10000", null));
        AssignmentRule rule = AssignmentRule.compile(specs, null);
        String stored = json.writeValueAsString(rule.criteria());
        assertEquals("[{\"field\":\"country\",\"operator\":\"in\",\"values\":[\"DE\",\"AT\",\"CH\"]},"
                + "{\"field\":\"employeeCount\",\"operator\":\"between\",\"min\":1000},"
                + "{\"field\":\"annualRevenue\",\"operator\":\"between\",\"min\":0.5,\"max\":1000000},"
                + "{\"field\":\"postalCode\",\"operator\":\"between\",\"from\":\"10000\"}]", stored);
        List<Criterion> read = json.readValue(stored, new TypeReference<>() {
        });
        assertEquals(rule.criteria(), read);
    }

    @Test
    void aStoredRuleRecompilesFromItsCriteria() {
        AssignmentRule stored = AssignmentRule.compile(DACH_ENTERPRISE, null);
        List<CriterionSpec> again = stored.criteria().stream().map(Criterion::spec).toList();
        AssignmentRule changed = AssignmentRule.compile(again, "1 AND 2 OR 1 AND 3");
        assertEquals(stored.criteria(), changed.criteria());
        assertEquals("00010101", changed.truthTable());
    }

    @Test
    void theCompiledRuleCannotBeChangedFromOutside() {
        AssignmentRule rule = AssignmentRule.compile(DACH_ENTERPRISE, null);
        assertThrows(UnsupportedOperationException.class, () -> rule.criteria().clear());
        assertThrows(UnsupportedOperationException.class, () -> rule.criteria().get(0).values().add("FR"));
    }
}
