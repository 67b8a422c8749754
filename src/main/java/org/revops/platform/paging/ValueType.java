package org.revops.platform.paging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/** The types a filter, sort key or cursor value can have, with their text form in query strings. */
public enum ValueType {
    UUID_(UUID::fromString, UUID[]::new, "a UUID"),
    TEXT(s -> s, String[]::new, "text"),
    DATE(LocalDate::parse, LocalDate[]::new, "a date (YYYY-MM-DD)"),
    DECIMAL(BigDecimal::new, BigDecimal[]::new, "a decimal number"),
    INTEGER(Integer::valueOf, Integer[]::new, "an integer"),
    TIMESTAMP(OffsetDateTime::parse, OffsetDateTime[]::new, "an ISO-8601 instant (2026-01-31T12:00:00Z)"),
    BOOLEAN(ValueType::parseBoolean, Boolean[]::new, "true or false");

    private final Function<String, Object> parser;
    private final IntFunction<Object[]> arrays;
    private final String description;

    ValueType(Function<String, Object> parser, IntFunction<Object[]> arrays, String description) {
        this.parser = parser;
        this.arrays = arrays;
        this.description = description;
    }

    /** @throws IllegalArgumentException with a readable message when the text is not of this type */
    public Object parse(String text) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("must be " + description);
        }
    }

    public Object[] parseAll(List<String> texts) {
        Object[] values = arrays.apply(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            values[i] = parse(texts.get(i));
        }
        return values;
    }

    public String description() {
        return description;
    }

    /** The OpenAPI schema type and format of a value. */
    public String[] openApiTypeAndFormat() {
        return switch (this) {
            case UUID_ -> new String[] {"string", "uuid"};
            case DATE -> new String[] {"string", "date"};
            case TIMESTAMP -> new String[] {"string", "date-time"};
            case DECIMAL -> new String[] {"number", null};
            case INTEGER -> new String[] {"integer", "int32"};
            case BOOLEAN -> new String[] {"boolean", null};
            case TEXT -> new String[] {"string", null};
        };
    }

    private static Boolean parseBoolean(String s) {
        if ("true".equalsIgnoreCase(s)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(s)) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(s);
    }
}
