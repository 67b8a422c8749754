package org.revops.lead.predictive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * How good a model is on leads it did not learn from, computed from a histogram of the held-out leads' predicted
 * win probabilities (SQL groups them by probability, so this never holds one row per lead).
 *
 * <p><b>AUC</b> (the Mann–Whitney statistic): the chance that a random won lead is predicted higher than a random lost
 * one, ties counting half:
 * <pre>  AUC = Σ_won-lead [ lost leads predicted lower + ½ · lost leads predicted equal ] / (W · L)</pre>
 * 1 ranks perfectly, 0.5 is a coin toss; null when the held-out leads lack a won or a lost lead.
 *
 * <p><b>Calibration by decile</b>: the held-out leads ranked by prediction (lowest first) and cut into ten groups of
 * about a tenth each; per group the number of leads, the mean predicted probability and the observed win rate
 * (won / leads). A well-calibrated model has the two close in every group. Leads with the same prediction stay in
 * one group (a bucket goes to the group its middle lead falls in: {@code ⌊10 · (before + n/2) / N⌋}), so with
 * many equal predictions groups are uneven and some may be empty (count 0, means null). Rates are fractions 0–1
 * rounded half up to {@value #SCALE} decimals.
 */
public final class ModelQuality {
    public static final int SCALE = 4;
    public static final int GROUPS = 10;

    private ModelQuality() {
    }

    /** Held-out leads predicted {@code probability}: how many were won and lost. */
    public record Bucket(double probability, long won, long lost) {
    }

    /** One calibration group (1 = the lowest predictions). */
    public record Decile(int decile, long leads, BigDecimal predictedMean, BigDecimal observedWinRate) {
    }

    public static BigDecimal auc(List<Bucket> histogram) {
        List<Bucket> sorted = sorted(histogram);
        long won = sorted.stream().mapToLong(Bucket::won).sum();
        long lost = sorted.stream().mapToLong(Bucket::lost).sum();
        if (won == 0 || lost == 0) {
            return null;
        }
        // pairs counted twice (2 per win over a lower loss, 1 per tie) to stay in exact integers
        long lostBelow = 0;
        BigDecimal doubledPairs = BigDecimal.ZERO;
        for (Bucket bucket : sorted) {
            doubledPairs = doubledPairs.add(BigDecimal.valueOf(bucket.won())
                    .multiply(BigDecimal.valueOf(2 * lostBelow + bucket.lost())));
            lostBelow += bucket.lost();
        }
        return doubledPairs.divide(BigDecimal.valueOf(2).multiply(BigDecimal.valueOf(won))
                .multiply(BigDecimal.valueOf(lost)), SCALE, RoundingMode.HALF_UP);
    }

    public static List<Decile> calibration(List<Bucket> histogram) {
        List<Bucket> sorted = sorted(histogram);
        long total = sorted.stream().mapToLong(b -> b.won() + b.lost()).sum();
        long[] leads = new long[GROUPS];
        long[] won = new long[GROUPS];
        double[] predicted = new double[GROUPS];
        long before = 0;
        for (Bucket bucket : sorted) {
            long n = bucket.won() + bucket.lost();
            if (n == 0) {
                continue;
            }
            // the group of the bucket's middle lead: ⌊GROUPS · (before + n/2) / total⌋, in integers
            int group = (int) Math.min(GROUPS - 1, (GROUPS * (2 * before + n)) / (2 * total));
            leads[group] += n;
            won[group] += bucket.won();
            predicted[group] += bucket.probability() * n;
            before += n;
        }
        List<Decile> deciles = new ArrayList<>(GROUPS);
        for (int g = 0; g < GROUPS; g++) {
            deciles.add(new Decile(g + 1, leads[g], leads[g] == 0 ? null : rounded(predicted[g] / leads[g]),
                    leads[g] == 0 ? null : BigDecimal.valueOf(won[g])
                            .divide(BigDecimal.valueOf(leads[g]), SCALE, RoundingMode.HALF_UP)));
        }
        return deciles;
    }

    private static BigDecimal rounded(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** Ascending by probability, buckets of the same probability merged (they are ties). */
    private static List<Bucket> sorted(List<Bucket> histogram) {
        TreeMap<Double, Bucket> merged = new TreeMap<>();
        histogram.forEach(b -> merged.merge(b.probability(), b,
                (x, y) -> new Bucket(x.probability(), x.won() + y.won(), x.lost() + y.lost())));
        return List.copyOf(merged.values());
    }
}
