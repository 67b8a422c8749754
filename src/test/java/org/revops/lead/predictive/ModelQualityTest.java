package org.revops.lead.predictive;

import org.junit.jupiter.api.Test;
import org.revops.lead.predictive.ModelQuality.Bucket;
import org.revops.lead.predictive.ModelQuality.Decile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ModelQualityTest {
    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Bucket won(double p) {
        return new Bucket(p, 1, 0);
    }

    private static Bucket lost(double p) {
        return new Bucket(p, 0, 1);
    }

    @Test
    void aucIsTheShareOfWonLostPairsRankedRightTiesCountingHalf() {
        // ranking L W L W: the wins beat 1 and 2 of the 2 losses: 3 of 4 pairs
        assertEquals(d("0.7500"), ModelQuality.auc(List.of(lost(0.1), won(0.2), lost(0.3), won(0.4))));
        assertEquals(d("1.0000"), ModelQuality.auc(List.of(won(0.9), won(0.8), lost(0.2), lost(0.1))));
        assertEquals(d("0.0000"), ModelQuality.auc(List.of(lost(0.9), won(0.1))));
        // everything tied: a coin toss
        assertEquals(d("0.5000"), ModelQuality.auc(List.of(new Bucket(0.3, 7, 3))));
        // order of the histogram does not matter; buckets of one probability are merged (a tie)
        // W at 0.5 and 0.2, L at 0.5 and 0.7: only the tie at 0.5 counts, half: 0.5 / 4
        assertEquals(d("0.1250"), ModelQuality.auc(List.of(won(0.5), lost(0.5), lost(0.7), won(0.2))));
        // W at 0.7 and 0.5, L at 0.5 and 0.2: 0.7 beats both, 0.5 beats 0.2 and ties 0.5: 3.5 / 4
        assertEquals(d("0.8750"), ModelQuality.auc(List.of(won(0.7), new Bucket(0.5, 1, 1), lost(0.2))));
    }

    @Test
    void aucIsUnknownWithoutBothOutcomes() {
        assertNull(ModelQuality.auc(List.of(won(0.2), won(0.9))));
        assertNull(ModelQuality.auc(List.of(lost(0.2))));
        assertNull(ModelQuality.auc(List.of()));
    }

    @Test
    void calibrationCutsTheRankingIntoTenthsWithMeanPredictionAndWinRate() {
        // 100 leads predicted 0.00 .. 0.99; lead i is won when i % 10 < i / 10 (so decile d has d - 1 wins of 10)
        List<Bucket> histogram = new ArrayList<>();
        for (int i = 99; i >= 0; i--) {
            histogram.add(i % 10 < i / 10 ? won(i / 100.0) : lost(i / 100.0));
        }
        List<Decile> deciles = ModelQuality.calibration(histogram);
        assertEquals(10, deciles.size());
        for (int g = 0; g < 10; g++) {
            Decile decile = deciles.get(g);
            assertEquals(g + 1, decile.decile());
            assertEquals(10, decile.leads());
            // mean of g/10 + 0.00 .. 0.09 = g/10 + 0.045
            assertEquals(BigDecimal.valueOf(g * 1000 + 450, 4), decile.predictedMean());
            assertEquals(BigDecimal.valueOf(g * 1000, 4), decile.observedWinRate());
        }
    }

    @Test
    void leadsWithTheSamePredictionStayInOneDecile() {
        // 20 leads: 4 at 0.1 (1 won), then 16 at 0.6 (12 won). The first bucket's middle lead is the 2nd of 20
        // (decile ⌊10 · 2 / 20⌋ + 1 = 2); the second's is the 12th (decile 7). The other deciles are empty.
        List<Decile> deciles = ModelQuality.calibration(List.of(new Bucket(0.6, 12, 4), new Bucket(0.1, 1, 3)));
        assertEquals(new Decile(2, 4, d("0.1000"), d("0.2500")), deciles.get(1));
        assertEquals(new Decile(7, 16, d("0.6000"), d("0.7500")), deciles.get(6));
        assertEquals(new Decile(1, 0, null, null), deciles.get(0));
        assertEquals(20, deciles.stream().mapToLong(Decile::leads).sum());
        assertEquals(10, ModelQuality.calibration(List.of()).size());
    }
}
