package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.TestClock;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The coverage query over GraphQL: the same rows and figures as REST, problems as errors. */
@QuarkusTest
class CoverageGraphQLTest extends ApiTest {
    private static final String QUERY = """
            query($groupBy: CoverageGroupBy, $modelId: String, $untouchedDays: Int, $wonFrom: Date, $wonTo: Date) {
              coverage(groupBy: $groupBy, modelId: $modelId, untouchedDays: $untouchedDays, wonFrom: $wonFrom,
                       wonTo: $wonTo) {
                groupBy modelId asOf untouchedDays untouchedSince wonFrom wonTo
                rows { kind key label code depth parentId accounts accountsWithOpenPipeline openDeals
                       openPipelineAmount wonDeals wonAmount reps untouchedAccounts untouchedShare
                       subtree { accounts accountsWithOpenPipeline openDeals openPipelineAmount wonDeals wonAmount
                                 reps untouchedAccounts untouchedShare } }
              }
            }""";

    private CoverageScenario s;

    @BeforeEach
    void setUp() {
        s = CoverageScenario.shared(this::build);
        TestClock.set(CoverageScenario.NOW);
    }

    private CoverageScenario build() {
        Workspace ws = newWorkspace("Coverage");
        Member mona = newMember(ws, "Mona Manager", "manager", null);
        return new CoverageScenario(ws, mona, newMember(ws, "Ray Rep", "rep", mona.id()),
                newMember(ws, "Otto Rep", "rep", null));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void theSameReportAsRest() {
        for (String key : List.of(s.ws.adminKey(), s.ray.key())) {
            JsonPath graph = GraphQLClient.ok(key, QUERY, Map.of());
            // GraphQL numbers drop trailing zeros (0.0 for 0.0000): compare both as JSON numbers
            JsonPath rest = as(key).get(CoverageResourceTest.COVERAGE).then().statusCode(200).extract().jsonPath();
            assertEquals(rest.getMap("$").toString(), graph.getMap("data.coverage").toString());
        }
        JsonPath regions = GraphQLClient.ok(s.ws.adminKey(), QUERY,
                Map.of("groupBy", "REGION", "untouchedDays", 91, "wonFrom", "2026-03-31", "wonTo", "2026-04-01"));
        assertEquals(List.of("AMER", "APAC", "EMEA", "(unassigned)"), regions.getList("data.coverage.rows.label"));
        assertEquals(List.of(0, 0, 2, 0), regions.getList("data.coverage.rows.wonDeals"));
        assertEquals(List.of(0, 1, 0, 0), regions.getList("data.coverage.rows.untouchedAccounts"));
        assertEquals("region", regions.getString("data.coverage.groupBy"));
    }

    @Test
    void aPlanningModelByIdAndProblemsAsErrors() {
        assertEquals(s.map.modelId, GraphQLClient.ok(s.ws.adminKey(), QUERY, Map.of("modelId", s.map.modelId))
                .getString("data.coverage.modelId"));
        GraphQLClient.post(s.ws.adminKey(), QUERY, Map.of("untouchedDays", 0)).then().statusCode(200)
                .body("errors[0].message", containsString("untouchedDays: must be between 1 and 3650"))
                .body("data.coverage", nullValue());
        GraphQLClient.post(newWorkspace("Coverage elsewhere").adminKey(), QUERY, Map.of("modelId", s.map.modelId))
                .then().statusCode(200).body("errors[0].message", containsString("territory model not found"))
                .body("data.coverage", nullValue());
    }
}
