package org.revops.platform.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Creates the reactive pool (for the Vert.x client and Hibernate Reactive alike) with Quarkus' options and one more:
 * statements that start with {@link #KEEP_PREPARED} stay prepared however long they are. Vert.x keeps only
 * statements up to 2,048 characters; longer ones are parsed and planned again on every execution. The statement that
 * scores a lead on every write is generated per scoring model and runs to several kilobytes: re-parsing it cost about
 * 2 ms per write (bench/results/2026-11-23-vm-leads.md). Other long statements keep the default on purpose: a cached
 * statement may switch to a generic plan after five executions, which chunked jobs tuned on custom plans do not expect.
 * Statements that start with {@link #PLAN_EACH_TIME} are never kept, however short: PostgreSQL plans an unnamed
 * statement with its parameters' values, in the one round trip of the execution.
 */
@Singleton
public class StatementCachingPool implements PgPoolCreator {
    /** The comment that marks a long statement as worth keeping prepared. */
    public static final String KEEP_PREPARED = "/* keep prepared */ ";
    /** The comment that marks a statement to be planned with its parameters on every execution. */
    public static final String PLAN_EACH_TIME = "/* plan each time */ ";
    static final int DEFAULT_LIMIT = 2048;

    /** Whether the pool keeps {@code sql} prepared: short statements (Vert.x's default) and marked ones. */
    static boolean keepPrepared(String sql) {
        return !sql.startsWith(PLAN_EACH_TIME) && (sql.length() <= DEFAULT_LIMIT || sql.startsWith(KEEP_PREPARED));
    }

    @Override
    @SuppressWarnings("deprecation")   // Quarkus expects a PgPool from a creator
    public Pool create(Input input) {
        List<PgConnectOptions> options = input.pgConnectOptionsList().stream()
                .map(given -> {
                    PgConnectOptions copy = new PgConnectOptions(given);
                    copy.setPreparedStatementCacheSqlFilter(StatementCachingPool::keepPrepared);
                    return copy;
                })
                .toList();
        return PgPool.pool(input.vertx(), options, input.poolOptions());
    }
}
