package org.revops.lead.predictive;

import org.junit.jupiter.api.Test;
import org.revops.lead.predictive.NaiveBayes.Count;
import org.revops.lead.predictive.NaiveBayes.Explanation;
import org.revops.lead.predictive.NaiveBayes.Factor;
import org.revops.lead.predictive.NaiveBayes.Weight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NaiveBayesTest {
    private static final String[] SOURCES = {"partner-referral", "outbound"};
    private static final String[] INDUSTRIES = {"Software", "Retail", "Energy", "Media"};
    private static final String[] VISITS = {"0", "1-2", "3-5", "6-10"};

    /** A training lead: its values per field, and whether it was won. */
    private record Example(Map<String, String> values, boolean won) {
    }

    /** The frequency table of examples, as the training statement's GROUP BY builds it. */
    private static List<Count> count(List<Example> examples) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Example example : examples) {
            example.values().forEach((field, value) -> counts.computeIfAbsent(field + "=" + value,
                    k -> new long[2])[example.won() ? 0 : 1]++);
        }
        List<Count> rows = new ArrayList<>();
        counts.forEach((key, c) -> rows.add(new Count(key.substring(0, key.indexOf('=')),
                key.substring(key.indexOf('=') + 1), c[0], c[1])));
        return rows;
    }

    /** Source decides the outcome (partner referrals are won, outbound leads lost); industry and visits are noise. */
    private static List<Example> sourceDecides(Random random, int n) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String source = SOURCES[random.nextInt(2)];
            Map<String, String> values = new LinkedHashMap<>();
            values.put("industry", INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
            values.put("visits", VISITS[random.nextInt(VISITS.length)]);
            values.put("source", source);
            examples.add(new Example(values, source.equals("partner-referral")));
        }
        return examples;
    }

    @Test
    void aFieldThatDecidesTheOutcomeComesOutAsTheTopFactor() {
        List<Example> examples = sourceDecides(new Random(7), 300);
        long won = examples.stream().filter(Example::won).count();
        List<Weight> table = NaiveBayes.weigh(count(examples), won, examples.size() - won);
        double prior = NaiveBayes.prior(won, examples.size() - won);

        for (Example lead : sourceDecides(new Random(99), 50)) {
            Explanation explained = NaiveBayes.explain(prior, table, lead.values());
            if (lead.won()) {
                assertEquals(new Factor("source", "partner-referral", explained.positive().get(0).weight()),
                        explained.positive().get(0), explained.toString());
                assertTrue(explained.probability() > 0.95, explained.toString());
            } else {
                assertEquals("source", explained.negative().get(0).field(), explained.toString());
                assertEquals("outbound", explained.negative().get(0).value());
                assertTrue(explained.probability() < 0.05, explained.toString());
            }
        }
        // the deciding field outweighs every noise value by far
        double decisive = table.stream().filter(w -> w.field().equals("source"))
                .mapToDouble(w -> Math.abs(w.weight())).min().orElseThrow();
        double noise = table.stream().filter(w -> !w.field().equals("source"))
                .mapToDouble(w -> Math.abs(w.weight())).max().orElseThrow();
        assertTrue(decisive > 5 * noise, decisive + " vs " + noise);
    }

    @Test
    void weightsAreSmoothedLogLikelihoodRatios() {
        // W = 3, L = 1; field "authority" has K = 2 values
        List<Weight> table = NaiveBayes.weigh(List.of(new Count("authority", "decision-maker", 3, 0),
                new Count("authority", "user", 0, 1)), 3, 1);
        // ln((3+1)/(3+2)) - ln((0+1)/(1+2)) = ln(0.8 / (1/3)) = ln(2.4)
        assertEquals(Math.log(2.4), table.get(0).weight(), 1e-12);
        // ln((0+1)/(3+2)) - ln((1+1)/(1+2)) = ln(0.2 / (2/3)) = ln(0.3)
        assertEquals(Math.log(0.3), table.get(1).weight(), 1e-12);
        assertEquals(Math.log(4.0 / 2.0), NaiveBayes.prior(3, 1), 1e-12);
        // a value seen equally often among won and lost leads of equal classes weighs nothing
        assertEquals(0.0, NaiveBayes.weigh(List.of(new Count("x", "a", 5, 5), new Count("x", "b", 5, 5)), 10, 10)
                .get(0).weight(), 1e-12);
    }

    @Test
    void theScoreIsTheLogisticOfPriorPlusWeightsAndUnseenValuesAddNothing() {
        List<Weight> table = List.of(new Weight("source", "partner-referral", 0, 0, 1.5),
                new Weight("authority", "user", 0, 0, -0.5));
        Explanation known = NaiveBayes.explain(-0.2, table, Map.of("source", "partner-referral", "authority", "user"));
        assertEquals(0.8, known.logit(), 1e-12);
        assertEquals(1 / (1 + Math.exp(-0.8)), known.probability(), 1e-12);
        assertEquals(69, known.score());   // 68.997 rounds up
        Explanation unseen = NaiveBayes.explain(-0.2, table, Map.of("source", "trade-show", "authority", "user"));
        assertEquals(-0.7, unseen.logit(), 1e-12);
        assertEquals(List.of(), unseen.positive());
        assertEquals(List.of(new Factor("authority", "user", -0.5)), unseen.negative());
    }

    @Test
    void factorsAreTheTopThreeEachWayWithTiesByFieldAndZeroWeightsLeftOut() {
        List<Weight> table = List.of(new Weight("a", "1", 0, 0, 0.4), new Weight("b", "1", 0, 0, 0.9),
                new Weight("c", "1", 0, 0, 0.4), new Weight("d", "1", 0, 0, 0.1), new Weight("e", "1", 0, 0, -0.3),
                new Weight("f", "1", 0, 0, -1.2), new Weight("g", "1", 0, 0, 0.0));
        Map<String, String> lead = new LinkedHashMap<>();
        for (String field : List.of("g", "f", "e", "d", "c", "b", "a")) {
            lead.put(field, "1");
        }
        Explanation explained = NaiveBayes.explain(0, table, lead);
        assertEquals(List.of("b", "a", "c"), explained.positive().stream().map(Factor::field).toList());
        assertEquals(List.of("f", "e"), explained.negative().stream().map(Factor::field).toList());
    }

    @Test
    void probabilitiesStayFiniteAndScoresRoundHalfUp() {
        assertEquals(NaiveBayes.probability(NaiveBayes.MAX_LOGIT), NaiveBayes.probability(1e6));
        assertTrue(NaiveBayes.probability(-1e6) > 0);
        assertEquals(100, NaiveBayes.score(NaiveBayes.probability(1e6)));
        assertEquals(0, NaiveBayes.score(NaiveBayes.probability(-1e6)));
        assertEquals(50, NaiveBayes.score(0.5));
        assertEquals(51, NaiveBayes.score(0.505));
        assertEquals(50, NaiveBayes.score(0.5049));
    }
}
