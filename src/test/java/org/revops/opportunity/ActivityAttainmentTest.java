package org.revops.opportunity;

import org.junit.jupiter.api.Test;
import org.revops.opportunity.ActivityAnalyticsDtos.MetricAttainment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ActivityAttainmentTest {

    @Test
    void attainmentIsActualOverTargetToFourPlaces() {
        assertEquals(new BigDecimal("0.6000"), ActivityAttainment.attainment(3, 5));
        assertEquals(new BigDecimal("1.0000"), ActivityAttainment.attainment(2, 2));
        assertEquals(new BigDecimal("1.4000"), ActivityAttainment.attainment(7, 5));
        assertEquals(new BigDecimal("0.0000"), ActivityAttainment.attainment(0, 9));
        assertEquals(new BigDecimal("0.3333"), ActivityAttainment.attainment(1, 3));
        assertEquals(new BigDecimal("0.6667"), ActivityAttainment.attainment(2, 3)); // half up
        assertEquals(new BigDecimal("0.0001"), ActivityAttainment.attainment(1, 10000)); // 0.0001 exactly
        assertEquals(new BigDecimal("0.0001"), ActivityAttainment.attainment(1, 15000)); // 0.0000667 rounds up
        assertEquals(new BigDecimal("0.0000"), ActivityAttainment.attainment(1, 30000)); // 0.0000333 rounds down
    }

    @Test
    void withoutATargetOrWithATargetOfZeroThereIsNoRatio() {
        assertNull(ActivityAttainment.attainment(3, null));
        assertNull(ActivityAttainment.attainment(3, 0));
        assertNull(ActivityAttainment.attainment(0, 0));
    }

    @Test
    void oneLinePerMetricInTheGivenOrderWithZeroForMissingActuals() {
        List<MetricAttainment> lines = ActivityAttainment.lines(List.of("call", "visit", "signing"),
                Map.of("visit", 3, "signing", 1), Map.of("visit", 5, "call", 0));
        assertEquals(List.of(
                new MetricAttainment("call", 0, 0, null),
                new MetricAttainment("visit", 3, 5, new BigDecimal("0.6000")),
                new MetricAttainment("signing", 1, null, null)), lines);
    }
}
