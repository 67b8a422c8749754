package org.revops.platform.db;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The change-log and audit capture functions join a statement's old and new rows with plans PL/pgSQL keeps for the
 * whole session, sized by the first call's transition tables: each must run without nested loops (V22, V24), or a
 * connection whose first update touched one row joins 5,000 rows in a nested loop from then on.
 */
@QuarkusTest
class CaptureTriggersTest extends ApiTest {
    @Inject
    Pool pool;

    @Test
    void everyCaptureFunctionRunsWithoutNestedLoops() {
        List<String> functions = new ArrayList<>();
        List<String> withNestedLoops = new ArrayList<>();
        for (Row row : pool.query("""
                SELECT p.proname, coalesce(p.proconfig, '{}') @> ARRAY['enable_nestloop=off'] AS hashed
                FROM pg_proc p WHERE p.proname LIKE '%\\_changes\\_capture' OR p.proname LIKE '%\\_audit\\_capture'""")
                .execute().await().atMost(Duration.ofSeconds(10))) {
            functions.add(row.getString("proname"));
            if (!row.getBoolean("hashed")) {
                withNestedLoops.add(row.getString("proname"));
            }
        }
        assertTrue(functions.contains("leads_changes_capture") && functions.contains("leads_audit_capture"),
                "found " + functions);
        assertTrue(functions.size() >= 20, "found " + functions);
        assertEquals(List.of(), withNestedLoops);
    }

    /**
     * The audit triggers join their rows with audit_actor(). As LANGUAGE sql it was inlined and its jsonb parse ran
     * once per audited row (V26: 200k audited inserts 3.2–3.8 s against 1.8–2.1 s); PL/pgSQL is never inlined.
     */
    @Test
    void theAuditActorIsAFunctionThePlannerCannotInline() {
        Row row = pool.query("""
                SELECT l.lanname, p.provolatile FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                WHERE p.proname = 'audit_actor'""").execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals("plpgsql", row.getString("lanname"));
        assertEquals("s", row.getString("provolatile"));
    }
}
