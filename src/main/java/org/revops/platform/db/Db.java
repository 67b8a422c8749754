package org.revops.platform.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.revops.platform.audit.Audited;

/**
 * The reactive PostgreSQL client for hand-written SQL (lists, batch loads, set-based work). Every statement the
 * application sends through here is counted, so tests can hold hot reads to a fixed statement budget.
 * Every write through here runs in a transaction that names its actor for the audit log ({@link Audited}):
 * {@link #inTransaction} starts with it, and a lone write sent to the pool is wrapped in such a transaction.
 */
@ApplicationScoped
public class Db {
    private final Pool pool;
    private final AtomicLong statements = new AtomicLong();
    /** What a statement writes to (alone or in a CTE); a locking read ({@code FOR UPDATE}) writes nothing. */
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|delete\\s+from|update)\\s+([a-z_][\\w.]*)(?:\\s+(?:as\\s+)?[a-z_]\\w*)?\\s*"
                    + "(?:\\(|(?:values|select|set|using|where|default|overriding)\\b)");
    /**
     * The service's bookkeeping, which the audit log leaves out (V22): its frequent lone writes (a job's heartbeat,
     * an idempotency claim) need no transaction naming an actor.
     */
    private static final Set<String> UNAUDITED = Set.of("jobs", "idempotency_keys", "rate_limit_windows",
            "webhook_deliveries", "webhook_attempts", "import_chunks", "import_errors", "imports", "changes",
            "change_horizons", "audit_events");

    /**
     * {@link #isWrite} per statement text seen on the pool: the application's statements are constants and the
     * variants its builders make, so the scan runs once per text, not per execution. Capped, in case some builder
     * makes texts without end.
     */
    private static final Map<String, Boolean> WRITES = new ConcurrentHashMap<>();
    private static final int WRITES_KEPT = 10_000;

    public Db(Pool pool) {
        this.pool = pool;
    }

    public Uni<RowSet<Row>> query(String sql, Tuple params) {
        return query(pool, sql, params);
    }

    public Uni<RowSet<Row>> query(SqlClient client, String sql, Tuple params) {
        statements.incrementAndGet();
        if (client == pool && isWriteCached(sql)) {
            // autocommit would give the audit triggers no actor: the same statement, in a transaction naming it
            return pool.withTransaction(conn -> Audited.begin(conn)
                    .flatMap(named -> conn.preparedQuery(sql).execute(params)));
        }
        return client.preparedQuery(sql).execute(params);
    }

    /** {@link #isWrite}, remembered per text ({@link #WRITES}). */
    private static boolean isWriteCached(String sql) {
        Boolean known = WRITES.get(sql);
        if (known != null) {
            return known;
        }
        boolean write = isWrite(sql);
        if (WRITES.size() < WRITES_KEPT) {
            WRITES.put(sql, write);
        }
        return write;
    }

    /** Whether {@code sql} writes to a table the audit log records. */
    static boolean isWrite(String sql) {
        Matcher target = WRITE.matcher(sql);
        while (target.find()) {
            if (!UNAUDITED.contains(target.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A read whose best plan depends on its parameters' values (a date range, an array of ids): planned for each
     * execution rather than with the generic plan PostgreSQL settles on for a cached statement, whose guessed row
     * counts can cost several times the custom plan (a forecast roll-up: 22 ms generic, 8 ms custom). The pool never
     * keeps such a statement prepared ({@link StatementCachingPool#PLAN_EACH_TIME}), so it costs no more round trips
     * than a cached one.
     */
    public Uni<RowSet<Row>> queryPlannedPerExecution(String sql, Tuple params) {
        statements.incrementAndGet();
        return pool.preparedQuery(StatementCachingPool.PLAN_EACH_TIME + sql).execute(params);
    }

    /**
     * A read kept prepared however long its text ({@link StatementCachingPool#KEEP_PREPARED}), so that once PostgreSQL
     * has settled on its generic plan (after five executions, when that plan costs no more than the custom ones) an
     * execution skips parsing and planning. For reads whose best plan barely depends on their parameters' values.
     */
    public Uni<RowSet<Row>> queryKeptPrepared(String sql, Tuple params) {
        return query(StatementCachingPool.KEEP_PREPARED + sql, params);
    }

    /** Runs {@code work} in one transaction on one connection; rolled back if the Uni fails. */
    public <T> Uni<T> inTransaction(Function<SqlClient, Uni<T>> work) {
        return pool.withTransaction(conn -> Audited.begin(conn).flatMap(named -> work.apply(conn)));
    }

    /**
     * {@link #inTransaction} at REPEATABLE READ: every statement of {@code work} reads the same snapshot. The isolation
     * level must be set before any other statement, the audit actor's included, so it cannot be left to the work.
     */
    public <T> Uni<T> inRepeatableReadTransaction(Function<SqlClient, Uni<T>> work) {
        statements.incrementAndGet();
        return pool.withTransaction(conn -> conn.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").execute()
                .flatMap(set -> Audited.begin(conn)).flatMap(named -> work.apply(conn)));
    }

    /** Statements sent so far; a test reads it before and after a request. */
    public long statementCount() {
        return statements.get();
    }
}
