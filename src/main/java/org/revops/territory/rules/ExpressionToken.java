package org.revops.territory.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word of a rule expression, with its 1-based character position (counted in Unicode characters, so an emoji
 * before it counts once). Lexing never fails: a character that starts no token becomes an {@link Kind#UNEXPECTED}
 * token, and the parser reports it when it reaches it, so the first error in reading order is the one reported.
 */
record ExpressionToken(Kind kind, String text, int position) {

    enum Kind { NUMBER, AND, OR, WORD, OPEN, CLOSE, UNEXPECTED, END }

    /** How a message names this token: {@code '2'}, {@code 'AND'} (as written) or {@code end of expression}. */
    String described() {
        return kind == Kind.END ? "end of expression" : "'" + text + "'";
    }

    /**
     * Splits an expression into tokens, ending with {@link Kind#END}. Numbers are ASCII digit runs, words are
     * letter runs (AND/OR in any case; any other word is a {@link Kind#WORD} the parser refuses), whitespace
     * separates and is otherwise ignored, so {@code 1AND2} reads as {@code 1 AND 2}.
     */
    static List<ExpressionToken> lex(String text) {
        List<ExpressionToken> tokens = new ArrayList<>();
        int index = 0;
        int position = 1;
        while (index < text.length()) {
            int c = text.codePointAt(index);
            int start = index;
            int startPosition = position;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                index += Character.charCount(c);
                position++;
                continue;
            }
            Kind kind;
            if (c >= '0' && c <= '9') {
                kind = Kind.NUMBER;
                do {
                    index++;
                    position++;
                } while (index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9');
            } else if (Character.isLetter(c)) {
                do {
                    index += Character.charCount(text.codePointAt(index));
                    position++;
                } while (index < text.length() && Character.isLetter(text.codePointAt(index)));
                kind = switch (text.substring(start, index).toUpperCase(Locale.ROOT)) {
                    case "AND" -> Kind.AND;
                    case "OR" -> Kind.OR;
                    default -> Kind.WORD;
                };
            } else {
                kind = c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.UNEXPECTED;
                index += Character.charCount(c);
                position++;
            }
            tokens.add(new ExpressionToken(kind, text.substring(start, index), startPosition));
        }
        tokens.add(new ExpressionToken(Kind.END, "", position));
        return tokens;
    }
}
