package org.revops.platform.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a list endpoint offers, declared once and used three times: to build the SQL (filters, sort, keyset
 * cursor), to document the REST parameters in OpenAPI, and to back the GraphQL connection of the same resource.
 *
 * @param select          {@code SELECT … FROM … } without WHERE; must expose every sort key under its column name
 * @param workspaceColumn the column every query is scoped by
 * @param idColumn        the unique tie-breaker of the sort, read from the row as {@code id}
 */
public record ListSpec(String operationId, String select, String workspaceColumn, String idColumn,
                       Map<String, Filter> filters, Map<String, SortKey> sorts, List<String> defaultSort) {

    /**
     * A query parameter. {@code sql} holds one {@code ?} for the value; a repeatable filter receives an array
     * (repeated parameters are OR-ed, so write it as {@code col = ANY(?)}). A filter with {@code choices} takes one
     * of a fixed set of words instead, each standing for its own predicate without parameters ({@code sql} unused).
     */
    public record Filter(String name, ValueType type, boolean repeatable, String sql, String description,
                         Map<String, String> choices) {
        public Filter(String name, ValueType type, boolean repeatable, String sql, String description) {
            this(name, type, repeatable, sql, description, null);
        }
    }

    /** A sortable field: {@code sql} in ORDER BY, {@code column} to read the value back from a row. */
    public record SortKey(String name, String sql, String column, ValueType type) {
    }

    public static Builder builder(String operationId, String select, String workspaceColumn, String idColumn) {
        return new Builder(operationId, select, workspaceColumn, idColumn);
    }

    public static final class Builder {
        private final String operationId;
        private final String select;
        private final String workspaceColumn;
        private final String idColumn;
        private final Map<String, Filter> filters = new LinkedHashMap<>();
        private final Map<String, SortKey> sorts = new LinkedHashMap<>();

        private Builder(String operationId, String select, String workspaceColumn, String idColumn) {
            this.operationId = operationId;
            this.select = select;
            this.workspaceColumn = workspaceColumn;
            this.idColumn = idColumn;
        }

        /** Equality on a column; repeat the parameter for OR. */
        public Builder anyOf(String name, ValueType type, String column, String description) {
            filters.put(name, new Filter(name, type, true, column + " = ANY(?)", description));
            return this;
        }

        /** A repeatable filter with its own SQL, which receives the values as an array. */
        public Builder anyOfWhere(String name, ValueType type, String sql, String description) {
            filters.put(name, new Filter(name, type, true, sql, description));
            return this;
        }

        public Builder single(String name, ValueType type, String sql, String description) {
            filters.put(name, new Filter(name, type, false, sql, description));
            return this;
        }

        /**
         * A filter whose one value is a word from {@code predicates}' keys, each meaning its own SQL predicate. The
         * predicates take no parameters but may use the columns of the SELECT, such as a clock it takes as a
         * parameter: {@code due=today} becomes {@code next_follow_up_at < <end of today by that clock>}.
         */
        public Builder oneOf(String name, Map<String, String> predicates, String description) {
            filters.put(name, new Filter(name, ValueType.TEXT, false, null, description,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(predicates))));
            return this;
        }

        public Builder sort(String name, String sql, String column, ValueType type) {
            sorts.put(name, new SortKey(name, sql, column, type));
            return this;
        }

        /** Keeps declaration order for documentation. */
        public ListSpec build(String... defaultSort) {
            return new ListSpec(operationId, select, workspaceColumn, idColumn,
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(filters)),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sorts)), List.of(defaultSort));
        }
    }
}
