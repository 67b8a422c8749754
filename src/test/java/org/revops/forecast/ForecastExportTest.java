package org.revops.forecast;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flat export of {@link ForecastDataset}'s book, as a script pulls it with a forecast:read key. */
@QuarkusTest
class ForecastExportTest extends ForecastDataset {
    static final String EXPORT = "/api/v1/forecasts";

    private String scriptKey() {
        return as(ws.adminKey()).body(Map.of("name", "forecast script", "userId", ws.adminId().toString(),
                        "scopes", List.of("forecast:read")))
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("key");
    }

    @Test
    void everyUserOfTheWorkspaceIsOneFlatRowParentsFirst() {
        JsonPath json = as(ws.adminKey()).get(EXPORT + "?period=2026-Q4&scope=workspace").then().statusCode(200)
                .body("period.id", equalTo("2026-Q4")).body("currency", equalTo("EUR")).extract().jsonPath();
        assertEquals(List.of("Forecast roll-up Admin", "Mo Manager", "Ana Rep", "Ben Rep"), json.getList("data.name"));
        assertEquals(List.of(0, 0, 1, 1), json.getList("data.depth"));
        Map<String, Object> mo = json.getMap("data[1]");
        assertEquals(manager.id().toString(), mo.get("id"));
        assertEquals(18000f, mo.get("quota"));
        assertEquals("team", mo.get("quotaSource"));
        assertEquals(6700f, mo.get("categoryPipeline"));
        assertEquals(800f, mo.get("categoryOmitted"));
        assertEquals(4270f, mo.get("weightedOpenPipeline"));   // 670 + 1,800 + 1,800 (Pipeline, BestCase, Commit)
        assertEquals(List.of(5000f, 7000f, 10000f, 11700f),
                List.of(mo.get("closed"), mo.get("commit"), mo.get("bestCase"), mo.get("openPipeline")));
        assertEquals(List.of(0.2778f, 13000f, 0.9f), List.of(mo.get("attainment"), mo.get("gap"), mo.get("coverage")));
        assertEquals(List.of(5, 1), List.of(mo.get("openDeals"), mo.get("wonDeals")));
        assertEquals(manager.id().toString(), json.getString("data[2].parentId"));
        assertEquals(List.of(10000f, 8000f), json.getList("data.quota").subList(2, 4));
    }

    @Test
    void aScriptKeyPullsTheCsvAndNothingElse() {
        String key = scriptKey();
        String csv = as(key).get(EXPORT + "?period=2026-Q4&format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("forecast-2026-Q4.csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(5, lines.size());
        assertTrue(lines.get(0).startsWith("periodId,kind,id,name,parentId,depth,currency,quota,quotaSource,"
                + "categoryPipeline,categoryBestCase,categoryCommit,categoryClosed,categoryOmitted,"
                + "weightedOpenPipeline,closed,commit,bestCase,openPipeline,"), lines.get(0));
        assertTrue(lines.get(2).startsWith("2026-Q4,user," + manager.id() + ",Mo Manager,,0,EUR,18000.0000,team,"
                + "6700.0000,3000.0000,2000.0000,5000.0000,800.0000,4270.0000,5000.0000,7000.0000,10000.0000,"
                + "11700.0000,"), lines.get(2));
        as(key).header("Accept", "text/csv").get(EXPORT + "?period=2026-Q4").then().statusCode(200)
                .contentType(startsWith("text/csv"));
        // forecast:read opens the other forecast reads too, nothing beyond them
        as(key).get(ForecastRollupTest.ROLLUP + "?period=2026-Q4").then().statusCode(200);
        as(key).get("/api/v1/opportunities").then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.endsWith("this operation needs opportunities:read"));
        as(key).body(Map.of("periodId", "2026-Q4", "userId", repA.id().toString(), "amount", 1))
                .post("/api/v1/quotas").then().statusCode(403);
    }

    @Test
    void aRepExportsOnlyTheirOwnRowAndBadInputIs400() {
        as(repA.key()).get(EXPORT + "?period=2026-Q4").then().statusCode(200)
                .body("data.name", equalTo(List.of("Ana Rep"))).body("data[0].closed", equalTo(5000f));
        as(repA.key()).get(EXPORT + "?period=2026-Q4&scope=workspace").then().statusCode(403);
        as(manager.key()).get(EXPORT + "?period=2026-Q4&scope=user:" + repB.id()).then().statusCode(200)
                .body("data.name", equalTo(List.of("Ben Rep")));
        as(ws.adminKey()).get(EXPORT + "?period=2026-Q4&format=xml").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        as(ws.adminKey()).get(EXPORT + "?period=Q4").then().statusCode(400).body("errors[0].field", equalTo("period"));
        as(ws.adminKey()).get(EXPORT).then().statusCode(400).body("errors[0].field", equalTo("period"));
    }
}
