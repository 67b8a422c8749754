package org.revops.platform.demo;

import org.junit.jupiter.api.Test;
import org.revops.platform.demo.DemoDataGenerator.AccountRow;
import org.revops.platform.demo.DemoDataGenerator.Dataset;
import org.revops.platform.demo.DemoDataGenerator.Sizes;
import org.revops.platform.demo.DemoDataGenerator.UserRow;
import org.revops.platform.demo.DemoTerritoryGenerator.MemberRow;
import org.revops.platform.demo.DemoTerritoryGenerator.RuleRow;
import org.revops.platform.demo.DemoTerritoryGenerator.TerritoryMap;
import org.revops.platform.demo.DemoTerritoryGenerator.TerritoryRow;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoTerritoryGeneratorTest {
    private static final Dataset DATA = DemoDataGenerator.generate(DemoSeeder.SEED, Sizes.demo(),
            LocalDate.of(2026, 11, 23));
    private static final TerritoryMap MAP = DemoTerritoryGenerator.generate(DemoSeeder.SEED, DATA.users());
    private static final Map<UUID, UserRow> USERS = DATA.users().stream()
            .collect(Collectors.toMap(UserRow::id, Function.identity()));

    private static List<TerritoryRow> territories(UUID modelId) {
        return MAP.territories().stream().filter(t -> t.modelId().equals(modelId)).toList();
    }

    private static TerritoryRow byCode(UUID modelId, String code) {
        return territories(modelId).stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() ->
                new AssertionError("no territory " + code));
    }

    private static Set<String> codes(UUID modelId) {
        return territories(modelId).stream().map(TerritoryRow::code).collect(Collectors.toSet());
    }

    @Test
    void isDeterministic() {
        assertEquals(MAP, DemoTerritoryGenerator.generate(DemoSeeder.SEED, DATA.users()));
        assertNotEquals(MAP.active().id(), DemoTerritoryGenerator.generate(1, DATA.users()).active().id());
    }

    @Test
    void aLiveModelAndADraftClonedFromItWithStableCodes() {
        assertEquals("active", MAP.active().state());
        assertEquals("FY2026 territories", MAP.active().name());
        assertEquals("planning", MAP.draft().state());
        assertEquals("FY2027 draft", MAP.draft().name());
        assertEquals(MAP.active().id(), MAP.draft().clonedFromId());

        for (UUID model : List.of(MAP.active().id(), MAP.draft().id())) {
            List<TerritoryRow> rows = territories(model);
            assertEquals(rows.size(), codes(model).size(), "codes are unique within a model");
            Set<UUID> ids = rows.stream().map(TerritoryRow::id).collect(Collectors.toSet());
            assertEquals(1, rows.stream().filter(t -> t.parentId() == null).count(), "one root");
            assertTrue(rows.stream().allMatch(t -> t.parentId() == null || ids.contains(t.parentId())),
                    "parents are in the same model");
            // codes follow the API's default: parent's code + "/" + slug(name) (a renamed territory keeps its code)
            Map<UUID, TerritoryRow> byId = rows.stream().collect(Collectors.toMap(TerritoryRow::id, t -> t));
            assertTrue(rows.stream().filter(t -> t.parentId() != null)
                    .allMatch(t -> t.code().startsWith(byId.get(t.parentId()).code() + "/")));
        }
        assertEquals("global/emea/emea-manufacturing", byCode(MAP.active().id(), "global/emea/emea-manufacturing")
                .code());

        Set<String> kept = new HashSet<>(codes(MAP.active().id()));
        kept.retainAll(codes(MAP.draft().id()));
        Set<String> dropped = new HashSet<>(codes(MAP.active().id()));
        dropped.removeAll(kept);
        Set<String> added = new HashSet<>(codes(MAP.draft().id()));
        added.removeAll(kept);
        assertEquals(Set.of("global/apac/apac-financial-services"), dropped);
        assertEquals(Set.of("global/emea/emea-manufacturing/dach-manufacturing", "global/apac/apac-enterprise"), added);
        assertEquals("APAC Technology & Finance", byCode(MAP.draft().id(), "global/apac/apac-technology").name());
    }

    @Test
    void rulesAreCompiledByTheRuleLanguage() {
        Map<UUID, TerritoryRow> all = MAP.territories().stream().collect(Collectors.toMap(TerritoryRow::id, t -> t));
        Map<String, RuleRow> live = MAP.rules().stream().filter(r -> r.modelId().equals(MAP.active().id()))
                .collect(Collectors.toMap(r -> all.get(r.territoryId()).code(), r -> r));
        assertEquals("01", live.get("global/emea").truthTable());
        assertTrue(live.get("global/emea").inherited(), "region rules constrain the territories below");
        assertEquals("region", live.get("global/emea").criteria().get(0).field());
        assertEquals(List.of("US", "CA", "BR"), live.get("global/amer").criteria().get(0).values());
        assertEquals("1 OR 2", live.get("global/amer/amer-enterprise").expression());
        assertEquals("0111", live.get("global/amer/amer-enterprise").truthTable());
        assertEquals("1", live.get("global/emea/emea-enterprise").expression(), "the default expression");
        assertNull(live.get("global"), "Global is structural: no rules");
        RuleRow apacEnterprise = MAP.rules().stream()
                .filter(r -> all.get(r.territoryId()).code().equals("global/apac/apac-enterprise")).findFirst()
                .orElseThrow();
        assertEquals("00000111", apacEnterprise.truthTable(), "(1 OR 2) AND 3");
        assertEquals(10, all.get(apacEnterprise.territoryId()).priority());
    }

    @Test
    void managersOwnTheirRegionsAndTheirRepsWorkInThem() {
        UUID vp = DATA.users().stream().filter(u -> u.managerId() == null).findFirst().orElseThrow().id();
        assertEquals(vp, byCode(MAP.active().id(), "global").ownerId());
        Set<UUID> regionOwners = new HashSet<>();
        for (String region : List.of("global/emea", "global/amer", "global/apac")) {
            UUID owner = byCode(MAP.active().id(), region).ownerId();
            assertEquals("manager", USERS.get(owner).role());
            regionOwners.add(owner);
        }
        assertEquals(3, regionOwners.size(), "one forecast manager per region");

        Map<UUID, TerritoryRow> all = MAP.territories().stream().collect(Collectors.toMap(TerritoryRow::id, t -> t));
        for (MemberRow member : MAP.members()) {
            TerritoryRow territory = all.get(member.territoryId());
            switch (member.role()) {
                case "owner" -> assertEquals(territory.ownerId(), member.userId());
                case "rep" -> assertEquals(territory.ownerId(), USERS.get(member.userId()).managerId(),
                        "a rep works in their manager's territories");
                default -> {
                    assertEquals("overlay", member.role());
                    assertEquals("overlay", territory.type());
                }
            }
        }
        assertTrue(MAP.territories().stream().filter(t -> t.type().equals("industry"))
                .allMatch(t -> MAP.members().stream().anyMatch(m -> m.territoryId().equals(t.id())
                        && m.role().equals("rep"))), "every industry territory has a rep");
        assertEquals(MAP.members().size(), MAP.members().stream().map(m -> m.territoryId() + "/" + m.userId())
                .distinct().count(), "a user is a member once per territory");
        // the draft kept the members of the territories it kept
        Map<String, Set<String>> liveMembers = members(MAP.active().id());
        Map<String, Set<String>> draftMembers = members(MAP.draft().id());
        assertEquals(liveMembers.get("global/emea/emea-technology"), draftMembers.get("global/emea/emea-technology"));
        assertTrue(draftMembers.containsKey("global/emea/emea-manufacturing/dach-manufacturing"));
    }

    private static Map<String, Set<String>> members(UUID modelId) {
        Map<UUID, String> codes = territories(modelId).stream()
                .collect(Collectors.toMap(TerritoryRow::id, TerritoryRow::code));
        return MAP.members().stream().filter(m -> codes.containsKey(m.territoryId()))
                .collect(Collectors.groupingBy(m -> codes.get(m.territoryId()),
                        Collectors.mapping(m -> m.userId() + ":" + m.role(), Collectors.toSet())));
    }

    @Test
    void theLiveModelCoversTheDemoAccountsAndDepthAndPriorityBothDecide() {
        TerritoryReference live = new TerritoryReference(MAP, MAP.active().id());
        List<AccountRow> accounts = DATA.accounts();
        Map<String, Long> byCode = accounts.stream().map(live::codeOf).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        long assigned = byCode.values().stream().mapToLong(Long::longValue).sum() - byCode.getOrDefault("tie", 0L);
        assertTrue(assigned >= accounts.size() * 0.95, "most accounts are assigned: " + assigned);
        assertEquals(0, byCode.getOrDefault(TerritoryReference.TIE, 0L), "no ties in the demo map");
        assertTrue(byCode.getOrDefault("global/emea", 0L) > 0, "EMEA retailers stay at region level");
        long deeperOverRegion = accounts.stream().map(live::matches)
                .filter(m -> m.get(0).depth() == 3 && m.stream().anyMatch(x -> x.depth() == 2)).count();
        assertTrue(deeperOverRegion > accounts.size() / 3, "the deeper territory wins: " + deeperOverRegion);

        // priority: an industry territory matched too, at the same depth, and the overlay won
        long overlayOverIndustry = accounts.stream().map(live::matches)
                .filter(m -> m.size() > 2 && m.get(0).territory().type().equals("overlay")
                        && m.get(1).depth() == m.get(0).depth() && m.get(1).territory().type().equals("industry"))
                .count();
        assertTrue(overlayOverIndustry > 5, "overlays outrank industry territories: " + overlayOverIndustry);
    }

    @Test
    void theDraftMovesAMinorityOfAccounts() {
        TerritoryReference live = new TerritoryReference(MAP, MAP.active().id());
        TerritoryReference draft = new TerritoryReference(MAP, MAP.draft().id());
        for (Sizes sizes : List.of(Sizes.demo(), Sizes.forOpportunities(40_000))) {
            List<AccountRow> accounts = DemoDataGenerator.generate(DemoSeeder.SEED, sizes, LocalDate.of(2026, 11, 23))
                    .accounts();
            Map<String, Long> routes = accounts.stream()
                    .filter(a -> !Objects.equals(live.codeOf(a), draft.codeOf(a)))
                    .collect(Collectors.groupingBy(a -> live.codeOf(a) + " -> " + draft.codeOf(a),
                            Collectors.counting()));
            long moved = routes.values().stream().mapToLong(Long::longValue).sum();
            double share = (double) moved / accounts.size();
            assertTrue(share >= 0.05 && share <= 0.20, "5-20% move, not " + share + ": " + routes);
            assertTrue(routes.containsKey("global/emea/emea-manufacturing -> "
                    + "global/emea/emea-manufacturing/dach-manufacturing"), routes.toString());
            assertTrue(routes.containsKey("global/apac/apac-financial-services -> global/apac/apac-technology"),
                    routes.toString());
            assertTrue(routes.keySet().stream().anyMatch(r -> r.endsWith("-> global/apac/apac-enterprise")),
                    routes.toString());
        }
    }
}
