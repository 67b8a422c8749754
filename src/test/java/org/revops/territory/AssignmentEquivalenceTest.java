package org.revops.territory;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.Fixtures;
import org.revops.support.Jobs;
import org.revops.territory.rules.AccountFacts;
import org.revops.territory.rules.AssignmentRule;
import org.revops.territory.rules.Criterion;
import org.revops.territory.rules.CriterionSpec;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The SQL engine against the rule language's own reference semantics ({@link AssignmentRule#matches}). The expected
 * assignment is computed here in plain Java from the written rule of the issue: a territory matches when one of its
 * own rules matches and, for each ancestor with inherited rules, one of those matches too; deepest wins, then the
 * higher priority; equal at the top is a tie.
 * <ul>
 * <li>Random maps: random territories, random rules of every criterion type with random AND/OR expressions, some
 *   inherited, random priorities, and random accounts drawn from small value sets so that rules overlap a lot, plus
 *   accounts on and next to every bound and prefix the rules use. Two shapes: shallow (4 levels, a third of the
 *   rules inherited) and deep (6 levels, half inherited, up to 3 rules per territory: chains of gates, territories
 *   with inherited and own rules, ties at depth).</li>
 * <li>A map of bounds: one territory per kind of bound, accounts that differ in one field only, on both sides of
 *   each bound. The engine evaluates groups of accounts whose values fall between the same bounds ("profiles"), so
 *   an account put in the wrong group takes its neighbour's territory here.</li>
 * </ul>
 */
@QuarkusTest
class AssignmentEquivalenceTest extends ApiTest {
    @Inject
    Db db;

    private record Node(String code, String parent, int depth, int priority, List<Rule> rules) {
    }

    private record Rule(List<CriterionSpec> criteria, String expression, boolean inherited, AssignmentRule compiled) {
        Rule(List<CriterionSpec> criteria, String expression, boolean inherited) {
            this(criteria, expression, inherited, AssignmentRule.compile(criteria, expression));
        }
    }

    /** How a random map is drawn. */
    private record Shape(int territories, int maxDepth, int maxRules, int inheritedOneIn, int accounts) {
        static final Shape SHALLOW = new Shape(14, 4, 2, 3, 60);
        static final Shape DEEP = new Shape(18, 6, 3, 2, 40);
    }

    @Test
    void theSqlEngineAssignsExactlyAsTheReferenceSemantics() {
        for (long seed : new long[] {1, 2, 3}) {
            randomMap(seed, Shape.SHALLOW);
        }
    }

    @Test
    void deepChainsOfInheritedRules() {
        for (long seed : new long[] {4, 5, 6}) {
            randomMap(seed, Shape.DEEP);
        }
    }

    @Test
    void accountsOnEitherSideOfEveryBound() {
        List<Node> nodes = List.of(
                node("EMP", null, 1, range("employeeCount", new BigDecimal(100), new BigDecimal(2000))),
                node("REV", null, 1, range("annualRevenue", null, new BigDecimal("1500000.25"))),
                node("ZIP", null, 1, new Rule(List.of(new CriterionSpec("postalCode", "between", null, null, null,
                        "10000", "80331")), null, false)),
                node("P1", null, 2, new Rule(List.of(CriterionSpec.of("postalCode", "startsWith", "9")), null, true)),
                node("P12", "P1", 0, new Rule(List.of(CriterionSpec.of("postalCode", "startsWith", "91", "93")),
                        null, false)),
                node("RET", null, 1, new Rule(List.of(CriterionSpec.of("industry", "in", "Retail")), null, false)));
        List<AccountFacts> accounts = new ArrayList<>();
        for (Integer employees : new Integer[] {null, 0, 99, 100, 101, 1999, 2000, 2001}) {
            accounts.add(new AccountFacts("DE", null, null, "A", null, employees, null));
        }
        for (String revenue : new String[] {"0", "1500000", "1500000.25", "1500000.2500", "1500000.26", "1500001"}) {
            accounts.add(new AccountFacts("DE", null, null, "A", null, null, new BigDecimal(revenue)));
        }
        for (String postal : new String[] {"09999", "10000", "100000", "5", "80330", "80331", "803310", "80332", "9",
                "90", "91", "911", "92", "93", "a"}) {
            accounts.add(new AccountFacts("DE", null, null, "A", postal, null, null));
        }
        for (String industry : new String[] {"Retail", "retail", "RETAIL", "Retailer", "Other"}) {
            accounts.add(new AccountFacts("DE", null, industry, "A", null, null, null));
        }
        check("Bounds", nodes, accounts);
    }

