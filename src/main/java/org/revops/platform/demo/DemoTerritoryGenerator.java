package org.revops.platform.demo;

import org.revops.platform.demo.DemoDataGenerator.UserRow;
import org.revops.territory.rules.AssignmentRule;
import org.revops.territory.rules.Criterion;
import org.revops.territory.rules.CriterionSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The demo workspace's territory map: the live model "FY2026 territories" and the draft "FY2027 draft", a copy with
 * the changes a sales-ops team would plan. Deterministic and plain Java, like {@link DemoDataGenerator}, whose
 * geography (regions EMEA, NA, APAC, LATAM) and industries it covers. Rules are compiled by the rule language
 * ({@link AssignmentRule}), so the stored truth tables are the ones the API would store.
 *
 * <p>FY2026, three levels (depth 1–3): Global (no rules, owned by the VP) → EMEA ({@code region in [EMEA]}), AMER
 * ({@code country in [US, CA, BR]}), APAC ({@code region in [APAC]}), each owned by one manager → region × industry
 * territories ({@code industry in [...]}) and enterprise overlays (5,000+ employees, or in AMER {@code "1 OR 2"}
 * with revenue ≥ 1 bn) at priority 10. Region and industry rules are inherited. So an EMEA retailer stays in EMEA
 * (no industry territory), an EMEA software house goes one level deeper to EMEA Technology (specificity), and a
 * large one goes to EMEA Enterprise, which outranks EMEA Technology at the same depth (priority).
 *
 * <p>FY2027 draft: DACH split out of EMEA Manufacturing (a depth-4 child, {@code country in [DE, AT, CH]} within the
 * inherited region and industry rules; by depth it also takes large DACH manufacturers from EMEA Enterprise);
 * APAC Financial Services merged into APAC Technology (renamed "APAC Technology & Finance", same code); a new APAC
 * Enterprise overlay ({@code "(1 OR 2) AND 3"}: 5,000+ employees or revenue ≥ 1 bn, tier A). Unchanged territories
 * keep their codes — that is how a preview tells that an account stayed — and their members.
 */
public final class DemoTerritoryGenerator {
    public static final String ACTIVE_NAME = "FY2026 territories";
    public static final String DRAFT_NAME = "FY2027 draft";
    /** The regions of the map, owned by the first, second and third manager (the VP owns Global). */
    static final String[] REGIONS = {"EMEA", "AMER", "APAC"};
    static final int OVERLAY_PRIORITY = 10;
    private static final BigDecimal ENTERPRISE_EMPLOYEES = BigDecimal.valueOf(5_000);
    private static final BigDecimal ENTERPRISE_REVENUE = BigDecimal.valueOf(1_000_000_000L);

    public record ModelRow(UUID id, String name, String description, String state, UUID clonedFromId) {
    }

    public record TerritoryRow(UUID id, UUID modelId, UUID parentId, String name, String code, String type,
                               UUID ownerId, int priority) {
    }

    /** {@code criteria}, {@code expression} and {@code truthTable} as {@link AssignmentRule#compile} made them. */
    public record RuleRow(UUID id, UUID modelId, UUID territoryId, String name, int position, boolean inherited,
                          List<Criterion> criteria, String expression, String truthTable) {
    }

    public record MemberRow(UUID territoryId, UUID userId, String role) {
    }

    public record TerritoryMap(ModelRow active, ModelRow draft, List<TerritoryRow> territories, List<RuleRow> rules,
                               List<MemberRow> members) {
    }

    /** A territory as drawn, before ids: {@code region} is the index into {@link #REGIONS}, -1 for Global. */
    private record Node(String code, String parentCode, String name, String type, int priority, int region,
                        List<Rule> rules) {
    }

    private record Rule(String name, boolean inherited, String expression, List<CriterionSpec> criteria) {
    }

    private DemoTerritoryGenerator() {
    }

