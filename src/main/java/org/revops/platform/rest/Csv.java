package org.revops.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonValue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * CSV for report and list endpoints that answer {@code Accept: text/csv}: RFC 4180 (a header row, CRLF line ends,
 * a field quoted when it holds a comma, a double quote, CR or LF, with inner quotes doubled), UTF-8 without a BOM.
 *
 * <p>A resource declares its columns once and hands over the rows:
 * <pre>{@code
 * static final List<Csv.Column<WinLossGroup>> COLUMNS = List.of(
 *         Csv.column("key", WinLossGroup::key), Csv.column("won", WinLossGroup::won));
 * ...
 * if (Csv.requested(headers)) return Csv.ok(COLUMNS, view.groups(), "win-loss.csv");
 * }</pre>
 * Cells: null is an empty field, decimals are written plain ({@code 1200.5000}, never {@code 1.2E+3}), instants
 * as in JSON (ISO-8601 in UTC, {@code 2026-03-02T09:00:00Z}), enums by their JSON value, anything else by
 * {@code toString()}. Text that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or CR)
 * is prefixed with a single quote, so a deal named {@code =HYPERLINK(...)} cannot execute in the reader's Excel;
 * numbers are not text and keep their sign.
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";
    /** The Content-Type of every CSV answer. */
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final MediaType CSV = MediaType.valueOf(MEDIA_TYPE);

    private Csv() {
    }

    /** One column: its header and how to read its cell from a row. */
    public record Column<T>(String header, Function<T, ?> value) {
    }

    public static <T> Column<T> column(String header, Function<T, ?> value) {
        return new Column<>(header, value);
    }

    /**
     * Whether the client asked for CSV: its most preferred acceptable type (by q-value, then specificity) is
     * {@code text/csv}. {@code *}{@code /*}, a missing Accept header or JSON first keep the JSON answer.
     */
    public static boolean requested(HttpHeaders headers) {
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        if (acceptable.isEmpty()) {
            return false;
        }
        MediaType first = acceptable.get(0);
        return !first.isWildcardType() && !first.isWildcardSubtype() && first.isCompatible(CSV);
    }

    /**
     * The CSV of records whose columns are derived from the record type, so a list need not declare them:
     * <ul>
     * <li>a component is a column named after it, in declaration order (the JSON field names);</li>
     * <li>a nested record becomes its components' columns, named with a dot ({@code reasons.stage}); all empty when
     * it is null;</li>
     * <li>a list of plain values is one cell, its values joined by {@code "; "};</li>
     * <li>a list of records (at most one per type, e.g. a pipeline's stages) gives one CSV record per element: the
     * item's columns repeated, the element's columns named {@code stages.name} etc. at the list's place; an item
     * whose list is empty or null gives one record with those columns empty.</li>
     * </ul>
     */
    public static <T extends Record> String write(Class<T> type, List<? extends T> items) {
        Layout layout = LAYOUTS.computeIfAbsent(type, Layout::of);
        List<Row> rows = new ArrayList<>(items.size());
        for (T item : items) {
            Collection<?> elements = layout.exploded == null ? null : (Collection<?>) layout.exploded.apply(item);
            if (elements == null || elements.isEmpty()) {
                rows.add(new Row(item, null));
            } else {
                elements.forEach(element -> rows.add(new Row(item, element)));
            }
        }
        return write(layout.columns, rows);
    }

    /** The header row {@link #write(Class, List)} writes for {@code type}, for documentation and tests. */
    public static List<String> headers(Class<? extends Record> type) {
        return LAYOUTS.computeIfAbsent(type, Layout::of).columns.stream().map(Column::header).toList();
    }

    private static final Map<Class<?>, Layout> LAYOUTS = new ConcurrentHashMap<>();

    /** One CSV record: the item, and the element of its exploded list (null when there is none). */
    private record Row(Object item, Object element) {
    }

    private static final class Layout {
        final List<Column<Row>> columns = new ArrayList<>();
        /** The item's list of records, or null. */
        Function<Object, Object> exploded;

        static Layout of(Class<?> type) {
            Layout layout = new Layout();
            layout.add(type, "", Row::item, true);
            return layout;
        }

        private void add(Class<?> type, String prefix, Function<Row, Object> owner, boolean mayExplode) {
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                String name = prefix + component.getName();
                Function<Row, Object> value = row -> {
                    Object from = owner.apply(row);
                    return from == null ? null : invoke(accessor, from);
                };
                Class<?> elementType = elementType(component);
                if (component.getType().isRecord()) {
                    add(component.getType(), name + ".", value, mayExplode);
                } else if (elementType != null && elementType.isRecord()) {
                    if (!mayExplode || exploded != null) {
                        throw new IllegalArgumentException(type.getName() + ": only one list of records per item "
                                + "can become CSV records; declare the columns of " + name + " by hand");
                    }
                    exploded = item -> value.apply(new Row(item, null));
                    add(elementType, name + ".", Row::element, false);
                } else if (elementType != null) {
                    columns.add(column(name, row -> joined((Collection<?>) value.apply(row))));
                } else {
                    columns.add(column(name, value));
                }
            }
        }

        private static Class<?> elementType(RecordComponent component) {
            if (!Collection.class.isAssignableFrom(component.getType())) {
                return null;
            }
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
                return element;
            }
            return Object.class;
        }

        private static Object invoke(Method accessor, Object from) {
            try {
                return accessor.invoke(from);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + accessor, e);
            }
        }

        private static String joined(Collection<?> values) {
            return values == null ? null : values.stream().map(Csv::text).collect(Collectors.joining("; "));
        }
    }

    /** 200 with the CSV of {@code rows} as an attachment named {@code filename}. */
    public static <T> Response ok(List<Column<T>> columns, List<T> rows, String filename) {
        return ok(write(columns, rows), filename);
    }

    /** 200 with the CSV of {@code items}, columns derived from their type ({@link #write(Class, List)}). */
    public static <T extends Record> Response ok(Class<T> type, List<? extends T> items, String filename) {
        return ok(write(type, items), filename);
    }

    private static Response ok(String document, String filename) {
        return Response.ok(document.getBytes(StandardCharsets.UTF_8), CONTENT_TYPE)
                .header("Content-Disposition", attachment(filename))
                .build();
    }

    /** The Content-Disposition of a CSV answer. */
    public static String attachment(String filename) {
        return "attachment; filename=\"" + filename + "\"";
    }

    /** The whole document: the header row, then one record per row, each ended by CRLF. */
    public static <T> String write(List<Column<T>> columns, List<T> rows) {
        StringBuilder out = new StringBuilder();
        List<Object> headers = new ArrayList<>(columns.size());
        for (Column<T> column : columns) {
            headers.add(column.header());
        }
        record(out, headers);
        for (T row : rows) {
            List<Object> cells = new ArrayList<>(columns.size());
            for (Column<T> column : columns) {
                cells.add(column.value().apply(row));
            }
            record(out, cells);
        }
        return out.toString();
    }

    private static void record(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** An enum's {@code @JsonValue} method, or null when JSON writes its name. */
    private static final ClassValue<Method> JSON_VALUE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
                    method.setAccessible(true);
                    return method;
                }
            }
            return null;
        }
    };

    /** A value as JSON writes it, unquoted: instants in UTC, enums by their {@code @JsonValue}. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof OffsetDateTime instant) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof Enum<?> constant) {
            Method json = JSON_VALUE.get(constant.getDeclaringClass());
            if (json == null) {
                return constant.name();
            }
            try {
                return String.valueOf(json.invoke(constant));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot read " + json, e);
            }
        }
        return value.toString();
    }

    /** One field, quoted only when RFC 4180 requires it. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = text(value);
        if (!(value instanceof Enum) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
