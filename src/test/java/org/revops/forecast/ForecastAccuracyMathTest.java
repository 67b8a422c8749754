package org.revops.forecast;

import org.junit.jupiter.api.Test;
import org.revops.forecast.ForecastAccuracy.Judged;
import org.revops.forecast.ForecastAccuracy.Measure;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ForecastAccuracyMathTest {
    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theMeasureAddsUpTheCategoriesAsCalled() {
        assertEquals(d("7500"), ForecastAccuracy.forecast(Measure.commit, d("5000"), d("2500"), d("1000")));
        assertEquals(d("8500"), ForecastAccuracy.forecast(Measure.bestCase, d("5000"), d("2500"), d("1000")));
    }

    @Test
    void errorIsForecastMinusActualAndApeItsShareOfTheActual() {
        Judged high = ForecastAccuracy.judge(d("7500"), d("5000"));
        assertEquals(d("2500"), high.error());
        assertEquals(d("0.5000"), ForecastAccuracy.ratio(high.ape()));
        Judged low = ForecastAccuracy.judge(d("7000"), d("9000"));
        assertEquals(d("-2000"), low.error());
        assertEquals(d("0.2222"), ForecastAccuracy.ratio(low.ape()));
        // nothing closed: an error, but no percentage of nothing
        Judged none = ForecastAccuracy.judge(d("100"), d("0"));
        assertEquals(d("100"), none.error());
        assertNull(none.ape());
        // a scope that is gone has no actual at all
        Judged gone = ForecastAccuracy.judge(d("100"), null);
        assertNull(gone.error());
        assertNull(gone.ape());
    }

    @Test
    void mapeIsTheMeanOfTheApesThatExistRoundedOnlyAtTheEnd() {
        BigDecimal twoNinths = ForecastAccuracy.judge(d("7000"), d("9000")).ape();
        assertEquals(d("0.5741"), ForecastAccuracy.ratio(ForecastAccuracy.mape(
                Arrays.asList(d("0.5"), d("1"), null, twoNinths))));
        assertNull(ForecastAccuracy.mape(Arrays.asList(null, null)));
        assertNull(ForecastAccuracy.ratio(ForecastAccuracy.mape(List.of())));
    }
}
