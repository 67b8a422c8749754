package org.revops.forecast;

import io.vertx.mutiny.sqlclient.Row;
import org.revops.opportunity.ForecastCategory;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** People's adjustments of a period's forecast, reduced to the one that counts per user and category. */
final class ForecastAdjustments {
    private ForecastAdjustments() {
    }

    /**
     * Per user and category, the adjustment that counts: the one by the most senior adjuster (closest to the top of
     * the reporting lines: the rows' {@code adjuster_depth}, see {@link ForecastQueries#ADJUSTMENTS}), the latest among
     * equals, so a manager's call on a subordinate's number outranks the subordinate's own while both stay on record.
     */
    static Map<UUID, Map<ForecastCategory, BigDecimal>> effective(List<Row> rows) {
        Map<UUID, Map<ForecastCategory, Row>> chosen = new HashMap<>();
        for (Row row : rows) {
            Map<ForecastCategory, Row> byCategory = chosen.computeIfAbsent(row.getUUID("user_id"),
                    k -> new EnumMap<>(ForecastCategory.class));
            byCategory.merge(ForecastCategory.valueOf(row.getString("category")), row, (a, b) -> {
                int da = depth(a);
                int dbb = depth(b);
                if (da != dbb) {
                    return da < dbb ? a : b;
                }
                OffsetDateTime ta = a.getOffsetDateTime("updated_at");
                return ta.isBefore(b.getOffsetDateTime("updated_at")) ? b : a;
            });
        }
        Map<UUID, Map<ForecastCategory, BigDecimal>> out = new HashMap<>();
        chosen.forEach((user, byCategory) -> {
            Map<ForecastCategory, BigDecimal> amounts = new EnumMap<>(ForecastCategory.class);
            byCategory.forEach((category, row) -> amounts.put(category, row.getBigDecimal("amount")));
            out.put(user, amounts);
        });
        return out;
    }

    /** An adjuster's depth; one no longer a user ranks below everyone. */
    private static int depth(Row adjustment) {
        Integer depth = adjustment.getInteger("adjuster_depth");
        return depth == null ? Integer.MAX_VALUE : depth;
    }
}
