package org.revops.platform.db;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which statements Db wraps in an audited transaction when they are sent alone to the pool. */
class DbWriteDetectionTest {
    @Test
    void writesAreFoundAloneAndInCtes() {
        assertTrue(Db.isWrite("INSERT INTO jobs (id) VALUES ($1)"));
        assertTrue(Db.isWrite("update api_keys k SET name = $3 WHERE k.id = $1"));
        assertTrue(Db.isWrite("UPDATE api_keys\n   SET revoked_at = now()"));
        assertTrue(Db.isWrite("WITH gone AS (DELETE FROM audit_events WHERE x RETURNING 1) SELECT count(*) FROM gone"));
        assertTrue(Db.isWrite("INSERT INTO t SELECT 1 ON CONFLICT (id) DO UPDATE SET a = 1"));
    }

    @Test
    void readsAndLockingReadsAreNot() {
        assertFalse(Db.isWrite("SELECT * FROM accounts WHERE updated_at > $1"));
        assertFalse(Db.isWrite("SELECT id FROM jobs WHERE id = $1 FOR UPDATE SKIP LOCKED"));
        assertFalse(Db.isWrite("SELECT id FROM jobs FOR UPDATE NOWAIT"));
        assertFalse(Db.isWrite("SELECT inserted_into, deleted_from FROM t"));
    }
}
