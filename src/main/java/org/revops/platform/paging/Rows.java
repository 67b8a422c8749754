package org.revops.platform.paging;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import org.revops.platform.error.ApiProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Reading results: one record or 404, and batches aligned to the ids asked for (for GraphQL batch resolvers). */
public final class Rows {
    private Rows() {
    }

    public static <T> T single(RowSet<Row> rows, Function<Row, T> mapper, String what) {
        if (rows.size() == 0) {
            throw ApiProblem.notFound(what);
        }
        return mapper.apply(rows.iterator().next());
    }

    /** One result per requested id, in the same order; null where the id is unknown or not visible. */
    public static <T> List<T> alignById(RowSet<Row> rows, List<UUID> ids, Function<Row, T> mapper) {
        Map<UUID, T> byId = new HashMap<>();
        for (Row row : rows) {
            byId.put(row.getUUID("id"), mapper.apply(row));
        }
        List<T> aligned = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            aligned.add(id == null ? null : byId.get(id));
        }
        return aligned;
    }

    /** Children grouped under each requested parent id, in the same order as the ids (empty lists, never null). */
    public static <T> List<List<T>> groupBy(RowSet<Row> rows, List<UUID> parentIds, String parentColumn,
                                            Function<Row, T> mapper) {
        Map<UUID, List<T>> byParent = new HashMap<>();
        for (Row row : rows) {
            byParent.computeIfAbsent(row.getUUID(parentColumn), k -> new ArrayList<>()).add(mapper.apply(row));
        }
        List<List<T>> grouped = new ArrayList<>(parentIds.size());
        for (UUID id : parentIds) {
            grouped.add(byParent.getOrDefault(id, List.of()));
        }
        return grouped;
    }

    /** The record, or 404 naming what was looked for. */
    public static <T> T present(T value, String what) {
        if (value == null) {
            throw ApiProblem.notFound(what);
        }
        return value;
    }
}
