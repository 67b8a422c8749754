package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.TestClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** GET /api/v1/analytics/coverage on the hand-checked workspace of {@link CoverageScenario}. */
@QuarkusTest
class CoverageResourceTest extends ApiTest {
    static final String COVERAGE = "/api/v1/analytics/coverage";

    @Inject
    Db db;

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

    static JsonPath coverage(String key, String query) {
        Response response = as(key).get(COVERAGE + (query.isEmpty() ? "" : "?" + query));
        response.then().statusCode(200).contentType("application/json");
        return JsonPath.from(response.asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** Each row as "label accounts/withOpen/openDeals/openAmount/wonDeals/wonAmount reps untouched share | subtree". */
    static List<String> rows(JsonPath report) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < report.getList("rows").size(); i++) {
            String row = "rows[" + i + "].";
            String line = report.getString(row + "label") + " " + figures(report, row);
            if (report.get(row + "subtree") != null) {
                line += " | " + figures(report, row + "subtree.");
            }
            rows.add(line);
        }
        return rows;
    }

    private static String figures(JsonPath report, String at) {
        return report.get(at + "accounts") + "/" + report.get(at + "accountsWithOpenPipeline") + "/"
                + report.get(at + "openDeals") + "/" + report.get(at + "openPipelineAmount") + "/"
                + report.get(at + "wonDeals") + "/" + report.get(at + "wonAmount") + " reps=" + report.get(at + "reps")
                + " untouched=" + report.get(at + "untouchedAccounts") + " share=" + report.get(at + "untouchedShare");
    }

    @Test
    void byTerritoryListsEveryTerritoryInTreeOrderWithDirectAndSubtreeFigures() {
        long before = db.statementCount();
        JsonPath report = coverage(s.ws.adminKey(), "");
        assertEquals(2, db.statementCount() - before, "authentication + the report");
        assertEquals("territory", report.getString("groupBy"));
        assertEquals(s.map.modelId, report.getString("modelId"));
        assertEquals("2026-06-30T12:00:00Z", report.getString("asOf"));
        assertEquals(90, report.getInt("untouchedDays"));
        assertEquals(CoverageScenario.SINCE_90, report.getString("untouchedSince"));
        assertEquals("2026-04-01", report.getString("wonFrom"));
        assertEquals("2026-06-30", report.getString("wonTo"));
        assertEquals(List.of(
                "WORLD 0/0/0/0.0000/0/0.0000 reps=0 untouched=0 share=null"
                        + " | 4/2/3/3300.0000/2/20000.0000 reps=3 untouched=2 share=0.5000",
                "AMER 1/0/0/0.0000/1/16000.0000 reps=1 untouched=0 share=0.0000"
                        + " | 1/0/0/0.0000/1/16000.0000 reps=1 untouched=0 share=0.0000",
                "EMEA 1/1/1/300.0000/0/0.0000 reps=1 untouched=1 share=1.0000"
                        + " | 3/2/3/3300.0000/1/4000.0000 reps=3 untouched=2 share=0.6667",
                "DACH 2/1/2/3000.0000/1/4000.0000 reps=2 untouched=1 share=0.5000"
                        + " | 2/1/2/3000.0000/1/4000.0000 reps=2 untouched=1 share=0.5000",
                "UKI 0/0/0/0.0000/0/0.0000 reps=0 untouched=0 share=null"
                        + " | 0/0/0/0.0000/0/0.0000 reps=0 untouched=0 share=null",
                "(unassigned) 2/1/1/700.0000/0/0.0000 reps=2 untouched=1 share=0.5000"), rows(report));
        assertEquals(List.of("territory", "territory", "territory", "territory", "territory", "unassigned"),
                report.getList("rows.kind"));
        assertEquals(s.territory("DACH"), report.getString("rows[3].key"));
        assertEquals("DACH", report.getString("rows[3].code"));
        assertEquals(3, report.getInt("rows[3].depth"));
        assertEquals(s.territory("EMEA"), report.getString("rows[3].parentId"));
        assertEquals(1, report.getInt("rows[0].depth"));
        assertNull(report.get("rows[0].parentId"));
        assertNull(report.get("rows[5].key"));
        assertNull(report.get("rows[5].code"));
    }

    @Test
    void byIndustryAndRegionGroupTheValuesAndCountAccountOwnersAsReps() {
        assertEquals(List.of(
                "Manufacturing 1/0/0/0.0000/1/4000.0000 reps=1 untouched=1 share=1.0000",
                "Retail 3/3/4/4000.0000/0/0.0000 reps=2 untouched=1 share=0.3333",
                "Software 1/0/0/0.0000/1/16000.0000 reps=1 untouched=0 share=0.0000",
                "(unassigned) 1/0/0/0.0000/0/0.0000 reps=1 untouched=1 share=1.0000"),
                rows(coverage(s.ws.adminKey(), "groupBy=industry")));
        JsonPath regions = coverage(s.ws.adminKey(), "groupBy=region");
        assertEquals(List.of(
                "AMER 1/0/0/0.0000/1/16000.0000 reps=1 untouched=0 share=0.0000",
                "APAC 1/0/0/0.0000/0/0.0000 reps=1 untouched=1 share=1.0000",
                "EMEA 4/3/4/4000.0000/1/4000.0000 reps=2 untouched=2 share=0.5000",
                "(unassigned) 0/0/0/0.0000/0/0.0000 reps=0 untouched=0 share=null"), rows(regions));
        assertEquals(List.of("value", "value", "value", "unassigned"), regions.getList("rows.kind"));
        assertEquals("EMEA", regions.getString("rows[2].key"));
        assertNull(regions.get("rows[2].code"));
        assertNull(regions.get("modelId"));
    }

