package org.revops.platform.db;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementCachingPoolTest {
    @Test
    void shortAndMarkedLongStatementsStayPreparedButNotThosePlannedEachTime() {
        String longSql = "SELECT 1" + " ".repeat(3000);
        assertTrue(StatementCachingPool.keepPrepared("SELECT 1"));
        assertTrue(StatementCachingPool.keepPrepared("x".repeat(2048)));
        assertFalse(StatementCachingPool.keepPrepared("x".repeat(2049)));
        assertFalse(StatementCachingPool.keepPrepared(longSql));
        assertTrue(StatementCachingPool.keepPrepared(StatementCachingPool.KEEP_PREPARED + longSql));
        assertFalse(StatementCachingPool.keepPrepared(StatementCachingPool.PLAN_EACH_TIME + "SELECT 1"));
    }
}
