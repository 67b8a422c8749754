package org.revops.lead;

import org.junit.jupiter.api.Test;
import org.revops.lead.LeadRouter.Decision;
import org.revops.lead.LeadRouter.Pool;
import org.revops.lead.LeadRouter.Rep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadRouterTest {
    private static final UUID ANN = id(1);
    private static final UUID BEN = id(2);
    private static final UUID CAT = id(3);
    private static final UUID DAN = id(4);

    private static UUID id(int n) {
        return new UUID(0, n);
    }

    private static Rep rep(UUID id, int capacity) {
        return new Rep(id, name(id), capacity, 0, 0, false);
    }

    private static String name(UUID id) {
        int n = (int) id.getLeastSignificantBits();
        return n < 5 ? List.of("?", "Ann", "Ben", "Cat", "Dan").get(n) : "rep" + n;
    }

    private static Pool pool(String label, UUID... reps) {
        return new Pool(UUID.nameUUIDFromBytes(label.getBytes()), label, List.of(reps));
    }

    private static List<String> names(LeadRouter router, List<Pool> chain, int leads) {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            Decision d = router.route(chain);
            owners.add(d.routed() ? name(d.ownerId()) : "-");
        }
        return owners;
    }

    @Test
    void equalCapacitiesAreAPlainRoundRobin() {
        LeadRouter router = new LeadRouter(List.of(rep(ANN, 10), rep(BEN, 10), rep(CAT, 10)));
        assertEquals(List.of("Ann", "Ben", "Cat", "Ann", "Ben", "Cat", "Ann"),
                names(router, List.of(pool("DACH", ANN, BEN, CAT)), 7));
    }

    @Test
    void theLeastRecentlyRoutedGoesFirstOnEqualLoads() {
        // Ben and Cat both at 1/10, Cat routed longer ago; Ann at 2/10
        LeadRouter router = new LeadRouter(List.of(new Rep(ANN, "Ann", 10, 2, 7, false),
                new Rep(BEN, "Ben", 10, 1, 9, false), new Rep(CAT, "Cat", 10, 1, 3, false)));
        assertEquals(List.of("Cat", "Ben", "Ann", "Cat"), names(router, List.of(pool("DACH", ANN, BEN, CAT)), 4));
    }

    @Test
    void capacitiesWeighTheShares() {
        LeadRouter router = new LeadRouter(List.of(rep(ANN, 30), rep(BEN, 20), rep(CAT, 10)));
        // (n + 1) / c: Ann 1/30 < Ben 1/20 < Cat 1/10, then Ann 2/30 ... a 3:2:1 rhythm
        assertEquals(List.of("Ann", "Ben", "Ann", "Cat", "Ben", "Ann"),
                names(router, List.of(pool("All", ANN, BEN, CAT)), 6));
    }

    @Test
    void overAFullCycleEachRepGetsExactlyTheirCapacityAndNeverMore() {
        LeadRouter router = new LeadRouter(List.of(rep(ANN, 30), rep(BEN, 20), rep(CAT, 10)));
        List<Pool> chain = List.of(pool("All", ANN, BEN, CAT));
        Map<String, Integer> counts = new HashMap<>();
        for (String owner : names(router, chain, 60)) {
            counts.merge(owner, 1, Integer::sum);
        }
        assertEquals(Map.of("Ann", 30, "Ben", 20, "Cat", 10), counts);
        Decision full = router.route(chain);
        assertFalse(full.routed());
        assertEquals(LeadRouter.UNROUTABLE, full.rule());
        assertEquals("No eligible rep in All (3 reps: 3 at capacity): the lead waits in the queue", full.reason());
    }

    @Test
    void noRepFallsAWholeLeadBehindTheirShareAtAnyPoint() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int reps = 2 + random.nextInt(6);
            List<Rep> pool = new ArrayList<>();
            int total = 0;
            for (int i = 0; i < reps; i++) {
                int capacity = 1 + random.nextInt(40);
                pool.add(rep(id(100 + i), capacity));
                total += capacity;
            }
            LeadRouter router = new LeadRouter(pool);
            List<Pool> chain = List.of(new Pool(null, "workspace", pool.stream().map(Rep::userId).toList()));
            for (int k = 1; k <= total; k++) {
                assertTrue(router.route(chain).routed());
                for (Rep r : pool) {
                    // n_i > k * c_i / total - 1, compared in integers: (n_i + 1) * total > k * c_i
                    long got = router.routed(r.userId());
                    assertTrue((got + 1) * total > (long) k * r.capacity(),
                            "round " + round + " lead " + k + ": " + got + " < " + k + "*" + r.capacity() + "/" + total);
                    assertTrue(got <= r.capacity());
                }
            }
            for (Rep r : pool) {
                assertEquals(r.capacity(), router.routed(r.userId()));
            }
            assertFalse(router.route(chain).routed());
        }
    }

    @Test
    void aRepWithExistingLoadWaitsUntilTheOthersCatchUp() {
        LeadRouter router = new LeadRouter(List.of(new Rep(ANN, "Ann", 20, 10, 5, false), rep(BEN, 20)));
        List<String> owners = names(router, List.of(pool("EMEA", ANN, BEN)), 12);
        assertEquals(List.of("Ben", "Ben", "Ben", "Ben", "Ben", "Ben", "Ben", "Ben", "Ben", "Ben", "Ann", "Ben"),
                owners);
    }

    @Test
    void optedOutAndFullRepsAreSkippedAndCapacityZeroTakesNothing() {
        LeadRouter router = new LeadRouter(List.of(new Rep(ANN, "Ann", 10, 0, 0, true),
                new Rep(BEN, "Ben", 5, 5, 1, false), rep(CAT, 0), rep(DAN, 2)));
        List<Pool> chain = List.of(pool("DACH", ANN, BEN, CAT, DAN));
        assertEquals(List.of("Dan", "Dan", "-"), names(router, chain, 3));
        assertEquals("No eligible rep in DACH (4 reps: 1 opted out, 3 at capacity): the lead waits in the queue",
                router.route(chain).reason());
        assertEquals(2, router.routed(DAN));
        assertEquals(5, router.routed(BEN));
    }

    @Test
    void aTerritoryWithoutEligibleRepsPassesTheLeadToItsParentAndSaysSo() {
        LeadRouter router = new LeadRouter(List.of(new Rep(ANN, "Ann", 1, 1, 3, false), rep(BEN, 5)));
        List<Pool> chain = List.of(pool("Munich", ANN), pool("DACH"), pool("EMEA", BEN));
        Decision d = router.route(chain);
        assertEquals(BEN, d.ownerId());
        assertEquals("EMEA", d.pool().label());
        assertEquals(LeadRouter.PARENT_TERRITORY, d.rule());
        assertEquals("No eligible rep in Munich (1 rep: 1 at capacity), DACH (no reps); parent territory EMEA: Ben "
                + "had the lowest load after taking it (1/5 leads in 30 days) of 1 eligible rep", d.reason());
    }

    @Test
    void theTerritoryItselfIsRuleTerritoryAndAWorkspacePoolIsItsOwnRule() {
        LeadRouter router = new LeadRouter(List.of(rep(ANN, 3), rep(BEN, 3)));
        Decision own = router.route(List.of(pool("DACH", ANN), pool("EMEA", BEN)));
        assertEquals(LeadRouter.TERRITORY, own.rule());
        assertEquals("DACH: Ann had the lowest load after taking it (1/3 leads in 30 days) of 1 eligible rep",
                own.reason());
        Decision workspace = router.route(List.of(new Pool(null, "Workspace rep pool (no active territory model)",
                List.of(ANN, BEN))));
        assertEquals(LeadRouter.WORKSPACE_POOL, workspace.rule());
        assertEquals(BEN, workspace.ownerId());
        assertNull(router.route(List.of()).ownerId());
    }

    @Test
    void aRepInSeveralPoolsCarriesOneLoadAcrossThem() {
        LeadRouter router = new LeadRouter(List.of(rep(ANN, 2), rep(BEN, 10)));
        assertEquals(ANN, router.route(List.of(pool("DACH", ANN))).ownerId());
        assertEquals(ANN, router.route(List.of(pool("Nordics", ANN))).ownerId());
        // Ann is full now wherever she is a member
        assertEquals(BEN, router.route(List.of(pool("DACH", ANN), pool("EMEA", BEN))).ownerId());
        assertEquals(2, router.routed(ANN));
    }

    @Test
    void manyLeadsNeverOverfillAnyoneAndFillEveryoneWhenThereAreEnough() {
        Random random = new Random(7);
        List<Rep> reps = new ArrayList<>();
        int capacity = 0;
        for (int i = 0; i < 25; i++) {
            int c = random.nextInt(60);
            boolean out = random.nextInt(10) == 0;
            reps.add(new Rep(id(200 + i), "rep" + i, c, 0, 0, out));
            capacity += out ? 0 : c;
        }
        LeadRouter router = new LeadRouter(reps);
        List<Pool> chain = List.of(new Pool(null, "workspace", reps.stream().map(Rep::userId).toList()));
        int routed = 0;
        for (int i = 0; i < 10_000; i++) {
            routed += router.route(chain).routed() ? 1 : 0;
        }
        assertEquals(capacity, routed);
        for (Rep r : reps) {
            assertEquals(r.optedOut() ? 0 : r.capacity(), router.routed(r.userId()));
        }
    }

    @Test
    void theLastTieBreakIsTheLowerIdAsItsTextSorts() {
        UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000");   // a negative long in Java
        UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
        LeadRouter router = new LeadRouter(List.of(new Rep(high, "High", 5, 0, 0, false),
                new Rep(low, "Low", 5, 0, 0, false)));
        assertEquals(low, router.route(List.of(new Pool(null, "pool", List.of(high, low)))).ownerId());
        assertEquals(high, router.route(List.of(new Pool(null, "pool", List.of(high, low)))).ownerId());
    }
}
