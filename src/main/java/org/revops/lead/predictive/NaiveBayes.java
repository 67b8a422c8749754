package org.revops.lead.predictive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Naive Bayes over categorical lead fields, in log-odds form, from a won/lost frequency table.
 *
 * <p>With W won and L lost training leads, {@code n_won(f, v)} / {@code n_lost(f, v)} the won and lost training leads
 * whose field f has value v, {@code K_f} the number of distinct values of f seen in training and Laplace smoothing
 * α = {@value #ALPHA}:
 * <pre>
 *   prior       = ln((W + α) / (L + α))
 *   weight(f,v) = ln((n_won(f,v) + α) / (W + α·K_f)) − ln((n_lost(f,v) + α) / (L + α·K_f))
 *   logit(lead) = prior + Σ_f weight(f, v_f)          (a value never seen in training adds 0: it says nothing)
 *   p           = 1 / (1 + e^(−logit)),  logit clamped to ±{@value #MAX_LOGIT}
 *   score       = round(100 · p)                       (0–100, half up)
 * </pre>
 * A weight is the value's log-likelihood ratio: how much more likely the value is among won leads than among lost
 * ones (positive: it argues for a win). A lead's factors are its values' weights: the top three positive (largest
 * first) and the top three negative (most negative first), ties by field name; zero weights are no factor.
 * The same arithmetic runs in SQL for every lead ({@link PredictiveSql}); this class computes the weights the table
 * stores and is the reference the SQL is tested against.
 */
public final class NaiveBayes {
    public static final double ALPHA = 1.0;
    public static final double MAX_LOGIT = 30.0;
    public static final int TOP_FACTORS = 3;

    private NaiveBayes() {
    }

    /** One row of the frequency table: training leads won and lost with this value of this field. */
    public record Count(String field, String value, long won, long lost) {
    }

    /** A row of the table with its weight. */
    public record Weight(String field, String value, long won, long lost, double weight) {
    }

    /** A field value that argues for (weight > 0) or against (weight < 0) a win. */
    public record Factor(String field, String value, double weight) {
    }

    public record Explanation(double logit, double probability, int score, List<Factor> positive,
                              List<Factor> negative) {
    }

    /** {@code ln((W + α) / (L + α))}: the log odds of a win before looking at any field. */
    public static double prior(long won, long lost) {
        return Math.log((won + ALPHA) / (lost + ALPHA));
    }

    /** Every row's weight; {@code won}/{@code lost} are the training totals W and L, {@code K_f} is counted here. */
    public static List<Weight> weigh(List<Count> counts, long won, long lost) {
        Map<String, Integer> distinct = new HashMap<>();
        counts.forEach(c -> distinct.merge(c.field(), 1, Integer::sum));
        List<Weight> weights = new ArrayList<>(counts.size());
        for (Count c : counts) {
            int k = distinct.get(c.field());
            double weight = Math.log((c.won() + ALPHA) / (won + ALPHA * k))
                    - Math.log((c.lost() + ALPHA) / (lost + ALPHA * k));
            weights.add(new Weight(c.field(), c.value(), c.won(), c.lost(), weight));
        }
        return weights;
    }

    /** {@code 1 / (1 + e^(−logit))}, the logit clamped to ±{@value #MAX_LOGIT}. */
    public static double probability(double logit) {
        double clamped = Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, logit));
        return 1.0 / (1.0 + Math.exp(-clamped));
    }

    /** {@code round(100 · p)}, half up. */
    public static int score(double probability) {
        return (int) Math.round(100.0 * probability);
    }

    /**
     * Scores one lead: {@code values} maps each field the model learned from to the lead's value of it
     * ({@link PredictiveField#valueFor}); {@code table} is the model's weights.
     */
    public static Explanation explain(double prior, List<Weight> table, Map<String, String> values) {
        Map<String, Weight> byKey = new HashMap<>();
        table.forEach(w -> byKey.put(w.field() + "\u0000" + w.value(), w));
        double logit = prior;
        List<Factor> factors = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            Weight weight = byKey.get(value.getKey() + "\u0000" + value.getValue());
            if (weight != null) {
                logit += weight.weight();
                factors.add(new Factor(weight.field(), weight.value(), weight.weight()));
            }
        }
        List<Factor> positive = factors.stream().filter(f -> f.weight() > 0)
                .sorted(Comparator.comparingDouble(Factor::weight).reversed().thenComparing(Factor::field))
                .limit(TOP_FACTORS).toList();
        List<Factor> negative = factors.stream().filter(f -> f.weight() < 0)
                .sorted(Comparator.comparingDouble(Factor::weight).thenComparing(Factor::field))
                .limit(TOP_FACTORS).toList();
        double probability = probability(logit);
        return new Explanation(logit, probability, score(probability), positive, negative);
    }
}
