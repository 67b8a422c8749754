package org.revops.integration.imports;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.integration.imports.ImportTest.counts;
import static org.revops.integration.imports.ImportTest.errors;
import static org.revops.integration.imports.ImportTest.run;

/**
 * Opportunities from a CSV export of another CRM: accounts by their external id, stages by name within a pipeline,
 * through the opportunities batch upsert; bad rows reported by line, good rows written with the stage's probability
 * and their stage history, a second import of changed rows moves the stage.
 */
@QuarkusTest
class ImportOpportunitiesTest extends ApiTest {
    private static final String MAPPING = "{\"Id\":\"externalId\",\"Account\":\"accountExternalId\","
            + "\"Opportunity\":\"name\",\"Pipeline\":\"pipelineId\",\"Stage\":\"stageName\",\"Amount\":\"amount\","
            + "\"Close\":\"closeDate\"}";

    @Inject
    Db db;

    private Workspace ws;
    private String pipeline;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Import deals");
        pipeline = Fixtures.pipeline(ws.adminKey(), "New business").getString("id");
        run(ws.adminKey(), "externalId,name\nA1,Globex\nA2,Initech\n", "object", "accounts", "externalSource", "sf");
    }

    private List<String> deals() {
        List<String> rows = new ArrayList<>();
        db.query("""
                SELECT o.external_id, o.name, o.amount, o.close_date, s.name AS stage,
                       coalesce(o.probability_override, s.probability), a.external_id,
                       (SELECT count(*) FROM opportunity_history h
                        WHERE h.workspace_id = o.workspace_id AND h.opportunity_id = o.id AND h.field = 'stage')
                FROM opportunities o
                JOIN stages s ON s.workspace_id = o.workspace_id AND s.id = o.stage_id
                JOIN accounts a ON a.workspace_id = o.workspace_id AND a.id = o.account_id
                WHERE o.workspace_id = $1 ORDER BY o.external_id""", Tuple.of(ws.id())).await().indefinitely()
                .forEach(r -> {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < r.size(); i++) {
                        cells.add(String.valueOf(r.getValue(i)));
                    }
                    rows.add(String.join("|", cells));
                });
        return rows;
    }

    @Test
    void dealsByAccountExternalIdAndStageNameWithBadRowsByLine() {
        JsonPath first = run(ws.adminKey(), "Id,Account,Opportunity,Pipeline,Stage,Amount,Close\n"
                        + "O1,A1,Globex renewal," + pipeline + ",qualify,1200.50,2026-12-31\n"
                        + "O2,A9,Missing account," + pipeline + ",Qualify,10,2026-12-31\n"
                        + "O3,A2,Initech new," + pipeline + ",Negotiation,500,2026-12-31\n"
                        + "O4,A2,\"Initech, phase 2\"," + pipeline + ",Proposal,-5,2026-12-31\n"
                        + "O5,A2,Initech pilot," + pipeline + ",Proposal,700,2027-01-15\n",
                "object", "opportunities", "externalSource", "sf", "mapping", MAPPING);
        assertEquals("succeeded 100% 5 rows: processed 5, created 2, updated 0, unchanged 0, errors 3",
                counts(first), () -> String.join("\n", errors(ws.adminKey(), first.getString("id"))));
        assertEquals(List.of(
                "3 O2 accountExternalId: is not the external id of an account of this workspace",
                "4 O3 stageName: is not the name of a stage of the pipeline",
                "5 O4 amount: must be greater than or equal to 0"), errors(ws.adminKey(), first.getString("id")));
        // a create records its stage as the first history row, as a single create does
        assertEquals(List.of("O1|Globex renewal|1200.5000|2026-12-31|Qualify|10.00|A1|1",
                "O5|Initech pilot|700.0000|2027-01-15|Proposal|60.00|A2|1"), deals());

        JsonPath second = run(ws.adminKey(), "Id,Account,Opportunity,Pipeline,Stage,Amount,Close\n"
                        + "O1,A1,Globex renewal," + pipeline + ",Proposal,1200.50,2026-12-31\n"
                        + "O5,A2,Initech pilot," + pipeline + ",Proposal,700,2027-01-15\n",
                "object", "opportunities", "externalSource", "sf", "mapping", MAPPING);
        assertEquals("succeeded 100% 2 rows: processed 2, created 0, updated 1, unchanged 1, errors 0",
                counts(second));
        assertEquals(List.of("O1|Globex renewal|1200.5000|2026-12-31|Proposal|60.00|A1|2",
                "O5|Initech pilot|700.0000|2027-01-15|Proposal|60.00|A2|1"), deals());
    }
}
