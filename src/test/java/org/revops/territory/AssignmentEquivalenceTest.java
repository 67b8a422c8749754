package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.Jobs;
import org.revops.territory.rules.AccountFacts;
import org.revops.territory.rules.AssignmentRule;
import org.revops.territory.rules.CriterionSpec;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.revops.platform.db.Db;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SQL engine against the rule language's own reference semantics ({@link AssignmentRule#matches}) on a random
 * map: random territories (4 levels), random rules of every criterion type with random AND/OR expressions, some
 * inherited, random priorities, and random accounts drawn from small value sets so that rules overlap a lot.
 * The expected assignment is computed here in plain Java from the written rule of the issue: a territory matches when
 * one of its own rules matches and, for each ancestor with inherited rules, one of those does too; deepest wins, then
 * the higher priority; equal at the top is a tie.
 */
@QuarkusTest
class AssignmentEquivalenceTest extends ApiTest {
    @Inject
    Db db;

    private static final String[] COUNTRIES = {"DE", "FR", "GB", "US", "JP"};
    private static final String[] REGIONS = {"EMEA", "AMER", "APAC"};
    private static final String[] INDUSTRIES = {"Retail", "Manufacturing", "Finance"};
    private static final String[] TIERS = {"A", "B", "C"};
    private static final String[] POSTAL = {"10115", "20095", "80331", "SW1A", "94105"};

    private record Node(String code, String parent, int depth, int priority, List<Rule> rules) {
    }

    private record Rule(AssignmentRule compiled, boolean inherited) {
    }

    @Test
    void theSqlEngineAssignsExactlyAsTheReferenceSemantics() {
        for (long seed : new long[] {1, 2, 3}) {
            check(seed);
        }
    }

