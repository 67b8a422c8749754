package org.revops.forecast;

import org.junit.jupiter.api.Test;
import org.revops.forecast.QuotaDtos.PlanLine;
import org.revops.forecast.QuotaDtos.PlanTarget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QuotaPlannerTest {
    private final FiscalCalendar february = new FiscalCalendar(2);

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void aYearOverQuartersByProfileAndMonthsEvenlyWithMilestones() {
        PlanTarget plan = QuotaPlanner.plan(february, february.parse("FY2027"), null, null, new BigDecimal("1000000"),
                decimals("20", "25", "25", "30"), null);
        assertEquals("FY2027", plan.year().periodId());
        assertEquals(LocalDate.of(2026, 2, 1), plan.year().startDate());
        assertEquals(decimals("200000.00", "250000.00", "250000.00", "300000.00"),
                plan.quarters().stream().map(PlanLine::amount).toList());
        assertEquals(decimals("200000.00", "450000.00", "700000.00", "1000000.00"),
                plan.quarters().stream().map(PlanLine::milestone).toList());
        // Q1's 200,000 over three months: 66,666.67 + 66,666.67 + 66,666.66 (the leftover cents to the first months)
        assertEquals(decimals("66666.67", "66666.67", "66666.66"),
                plan.months().subList(0, 3).stream().map(PlanLine::amount).toList());
        assertEquals(List.of("2026-02", "2026-03", "2026-04"),
                plan.months().subList(0, 3).stream().map(PlanLine::periodId).toList());
        assertEquals(new BigDecimal("200000.00"), plan.months().get(2).milestone());
        assertEquals(new BigDecimal("1000000.00"), plan.months().get(11).milestone());
        assertEquals("2027-01", plan.months().get(11).periodId());
    }

    @Test
    void wrongWeightsNameTheirField() {
        ForecastPeriod year = february.parse("FY2027");
        assertEquals("quarterWeights: needs 4 weights, got 2", assertThrows(IllegalArgumentException.class,
                () -> QuotaPlanner.plan(february, year, null, null, BigDecimal.TEN, decimals("1", "1"), null))
                .getMessage());
        assertEquals("monthWeights: the weights must not all be zero", assertThrows(IllegalArgumentException.class,
                () -> QuotaPlanner.plan(february, year, null, null, BigDecimal.TEN, null, decimals("0", "0", "0")))
                .getMessage());
        assertEquals("shares: weights must not be negative", assertThrows(IllegalArgumentException.class,
                () -> QuotaPlanner.shares(BigDecimal.TEN, decimals("1", "-2"))).getMessage());
    }
}
