package org.revops.lead.scoring;

import org.junit.jupiter.api.Test;
import org.revops.platform.error.FieldError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.revops.lead.scoring.CriterionSpec.equalTo;
import static org.revops.lead.scoring.CriterionSpec.in;
import static org.revops.lead.scoring.CriterionSpec.present;
import static org.revops.lead.scoring.CriterionSpec.range;
import static org.revops.lead.scoring.CriterionSpec.recency;

/** Every way a model can be wrong, with the exact message and the field it names. */
class ScoringModelValidationTest {
    private static final String FIELDS = "title, email, phone, company, companyDomain, industry, employeeCount, "
            + "annualRevenue, country, region, city, postalCode, source, campaign, partner, budgetAmount, "
            + "budgetStatus, authority, need, timeline, visits, emailOpens, formFills, eventsAttended, lastEngagedAt, "
            + "createdAt";

    private static List<FieldError> problems(GradeThresholds.Spec thresholds, CriterionSpec... criteria) {
        return problems(Arrays.asList(criteria), thresholds);
    }

    private static List<FieldError> problems(List<CriterionSpec> criteria, GradeThresholds.Spec thresholds) {
        return assertThrows(ScoringModelInvalidException.class, () -> ScoringModel.compile(criteria, thresholds))
                .problems();
    }

    private static FieldError error(String field, String message) {
        return new FieldError(field, message);
    }

    private static CriterionSpec raw(String field, String operator, int weight) {
        return new CriterionSpec(field, operator, null, null, null, null, null, BigDecimal.valueOf(weight), null);
    }

    @Test
    void anEmptyModelIsRefused() {
        assertEquals(List.of(error("criteria", "a model needs at least one criterion")), problems(List.of(), null));
        assertEquals(List.of(error("criteria", "a model needs at least one criterion")), problems((List<CriterionSpec>) null, null));
        List<CriterionSpec> many = new ArrayList<>(Collections.nCopies(51, present("email", 1)));
        assertEquals(List.of(error("criteria", "a model may have at most 50 criteria, not 51")), problems(many, null));
    }

    @Test
    void unknownFieldsAndOperatorsListWhatIsValid() {
        assertEquals(List.of(
                        error("criteria[0].field", "unknown field 'colour': use " + FIELDS),
                        error("criteria[1].field", "field is required: use " + FIELDS),
                        error("criteria[1].operator", "unknown operator 'like': use equals, in, range, present, recency"),
                        error("criteria[2].operator", "unknown operator 'like': use equals, in, present"),
                        error("criteria[3].operator", "operator is required: use equals, range"),
                        error("criteria[4]", "criterion must not be null")),
                problems(null, equalTo("colour", "red", 1), raw(null, "like", 1), raw("industry", "like", 1),
                        raw("visits", null, 1), null));
    }

    @Test
    void anOperatorMustSuitTheFieldsType() {
        assertEquals(List.of(
                        error("criteria[0].operator", "operator 'range' does not apply to industry (text): use equals, "
                                + "in, present"),
                        error("criteria[1].operator", "operator 'recency' does not apply to visits (a whole number): "
                                + "use equals, range"),
                        error("criteria[2].operator", "operator 'present' does not apply to visits (it is never empty): "
                                + "use equals, range"),
                        error("criteria[3].operator", "operator 'in' does not apply to lastEngagedAt (an instant): use "
                                + "recency, present"),
                        error("criteria[4].operator", "operator 'present' does not apply to createdAt (it is never "
                                + "empty): use recency")),
                problems(null, range("industry", 1, 2, 1), recency("visits", 3, 1), present("visits", 1),
                        in("lastEngagedAt", List.of("x"), 1), present("createdAt", 1)));
    }

    @Test
    void weightsMustBeWholePositiveAndAtMostAThousand() {
        CriterionSpec base = present("email", 1);
        assertEquals(List.of(
                        error("criteria[0].weight", "weight must be positive, not -5"),
                        error("criteria[1].weight", "weight must be positive, not 0"),
                        error("criteria[2].weight", "weight must be a whole number from 1 to 1000, not 1.5"),
                        error("criteria[3].weight", "weight must be a whole number from 1 to 1000, not 1001"),
                        error("criteria[4].weight", "weight is required")),
                problems(null, weighted(base, "-5"), weighted(base, "0"), weighted(base, "1.5"),
                        weighted(base, "1001"), weighted(base, null)));
        ScoringModel.compile(List.of(weighted(base, "7.000")), null);   // a whole number written with decimals is fine
    }

