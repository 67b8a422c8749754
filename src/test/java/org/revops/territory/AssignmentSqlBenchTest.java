package org.revops.territory;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench/territories.sh explains the engine's statement for one chunk in psql: bench/sql/territories_assign.sql must
 * be the statement the jobs send ({@link AssignmentSql#assign} over an id range). With
 * {@code -Drevops.update-contracts=true} it rewrites the file.
 */
class AssignmentSqlBenchTest {
    private static final Path FILE = Path.of("bench/sql/territories_assign.sql");
    private static final String HEADER = """
            -- bench/territories.sh: the assignment statement of a whole-model job, for one chunk (AssignmentSql.assign over
            -- an id range). Generated: AssignmentSqlBenchTest fails when it drifts from the code
            -- ($1 workspace, $2 model, $3 assigned at, $4 replace manual, $5..$6 the chunk's id range).
            """;

    @Test
    void theBenchmarkExplainsTheStatementTheJobsSend() throws IOException {
        String expected = HEADER + AssignmentSql.assign(AssignmentSql.Scope.ID_RANGE) + ";\n";
        if (Boolean.getBoolean("revops.update-contracts")) {
            Files.writeString(FILE, expected);
            return;
        }
        assertTrue(Files.exists(FILE), FILE + " is missing: run this test with -Drevops.update-contracts=true");
        assertEquals(expected, Files.readString(FILE),
                FILE + " differs from the engine's statement: run this test with -Drevops.update-contracts=true");
    }
}
