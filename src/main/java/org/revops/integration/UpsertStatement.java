package org.revops.integration;

import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one statement that writes a batch: every column a parameter array, the rows unnested and inserted, a key
 * already stored updated in place — only where a written column differs, so a record sent again unchanged costs no
 * row version, no {@code version} bump and no {@code updated_at} — and the written rows returned with whether they
 * were inserted ({@code xmax = 0}: no earlier row version).
 *
 * <pre>
 * INSERT INTO t (workspace_id, id, external_source, external_id, created_at, updated_at, c1, c2 …)
 * SELECT $1, u.id, u.external_source, u.external_id, $2, $2, u.c1, u.c2 …
 * FROM unnest($3::uuid[], $4::text[], $5::text[], $6::…[] …) AS u(id, external_source, external_id, c1 …)
 * ON CONFLICT (workspace_id, external_source, external_id) DO UPDATE
 *   SET c1 = EXCLUDED.c1 …, updated_at = EXCLUDED.updated_at, version = t.version + 1
 *   WHERE (t.c1, …) IS DISTINCT FROM (EXCLUDED.c1, …)
 * RETURNING id, external_source, external_id, xmax = 0 AS created
 * </pre>
 * Numeric columns travel as text arrays (the client has no numeric[] encoder for BigDecimal) and are cast in SQL.
 */
public final class UpsertStatement {
    /** A written column and its SQL element type: text, uuid, integer, numeric, timestamptz, date, boolean. */
    public record Column(String name, String type) {
    }

    private final String sql;
    private final String currentSql;
    private final List<Column> columns;

    public UpsertStatement(String table, List<Column> columns) {
        this.columns = List.copyOf(columns);
        List<String> names = columns.stream().map(Column::name).toList();
        StringBuilder arrays = new StringBuilder("CAST($3 AS uuid[]), CAST($4 AS text[]), CAST($5 AS text[])");
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String param = "$" + (i + 6);
            arrays.append(", ").append("numeric".equals(c.type())
                    ? "CAST(CAST(" + param + " AS text[]) AS numeric[])"
                    : "CAST(" + param + " AS " + c.type() + "[])");
        }
        String list = String.join(", ", names);
        this.sql = """
                INSERT INTO %1$s AS t (workspace_id, id, external_source, external_id, created_at, updated_at, %2$s)
                SELECT CAST($1 AS uuid), u.id, u.external_source, u.external_id, CAST($2 AS timestamptz),
                       CAST($2 AS timestamptz), %3$s
                FROM unnest(%4$s) AS u(id, external_source, external_id, %2$s)
                ON CONFLICT (workspace_id, external_source, external_id) DO UPDATE
                SET %5$s, updated_at = EXCLUDED.updated_at, version = t.version + 1
                WHERE (%6$s) IS DISTINCT FROM (%7$s)
                RETURNING t.id, t.external_source, t.external_id, t.xmax = 0 AS created""".formatted(
                table, list, names.stream().map(n -> "u." + n).collect(Collectors.joining(", ")), arrays,
                names.stream().map(n -> n + " = EXCLUDED." + n).collect(Collectors.joining(", ")),
                names.stream().map(n -> "t." + n).collect(Collectors.joining(", ")),
                names.stream().map(n -> "EXCLUDED." + n).collect(Collectors.joining(", ")));
        this.currentSql = """
                SELECT t.id, t.workspace_id, %2$s, t.external_id, t.external_source, t.version
                FROM %1$s t
                JOIN unnest(CAST($2 AS text[]), CAST($3 AS text[])) AS k(external_source, external_id)
                  ON t.external_source = k.external_source AND t.external_id = k.external_id
                WHERE t.workspace_id = $1
                ORDER BY t.id
                FOR UPDATE OF t""".formatted(table, names.stream().map(n -> "t." + n).collect(Collectors.joining(", ")));
    }

    public String sql() {
        return sql;
    }

    /**
     * The stored rows of the batch's keys ($2 sources, $3 external ids) in workspace $1, with the written columns,
     * locked in id order so concurrent batches cannot deadlock on each other.
     */
    public String currentSql() {
        return currentSql;
    }

    /** Collects the rows of one statement, column by column. */
    public Rows rows() {
        return new Rows();
    }

    public final class Rows {
        private final List<UUID> ids = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();
        private final List<String> externalIds = new ArrayList<>();
        private final List<List<Object>> values = new ArrayList<>();

        private Rows() {
            for (int i = 0; i < columns.size(); i++) {
                values.add(new ArrayList<>());
            }
        }

        /** One row: a new id (kept only if the key is new), the key, then the columns' values in order. */
        public void add(UUID id, String source, String externalId, Object... row) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("expected " + columns.size() + " values, got " + row.length);
            }
            ids.add(id);
            sources.add(source);
            externalIds.add(externalId);
            for (int i = 0; i < row.length; i++) {
                Object value = row[i];
                values.get(i).add(value != null && "numeric".equals(columns.get(i).type()) ? value.toString() : value);
            }
        }

        public int size() {
            return ids.size();
        }

        public Tuple tuple(UUID workspaceId, OffsetDateTime now) {
            Tuple tuple = Tuple.of(workspaceId, now, ids.toArray(UUID[]::new), sources.toArray(String[]::new),
                    externalIds.toArray(String[]::new));
            for (int i = 0; i < columns.size(); i++) {
                tuple.addValue(array(columns.get(i).type(), values.get(i)));
            }
            return tuple;
        }
    }

    private static Object array(String type, List<Object> values) {
        return switch (type) {
            case "uuid" -> values.toArray(UUID[]::new);
            case "integer" -> values.toArray(Integer[]::new);
            case "bigint" -> values.toArray(Long[]::new);
            case "boolean" -> values.toArray(Boolean[]::new);
            case "timestamptz" -> values.toArray(OffsetDateTime[]::new);
            case "date" -> values.toArray(java.time.LocalDate[]::new);
            default -> values.toArray(String[]::new);
        };
    }
}