    @Test
    void untouchedCountsAnActivityExactlyNDaysAgoAsATouch() {
        // 90 days: A1's activity at exactly now - 90 days touches it; A3's, one second earlier, does not
        assertEquals("EMEA 4/3/4/4000.0000/1/4000.0000 reps=2 untouched=2 share=0.5000",
                rows(coverage(s.ws.adminKey(), "groupBy=region&untouchedDays=90")).get(2));
        // 91 days reach A3's activity and A2's deal closed on 03-31 at 23:59:59
        JsonPath longer = coverage(s.ws.adminKey(), "groupBy=region&untouchedDays=91");
        assertEquals("2026-03-31T12:00:00Z", longer.getString("untouchedSince"));
        assertEquals("EMEA 4/3/4/4000.0000/1/4000.0000 reps=2 untouched=0 share=0.0000", rows(longer).get(2));
        // 1 day: only A4 (D5 closed an hour ago) is touched
        assertEquals(List.of(0, 1, 4, 0), coverage(s.ws.adminKey(), "groupBy=region&untouchedDays=1")
                .getList("rows.untouchedAccounts", Integer.class));
    }

    @Test
    void wonPeriodBoundsAreWholeUtcDaysBothIncluded() {
        String key = s.ws.adminKey();
        assertEquals("Manufacturing 1/0/0/0.0000/1/8000.0000 reps=1 untouched=1 share=1.0000",
                rows(coverage(key, "groupBy=industry&wonFrom=2026-03-31&wonTo=2026-03-31")).get(0));
        assertEquals("Manufacturing 1/0/0/0.0000/1/4000.0000 reps=1 untouched=1 share=1.0000",
                rows(coverage(key, "groupBy=industry&wonFrom=2026-04-01&wonTo=2026-04-01")).get(0));
        assertEquals("DACH 2/1/2/3000.0000/2/12000.0000 reps=2 untouched=1 share=0.5000"
                        + " | 2/1/2/3000.0000/2/12000.0000 reps=2 untouched=1 share=0.5000",
                rows(coverage(key, "wonFrom=2026-03-31&wonTo=2026-06-30")).get(3));
        // only wonTo: wonFrom stays the quarter's first day; D5 (closed 06-30) falls out
        JsonPath until = coverage(key, "groupBy=industry&wonTo=2026-06-29");
        assertEquals("2026-04-01", until.getString("wonFrom"));
        assertEquals(List.of(1, 0, 0, 0), until.getList("rows.wonDeals", Integer.class));
        // a lost deal never counts, whatever the period
        assertEquals(List.of(2, 0, 1, 0), coverage(key, "groupBy=industry&wonFrom=2025-01-01&wonTo=2026-12-31")
                .getList("rows.wonDeals", Integer.class));
    }

    @Test
    void aRepSeesTheirAccountsDealsAndTerritoriesOnly() {
        JsonPath report = coverage(s.ray.key(), "");
        assertEquals(List.of(
                "AMER 1/0/0/0.0000/1/16000.0000 reps=1 untouched=0 share=0.0000"
                        + " | 1/0/0/0.0000/1/16000.0000 reps=1 untouched=0 share=0.0000",
                "DACH 1/1/2/3000.0000/0/0.0000 reps=2 untouched=0 share=0.0000"
                        + " | 1/1/2/3000.0000/0/0.0000 reps=2 untouched=0 share=0.0000",
                "(other territories) 1/0/0/0.0000/0/0.0000 reps=null untouched=1 share=1.0000",
                "(unassigned) 0/0/0/0.0000/0/0.0000 reps=0 untouched=0 share=null"), rows(report));
        assertEquals(List.of("territory", "territory", "otherTerritories", "unassigned"),
                report.getList("rows.kind"));
        assertNull(report.get("rows[2].key"));
        // Otto's deal on Ray's account A3 counts for Otto, not for Ray
        assertEquals("(other territories) 1/1/1/300.0000/0/0.0000 reps=null untouched=1 share=1.0000",
                rows(coverage(s.otto.key(), "")).get(1));
        // a manager reads their team's accounts; read-only the whole workspace, like an admin
        JsonPath team = coverage(s.mona.key(), "");
        assertEquals(List.of(0, 1, 1, 1, 0, 0), team.getList("rows.accounts", Integer.class));
        assertEquals(3, team.getInt("rows[0].subtree.accounts"));
        assertEquals(0, team.getInt("rows[2].openDeals"), "Otto's deal on A3 is not the team's");
        assertEquals(rows(coverage(s.ws.adminKey(), "groupBy=region")),
                rows(coverage(newReadOnly(), "groupBy=region")));
    }

