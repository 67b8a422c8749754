package org.revops.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The fields of a deal whose every change is history: stage, amount, close date and the effective probability and
 * forecast category (what the deal counts as, whether it comes from the stage or from a person).
 */
public record TrackedFields(UUID stageId, BigDecimal amount, LocalDate closeDate, BigDecimal probability,
                            ForecastCategory forecastCategory) {

    /** A changed field, its values as text ({@code null} = none); stage changes also carry the stage ids. */
    public record Change(String field, String from, String to, UUID fromStageId, UUID toStageId) {
    }

    /** The changes from {@code before} (null for a new deal: every field is new) to {@code after}, in field order. */
    public static List<Change> between(TrackedFields before, TrackedFields after) {
        List<Change> changes = new ArrayList<>();
        UUID fromStage = before == null ? null : before.stageId;
        if (!Objects.equals(fromStage, after.stageId)) {
            changes.add(new Change("stage", text(fromStage), text(after.stageId), fromStage, after.stageId));
        }
        add(changes, "amount", before == null ? null : before.amount, after.amount);
        add(changes, "closeDate", before == null ? null : before.closeDate, after.closeDate);
        add(changes, "probability", before == null ? null : before.probability, after.probability);
        add(changes, "forecastCategory", before == null ? null : before.forecastCategory, after.forecastCategory);
        return changes;
    }

    /** True when the close date moved later: a "push". */
    public static boolean pushed(TrackedFields before, TrackedFields after) {
        return before != null && after.closeDate.isAfter(before.closeDate);
    }

    private static void add(List<Change> changes, String field, Object from, Object to) {
        boolean same = from instanceof BigDecimal a && to instanceof BigDecimal b ? a.compareTo(b) == 0
                : Objects.equals(from, to);
        if (!same) {
            changes.add(new Change(field, text(from), text(to), null, null));
        }
    }

    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return value instanceof ForecastCategory c ? c.name() : value.toString();
    }
}
