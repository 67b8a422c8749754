package org.revops.lead;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.List;

/**
 * Native SQL in the current Hibernate transaction, for work that must see (and lock) what the writer of the same
 * transaction just wrote: routing a lead on its own write, converting a lead beside the records it creates. Statements
 * use {@code ?1 ?2 …}; lists travel as one JSON text parameter, cast as {@code CAST(CAST(?n AS text) AS jsonb)}: bound
 * straight to jsonb, the client would send the text as a JSON string. No array binding is involved.
 */
final class SessionSql {
    private SessionSql() {
    }

    /**
     * Every row as an array of column values (also for a single column). The session is flushed first: Hibernate
     * does not flush pending entity writes before a native statement, which would then not see them.
     */
    static Uni<List<Object[]>> rows(String sql, Object... params) {
        return Panache.getSession().flatMap(session -> session.flush()
                        .chain(() -> query(session, sql, params).getResultList()))
                .map(SessionSql::normalized);
    }

    /** Runs a data-changing statement after flushing the session (see {@link #rows}); the rows it changed. */
    static Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().flatMap(session -> session.flush()
                .chain(() -> query(session, sql, params).executeUpdate()));
    }

    private static Mutiny.Query<Object> query(Mutiny.Session session, String sql, Object... params) {
        Mutiny.Query<Object> query = session.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query;
    }

    private static List<Object[]> normalized(List<?> results) {
        List<Object[]> rows = new ArrayList<>(results.size());
        for (Object result : results) {
            rows.add(result instanceof Object[] columns ? columns : new Object[] {result});
        }
        return rows;
    }

    static int integer(Object value) {
        return ((Number) value).intValue();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }
}
