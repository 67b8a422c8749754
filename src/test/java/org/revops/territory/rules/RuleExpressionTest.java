package org.revops.territory.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collections;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The expression language: grammar, precedence, truth tables, and every syntax and reference message. */
class RuleExpressionTest {

    /** A rule of n valid criteria (the criteria themselves do not matter here). */
    static AssignmentRule rule(int n, String expression) {
        return AssignmentRule.compile(Collections.nCopies(n, CriterionSpec.of("country", "in", "DE")), expression);
    }

    static List<RuleProblem> problems(int n, String expression) {
        return assertThrows(RuleInvalidException.class, () -> rule(n, expression)).problems();
    }

    /** Criterion k (1-based) is true in m. */
    static boolean on(int m, int k) {
        return (m >> (k - 1) & 1) == 1;
    }

    /** The table an independent predicate over m gives, to compare the compiled one with. */
    static String tableOf(int n, IntPredicate expected) {
        StringBuilder table = new StringBuilder();
        IntStream.range(0, 1 << n).forEach(m -> table.append(expected.test(m) ? '1' : '0'));
        return table.toString();
    }

    @Test
    void smallTruthTablesWorkedOutByHand() {
        // index m: bit 0 = criterion 1, bit 1 = criterion 2, bit 2 = criterion 3
        assertEquals("01", rule(1, "1").truthTable());
        assertEquals("0001", rule(2, "1 AND 2").truthTable());
        assertEquals("0111", rule(2, "1 OR 2").truthTable());
        assertEquals("0101", rule(2, "1 OR (1 AND 2)").truthTable());   // absorption: 2 is used but decides nothing
        // m = 1,3,5,7 have criterion 1; m = 6 has 2 and 3
        assertEquals("01010111", rule(3, "1 OR 2 AND 3").truthTable());
        // 3 must hold (m >= 4) and 1 or 2 with it: m = 5, 6, 7
        assertEquals("00000111", rule(3, "(1 OR 2) AND 3").truthTable());
        // (1 AND 2) OR 3: m = 3 and every m >= 4
        assertEquals("00011111", rule(3, "1 AND 2 OR 3").truthTable());
        // 1 and one of 2, 3: m = 3, 5, 7
        assertEquals("00010101", rule(3, "1 AND (2 OR 3)").truthTable());
    }

    @Test
    void andBindsTighterThanOrOnBothSides() {
        assertEquals(rule(3, "1 OR (2 AND 3)").truthTable(), rule(3, "1 OR 2 AND 3").truthTable());
        assertEquals(rule(3, "(1 AND 2) OR 3").truthTable(), rule(3, "1 AND 2 OR 3").truthTable());
        assertEquals(tableOf(4, m -> on(m, 1) && on(m, 2) || on(m, 3) && on(m, 4)),
                rule(4, "1 AND 2 OR 3 AND 4").truthTable());
    }

    @Test
    void nestedParenthesesAgreeWithTheSameFormulaInJava() {
        assertEquals(tableOf(4, m -> (on(m, 1) || on(m, 2)) && (on(m, 3) || on(m, 4))),
                rule(4, "((1 OR 2) AND (3 OR 4))").truthTable());
        assertEquals(tableOf(5, m -> on(m, 1) && (on(m, 2) || on(m, 3) && (on(m, 4) || on(m, 5)))),
                rule(5, "1 AND (2 OR 3 AND ((4) OR 5))").truthTable());
        assertEquals(tableOf(6, m -> (on(m, 1) || on(m, 2) && on(m, 3)) && on(m, 4) || on(m, 5) && on(m, 6)),
                rule(6, "(1 OR 2 AND 3) AND 4 OR 5 AND 6").truthTable());
    }

