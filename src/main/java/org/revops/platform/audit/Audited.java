package org.revops.platform.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.function.Supplier;

/**
 * Write transactions that tell the audit triggers who writes: each starts by putting the current actor
 * ({@link AuditContext#current()}) into the transaction-local setting {@code revops.actor}. The statement goes to the
 * connection directly, not through {@code Db}, so statement budgets count only the work itself.
 */
public final class Audited {
    static final String SET_ACTOR = "SELECT set_config('revops.actor', $1, true)";

    private Audited() {
    }

    /** {@code Panache.withTransaction} whose writes are recorded as the current actor's. */
    public static <T> Uni<T> transaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(SET_ACTOR.replace("$1", "?1"))
                        .setParameter(1, AuditContext.current().toJson()).getSingleResult())
                .flatMap(ignored -> work.get()));
    }

    /** Marks the transaction open on {@code connection} as the current actor's. */
    public static Uni<Void> begin(SqlClient connection) {
        return connection.preparedQuery(SET_ACTOR).execute(Tuple.of(AuditContext.current().toJson()))
                .replaceWithVoid();
    }
}
