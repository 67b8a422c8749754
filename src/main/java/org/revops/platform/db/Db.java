package org.revops.platform.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.audit.AuditedTransaction;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The reactive PostgreSQL client for hand-written SQL (lists, batch loads, set-based work). Every statement the
 * application sends through here is counted, so tests can hold hot reads to a fixed statement budget.
 * Every write through here runs in a transaction that names its actor for the audit log ({@link AuditedTransaction}):
 * {@link #inTransaction} starts with it, and a lone write sent to the pool is wrapped in such a transaction.
 */
@ApplicationScoped
public class Db {
    private final Pool pool;
    private final AtomicLong statements = new AtomicLong();
    /** A statement that changes rows (alone or in a CTE); a locking read ({@code FOR UPDATE}) is no write. */
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(insert\\s+into|delete\\s+from|update\\s+[a-z_][\\w.]*(\\s+(as\\s+)?[a-z_]\\w*)?\\s+set)\\b");

    public Db(Pool pool) {
        this.pool = pool;
    }

    public Uni<RowSet<Row>> query(String sql, Tuple params) {
        return query(pool, sql, params);
    }

    public Uni<RowSet<Row>> query(SqlClient client, String sql, Tuple params) {
        statements.incrementAndGet();
        if (client == pool && isWrite(sql)) {
            // autocommit would give the audit triggers no actor: the same statement, in a transaction that names it
            return pool.withTransaction(conn -> AuditedTransaction.begin(conn)
                    .flatMap(named -> conn.preparedQuery(sql).execute(params)));
        }
        return client.preparedQuery(sql).execute(params);
    }

    static boolean isWrite(String sql) {
        return WRITE.matcher(sql).find();
    }

    /**
     * A read whose best plan depends on its parameters' values (a date range, an array of ids): planned for each
     * execution rather than with the generic plan PostgreSQL settles on for a cached statement, whose guessed row
     * counts can cost several times the custom plan (a forecast roll-up: 22 ms generic, 8 ms custom).
     */
    public Uni<RowSet<Row>> queryPlannedPerExecution(String sql, Tuple params) {
        statements.incrementAndGet();
        return pool.withTransaction(conn -> conn.query("SET LOCAL plan_cache_mode = force_custom_plan").execute()
                .flatMap(set -> conn.preparedQuery(sql).execute(params)));
    }

    /** Runs {@code work} in one transaction on one connection; rolled back if the Uni fails. */
    public <T> Uni<T> inTransaction(Function<SqlClient, Uni<T>> work) {
        return pool.withTransaction(conn -> AuditedTransaction.begin(conn).flatMap(named -> work.apply(conn)));
    }

    /** Statements sent so far; a test reads it before and after a request. */
    public long statementCount() {
        return statements.get();
    }
}