    private static CriterionSpec weighted(CriterionSpec spec, String weight) {
        return new CriterionSpec(spec.field(), spec.operator(), spec.value(), spec.values(), spec.min(), spec.max(),
                spec.days(), weight == null ? null : new BigDecimal(weight), spec.label());
    }

    @Test
    void valuesMustSuitTheFieldAndTheOperator() {
        assertEquals(List.of(
                        error("criteria[0].values", "values must not be empty"),
                        error("criteria[1].values", "values[1] must not be blank"),
                        error("criteria[2].values", "'fair' is not a source: use web-form, trade-show, "
                                + "partner-referral, campaign, outbound, other"),
                        error("criteria[3].value", "'de' is not an ISO 3166-1 alpha-2 code such as DE"),
                        error("criteria[4].value", "value must be a number, not 'many'"),
                        error("criteria[5].value", "value must be a whole number from 0 to 2147483647 "
                                + "(visits is a count)"),
                        error("criteria[6].value", "value is required"),
                        error("criteria[7].values", "values do not apply to equals: use value"),
                        error("criteria[8].min", "min does not apply to present"),
                        error("criteria[9].values", "values[0] is longer than 200 characters")),
                problems(null, in("industry", List.of(), 1), in("industry", Arrays.asList("a", " "), 1),
                        in("source", List.of("fair"), 1), equalTo("country", "de", 1),
                        equalTo("annualRevenue", "many", 1), equalTo("visits", "2.5", 1), equalTo("email", null, 1),
                        new CriterionSpec("industry", "equals", "a", List.of("b"), null, null, null, BigDecimal.ONE,
                                null),
                        new CriterionSpec("email", "present", null, null, BigDecimal.ONE, null, null, BigDecimal.ONE,
                                null),
                        in("industry", List.of("x".repeat(201)), 1)));
    }

    @Test
    void rangesAndRecencyNeedSensibleBounds() {
        assertEquals(List.of(
                        error("criteria[0]", "give min, max or both"),
                        error("criteria[1]", "min must not exceed max"),
                        error("criteria[2].min", "min must not be negative"),
                        error("criteria[3].max", "max must be a whole number from 0 to 2147483647 "
                                + "(employeeCount is a count)"),
                        error("criteria[4].max", "max takes at most 15 digits before and 4 after the decimal point"),
                        error("criteria[5].days", "days is required"),
                        error("criteria[6].days", "days must be from 1 to 3650, not 0"),
                        error("criteria[7].days", "days does not apply to range: use min and max")),
                problems(null, range("visits", null, null, 1), range("visits", 10, 5, 1), range("visits", -1, null, 1),
                        range("employeeCount", null, 10.5, 1), range("annualRevenue", null, new BigDecimal("0.00001"), 1),
                        new CriterionSpec("lastEngagedAt", "recency", null, null, null, null, null, BigDecimal.ONE,
                                null),
                        recency("lastEngagedAt", 0, 1),
                        new CriterionSpec("visits", "range", null, null, BigDecimal.ONE, null, 3, BigDecimal.ONE,
                                null)));
        assertEquals(List.of(error("criteria[0].label", "label is longer than 200 characters")),
                problems(null, present("email", 1).labelled("y".repeat(201))));
    }

    @Test
    void thresholdsMustDecreaseFromAToCWithoutOverlapping() {
        CriterionSpec ok = present("email", 1);
        assertEquals(List.of(error("thresholds.B", "must be below A (60), not 60: thresholds decrease from A to C, "
                + "or the grades would overlap")), problems(GradeThresholds.Spec.of(60, 60, 20), ok));
        assertEquals(List.of(error("thresholds.B", "must be below A (50), not 70: thresholds decrease from A to C, "
                        + "or the grades would overlap"),
                error("thresholds.C", "must be below B (70), not 80: thresholds decrease from A to C, "
                        + "or the grades would overlap")), problems(GradeThresholds.Spec.of(50, 70, 80), ok));
        assertEquals(List.of(error("thresholds.A", "must be a whole number from 1 to 100, not 101"),
                        error("thresholds.B", "is required"),
                        error("thresholds.C", "must be a whole number from 1 to 100, not 0.5")),
                problems(new GradeThresholds.Spec(new BigDecimal("101"), null, new BigDecimal("0.5")), ok));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<FieldError> all = problems(GradeThresholds.Spec.of(40, 50, 10), equalTo("colour", "red", -1),
                present("email", 0));
        assertEquals(List.of("criteria[0].field", "criteria[0].weight", "criteria[1].weight", "thresholds.B"),
                all.stream().map(FieldError::field).toList());
    }
}
