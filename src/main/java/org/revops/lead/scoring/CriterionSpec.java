package org.revops.lead.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * One scoring criterion as a client sent it, before validation: any attribute may be missing, blank or wrong.
 * {@link ScoringModel#compile} turns a list of these into {@link ScoringCriterion}s or says what is wrong.
 *
 * @param field    a lead field, see {@link ScoringField}
 * @param operator equals, in, range, present or recency
 * @param value    for {@code equals}
 * @param values   for {@code in}
 * @param min      for {@code range}: lower bound, inclusive
 * @param max      for {@code range}: upper bound, inclusive
 * @param days     for {@code recency}: the field lies within this many days before the scoring time
 * @param weight   the criterion's points before normalisation: a whole number from 1 to 1000
 * @param label    what the reason says; generated from the criterion when absent
 */
public record CriterionSpec(String field, String operator, String value, List<String> values, BigDecimal min,
                            BigDecimal max, Integer days, BigDecimal weight, String label) {

    public static CriterionSpec equalTo(String field, String value, int weight) {
        return new CriterionSpec(field, "equals", value, null, null, null, null, BigDecimal.valueOf(weight), null);
    }

    public static CriterionSpec in(String field, List<String> values, int weight) {
        return new CriterionSpec(field, "in", null, values, null, null, null, BigDecimal.valueOf(weight), null);
    }

    public static CriterionSpec range(String field, Number min, Number max, int weight) {
        return new CriterionSpec(field, "range", null, null, min == null ? null : new BigDecimal(min.toString()),
                max == null ? null : new BigDecimal(max.toString()), null, BigDecimal.valueOf(weight), null);
    }

    public static CriterionSpec present(String field, int weight) {
        return new CriterionSpec(field, "present", null, null, null, null, null, BigDecimal.valueOf(weight), null);
    }

    public static CriterionSpec recency(String field, int days, int weight) {
        return new CriterionSpec(field, "recency", null, null, null, null, days, BigDecimal.valueOf(weight), null);
    }

    public CriterionSpec labelled(String text) {
        return new CriterionSpec(field, operator, value, values, min, max, days, weight, text);
    }
}
