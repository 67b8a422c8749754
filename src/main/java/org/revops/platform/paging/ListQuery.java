package org.revops.platform.paging;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs a {@link ListSpec} as one SQL statement: workspace scope, visibility, filters, keyset cursor, sort and
 * limit + 1 (the extra row tells whether another page follows, without a count query).
 */
public final class ListQuery {
    private ListQuery() {
    }

    private record Order(ListSpec.SortKey key, boolean descending) {
    }

    public static <T> Uni<Slice<T>> run(Db db, ListSpec spec, UUID workspaceId, SqlPredicate visibility,
                                         ListRequest request, Function<Row, T> mapper) {
        return run(db, spec, new Object[0], workspaceId, visibility, request, mapper);
    }

    /** The same, for a SELECT that takes parameters of its own (such as "now" for derived, time-dependent fields). */
    public static <T> Uni<Slice<T>> run(Db db, ListSpec spec, Object[] selectArgs, UUID workspaceId,
                                         SqlPredicate visibility, ListRequest request, Function<Row, T> mapper) {
        List<Order> orders = parseSort(spec, request.sort());
        String sortText = orders.stream().map(o -> (o.descending ? "-" : "") + o.key.name())
                .reduce((a, b) -> a + "," + b).orElse("");

        SqlBuilder sql = new SqlBuilder().append(spec.select(), selectArgs)
                .append(" WHERE " + spec.workspaceColumn() + " = ?", workspaceId)
                .append(" AND (" + visibility.sql() + ")", visibility.args());
        where(spec, request.filters(), sql);
        if (request.cursor() != null) {
            Cursor cursor = Cursor.decode(request.cursor(), sortText, orders.size() + 1);
            appendKeyset(spec, orders, cursor, sql);
        }
        sql.append(" ORDER BY ");
        for (Order o : orders) {
            sql.append(o.key.sql() + (o.descending ? " DESC, " : ", "));
        }
        boolean lastDescending = !orders.isEmpty() && orders.get(orders.size() - 1).descending;
        sql.append(spec.idColumn() + (lastDescending ? " DESC" : "") + " LIMIT ?", request.limit() + 1);

        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            List<T> items = new ArrayList<>();
            List<String> cursors = new ArrayList<>();
            boolean more = false;
            for (Row row : rows) {
                if (items.size() == request.limit()) {
                    more = true;
                    break;
                }
                items.add(mapper.apply(row));
                cursors.add(cursorOf(row, orders, sortText));
            }
            return new Slice<>(items, cursors, more);
        });
    }

    /**
     * Appends {@code AND <predicate>} for each filter of {@code spec} the request names; unknown filters and values
     * that do not parse are one 400 naming each parameter. Also for reports that filter like a list but are no page.
     */
    public static void where(ListSpec spec, Map<String, List<String>> filters, SqlBuilder sql) {
        List<FieldError> errors = new ArrayList<>();
        filters.forEach((name, values) -> {
            ListSpec.Filter filter = spec.filters().get(name);
            if (filter == null) {
                errors.add(new FieldError(name, "unknown filter; known: " + String.join(", ", spec.filters().keySet())));
                return;
            }
            if (!filter.repeatable() && values.size() > 1) {
                errors.add(new FieldError(name, "may be given once"));
                return;
            }
            if (filter.choices() != null) {
                String predicate = filter.choices().get(values.get(0).trim());
                if (predicate == null) {
                    errors.add(new FieldError(name, "must be one of " + String.join(", ", filter.choices().keySet())));
                } else {
                    sql.append(" AND " + predicate);
                }
                return;
            }
            try {
                Object value = filter.repeatable() ? filter.type().parseAll(values) : filter.type().parse(values.get(0));
                sql.append(" AND " + filter.sql(), value);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(name, e.getMessage()));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("Invalid list parameters", errors);
        }
    }

    private static List<Order> parseSort(ListSpec spec, String sort) {
        List<String> fields = sort == null || sort.isBlank() ? spec.defaultSort() : List.of(sort.split(","));
        List<Order> orders = new ArrayList<>();
        for (String field : fields) {
            String trimmed = field.trim();
            boolean descending = trimmed.startsWith("-");
            String name = descending ? trimmed.substring(1) : trimmed;
            ListSpec.SortKey key = spec.sorts().get(name);
            if (key == null) {
                throw ApiProblem.badRequest("sort", "unknown sort field '" + name + "'; known: "
                        + String.join(", ", spec.sorts().keySet()));
            }
            orders.add(new Order(key, descending));
        }
        return orders;
    }

    /**
     * Rows strictly after the cursor in the sort order. With one direction this is a row comparison, which an index
     * on the same columns serves directly; mixed directions expand to the equivalent OR chain.
     */
    private static void appendKeyset(ListSpec spec, List<Order> orders, Cursor cursor, SqlBuilder sql) {
        List<Object> values = new ArrayList<>();
        try {
            for (int i = 0; i < orders.size(); i++) {
                values.add(orders.get(i).key.type().parse(cursor.values().get(i)));
            }
            values.add(ValueType.UUID_.parse(cursor.values().get(orders.size())));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("cursor", "is not a cursor returned by this API");
        }
        List<String> columns = new ArrayList<>(orders.stream().map(o -> o.key.sql()).toList());
        columns.add(spec.idColumn());
        boolean lastDescending = !orders.isEmpty() && orders.get(orders.size() - 1).descending;
        List<Boolean> descending = new ArrayList<>(orders.stream().map(o -> o.descending).toList());
        descending.add(lastDescending);

        if (descending.stream().distinct().count() == 1) {
            sql.append(" AND (" + String.join(", ", columns) + ") " + (descending.get(0) ? "<" : ">") + " ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")", values.toArray());
            return;
        }
        sql.append(" AND (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "(" : " OR (");
            for (int j = 0; j < i; j++) {
                sql.append(columns.get(j) + " = ? AND ", values.get(j));
            }
            sql.append(columns.get(i) + (descending.get(i) ? " < ?" : " > ?") + ")", values.get(i));
        }
        sql.append(")");
    }

    private static String cursorOf(Row row, List<Order> orders, String sortText) {
        List<String> values = new ArrayList<>();
        for (Order o : orders) {
            values.add(text(row.getValue(o.key.column())));
        }
        values.add(row.getUUID("id").toString());
        return new Cursor(sortText, values).encode();
    }

    private static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
