package org.revops.lead.scoring;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;

import java.util.ArrayList;
import java.util.List;

/**
 * The transaction a lead is scored in: a lead write's Hibernate session (the statements see its flushed changes) or a
 * reactive connection. Both run the same SQL text, written with {@code $n} placeholders; rows come back as arrays.
 */
interface ScoringTx {
    Uni<List<Object[]>> rows(String sql, List<Object> params);

    /** The current Hibernate session, flushed first so the statements see the write. */
    static Uni<ScoringTx> session() {
        return Panache.getSession().flatMap(session -> session.flush().replaceWith(
                (ScoringTx) (sql, params) -> {
                    var query = session.createNativeQuery(sql.replaceAll("\\$(\\d+)", "?$1"));
                    for (int i = 0; i < params.size(); i++) {
                        query.setParameter(i + 1, params.get(i));
                    }
                    return query.getResultList().map(ScoringTx::arrays);
                }));
    }

    static ScoringTx of(Db db, SqlClient connection) {
        return (sql, params) -> db.query(connection, sql, Tuple.from(params)).map(rows -> {
            List<Object[]> result = new ArrayList<>();
            for (Row row : rows) {
                Object[] values = new Object[row.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = row.getValue(i);
                }
                result.add(values);
            }
            return result;
        });
    }

    private static List<Object[]> arrays(List<?> rows) {
        return rows.stream().map(row -> row instanceof Object[] values ? values : new Object[] {row}).toList();
    }
}
