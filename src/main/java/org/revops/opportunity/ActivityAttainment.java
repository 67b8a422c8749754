package org.revops.opportunity;

import org.revops.opportunity.ActivityAnalyticsDtos.MetricAttainment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The arithmetic of the activity report: actual against target, per metric. */
public final class ActivityAttainment {
    /** Decimal places of an attainment ratio. */
    static final int SCALE = 4;

    private ActivityAttainment() {
    }

    /**
     * attainment = actual / target, rounded half up to {@link #SCALE} places: 3 of 5 is 0.6000, 7 of 5 is 1.4000.
     * Null when there is no target or it is 0, where a ratio means nothing.
     */
    public static BigDecimal attainment(int actual, Integer target) {
        if (target == null || target == 0) {
            return null;
        }
        return BigDecimal.valueOf(actual).divide(BigDecimal.valueOf(target), SCALE, RoundingMode.HALF_UP);
    }

    /**
     * One line per metric in {@code metrics} order: the actual (0 when absent), the target (null when absent) and
     * the attainment.
     */
    public static List<MetricAttainment> lines(List<String> metrics, Map<String, Integer> actuals,
                                               Map<String, Integer> targets) {
        List<MetricAttainment> lines = new ArrayList<>(metrics.size());
        for (String metric : metrics) {
            int actual = actuals.getOrDefault(metric, 0);
            Integer target = targets.get(metric);
            lines.add(new MetricAttainment(metric, actual, target, attainment(actual, target)));
        }
        return lines;
    }
}