    @Test
    void keywordsInAnyCaseAndWhitespaceAnywhere() {
        String expected = rule(3, "(1 OR 2) AND 3").truthTable();
        assertEquals(expected, rule(3, "(1 or 2) and 3").truthTable());
        assertEquals(expected, rule(3, "(1 Or 2) aNd 3").truthTable());
        assertEquals(expected, rule(3, "(1OR 2)AND3").truthTable());
        AssignmentRule spaced = rule(3, "  \t( 1\nOR 2 )   AND 3 \n");
        assertEquals(expected, spaced.truthTable());
        assertEquals("( 1\nOR 2 )   AND 3", spaced.expression(), "kept as written, only trimmed");
    }

    @Test
    void withoutAnExpressionAllCriteriaAreAnded() {
        AssignmentRule three = rule(3, null);
        assertEquals("1 AND 2 AND 3", three.expression());
        assertEquals("00000001", three.truthTable());
        assertEquals("1", rule(1, null).expression());
        AssignmentRule ten = rule(10, null);
        assertEquals("1 AND 2 AND 3 AND 4 AND 5 AND 6 AND 7 AND 8 AND 9 AND 10", ten.expression());
        assertEquals(1024, ten.truthTable().length());
        assertEquals(1023, ten.truthTable().indexOf('1'));
        assertEquals(1023, ten.truthTable().lastIndexOf('1'));
    }

    @Test
    void tenCriteriaUseAllTenBits() {
        String expression = "1 OR 2 OR 3 OR 4 OR 5 OR 6 OR 7 OR 8 OR 9 OR 10";
        assertEquals(tableOf(10, m -> m != 0), rule(10, expression).truthTable());
        assertEquals(tableOf(10, m -> on(m, 10) && on(m, 1)), rule(10, "10 AND 1 AND (2 OR 3 OR 4 OR 5 OR 6 OR 7 OR 8 OR 9 OR 1)").truthTable());
    }

    @Test
    void leadingZerosNameTheSameCriterion() {
        assertEquals(rule(2, "1 AND 2").truthTable(), rule(2, "01 AND 002").truthTable());
        assertEquals("01 AND 002", rule(2, "01 AND 002").expression());
    }

    @Test
    void aCriterionMayBeUsedMoreThanOnce() {
        assertEquals(tableOf(3, m -> on(m, 1) && on(m, 2) || on(m, 1) && on(m, 3)),
                rule(3, "1 AND 2 OR 1 AND 3").truthTable());
    }

    @Test
    void noExpressionMatchesAnAccountThatMeetsNoCriterion() {
        for (String expression : List.of("1 OR 2 OR 3", "1 AND 2 OR 3", "(1 OR 2) AND 3", "3 OR 2 AND 1")) {
            assertEquals('0', rule(3, expression).truthTable().charAt(0), expression);
        }
    }

