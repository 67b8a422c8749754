package org.revops.forecast;

import org.revops.forecast.ForecastFigures.QuotaSource;
import org.revops.opportunity.ForecastCategory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Rolls forecasts up a hierarchy (users under their managers, or territories under their parents). For a node n
 * with children c:
 * <pre>
 *   computed(n, k) = own(n, k) + Σ computed(c, k)                              for every category k
 *   adjusted(n, k) = adjustment(n, k) if one is set, else own(n, k) + Σ adjusted(c, k)   (Pipeline, BestCase, Commit)
 *   quota(n)       = the quota set for n, else Σ quota(c) over the children that have one, else none
 * </pre>
 * so a manager's adjustment replaces the team's number, and a quota set for a manager is the manager's target, not
 * added to the team's. Pure: no Quarkus, no database.
 */
public final class ForecastTree {
    private static final List<ForecastCategory> ADJUSTABLE =
            List.of(ForecastCategory.Pipeline, ForecastCategory.BestCase, ForecastCategory.Commit);

    /** A node and its parent (null, or a node outside the set, for a root). */
    public record Node(UUID id, UUID parentId) {
    }

    private final Map<UUID, List<UUID>> children = new HashMap<>();
    private final List<UUID> roots = new ArrayList<>();
    private final Set<UUID> ids = new HashSet<>();

    public ForecastTree(Collection<Node> nodes) {
        nodes.forEach(node -> ids.add(node.id()));
        for (Node node : nodes) {
            if (node.parentId() == null || !ids.contains(node.parentId()) || node.parentId().equals(node.id())) {
                roots.add(node.id());
            } else {
                children.computeIfAbsent(node.parentId(), k -> new ArrayList<>()).add(node.id());
            }
        }
    }

    public List<UUID> roots() {
        return roots;
    }

    public List<UUID> children(UUID id) {
        return children.getOrDefault(id, List.of());
    }

    public boolean contains(UUID id) {
        return ids.contains(id);
    }

    /** {@code root} and every node below it, parents before children. */
    public List<UUID> subtree(UUID root) {
        List<UUID> out = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<UUID> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            UUID id = stack.remove(stack.size() - 1);
            if (seen.add(id)) {
                out.add(id);
                List<UUID> below = children(id);
                for (int i = below.size() - 1; i >= 0; i--) {
                    stack.add(below.get(i));
                }
            }
        }
        return out;
    }

    /**
     * The figures of every node, each covering the node and everything below it (see the class comment). Nodes
     * missing from a map have nothing of that kind.
     */
    public Map<UUID, ForecastFigures> rollUp(Map<UUID, Map<ForecastCategory, CategoryAmounts>> own,
                                             Map<UUID, BigDecimal> quotas,
                                             Map<UUID, Map<ForecastCategory, BigDecimal>> adjustments) {
        return rollUp(roots, own, quotas, adjustments);
    }

    /**
     * As {@link #rollUp(Map, Map, Map)} for {@code tops} and the nodes below them only: a team's roll-up needs none
     * of the rest of the organisation.
     */
    public Map<UUID, ForecastFigures> rollUp(Collection<UUID> tops,
                                             Map<UUID, Map<ForecastCategory, CategoryAmounts>> own,
                                             Map<UUID, BigDecimal> quotas,
                                             Map<UUID, Map<ForecastCategory, BigDecimal>> adjustments) {
        Map<UUID, ForecastFigures> out = new LinkedHashMap<>();
        for (UUID root : tops) {
            List<UUID> order = subtree(root);
            for (int i = order.size() - 1; i >= 0; i--) {
                UUID id = order.get(i);
                out.put(id, figures(id, out, own, quotas, adjustments));
            }
        }
        return out;
    }

    private ForecastFigures figures(UUID id, Map<UUID, ForecastFigures> done,
                                    Map<UUID, Map<ForecastCategory, CategoryAmounts>> own,
                                    Map<UUID, BigDecimal> quotas,
                                    Map<UUID, Map<ForecastCategory, BigDecimal>> adjustments) {
        Map<ForecastCategory, CategoryAmounts> mine = own.getOrDefault(id, Map.of());
        Map<ForecastCategory, CategoryAmounts> computed = new EnumMap<>(ForecastCategory.class);
        Map<ForecastCategory, BigDecimal> adjusted = new EnumMap<>(ForecastCategory.class);
        BigDecimal teamQuota = null;
        for (ForecastCategory category : ForecastCategory.values()) {
            CategoryAmounts sum = mine.getOrDefault(category, CategoryAmounts.NONE);
            BigDecimal adjustedSum = sum.amount();
            for (UUID child : children(id)) {
                ForecastFigures below = done.get(child);
                sum = sum.plus(below.computed(category));
                adjustedSum = adjustedSum.add(below.adjusted(category));
            }
            computed.put(category, sum);
            BigDecimal set = ADJUSTABLE.contains(category)
                    ? adjustments.getOrDefault(id, Map.of()).get(category) : null;
            adjusted.put(category, set != null ? set : ADJUSTABLE.contains(category) ? adjustedSum : sum.amount());
        }
        for (UUID child : children(id)) {
            BigDecimal childQuota = done.get(child).quota();
            if (childQuota != null) {
                teamQuota = teamQuota == null ? childQuota : teamQuota.add(childQuota);
            }
        }
        BigDecimal explicit = quotas.get(id);
        ForecastFigures figures = new ForecastFigures(computed, adjusted, null, QuotaSource.none);
        return explicit != null ? figures.withQuota(explicit, QuotaSource.explicit)
                : figures.withQuota(teamQuota, QuotaSource.team);
    }

    /** Figures over several nodes at once (the workspace over its top-level users), quotas summed. */
    public static ForecastFigures sum(Collection<ForecastFigures> parts) {
        Map<ForecastCategory, CategoryAmounts> computed = new EnumMap<>(ForecastCategory.class);
        Map<ForecastCategory, BigDecimal> adjusted = new EnumMap<>(ForecastCategory.class);
        BigDecimal quota = null;
        for (ForecastCategory category : ForecastCategory.values()) {
            computed.put(category, CategoryAmounts.NONE);
            adjusted.put(category, BigDecimal.ZERO);
        }
        for (ForecastFigures part : parts) {
            for (ForecastCategory category : ForecastCategory.values()) {
                computed.merge(category, part.computed(category), CategoryAmounts::plus);
                adjusted.merge(category, part.adjusted(category), BigDecimal::add);
            }
            if (part.quota() != null) {
                quota = quota == null ? part.quota() : quota.add(part.quota());
            }
        }
        return new ForecastFigures(computed, adjusted, null, QuotaSource.none).withQuota(quota, QuotaSource.team);
    }
}
