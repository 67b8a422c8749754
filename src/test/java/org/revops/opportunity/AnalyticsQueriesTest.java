package org.revops.opportunity;

import io.vertx.mutiny.sqlclient.Tuple;
import org.junit.jupiter.api.Test;
import org.revops.opportunity.AnalyticsDtos.FunnelFilter;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench/funnel.sh times the funnel statement in psql beside the API: the statements in bench/sql/ must be the ones
 * the API sends. This test renders them from {@link AnalyticsQueries} and compares; with
 * {@code -Drevops.update-contracts=true} it rewrites them.
 */
class AnalyticsQueriesTest {
    private static final boolean UPDATE = Boolean.getBoolean("revops.update-contracts");
    private static final UUID WS = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID PIPELINE = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID MANAGER = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    private static final Caller CALLER = new Caller(WS, ADMIN, Role.ADMIN);

    @Test
    void theWholePipeline() throws IOException {
        SqlBuilder sql = AnalyticsQueries.funnel(CALLER, new FunnelFilter(PIPELINE, null, null, null, null, null, null));
        assertEquals(List.of(WS, PIPELINE), values(sql.tuple()));
        compareOrUpdate(Path.of("bench/sql/funnel.sql"), """
                -- GET /api/v1/analytics/funnel?pipelineId=… as an admin key sends it (AnalyticsQueries.funnel).
                -- Parameters: $1 workspace, $2 pipeline. Kept in step by AnalyticsQueriesTest.
                """, sql);
    }

    @Test
    void aTeamInARegionOverAPeriod() throws IOException {
        SqlBuilder sql = AnalyticsQueries.funnel(CALLER, new FunnelFilter(PIPELINE, LocalDate.parse("2025-01-01"),
                LocalDate.parse("2026-01-01"), null, MANAGER, null, List.of("EMEA")));
        List<Object> values = values(sql.tuple());
        assertEquals(List.of(WS, PIPELINE, OffsetDateTime.parse("2025-01-01T00:00Z"),
                OffsetDateTime.parse("2026-01-01T00:00Z"), WS, MANAGER, WS), values.subList(0, 7));
        assertArrayEquals(new String[] {"EMEA"}, (String[]) values.get(7));
        compareOrUpdate(Path.of("bench/sql/funnel_filtered.sql"), """
                -- GET /api/v1/analytics/funnel?pipelineId=…&from=…&to=…&managerId=…&account.region=… as an admin key
                -- sends it. Parameters: $1 workspace, $2 pipeline, $3 from, $4 to (timestamptz, UTC midnight),
                -- $5 workspace, $6 manager, $7 workspace, $8 regions (text[]). Kept in step by AnalyticsQueriesTest.
                """, sql);
    }

    private static List<Object> values(Tuple tuple) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < tuple.size(); i++) {
            values.add(tuple.getValue(i));
        }
        return values;
    }

    private static void compareOrUpdate(Path file, String header, SqlBuilder sql) throws IOException {
        String expected = header + sql.sql() + ";\n";
        if (UPDATE) {
            Files.writeString(file, expected);
            return;
        }
        assertTrue(Files.exists(file), file + " is missing: run this test with -Drevops.update-contracts=true");
        assertEquals(expected, Files.readString(file),
                file + " differs from the SQL the API sends: run this test with -Drevops.update-contracts=true");
    }
}
