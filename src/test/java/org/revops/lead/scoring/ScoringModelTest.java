package org.revops.lead.scoring;

import org.junit.jupiter.api.Test;
import org.revops.lead.scoring.ScoringModel.Score;
import org.revops.lead.scoring.ScoringModel.ScoreReason;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revops.lead.scoring.CriterionSpec.equalTo;
import static org.revops.lead.scoring.CriterionSpec.in;
import static org.revops.lead.scoring.CriterionSpec.present;
import static org.revops.lead.scoring.CriterionSpec.range;
import static org.revops.lead.scoring.CriterionSpec.recency;
import static org.revops.lead.scoring.LeadFactsBuilder.lead;

/** Each criterion type, the weights and their normalisation, the thresholds and the reasons. */
class ScoringModelTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00.123456789Z");

    private static ScoringModel model(CriterionSpec... criteria) {
        return ScoringModel.compile(List.of(criteria), null);
    }

    private static boolean fires(CriterionSpec spec, LeadFactsBuilder lead) {
        return model(spec).score(lead.build(), NOW).score() == 100;
    }

    @Test
    void textEqualsAndInFoldAsciiLettersOnly() {
        CriterionSpec software = equalTo("industry", " Software ", 10);
        assertTrue(fires(software, lead().industry("software")));
        assertTrue(fires(software, lead().industry("SOFTWARE")));
        assertFalse(fires(software, lead().industry("Software ")), "the lead's value is compared as stored");
        assertFalse(fires(software, lead().industry("Softwares")));
        assertFalse(fires(software, lead().industry(null)), "an empty field never matches");
        // only A-Z fold: É and é are different letters, as in SQL's translate()
        assertFalse(fires(equalTo("industry", "Énergie", 1), lead().industry("énergie")));
        assertTrue(fires(equalTo("industry", "Énergie", 1), lead().industry("ÉNERGIE")));

        CriterionSpec either = in("industry", List.of("Retail", "Finance"), 10);
        assertTrue(fires(either, lead().industry("FINANCE")));
        assertFalse(fires(either, lead().industry("Health")));
    }

    @Test
    void choicesCompareExactly() {
        assertTrue(fires(in("source", List.of("trade-show", "partner-referral"), 5), lead().source("trade-show")));
        assertFalse(fires(in("source", List.of("trade-show"), 5), lead().source("web-form")));
        assertTrue(fires(equalTo("country", "DE", 5), lead().country("DE")));
        assertFalse(fires(equalTo("country", "DE", 5), lead().country("AT")));
        assertTrue(fires(in("authority", List.of("decision-maker", "economic-buyer"), 5),
                lead().authority("economic-buyer")));
    }

    @Test
    void numbersCompareByValueAndRangesIncludeTheirBounds() {
        assertTrue(fires(equalTo("employeeCount", "250", 1), lead().employees(250)));
        assertTrue(fires(equalTo("annualRevenue", "1000000.00", 1), lead().revenue("1000000")));
        assertFalse(fires(equalTo("annualRevenue", "1000000", 1), lead().revenue("1000000.01")));
        CriterionSpec midMarket = range("employeeCount", 100, 1000, 1);
        assertTrue(fires(midMarket, lead().employees(100)));
        assertTrue(fires(midMarket, lead().employees(1000)));
        assertFalse(fires(midMarket, lead().employees(99)));
        assertFalse(fires(midMarket, lead().employees(1001)));
        assertFalse(fires(midMarket, lead().employees(null)));
        assertTrue(fires(range("visits", 5, null, 1), lead().visits(5000)), "a missing bound is open");
        assertTrue(fires(range("visits", null, 0, 1), lead().visits(0)));
        assertFalse(fires(range("visits", null, 0, 1), lead().visits(1)));
        assertTrue(fires(range("annualRevenue", new BigDecimal("0.5"), null, 1), lead().revenue("0.5000")));
    }

    @Test
    void presentMeansNotNullAndNotEmpty() {
        assertTrue(fires(present("email", 1), lead().email("a@b.example")));
        assertFalse(fires(present("email", 1), lead().email("")));
        assertFalse(fires(present("email", 1), lead().email(null)));
        assertTrue(fires(present("employeeCount", 1), lead().employees(0)), "zero is a value");
        assertTrue(fires(present("lastEngagedAt", 1), lead().engaged(Instant.EPOCH)));
    }

    @Test
    void recencyCountsWholeDaysBackFromNowToTheMicrosecond() {
        CriterionSpec week = recency("lastEngagedAt", 7, 1);
        Instant cutoff = Instant.parse("2026-11-16T12:00:00.123456Z");
        assertTrue(fires(week, lead().engaged(cutoff)), "the cutoff itself is within");
        assertFalse(fires(week, lead().engaged(cutoff.minusNanos(1000))), "one microsecond earlier is not");
        assertTrue(fires(week, lead().engaged(NOW.plus(Duration.ofDays(3)))), "the future is within");
        assertFalse(fires(week, lead().engaged(null)));
        assertTrue(fires(recency("createdAt", 1, 1), lead().created(NOW.minus(Duration.ofHours(23)))));
        assertFalse(fires(recency("createdAt", 1, 1), lead().created(NOW.minus(Duration.ofHours(25)))));
    }

    @Test
    void weightsAreNormalisedSoTheBestLeadScoresAHundred() {
        // W = 30 (industry: the higher of 30 and 10) + 20 (authority) + 10 (email) = 60
        ScoringModel model = model(equalTo("industry", "Software", 30), equalTo("industry", "Retail", 10),
                in("authority", List.of("decision-maker", "economic-buyer"), 20), present("email", 10));
        assertEquals(60, model.maxRaw());
        LeadFactsBuilder best = lead().industry("Software").authority("economic-buyer").email("x@y.example");
        assertEquals(100, model.score(best.build(), NOW).score());
        assertEquals(0, model.score(lead().build(), NOW).score());
        // 10 + 20 = 30 of 60
        assertEquals(50, model.score(lead().industry("Retail").authority("decision-maker").build(), NOW).score());
        // 10 of 60 = 16.67 → 17; 30 + 10 = 40 of 60 = 66.67 → 67
        assertEquals(17, model.score(lead().email("x@y.example").build(), NOW).score());
        assertEquals(67, model.score(lead().industry("software").email("x@y.example").build(), NOW).score());
    }

    @Test
    void roundingIsHalfUp() {
        // W = 8: 1 of 8 = 12.5 → 13; 3 of 8 = 37.5 → 38
        ScoringModel model = model(present("email", 1), present("phone", 2), present("title", 5));
        assertEquals(13, model.score(lead().email("e").build(), NOW).score());
        LeadFactsBuilder three = lead().email("e");
        three.phone = "p";
        assertEquals(38, model.score(three.build(), NOW).score());
    }

    @Test
    void withinAFieldTheHeaviestFiringCriterionCountsAlone() {
        ScoringModel model = model(recency("lastEngagedAt", 30, 10), recency("lastEngagedAt", 7, 20),
                present("email", 20));
        Score yesterday = model.score(lead().engaged(NOW.minus(Duration.ofDays(1))).build(), NOW);
        assertEquals(50, yesterday.score(), "20 of 40, not 30");
        assertEquals(List.of(1), yesterday.reasons().stream().map(ScoreReason::criterion).toList());
        Score lastMonth = model.score(lead().engaged(NOW.minus(Duration.ofDays(20))).build(), NOW);
        assertEquals(25, lastMonth.score());
        assertEquals(List.of(0), lastMonth.reasons().stream().map(ScoreReason::criterion).toList());
        // equal weights: the earlier criterion is the reason
        ScoringModel tie = model(in("industry", List.of("Retail"), 5), in("industry", List.of("Retail", "Food"), 5));
        assertEquals(0, tie.score(lead().industry("retail").build(), NOW).reasons().get(0).criterion());
        assertEquals(1, tie.score(lead().industry("food").build(), NOW).reasons().get(0).criterion());
    }

    @Test
    void thresholdsGradeEveryScoreOnce() {
        ScoringModel model = ScoringModel.compile(List.of(range("visits", 1, null, 1), range("formFills", 1, null, 1),
                range("emailOpens", 1, null, 1), range("eventsAttended", 1, null, 1)), GradeThresholds.Spec.of(75, 50, 25));
        LeadFactsBuilder lead = lead();
        assertEquals("D", model.score(lead.build(), NOW).grade());
        lead.visits = 1;
        assertEquals("C", model.score(lead.build(), NOW).grade(), "25 is C's threshold, inclusive");
        lead.formFills = 1;
        assertEquals("B", model.score(lead.build(), NOW).grade());
        lead.emailOpens = 1;
        assertEquals("A", model.score(lead.build(), NOW).grade());
        assertEquals(GradeThresholds.DEFAULT, model(present("email", 1)).thresholds());
        GradeThresholds grades = new GradeThresholds(80, 60, 40);
        assertEquals(List.of("D", "C", "C", "B", "B", "A", "A"), List.of(grades.grade(39), grades.grade(40),
                grades.grade(59), grades.grade(60), grades.grade(79), grades.grade(80), grades.grade(100)));
        assertEquals("D".repeat(40) + "C".repeat(20) + "B".repeat(20) + "A".repeat(21), ScoringSql.gradeTable(grades));
    }

    @Test
    void reasonsNameEachCountingCriterionWithLabelWeightAndPointsInModelOrder() {
        ScoringModel model = model(present("email", 10).labelled("Has an email"),
                in("industry", List.of("Software", "Fintech"), 20), equalTo("industry", "Retail", 5),
                range("employeeCount", 200, null, 30), recency("lastEngagedAt", 14, 10));
        Score score = model.score(lead().industry("fintech").email("a@b.example").employees(150)
                .engaged(NOW.minus(Duration.ofDays(2))).build(), NOW);
        // W = 10 + 20 + 30 + 10 = 70; fired 10 + 20 + 10 = 40 → 57.14 → 57
        assertEquals(57, score.score());
        assertEquals("C", score.grade());
        assertEquals(List.of(
                new ScoreReason(0, "email", "Has an email", 10, new BigDecimal("14.3")),
                new ScoreReason(1, "industry", "industry is one of Software, Fintech", 20, new BigDecimal("28.6")),
                new ScoreReason(4, "lastEngagedAt", "lastEngagedAt within 14 days", 10, new BigDecimal("14.3"))),
                score.reasons());
        assertEquals(List.of("email given", "industry is Retail", "employeeCount at least 200",
                        "visits from 1 to 5", "annualRevenue at most 10"),
                List.of(model(present("email", 1)).criteria().get(0).label(),
                        model(equalTo("industry", "Retail", 1)).criteria().get(0).label(),
                        model(range("employeeCount", 200, null, 1)).criteria().get(0).label(),
                        model(range("visits", 1, 5, 1)).criteria().get(0).label(),
                        model(range("annualRevenue", null, new BigDecimal("10.00"), 1)).criteria().get(0).label()));
        assertTrue(model.score(lead().build(), NOW).reasons().isEmpty());
    }

    @Test
    void valuesAreTrimmedAndDeduplicatedKeepingTheFirstSpelling() {
        ScoringCriterion criterion = model(in("industry", List.of(" Software", "SOFTWARE", "Retail "), 1))
                .criteria().get(0);
        assertEquals(List.of("Software", "Retail"), criterion.values());
        assertEquals(List.of("1000"), model(equalTo("employeeCount", "1000.00", 1)).criteria().get(0).values());
    }
}
