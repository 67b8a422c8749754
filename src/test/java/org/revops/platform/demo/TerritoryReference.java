package org.revops.platform.demo;

import org.revops.platform.demo.DemoDataGenerator.AccountRow;
import org.revops.platform.demo.DemoTerritoryGenerator.RuleRow;
import org.revops.platform.demo.DemoTerritoryGenerator.TerritoryMap;
import org.revops.platform.demo.DemoTerritoryGenerator.TerritoryRow;
import org.revops.territory.rules.AccountFacts;
import org.revops.territory.rules.AssignmentRule;
import org.revops.territory.rules.Criterion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The assignment semantics of the territory spec, written out plainly in Java over generated rows, as the oracle the
 * demo map is checked against (without a database here, and against the SQL engine in DemoSeederTest):
 * a territory matches when one of its own rules matches and every ancestor that has inherited rules has one of them
 * matching; the deepest match wins, then the highest priority; several equal at the top are a tie.
 */
final class TerritoryReference {
    static final String TIE = "tie";

    /** A matching territory and why it won or lost. */
    record Match(TerritoryRow territory, int depth) {
    }

    private final Map<UUID, TerritoryRow> territories = new HashMap<>();
    private final Map<UUID, List<RuleRow>> rules = new HashMap<>();
    private final Map<RuleRow, AssignmentRule> compiled = new HashMap<>();

    TerritoryReference(TerritoryMap map, UUID modelId) {
        map.territories().stream().filter(t -> t.modelId().equals(modelId)).forEach(t -> territories.put(t.id(), t));
        for (RuleRow rule : map.rules()) {
            if (rule.modelId().equals(modelId)) {
                rules.computeIfAbsent(rule.territoryId(), k -> new ArrayList<>()).add(rule);
                compiled.put(rule, AssignmentRule.compile(rule.criteria().stream().map(Criterion::spec).toList(),
                        rule.expression()));
            }
        }
    }

    /** Every territory that matches the account, deepest and highest priority first. */
    List<Match> matches(AccountRow account) {
        AccountFacts facts = new AccountFacts(account.country(), account.region(), account.industry(), account.tier(),
                account.postalCode(), account.employeeCount(), account.annualRevenue());
        List<Match> found = new ArrayList<>();
        for (TerritoryRow territory : territories.values()) {
            boolean own = rules.getOrDefault(territory.id(), List.of()).stream()
                    .anyMatch(r -> compiled.get(r).matches(facts));
            boolean inherited = true;
            int depth = 1;
            for (UUID up = territory.parentId(); up != null; up = territories.get(up).parentId()) {
                depth++;
                List<RuleRow> passedDown = rules.getOrDefault(up, List.of()).stream().filter(RuleRow::inherited).toList();
                inherited &= passedDown.isEmpty() || passedDown.stream().anyMatch(r -> compiled.get(r).matches(facts));
            }
            if (own && inherited) {
                found.add(new Match(territory, depth));
            }
        }
        found.sort(Comparator.comparingInt(Match::depth).thenComparingInt(m -> m.territory().priority()).reversed());
        return found;
    }

    /** The winning territory's code, {@link #TIE}, or null when nothing matches. */
    String codeOf(AccountRow account) {
        List<Match> found = matches(account);
        if (found.isEmpty()) {
            return null;
        }
        Match top = found.get(0);
        if (found.size() > 1 && found.get(1).depth() == top.depth()
                && found.get(1).territory().priority() == top.territory().priority()) {
            return TIE;
        }
        return top.territory().code();
    }
}
