package org.revops.lead.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One validated, normalised criterion of a model. {@link #fires} is the reference the SQL scorer
 * ({@link ScoringSql}) must agree with:
 * <ul>
 *   <li>text {@code equals} / {@code in}: the lead's value equals one of the values after folding A–Z to a–z on
 *       both sides (other characters compare exactly; SQL: {@code translate(column, 'A…Z', 'a…z')});</li>
 *   <li>choice {@code equals} / {@code in} (source, budgetStatus, authority, timeline, country): exact;</li>
 *   <li>number {@code equals}: numerically equal; {@code range}: {@code min ≤ value ≤ max}, a missing bound open;</li>
 *   <li>{@code present}: text not null and not empty; numbers and instants not null;</li>
 *   <li>{@code recency}: the instant is at or after {@code now − days × 24 h} (now truncated to microseconds, the
 *       precision PostgreSQL keeps); later instants, future ones included, fire too;</li>
 *   <li>a null lead value never fires anything but nothing (so {@code present} is false).</li>
 * </ul>
 *
 * @param index  the criterion's position in the model (0-based), which names it in reasons and errors
 * @param values the values of {@code equals} (one) and {@code in} as stored: trimmed, de-duplicated
 * @param days   for recency
 * @param weight points before normalisation, 1–1000
 * @param label  what the reason says
 */
public record ScoringCriterion(int index, ScoringField field, String operator, List<String> values, BigDecimal min,
                               BigDecimal max, Integer days, int weight, String label) {
    public static final String EQUALS = "equals";
    public static final String IN = "in";
    public static final String RANGE = "range";
    public static final String PRESENT = "present";
    public static final String RECENCY = "recency";

    public ScoringCriterion {
        values = values == null ? null : List.copyOf(values);
    }

    /** Whether the lead satisfies this criterion at {@code now} (see the class comment for the exact semantics). */
    public boolean fires(LeadFacts lead, Instant now) {
        Object value = field.read(lead);
        if (value == null) {
            return false;
        }
        return switch (operator) {
            case PRESENT -> !(value instanceof String text) || !text.isEmpty();
            case RECENCY -> !((Instant) value).isBefore(cutoff(now));
            case RANGE -> within(number(value));
            case EQUALS, IN -> switch (field.kind()) {
                case TEXT -> comparedValues().contains(fold((String) value));
                case CHOICE -> values.contains((String) value);
                default -> values.stream().anyMatch(v -> new BigDecimal(v).compareTo(number(value)) == 0);
            };
            default -> throw new IllegalStateException("not a compiled operator: " + operator);
        };
    }

    /** The earliest instant a recency criterion accepts at {@code now}. */
    public Instant cutoff(Instant now) {
        return now.truncatedTo(ChronoUnit.MICROS).minus(days, ChronoUnit.DAYS);
    }

    /** The values as compared: folded for text (see {@link #fold}), as stored otherwise. */
    public List<String> comparedValues() {
        return field.kind() == ScoringField.Kind.TEXT ? values.stream().map(ScoringCriterion::fold).toList() : values;
    }

    private boolean within(BigDecimal number) {
        return (min == null || min.compareTo(number) <= 0) && (max == null || number.compareTo(max) <= 0);
    }

    private static BigDecimal number(Object value) {
        return value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
    }

    /**
     * A–Z to a–z, nothing else: the same in Java and in SQL ({@code translate}) whatever the database's locale,
     * which {@code lower()} is not.
     */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return folded.toString();
    }
}