    public static TerritoryMap generate(long seed, List<UserRow> users) {
        Random random = new Random(seed * 17 + 3);
        Team team = Team.of(users);
        ModelRow active = new ModelRow(uuid(random), ACTIVE_NAME, "Regions by industry, with enterprise overlays",
                "active", null);
        ModelRow draft = new ModelRow(uuid(random), DRAFT_NAME, "DACH manufacturing split out, APAC financial "
                + "services merged into technology, a new APAC enterprise overlay", "planning", active.id());
        List<Node> live = fy2026();
        List<Node> planned = fy2027();
        Map<String, List<Member>> liveMembers = members(live, team);
        // the draft keeps the members of the territories it kept, as cloning does; its new ones get their own
        Map<String, List<Member>> draftMembers = members(planned, team);
        draftMembers.replaceAll((code, own) -> liveMembers.getOrDefault(code, own));
        List<TerritoryRow> territories = new ArrayList<>();
        List<RuleRow> rules = new ArrayList<>();
        List<MemberRow> members = new ArrayList<>();
        add(random, active, live, liveMembers, team, territories, rules, members);
        add(random, draft, planned, draftMembers, team, territories, rules, members);
        return new TerritoryMap(active, draft, territories, rules, members);
    }

    /** The live map. */
    private static List<Node> fy2026() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("global", null, "Global", "global", 0, -1, List.of()));
        Node emea = region(nodes, 0, new Rule("EMEA accounts", true, null, List.of(in("region", "EMEA"))));
        industry(nodes, emea, "EMEA Manufacturing", "Manufacturing", "Energy", "Logistics");
        industry(nodes, emea, "EMEA Technology", "Software", "Telecommunications", "Media");
        industry(nodes, emea, "EMEA Financial Services", "Financial Services");
        overlay(nodes, emea, "EMEA Enterprise", new Rule("5,000+ employees", false, null,
                List.of(atLeast("employeeCount", ENTERPRISE_EMPLOYEES))));
        Node amer = region(nodes, 1, new Rule("Americas countries", true, null,
                List.of(in("country", "US", "CA", "BR"))));
        industry(nodes, amer, "AMER Manufacturing", "Manufacturing", "Energy", "Logistics");
        industry(nodes, amer, "AMER Technology", "Software", "Telecommunications", "Media");
        industry(nodes, amer, "AMER Financial Services", "Financial Services");
        industry(nodes, amer, "AMER Healthcare & Education", "Healthcare", "Education");
        overlay(nodes, amer, "AMER Enterprise", new Rule("5,000+ employees or 1 bn revenue", false, "1 OR 2",
                List.of(atLeast("employeeCount", ENTERPRISE_EMPLOYEES), atLeast("annualRevenue", ENTERPRISE_REVENUE))));
        Node apac = region(nodes, 2, new Rule("APAC accounts", true, null, List.of(in("region", "APAC"))));
        industry(nodes, apac, "APAC Technology", "Software", "Telecommunications", "Media");
        industry(nodes, apac, "APAC Financial Services", "Financial Services");
        industry(nodes, apac, "APAC Industrial", "Manufacturing", "Energy", "Logistics");
        return nodes;
    }

    /** The draft: the live map with three planned changes (see the class comment). */
    private static List<Node> fy2027() {
        List<Node> nodes = new ArrayList<>();
        for (Node node : fy2026()) {
            switch (node.name()) {
                case "APAC Financial Services" -> {
                    // merged into APAC Technology below
                }
                case "APAC Technology" -> nodes.add(new Node(node.code(), node.parentCode(), "APAC Technology & Finance",
                        node.type(), node.priority(), node.region(), List.of(new Rule("Technology and finance", true,
                        null, List.of(in("industry", "Software", "Telecommunications", "Media", "Financial Services"))))));
                default -> nodes.add(node);
            }
        }
        Node emeaManufacturing = nodes.stream().filter(n -> n.name().equals("EMEA Manufacturing")).findFirst()
                .orElseThrow();
        nodes.add(child(emeaManufacturing, "DACH Manufacturing", "segment", 0, new Rule("DACH countries", false, null,
                List.of(in("country", "DE", "AT", "CH")))));
        Node apac = nodes.stream().filter(n -> n.name().equals("APAC")).findFirst().orElseThrow();
        overlay(nodes, apac, "APAC Enterprise", new Rule("Large tier-A accounts", false, "(1 OR 2) AND 3",
                List.of(atLeast("employeeCount", ENTERPRISE_EMPLOYEES), atLeast("annualRevenue", ENTERPRISE_REVENUE),
                        in("tier", "A"))));
        return nodes;
    }

    private static Node region(List<Node> nodes, int region, Rule rule) {
        Node node = new Node("global/" + slug(REGIONS[region]), "global", REGIONS[region], "region", 0, region,
                List.of(rule));
        nodes.add(node);
        return node;
    }

    private static void industry(List<Node> nodes, Node region, String name, String... industries) {
        // inherited, so a segment split out below (DACH Manufacturing) stays within the industries
        nodes.add(child(region, name, "industry", 0, new Rule(name.substring(name.indexOf(' ') + 1) + " industries",
                true, null, List.of(in("industry", industries)))));
    }

    private static void overlay(List<Node> nodes, Node region, String name, Rule rule) {
        nodes.add(child(region, name, "overlay", OVERLAY_PRIORITY, rule));
    }

    private static Node child(Node parent, String name, String type, int priority, Rule rule) {
        return new Node(parent.code() + "/" + slug(name), parent.code(), name, type, priority, parent.region(),
                List.of(rule));
    }

    /**
     * Rows of one model: ids drawn in node order, rules compiled, owners (the VP for Global, a region's manager for the
     * region and everything under it).
     */
    private static void add(Random random, ModelRow model, List<Node> nodes, Map<String, List<Member>> memberships,
                            Team team, List<TerritoryRow> territories, List<RuleRow> rules, List<MemberRow> members) {
        Map<String, UUID> ids = new HashMap<>();
        for (Node node : nodes) {
            UUID id = uuid(random);
            ids.put(node.code(), id);
            territories.add(new TerritoryRow(id, model.id(), node.parentCode() == null ? null : ids.get(node.parentCode()),
                    node.name(), node.code(), node.type(), owner(node, team), node.priority()));
            for (int i = 0; i < node.rules().size(); i++) {
                Rule rule = node.rules().get(i);
                AssignmentRule compiled = AssignmentRule.compile(rule.criteria(), rule.expression());
                rules.add(new RuleRow(uuid(random), model.id(), id, rule.name(), i, rule.inherited(),
                        compiled.criteria(), compiled.expression(), compiled.truthTable()));
            }
            memberships.get(node.code()).forEach(m -> members.add(new MemberRow(id, m.userId(), m.role())));
        }
    }

    private static UUID owner(Node node, Team team) {
        return node.region() < 0 ? team.vp() : team.manager(node.region());
    }

    /**
     * Members by territory code: Global and the regions their owner as 'owner'; every territory below a region one rep
     * of the region manager's team, taken in turn; overlays also the VP as 'overlay' (the executive sponsor).
     */
    private static Map<String, List<Member>> members(List<Node> nodes, Team team) {
        Map<String, List<Member>> members = new HashMap<>();
        int[] turn = new int[REGIONS.length];
        for (Node node : nodes) {
            List<Member> list = new ArrayList<>();
            if (node.parentCode() == null || node.type().equals("region")) {
                list.add(new Member(owner(node, team), "owner"));
            } else {
                List<UUID> reps = team.reps(node.region());
                if (!reps.isEmpty()) {
                    list.add(new Member(reps.get(turn[node.region()]++ % reps.size()), "rep"));
                }
                if (node.type().equals("overlay")) {
                    list.add(new Member(team.vp(), "overlay"));
                }
            }
            members.put(node.code(), list);
        }
        return members;
    }

    private record Member(UUID userId, String role) {
    }

    /** The VP (the user without a manager), the managers under them in order, and each manager's reps. */
    private record Team(UUID vp, List<UUID> managers, Map<UUID, List<UUID>> repsByManager) {
        static Team of(List<UserRow> users) {
            UUID vp = users.stream().filter(u -> u.managerId() == null).findFirst().orElseThrow().id();
            List<UUID> managers = users.stream().filter(u -> u.role().equals("manager") && vp.equals(u.managerId()))
                    .map(UserRow::id).toList();
            Map<UUID, List<UUID>> reps = new HashMap<>();
            users.stream().filter(u -> u.role().equals("rep"))
                    .forEach(u -> reps.computeIfAbsent(u.managerId(), k -> new ArrayList<>()).add(u.id()));
            return new Team(vp, managers, reps);
        }

        /** Region i's manager; with fewer managers than regions they cover several, and the VP covers without any. */
        UUID manager(int region) {
            return managers.isEmpty() ? vp : managers.get(region % managers.size());
        }

        List<UUID> reps(int region) {
            return repsByManager.getOrDefault(manager(region), List.of());
        }
    }

    private static CriterionSpec in(String field, String... values) {
        return CriterionSpec.of(field, Criterion.IN, values);
    }

    private static CriterionSpec atLeast(String field, BigDecimal min) {
        return new CriterionSpec(field, Criterion.BETWEEN, null, min, null, null, null);
    }

    /** The API's default code segment: lower-case ASCII, every run of other characters one '-'. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}
