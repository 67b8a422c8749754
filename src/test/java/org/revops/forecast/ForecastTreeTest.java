package org.revops.forecast;

import org.junit.jupiter.api.Test;
import org.revops.forecast.ForecastFigures.QuotaSource;
import org.revops.opportunity.ForecastCategory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The roll-up rules of {@link ForecastTree} and the derived views of {@link ForecastFigures}, on a three-level tree. */
class ForecastTreeTest {
    static final UUID VP = UUID.randomUUID();
    static final UUID MANAGER = UUID.randomUUID();
    static final UUID REP_A = UUID.randomUUID();
    static final UUID REP_B = UUID.randomUUID();
    static final UUID OTHER_VP = UUID.randomUUID();

    final ForecastTree tree = new ForecastTree(List.of(new ForecastTree.Node(VP, null),
            new ForecastTree.Node(MANAGER, VP), new ForecastTree.Node(REP_A, MANAGER),
            new ForecastTree.Node(REP_B, MANAGER), new ForecastTree.Node(OTHER_VP, UUID.randomUUID())));

    static Map<ForecastCategory, CategoryAmounts> deals(int pipeline, int commit, int closed) {
        return Map.of(ForecastCategory.Pipeline, amounts(pipeline), ForecastCategory.Commit, amounts(commit),
                ForecastCategory.Closed, amounts(closed));
    }

    static CategoryAmounts amounts(int amount) {
        return new CategoryAmounts(amount == 0 ? 0 : 1, BigDecimal.valueOf(amount), BigDecimal.valueOf(amount / 2));
    }

    static BigDecimal d(int value) {
        return BigDecimal.valueOf(value);
    }

    @Test
    void computedNumbersAddUpTheSubtreeAndAQuotaSetForAManagerIsTheirs() {
        Map<UUID, ForecastFigures> f = tree.rollUp(
                Map.of(REP_A, deals(100, 50, 30), REP_B, deals(200, 0, 70), MANAGER, deals(10, 0, 0)),
                Map.of(REP_A, d(100), REP_B, d(150), VP, d(1000)), Map.of());
        assertEquals(d(310), f.get(MANAGER).computed(ForecastCategory.Pipeline).amount());
        assertEquals(3, f.get(MANAGER).computed(ForecastCategory.Pipeline).count());
        assertEquals(d(155), f.get(MANAGER).computed(ForecastCategory.Pipeline).weighted());
        assertEquals(d(250), f.get(MANAGER).quota());
        assertEquals(QuotaSource.team, f.get(MANAGER).quotaSource());
        assertEquals(d(1000), f.get(VP).quota());
        assertEquals(QuotaSource.explicit, f.get(VP).quotaSource());
        assertNull(f.get(OTHER_VP).quota());
        assertEquals(QuotaSource.none, f.get(OTHER_VP).quotaSource());
        assertEquals(List.of(VP, OTHER_VP), tree.roots());

        ForecastFigures m = f.get(MANAGER);   // closed 100 of 250; open = pipeline 310 + commit 50
        assertEquals(new BigDecimal("0.4000"), m.attainment());
        assertEquals(d(150), m.gap());
        assertEquals(new BigDecimal("2.4000"), m.coverage());
        assertEquals(new ForecastFigures.Cumulative(d(100), d(150), d(150), d(360)), m.cumulativeComputed());
    }

    @Test
    void anAdjustmentReplacesTheSubtreesNumberAndTheLevelsAboveAddIt() {
        Map<UUID, ForecastFigures> f = tree.rollUp(
                Map.of(REP_A, deals(100, 50, 30), REP_B, deals(200, 0, 70), VP, deals(0, 5, 0)), Map.of(),
                Map.of(REP_A, Map.of(ForecastCategory.Commit, d(80)),
                        MANAGER, Map.of(ForecastCategory.Pipeline, d(250))));
        assertEquals(d(80), f.get(REP_A).adjusted(ForecastCategory.Commit));
        assertEquals(d(80), f.get(MANAGER).adjusted(ForecastCategory.Commit));     // A's call + B's computed 0
        assertEquals(d(250), f.get(MANAGER).adjusted(ForecastCategory.Pipeline)); // the manager's own call
        assertEquals(d(300), f.get(MANAGER).computed(ForecastCategory.Pipeline).amount());
        assertEquals(d(85), f.get(VP).adjusted(ForecastCategory.Commit));         // own 5 + the manager's 80
        assertEquals(d(100), f.get(VP).adjusted(ForecastCategory.Closed));        // closed is never adjusted
        ForecastFigures sum = ForecastTree.sum(List.of(f.get(VP), f.get(OTHER_VP)));
        assertEquals(d(335), sum.cumulativeAdjusted().openPipeline());           // pipeline 250 + commit 85
    }

    @Test
    void noQuotaOrNothingLeftToCloseGivesNoRatios() {
        ForecastFigures none = ForecastFigures.of(deals(10, 0, 5));
        assertNull(none.attainment());
        assertNull(none.gap());
        assertNull(none.coverage());
        ForecastFigures beaten = none.withQuota(d(5), QuotaSource.explicit);
        assertEquals(new BigDecimal("1.0000"), beaten.attainment());
        assertEquals(d(0), beaten.gap());
        assertNull(beaten.coverage());
    }

    @Test
    void aSubtreesRollUpHoldsItsNodesWithTheWholeTreesFiguresAndNothingElse() {
        Map<UUID, Map<ForecastCategory, CategoryAmounts>> own =
                Map.of(REP_A, deals(100, 50, 30), REP_B, deals(200, 0, 70), VP, deals(0, 5, 0), OTHER_VP, deals(1, 1, 1));
        Map<UUID, BigDecimal> quotas = Map.of(REP_A, d(100), REP_B, d(150));
        Map<UUID, Map<ForecastCategory, BigDecimal>> adjustments = Map.of(REP_B, Map.of(ForecastCategory.Commit, d(9)));
        Map<UUID, ForecastFigures> whole = tree.rollUp(own, quotas, adjustments);
        Map<UUID, ForecastFigures> team = tree.rollUp(List.of(MANAGER), own, quotas, adjustments);

        assertEquals(List.of(REP_B, REP_A, MANAGER), List.copyOf(team.keySet()));
        for (UUID id : team.keySet()) {
            assertEquals(whole.get(id), team.get(id));
        }
    }
}
