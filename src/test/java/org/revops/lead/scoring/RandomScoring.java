package org.revops.lead.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random leads and random valid models over small value pools, so that criteria fire often and boundaries (recency
 * cutoffs to the microsecond, range bounds, case variants, empty strings) come up.
 */
final class RandomScoring {
    static final String[] INDUSTRIES = {"Software", "software", "SOFTWARE", "Retail", "retail ", "Énergie", "énergie",
            "", null};
    static final String[] COUNTRIES = {"DE", "AT", "US", "JP", null};
    static final String[] SOURCES = {"web-form", "trade-show", "partner-referral", "campaign", "outbound", "other"};
    static final String[] AUTHORITIES = {"user", "influencer", "decision-maker", "economic-buyer", null};
    static final String[] TIMELINES = {"now", "this-quarter", "next-quarter", "this-year", "later", null};
    static final String[] TEXTS = {"a", "A", "b", "", null};
    static final String[] STATUSES = {"new", "working", "nurturing", "qualified", "disqualified", "converted"};
    static final int[] DAYS = {1, 7, 30};

    private final Random random;
    private final Instant now;

    RandomScoring(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A lead status: mostly open. */
    String status() {
        return random.nextInt(5) == 0 ? pick(STATUSES) : STATUSES[random.nextInt(4)];
    }

    Integer wholeOrNull(int bound) {
        return random.nextInt(6) == 0 ? null : random.nextInt(bound);
    }

    BigDecimal amountOrNull() {
        return random.nextInt(6) == 0 ? null : BigDecimal.valueOf(random.nextInt(2000), random.nextInt(3));
    }

    /** Null, or an instant near a recency cutoff (on it, a microsecond either side), or anywhere in ±60 days. */
    Instant instantOrNull() {
        return switch (random.nextInt(5)) {
            case 0 -> null;
            case 1, 2 -> {
                Instant cutoff = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .minus(Duration.ofDays(DAYS[random.nextInt(DAYS.length)]));
                yield cutoff.plusNanos(1000L * (random.nextInt(3) - 1));
            }
            default -> now.minusSeconds(random.nextInt(60 * 86400)).plusSeconds(random.nextInt(86400))
                    .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        };
    }

    /** A valid model of 1–8 criteria over a mix of fields and operators, and thresholds in decreasing order. */
    ScoringModel model() {
        int n = 1 + random.nextInt(8);
        List<CriterionSpec> criteria = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            criteria.add(criterion());
        }
        int c = 1 + random.nextInt(40);
        int b = c + 1 + random.nextInt(30);
        int a = b + 1 + random.nextInt(100 - b);
        return ScoringModel.compile(criteria, GradeThresholds.Spec.of(a, b, c));
    }

    private CriterionSpec criterion() {
        int weight = 1 + random.nextInt(50);
        return switch (random.nextInt(12)) {
            case 0 -> CriterionSpec.equalTo("industry", nonBlank(INDUSTRIES), weight);
            case 1 -> CriterionSpec.in("industry", List.of(nonBlank(INDUSTRIES), nonBlank(INDUSTRIES)), weight);
            case 2 -> CriterionSpec.in("country", List.of(nonBlank(COUNTRIES)), weight);
            case 3 -> CriterionSpec.in("source", List.of(pick(SOURCES), pick(SOURCES)), weight);
            case 4 -> CriterionSpec.in("authority", List.of(nonBlank(AUTHORITIES)), weight);
            case 5 -> {
                boolean open = random.nextBoolean();
                yield CriterionSpec.range("employeeCount", open ? null : random.nextInt(50),
                        open || random.nextBoolean() ? 50 + random.nextInt(50) : null, weight);
            }
            case 6 -> CriterionSpec.range("annualRevenue", BigDecimal.valueOf(random.nextInt(1000), 2),
                    random.nextBoolean() ? null : BigDecimal.valueOf(1000 + random.nextInt(1000), 1), weight);
            case 7 -> CriterionSpec.equalTo("visits", Integer.toString(random.nextInt(5)), weight);
            case 8 -> CriterionSpec.recency(random.nextBoolean() ? "lastEngagedAt" : "createdAt",
                    DAYS[random.nextInt(DAYS.length)], weight);
            case 9 -> CriterionSpec.present(pick(new String[] {"email", "title", "lastEngagedAt", "budgetAmount",
                    "timeline"}), weight);
            case 10 -> CriterionSpec.equalTo("title", nonBlank(TEXTS), weight);
            default -> CriterionSpec.range("formFills", random.nextInt(3), null, weight);
        };
    }

    private String nonBlank(String[] values) {
        String value;
        do {
            value = pick(values);
        } while (value == null || value.isBlank());
        return value;
    }

    static List<String> list(String... values) {
        return Arrays.asList(values);
    }
}