    static Stream<Arguments> invalidExpressions() {
        return Stream.of(
                arguments("", List.of("expression is empty")),
                arguments(" \t\n ", List.of("expression is empty")),
                arguments("()", List.of("expression is empty")),
                arguments("( ( ) ) (", List.of("expression is empty")),
                arguments("1 AND 2 AND 3 AND 4", List.of("criterion 4 does not exist: this rule has 3 criteria")),
                arguments("1 AND 2 AND 3 OR 0", List.of("criterion 0 does not exist: this rule has 3 criteria")),
                arguments("1 AND 2 AND 3 OR 000", List.of("criterion 0 does not exist: this rule has 3 criteria")),
                arguments("1 AND 2 AND 3 OR 004", List.of("criterion 4 does not exist: this rule has 3 criteria")),
                arguments("1 AND 2 AND 3 OR 99999999999999999999",
                        List.of("criterion 99999999999999999999 does not exist: this rule has 3 criteria")),
                arguments("(1 AND 2 AND 3", List.of("unbalanced parentheses: '(' at position 1 is never closed")),
                arguments("((1 OR 2) AND 3", List.of("unbalanced parentheses: '(' at position 1 is never closed")),
                arguments("1 AND (2 OR (3", List.of("unbalanced parentheses: '(' at position 13 is never closed")),
                arguments("1 OR 2) AND 3", List.of("unbalanced parentheses: ')' at position 7 has no matching '('")),
                arguments("(1 OR 2)) AND 3", List.of("unbalanced parentheses: ')' at position 9 has no matching '('")),
                arguments("1 OR AND 2 AND 3",
                        List.of("expected a criterion number or '(' at position 6, found 'AND'")),
                arguments("1 or and 2 and 3",
                        List.of("expected a criterion number or '(' at position 6, found 'and'")),
                arguments("AND 1 AND 2 AND 3",
                        List.of("expected a criterion number or '(' at position 1, found 'AND'")),
                arguments("1 AND 2 AND 3 OR",
                        List.of("expected a criterion number or '(' at position 17, found end of expression")),
                arguments("1 AND (2 AND 3 OR",
                        List.of("expected a criterion number or '(' at position 18, found end of expression")),
                arguments("1 AND () AND 2 AND 3",
                        List.of("expected a criterion number or '(' at position 8, found ')'")),
                arguments("1 2 AND 3", List.of("expected AND or OR at position 3, found '2'")),
                arguments("(1 2) AND 3", List.of("expected AND or OR at position 4, found '2'")),
                arguments("(1 AND 2) (3)", List.of("expected AND or OR at position 11, found '('")),
                arguments("1 NOT 2 AND 3", List.of("expected AND or OR at position 3, found 'NOT'")),
                arguments("NOT 1 AND 2 AND 3", List.of("expected a criterion number or '(' at position 1, found 'NOT'")),
                arguments("1 ANDAND 2 AND 3", List.of("expected AND or OR at position 3, found 'ANDAND'")),
                arguments("(1 & 2) AND 3", List.of("unexpected character '&' at position 4")),
                arguments("1 AND 2 AND -3", List.of("unexpected character '-' at position 13")),
                arguments("1 AND 2 \u2227 3", List.of("unexpected character '\u2227' at position 9")),
                // positions count characters, not UTF-16 units: the emoji is one
                arguments("1 AND 2 AND 3 \uD83D\uDE00 \uD83D\uDE00",
                        List.of("unexpected character '\uD83D\uDE00' at position 15")),
                arguments("1 AND 2", List.of("criterion 3 is not used in the expression")),
                arguments("2", List.of("criterion 1 is not used in the expression",
                        "criterion 3 is not used in the expression")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidExpressions")
    void invalidExpressionsSayWhatAndWhere(String expression, List<String> messages) {
        List<RuleProblem> problems = problems(3, expression);
        assertEquals(messages, problems.stream().map(RuleProblem::message).toList());
        problems.forEach(p -> assertEquals("expression", p.field()));
    }

    @Test
    void oneCriterionIsSingular() {
        assertEquals(List.of(new RuleProblem("expression", "criterion 2 does not exist: this rule has 1 criterion")),
                problems(1, "1 OR 2"));
    }

    @Test
    void theSyntaxErrorMissingNumbersAndUnusedCriteriaComeTogether() {
        assertEquals(List.of(
                        "unbalanced parentheses: ')' at position 9 has no matching '('",
                        "criterion 5 does not exist: this rule has 3 criteria",
                        "criterion 7 does not exist: this rule has 3 criteria",
                        "criterion 2 is not used in the expression",
                        "criterion 3 is not used in the expression"),
                problems(3, "1 AND 5 ) OR 7 OR 5").stream().map(RuleProblem::message).toList());
    }

    @Test
    void anOverlongExpressionIsRefusedBeforeParsing() {
        String deep = "(".repeat(600) + "1" + ")".repeat(600);
        assertEquals(List.of(new RuleProblem("expression", "expression is longer than 1000 characters")),
                problems(1, deep));
        String justFits = "(".repeat(498) + "0001" + ")".repeat(498);   // 1000 characters
        assertEquals("01", rule(1, justFits).truthTable());
    }
}
