package org.revops.territory.rules;

import org.revops.territory.rules.ExpressionToken.Kind;

import java.util.List;

/**
 * Recursive-descent parser for rule expressions. Grammar (AND binds tighter than OR; keywords in any case;
 * whitespace anywhere between tokens):
 * <pre>
 *   expr   := term ("OR" term)*
 *   term   := factor ("AND" factor)*
 *   factor := NUMBER | "(" expr ")"
 * </pre>
 * so {@code 1 OR 2 AND 3} is {@code 1 OR (2 AND 3)}. Both operators are left-associative (which does not change
 * their value). The parser stops at the first syntax error, in reading order, and names its 1-based position.
 * Whether the numbers name existing criteria is not its business ({@link AssignmentRule} checks that).
 */
final class ExpressionParser {
    private final List<ExpressionToken> tokens;
    private int next;

    private ExpressionParser(List<ExpressionToken> tokens) {
        this.tokens = tokens;
    }

    /** The tree, or the message of the first syntax error (exactly one of the two is non-null). */
    record Parsed(Expression expression, String error) {
    }

    /** Parses tokens from {@link ExpressionToken#lex}; the caller has already refused an empty expression. */
    static Parsed parse(List<ExpressionToken> tokens) {
        ExpressionParser parser = new ExpressionParser(tokens);
        try {
            Expression expression = parser.expr();
            ExpressionToken after = parser.peek();
            if (after.kind() == Kind.CLOSE) {
                throw new SyntaxError("unbalanced parentheses: ')' at position " + after.position()
                        + " has no matching '('");
            }
            if (after.kind() != Kind.END) {
                throw parser.expected("AND or OR", after);
            }
            return new Parsed(expression, null);
        } catch (SyntaxError error) {
            return new Parsed(null, error.getMessage());
        }
    }

    /** The value of a NUMBER token; leading zeros are fine ({@code 01} is criterion 1); huge numbers saturate. */
    static int number(ExpressionToken token) {
        String digits = canonicalNumber(token);
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /** A NUMBER token without its leading zeros ({@code 0} stays {@code 0}), for messages. */
    static String canonicalNumber(ExpressionToken token) {
        String digits = token.text().replaceFirst("^0+", "");
        return digits.isEmpty() ? "0" : digits;
    }

    private Expression expr() {
        Expression left = term();
        while (peek().kind() == Kind.OR) {
            next++;
            left = new Expression.Or(left, term());
        }
        return left;
    }

    private Expression term() {
        Expression left = factor();
        while (peek().kind() == Kind.AND) {
            next++;
            left = new Expression.And(left, factor());
        }
        return left;
    }

    private Expression factor() {
        ExpressionToken token = peek();
        switch (token.kind()) {
            case NUMBER -> {
                next++;
                return new Expression.Ref(number(token));
            }
            case OPEN -> {
                next++;
                Expression inner = expr();
                ExpressionToken close = peek();
                if (close.kind() == Kind.END) {
                    throw new SyntaxError("unbalanced parentheses: '(' at position " + token.position()
                            + " is never closed");
                }
                if (close.kind() != Kind.CLOSE) {
                    throw expected("AND or OR", close);
                }
                next++;
                return inner;
            }
            default -> throw expected("a criterion number or '('", token);
        }
    }

    private ExpressionToken peek() {
        return tokens.get(next);
    }

    private SyntaxError expected(String what, ExpressionToken found) {
        if (found.kind() == Kind.UNEXPECTED) {
            return new SyntaxError("unexpected character " + found.described() + " at position " + found.position());
        }
        return new SyntaxError("expected " + what + " at position " + found.position() + ", found "
                + found.described());
    }

    /** Unwinds the descent at the first error; a message, not a failure worth a stack trace. */
    private static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