    private void check(long seed) {
        Random random = new Random(seed);
        Workspace ws = newWorkspace("Equivalence " + seed);
        TerritoryMap map = TerritoryMap.create(ws.adminKey(), "Random " + seed);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            Node parent = i == 0 || random.nextInt(5) == 0 ? null : nodes.get(random.nextInt(nodes.size()));
            if (parent != null && parent.depth() >= 4) {
                parent = nodes.get(0);
            }
            Node node = new Node("T" + i, parent == null ? null : parent.code(), parent == null ? 1 : parent.depth() + 1,
                    random.nextInt(3), new ArrayList<>());
            map.territory(node.code(), node.parent(), node.priority());
            nodes.add(node);
            int rules = random.nextInt(3);   // 0, 1 or 2 rules
            for (int r = 0; r < rules; r++) {
                List<CriterionSpec> criteria = new ArrayList<>();
                int n = 1 + random.nextInt(3);
                for (int c = 0; c < n; c++) {
                    criteria.add(randomCriterion(random));
                }
                String expression = n == 1 ? null : randomExpression(random, 1, n);
                boolean inherited = random.nextInt(3) == 0;
                map.rule(node.code(), "R" + i + "." + r, inherited, expression,
                        criteria.stream().map(AssignmentEquivalenceTest::json).toList());
                node.rules().add(new Rule(AssignmentRule.compile(criteria, expression), inherited));
            }
        }
        Map<String, AccountFacts> facts = new LinkedHashMap<>();
        for (int a = 0; a < 60; a++) {
            AccountFacts account = new AccountFacts(pick(random, COUNTRIES), maybe(random, REGIONS),
                    maybe(random, INDUSTRIES), pick(random, TIERS), maybe(random, POSTAL),
                    random.nextInt(5) == 0 ? null : random.nextInt(3000),
                    random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(2_000_000)));
            Map<String, Object> body = new HashMap<>(Map.of("name", "Acc " + a, "country", account.country(),
                    "tier", account.tier()));
            putIfSet(body, "region", account.region());
            putIfSet(body, "industry", account.industry());
            putIfSet(body, "postalCode", account.postalCode());
            putIfSet(body, "employeeCount", account.employeeCount());
            putIfSet(body, "annualRevenue", account.annualRevenue());
            Fixtures.account(ws.adminKey(), body);
            facts.put("Acc " + a, account);
        }

        Jobs.succeed(ws.adminKey(), map.path("/run"));
        Map<String, String> expected = new LinkedHashMap<>();
        facts.forEach((name, account) -> expected.put(name, expect(nodes, account)));
        assertEquals(expected, TerritoryScenario.assignments(ws.adminKey(), map, facts.keySet()), "seed " + seed);
        assertEquals(written(ws, map), matchedWithoutWriting(ws, map), "matchSql agrees with the run, seed " + seed);
    }

    /** What the run wrote: account id -> territory id or "tie:<sorted ids>". */
    private Map<UUID, String> written(Workspace ws, TerritoryMap map) {
        return collect(db.query("""
                SELECT account_id AS id, territory_id, cause, tied_territory_ids AS tied FROM territory_assignments
                WHERE workspace_id = $1 AND model_id = $2""", Tuple.of(ws.id(), UUID.fromString(map.modelId))));
    }

    /** The same engine as a pure read ({@link TerritoryAssignmentService#matchSql}), over the accounts as facts. */
    private Map<UUID, String> matchedWithoutWriting(Workspace ws, TerritoryMap map) {
        return collect(db.query(TerritoryAssignmentService.matchSql("""
                SELECT id, country, region, industry, tier, postal_code, employee_count, annual_revenue
                FROM accounts WHERE workspace_id = $1"""), Tuple.of(ws.id(), UUID.fromString(map.modelId))));
    }

    private static Map<UUID, String> collect(Uni<RowSet<Row>> query) {
        Map<UUID, String> result = new HashMap<>();
        for (Row row : query.await().atMost(Duration.ofSeconds(30))) {
            result.put(row.getUUID("id"), row.getString("cause").equals("tie")
                    ? "tie:" + Arrays.stream(row.getArrayOfUUIDs("tied")).map(UUID::toString).sorted()
                            .collect(Collectors.joining(","))
                    : row.getUUID("territory_id").toString());
        }
        return result;
    }

    /** The reference: territory code, "tie:<codes>" or null. */
    private static String expect(List<Node> nodes, AccountFacts account) {
        Map<String, Node> byCode = nodes.stream().collect(Collectors.toMap(Node::code, n -> n));
        List<Node> candidates = new ArrayList<>();
        for (Node node : nodes) {
            if (node.rules().stream().noneMatch(r -> r.compiled().matches(account))) {
                continue;
            }
            boolean withinAncestors = true;
            for (Node up = byCode.get(node.parent()); up != null; up = byCode.get(up.parent())) {
                List<Rule> passed = up.rules().stream().filter(Rule::inherited).toList();
                if (!passed.isEmpty() && passed.stream().noneMatch(r -> r.compiled().matches(account))) {
                    withinAncestors = false;
                }
            }
            if (withinAncestors) {
                candidates.add(node);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        Comparator<Node> better = Comparator.comparingInt(Node::depth).thenComparingInt(Node::priority);
        Node best = candidates.stream().max(better).orElseThrow();
        List<String> top = candidates.stream().filter(n -> better.compare(n, best) == 0).map(Node::code).sorted()
                .toList();
        return top.size() == 1 ? top.get(0) : "tie:" + String.join(",", top);
    }

    private static CriterionSpec randomCriterion(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> CriterionSpec.of("country", "in", some(random, COUNTRIES));
            case 1 -> CriterionSpec.of("region", "in", some(random, REGIONS));
            case 2 -> CriterionSpec.of("industry", "in", random.nextBoolean() ? some(random, INDUSTRIES)
                    : new String[] {some(random, INDUSTRIES)[0].toUpperCase()});
            case 3 -> CriterionSpec.of("tier", "in", some(random, TIERS));
            case 4 -> CriterionSpec.of("postalCode", "startsWith", random.nextBoolean() ? "1" : "sw", "8");
            case 5 -> new CriterionSpec("postalCode", "between", null, null, null,
                    random.nextBoolean() ? "10000" : null, "80331");
            case 6 -> new CriterionSpec("employeeCount", "between", null,
                    BigDecimal.valueOf(random.nextInt(1500)), random.nextBoolean() ? null : BigDecimal.valueOf(2000),
                    null, null);
            default -> new CriterionSpec("annualRevenue", "between", null,
                    random.nextBoolean() ? null : BigDecimal.valueOf(100_000), BigDecimal.valueOf(1_500_000), null, null);
        };
    }

    /** A random AND/OR expression using each criterion from..to exactly once, parenthesised at random. */
    private static String randomExpression(Random random, int from, int to) {
        if (from == to) {
            return Integer.toString(from);
        }
        int split = from + random.nextInt(to - from);
        String left = randomExpression(random, from, split);
        String right = randomExpression(random, split + 1, to);
        String joined = left + (random.nextBoolean() ? " AND " : " or ") + right;
        return random.nextBoolean() ? "(" + joined + ")" : joined;
    }

    private static Map<String, Object> json(CriterionSpec spec) {
        Map<String, Object> json = new HashMap<>(Map.of("field", spec.field(), "operator", spec.operator()));
        putIfSet(json, "values", spec.values());
        putIfSet(json, "min", spec.min());
        putIfSet(json, "max", spec.max());
        putIfSet(json, "from", spec.from());
        putIfSet(json, "to", spec.to());
        return json;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String maybe(Random random, String[] values) {
        return random.nextInt(6) == 0 ? null : pick(random, values);
    }

    private static String[] some(Random random, String[] values) {
        List<String> chosen = new ArrayList<>();
        for (String value : values) {
            if (random.nextInt(3) == 0) {
                chosen.add(value);
            }
        }
        return chosen.isEmpty() ? new String[] {pick(random, values)} : chosen.toArray(String[]::new);
    }
}