    private void randomMap(long seed, Shape shape) {
        Random random = new Random(seed);
        List<Node> nodes = new ArrayList<>();
        List<Criterion> used = new ArrayList<>();
        for (int i = 0; i < shape.territories(); i++) {
            Node parent = i == 0 || random.nextInt(5) == 0 ? null : nodes.get(random.nextInt(nodes.size()));
            if (parent != null && parent.depth() >= shape.maxDepth()) {
                parent = nodes.get(0);
            }
            Node node = new Node("T" + i, parent == null ? null : parent.code(), parent == null ? 1 : parent.depth() + 1,
                    random.nextInt(3), new ArrayList<>());
            nodes.add(node);
            int rules = random.nextInt(shape.maxRules() + 1);
            for (int r = 0; r < rules; r++) {
                List<CriterionSpec> criteria = new ArrayList<>();
                int n = 1 + random.nextInt(3);
                for (int c = 0; c < n; c++) {
                    criteria.add(RandomRules.criterion(random));
                }
                Rule rule = new Rule(criteria, n == 1 ? null : RandomRules.expression(random, 1, n),
                        random.nextInt(shape.inheritedOneIn()) == 0);
                node.rules().add(rule);
                used.addAll(rule.compiled().criteria());
            }
        }
        List<AccountFacts> accounts = new ArrayList<>();
        for (int a = 0; a < shape.accounts(); a++) {
            accounts.add(RandomRules.account(random));
        }
        accounts.addAll(RandomRules.onTheBounds(random, used));
        check("Random " + seed, nodes, accounts);
    }

    /** Builds the map and the accounts through the API, runs the model, compares with the reference. */
    private void check(String name, List<Node> nodes, List<AccountFacts> accounts) {
        Workspace ws = newWorkspace("Equivalence " + name);
        TerritoryMap map = TerritoryMap.create(ws.adminKey(), name);
        for (Node node : nodes) {
            map.territory(node.code(), node.parent(), node.priority());
            for (int r = 0; r < node.rules().size(); r++) {
                Rule rule = node.rules().get(r);
                map.rule(node.code(), node.code() + "." + r, rule.inherited(), rule.expression(),
                        rule.criteria().stream().map(RandomRules::json).toList());
            }
        }
        Map<String, AccountFacts> facts = new LinkedHashMap<>();
        for (AccountFacts account : accounts) {
            String accountName = "Acc " + facts.size();
            Map<String, Object> body = new HashMap<>(Map.of("name", accountName, "country", account.country(),
                    "tier", account.tier()));
            RandomRules.putIfSet(body, "region", account.region());
            RandomRules.putIfSet(body, "industry", account.industry());
            RandomRules.putIfSet(body, "postalCode", account.postalCode());
            RandomRules.putIfSet(body, "employeeCount", account.employeeCount());
            RandomRules.putIfSet(body, "annualRevenue", account.annualRevenue());
            Fixtures.account(ws.adminKey(), body);
            facts.put(accountName, account);
        }

        Jobs.succeed(ws.adminKey(), map.path("/run"));
        Map<String, String> expected = new LinkedHashMap<>();
        facts.forEach((accountName, account) -> expected.put(accountName, expect(nodes, account)));
        assertEquals(expected, TerritoryScenario.assignments(ws.adminKey(), map, facts.keySet()), name);
        assertEquals(written(ws, map), matchedWithoutWriting(ws, map), "matchSql agrees with the run, " + name);
    }

    private static Node node(String code, String parent, int priority, Rule rule) {
        return new Node(code, parent, parent == null ? 1 : 2, priority, List.of(rule));
    }

    private static Rule range(String field, BigDecimal min, BigDecimal max) {
        return new Rule(List.of(new CriterionSpec(field, "between", null, min, max, null, null)), null, false);
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
}
