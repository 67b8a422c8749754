package org.revops.platform.db;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which lone statements Db sends in a transaction naming the audit actor: writes to audited tables only. */
class DbWriteDetectionTest {
    @Test
    void writesToAuditedTablesAreFoundAloneAndInCtes() {
        assertTrue(Db.isWrite("INSERT INTO accounts (id) VALUES ($1)"));
        assertTrue(Db.isWrite("insert into accounts(id) values ($1)"));
        assertTrue(Db.isWrite("update api_keys k SET name = $3 WHERE k.id = $1"));
        assertTrue(Db.isWrite("UPDATE api_keys\n   SET revoked_at = now()"));
        assertTrue(Db.isWrite("WITH gone AS (DELETE FROM leads l USING x WHERE true RETURNING 1) SELECT 1"));
        assertTrue(Db.isWrite("INSERT INTO territories AS t SELECT 1 ON CONFLICT (id) DO UPDATE SET a = 1"));
        assertTrue(Db.isWrite("WITH j AS (UPDATE jobs SET x = 1) UPDATE users SET name = $1"));
    }

    @Test
    void readsLockingReadsAndBookkeepingWritesAreNot() {
        assertFalse(Db.isWrite("SELECT * FROM accounts WHERE updated_at > $1"));
        assertFalse(Db.isWrite("SELECT id FROM leads WHERE id = $1 FOR UPDATE SKIP LOCKED"));
        assertFalse(Db.isWrite("SELECT id FROM leads FOR UPDATE OF l NOWAIT"));
        assertFalse(Db.isWrite("SELECT inserted_into, deleted_from, last_update FROM t"));
        assertFalse(Db.isWrite("UPDATE jobs SET heartbeat_at = now() WHERE id = $1"));
        assertFalse(Db.isWrite("INSERT INTO idempotency_keys (workspace_id, key) VALUES ($1, $2)"));
        assertFalse(Db.isWrite("WITH gone AS (DELETE FROM audit_events WHERE x RETURNING 1) SELECT count(*) FROM gone"));
    }
}