    private String newReadOnly() {
        return newMember(s.ws, "Rita Reader " + System.nanoTime(), "read-only", null).key();
    }

    @Test
    void aPlanningModelCanBeComparedAndAnotherWorkspacesModelIsNotFound() {
        TerritoryMap draft = TerritoryMap.create(s.ws.adminKey(), "Draft " + System.nanoTime())
                .territory("ALL", null, 0);
        as(s.ws.adminKey()).body(Map.of("territoryId", draft.ids.get("ALL")))
                .put(draft.path("/assignments/" + s.accounts.get("A6"))).then().statusCode(200);
        JsonPath report = coverage(s.ws.adminKey(), "modelId=" + draft.modelId);
        assertEquals(draft.modelId, report.getString("modelId"));
        assertEquals(List.of(
                "ALL 1/0/0/0.0000/0/0.0000 reps=0 untouched=1 share=1.0000"
                        + " | 1/0/0/0.0000/0/0.0000 reps=0 untouched=1 share=1.0000",
                "(unassigned) 5/3/4/4000.0000/2/20000.0000 reps=2 untouched=2 share=0.4000"), rows(report));

        Workspace other = newWorkspace("Coverage elsewhere");
        as(other.adminKey()).get(COVERAGE + "?modelId=" + draft.modelId).then().statusCode(404)
                .contentType("application/problem+json");
        as(s.ws.adminKey()).get(COVERAGE + "?modelId=" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        // without an active model every account is unassigned
        org.revops.support.Fixtures.account(other.adminKey(), Map.of("name", "Solo"));
        JsonPath none = coverage(other.adminKey(), "");
        assertNull(none.get("modelId"));
        assertEquals(List.of("(unassigned) 1/0/0/0.0000/0/0.0000 reps=1 untouched=1 share=1.0000"), rows(none));
    }

    @Test
    void badParametersAreProblems() {
        String key = s.ws.adminKey();
        problem(key, "groupBy=owner", 400, "groupBy");
        problem(key, "untouchedDays=ten", 400, "untouchedDays");
        problem(key, "wonFrom=2026-13-01", 400, "wonFrom");
        problem(key, "modelId=DACH", 400, "modelId");
        problem(key, "colour=red", 400, "colour");
        problem(key, "groupBy=region&groupBy=industry", 400, "groupBy");
        problem(key, "untouchedDays=0", 422, "untouchedDays");
        problem(key, "untouchedDays=3651", 422, "untouchedDays");
        problem(key, "wonFrom=2026-05-02&wonTo=2026-05-01", 422, "wonTo");
        problem(key, "wonFrom=2023-01-01&wonTo=2026-01-02", 422, "wonTo");
        problem(key, "groupBy=industry&modelId=" + s.map.modelId, 422, "modelId");
        coverage(key, "untouchedDays=3650&wonFrom=2023-01-01&wonTo=2026-01-01");
    }

    private static void problem(String key, String query, int status, String field) {
        as(key).get(COVERAGE + "?" + query).then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("errors[0].field", equalTo(field));
    }

    @Test
    void csvHasOneRecordPerRowWithTheSubtreeColumnsLast() {
        String csv = as(s.ws.adminKey()).accept("text/csv").get(COVERAGE + "?groupBy=region").then()
                .statusCode(200).contentType("text/csv").header("Content-Disposition", equalTo(
                        "attachment; filename=\"coverage.csv\"")).extract().asString();
        String empty = ",,,,,,,,";
        assertEquals("kind,key,label,code,depth,parentId,accounts,accountsWithOpenPipeline,openDeals,"
                + "openPipelineAmount,wonDeals,wonAmount,reps,untouchedAccounts,untouchedShare,subtree.accounts,"
                + "subtree.accountsWithOpenPipeline,subtree.openDeals,subtree.openPipelineAmount,subtree.wonDeals,"
                + "subtree.wonAmount,subtree.reps,subtree.untouchedAccounts,subtree.untouchedShare\r\n"
                + "value,AMER,AMER,,,,1,0,0,0.0000,1,16000.0000,1,0,0.0000," + empty + "\r\n"
                + "value,APAC,APAC,,,,1,0,0,0.0000,0,0.0000,1,1,1.0000," + empty + "\r\n"
                + "value,EMEA,EMEA,,,,4,3,4,4000.0000,1,4000.0000,2,2,0.5000," + empty + "\r\n"
                + "unassigned,,(unassigned),,,,0,0,0,0.0000,0,0.0000,0,0,," + empty + "\r\n", csv);
        as(s.ws.adminKey()).accept("text/csv").get(COVERAGE).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("\r\nterritory," + s.territory("DACH")
                        + ",DACH,DACH,3," + s.territory("EMEA") + ",2,1,2,3000.0000,1,4000.0000,2,1,0.5000,"
                        + "2,1,2,3000.0000,1,4000.0000,2,1,0.5000\r\n"));
        as(s.ws.adminKey()).accept("text/csv").get(COVERAGE + "?untouchedDays=0").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("untouchedDays"));
    }
}
