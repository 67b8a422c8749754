package org.revops.platform.demo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.revops.platform.demo.DemoDataGenerator.AccountRow;
import org.revops.platform.demo.DemoTerritoryGenerator.TerritoryMap;
import org.revops.support.ApiTest;
import org.revops.support.CsvPages;
import org.revops.support.Jobs;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo seed through the API: a small demo workspace with the same shapes as the one `make run` creates. */
@QuarkusTest
class DemoSeederTest extends ApiTest {
    @Inject
    DemoSeeder seeder;

    @Test
    void theDemoHasClosedDealsWithReasonsHistoriesAndStalledDeals() {
        String key = seeder.seed(new DemoDataGenerator.Sizes(20, 60, 2, 240)).await().atMost(Duration.ofSeconds(60));

        JsonPath lost = as(key).get("/api/v1/opportunities?won=false&closed=true&limit=500").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(lost.getList("data").isEmpty());
        assertTrue(lost.getList("data.closeReasonId").stream().allMatch(java.util.Objects::nonNull));
        assertTrue(lost.getList("data.closedAt").stream().allMatch(java.util.Objects::nonNull));

        JsonPath won = as(key).get("/api/v1/opportunities?won=true&limit=1").then().statusCode(200)
                .extract().jsonPath();
        String wonId = won.getString("data[0].id");
        JsonPath history = as(key).get("/api/v1/opportunities/" + wonId + "/history").then().statusCode(200)
                .extract().jsonPath();
        List<String> actions = history.getList("data.action");
        assertEquals("create", actions.get(0));
        assertEquals("close", history.getString("data.findAll { it.field == 'stage' }[-1].action"));
        assertEquals(won.getString("data[0].stageId"), history.getString("data.findAll { it.field == 'stage' }[-1].to"));

        JsonPath open = as(key).get("/api/v1/opportunities?closed=false&limit=500").then().statusCode(200)
                .extract().jsonPath();
        assertTrue(open.getList("data.stalled").contains(true), "some open deals have stalled");
        assertTrue(open.getList("data.lastActivityAt").stream().anyMatch(java.util.Objects::nonNull));
        assertNotNull(open.getString("data[0].nextFollowUpAt"));
    }

    /**
     * The territory map: the live model's assignments, made by the engine during the seed, are exactly what the
     * spec's semantics give for each account ({@link TerritoryReference}); the draft's preview, run through the API,
     * moves exactly the accounts whose territory code differs between the two maps — a non-empty minority.
     */
    @Test
    void theDemoHasALiveTerritoryModelAndADraftWhosePreviewMovesAMinority() {
        DemoDataGenerator.Sizes sizes = new DemoDataGenerator.Sizes(20, 200, 1, 400);
        String key = seeder.seed(sizes).await().atMost(Duration.ofSeconds(60));
        DemoDataGenerator.Dataset data = DemoDataGenerator.generate(DemoSeeder.SEED, sizes, LocalDate.now());
        TerritoryMap map = DemoTerritoryGenerator.generate(DemoSeeder.SEED, data.users());
        TerritoryReference live = new TerritoryReference(map, map.active().id());
        TerritoryReference draft = new TerritoryReference(map, map.draft().id());
        String activePath = "/api/v1/territory-models/" + map.active().id();
        String draftPath = "/api/v1/territory-models/" + map.draft().id();

        Map<String, String> expected = new TreeMap<>();
        data.accounts().forEach(a -> expected.put(a.id().toString(), live.codeOf(a)));
        expected.values().removeIf(Objects::isNull);
        JsonPath assigned = as(key).get(activePath + "/assignments?limit=500").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(expected, assignments(assigned));
        assertTrue(expected.size() >= data.accounts().size() * 0.95, "the live model assigns most accounts");
        assertTrue(assigned.getList("data.cause").stream().allMatch("rule"::equals));
        AccountRow first = data.accounts().get(0);
        as(key).get("/api/v1/accounts/" + first.id()).then().statusCode(200)
                .body("territoryCause", org.hamcrest.Matchers.equalTo("rule"))
                .body("territoryId", org.hamcrest.Matchers.notNullValue());

        Set<String> movers = data.accounts().stream().filter(a -> !Objects.equals(live.codeOf(a), draft.codeOf(a)))
                .map(a -> a.id().toString()).collect(Collectors.toSet());
        assertTrue(!movers.isEmpty() && movers.size() < data.accounts().size() / 2, "a minority moves: " + movers.size());
        JsonPath preview = Jobs.succeed(key, draftPath + "/preview");
        assertEquals(movers.size(), preview.getLong("result.movers"));
        assertEquals(map.active().id().toString(), preview.getString("result.activeModelId"));
        JsonPath moves = as(key).get(draftPath + "/moves?limit=500").then().statusCode(200).extract().jsonPath();
        assertEquals(movers, Set.copyOf(moves.getList("data.accountId")));
        Map<String, String> moveTargets = new HashMap<>();
        moves.getList("data", Map.class).forEach(m -> moveTargets.put((String) m.get("accountId"),
                (String) m.get("toTerritoryCode")));
        data.accounts().stream().filter(a -> movers.contains(a.id().toString()))
                .forEach(a -> assertEquals(draft.codeOf(a), moveTargets.get(a.id().toString())));
        assertEquals(movers.size() + 1, CsvPages.csv(key, draftPath + "/moves?limit=500").lines().count(),
                "the moves as CSV: a header and one line per mover");

        // activation makes the draft live: the movers now sit in the draft's territories
        JsonPath activation = Jobs.succeed(key, draftPath + "/activate");
        assertEquals(movers.size(), activation.getLong("result.moved"));
        AccountRow mover = data.accounts().stream().filter(a -> movers.contains(a.id().toString())
                && draft.codeOf(a) != null).findFirst().orElseThrow();
        String target = map.territories().stream().filter(t -> t.modelId().equals(map.draft().id())
                && t.code().equals(draft.codeOf(mover))).findFirst().orElseThrow().id().toString();
        as(key).get("/api/v1/accounts/" + mover.id()).then().statusCode(200)
                .body("territoryId", org.hamcrest.Matchers.equalTo(target));
    }

    /** accountId → territory code of an assignment page. */
    private static Map<String, String> assignments(JsonPath page) {
        Map<String, String> codes = new TreeMap<>();
        page.getList("data", Map.class).forEach(row -> codes.put((String) row.get("accountId"),
                (String) row.get("territoryCode")));
        return codes;
    }
}
