package org.revops.lead.predictive;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench/leads_training.sh times and explains the training's counting statement alone in psql:
 * bench/sql/leads_training_count.sql must be the statement the job sends ({@link PredictiveSql#COUNT}). With
 * {@code -Drevops.update-contracts=true} it rewrites the file.
 */
class PredictiveSqlBenchTest {
    private static final Path FILE = Path.of("bench/sql/leads_training_count.sql");
    private static final String HEADER = """
            -- bench/leads_training.sh: the frequency table of a training job (PredictiveSql.COUNT). Generated:
            -- PredictiveSqlBenchTest fails when it drifts from the code ($1 workspace, $2 window start, $3 held-out
            -- percent, $4 model, $5 fields, $6 now).
            """;

    @Test
    void theBenchmarkTimesTheStatementTheJobSends() throws IOException {
        String expected = HEADER + PredictiveSql.COUNT + ";\n";
        if (Boolean.getBoolean("revops.update-contracts")) {
            Files.writeString(FILE, expected);
            return;
        }
        assertTrue(Files.exists(FILE), FILE + " is missing: run this test with -Drevops.update-contracts=true");
        assertEquals(expected, Files.readString(FILE),
                FILE + " differs from the job's statement: run this test with -Drevops.update-contracts=true");
    }
}
