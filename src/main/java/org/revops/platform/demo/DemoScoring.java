package org.revops.platform.demo;

import org.revops.lead.scoring.ScoringDtos.CriterionInput;
import org.revops.lead.scoring.ScoringDtos.ScoringModelInput;
import org.revops.lead.scoring.ScoringDtos.Thresholds;

import java.math.BigDecimal;
import java.util.List;

/**
 * The demo workspace's published scoring model: fit (industry, company size), BANT (authority, budget, need,
 * timeline) and engagement (recency of the last touch, forms, events). W = 20 + 20 + 20 + 15 + 5 + 10 + 15 + 5 = 110.
 */
final class DemoScoring {
    static final ScoringModelInput MODEL = new ScoringModelInput("Fit, BANT and engagement",
            "Ideal customer profile and buying signals; recent engagement counts most", List.of(
            in("industry", List.of("Software", "Financial Services", "Healthcare"), 20, "Core industry"),
            in("industry", List.of("Manufacturing", "Telecommunications", "Energy"), 10, "Adjacent industry"),
            range("employeeCount", 1000, 20, "Enterprise size"),
            range("employeeCount", 200, 12, "Mid-market size"),
            in("authority", List.of("decision-maker", "economic-buyer"), 20, "Talks to a decision maker"),
            in("authority", List.of("influencer"), 8, "Talks to an influencer"),
            in("budgetStatus", List.of("approved"), 15, "Budget approved"),
            in("budgetStatus", List.of("indicative"), 7, "Budget indicated"),
            new CriterionInput("need", "present", null, null, null, null, null, BigDecimal.valueOf(5),
                    "Need described"),
            in("timeline", List.of("now", "this-quarter"), 10, "Buying this quarter"),
            in("timeline", List.of("next-quarter"), 5, "Buying next quarter"),
            new CriterionInput("lastEngagedAt", "recency", null, null, null, null, 14, BigDecimal.valueOf(15),
                    "Engaged in the last two weeks"),
            new CriterionInput("lastEngagedAt", "recency", null, null, null, null, 60, BigDecimal.valueOf(6),
                    "Engaged in the last two months"),
            range("formFills", 1, 5, "Filled in a form")),
            new Thresholds(BigDecimal.valueOf(70), BigDecimal.valueOf(50), BigDecimal.valueOf(30)));

    private DemoScoring() {
    }

    private static CriterionInput in(String field, List<String> values, int weight, String label) {
        return new CriterionInput(field, "in", null, values, null, null, null, BigDecimal.valueOf(weight), label);
    }

    private static CriterionInput range(String field, int min, int weight, String label) {
        return new CriterionInput(field, "range", null, null, BigDecimal.valueOf(min), null, null,
                BigDecimal.valueOf(weight), label);
    }
}
