package org.revops.territory;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The small arithmetic of the coverage report: the default quarter and the untouched share. */
class CoverageMathTest {

    @Test
    void quartersStartInJanuaryAprilJulyAndOctober() {
        assertEquals(LocalDate.of(2026, 1, 1), CoverageService.quarterStart(LocalDate.of(2026, 1, 1)));
        assertEquals(LocalDate.of(2026, 1, 1), CoverageService.quarterStart(LocalDate.of(2026, 3, 31)));
        assertEquals(LocalDate.of(2026, 4, 1), CoverageService.quarterStart(LocalDate.of(2026, 4, 1)));
        assertEquals(LocalDate.of(2026, 7, 1), CoverageService.quarterStart(LocalDate.of(2026, 9, 30)));
        assertEquals(LocalDate.of(2026, 10, 1), CoverageService.quarterStart(LocalDate.of(2026, 12, 31)));
    }

    @Test
    void theShareIsRoundedHalfUpToFourDecimalsAndUnknownWithoutAccounts() {
        assertEquals(new BigDecimal("0.6667"), CoverageService.share(2, 3));
        assertEquals(new BigDecimal("0.3333"), CoverageService.share(1, 3));
        assertEquals(new BigDecimal("0.0001"), CoverageService.share(1, 20000));   // 0.00005 rounds up
        assertEquals(new BigDecimal("1.0000"), CoverageService.share(7, 7));
        assertEquals(new BigDecimal("0.0000"), CoverageService.share(0, 7));
        assertNull(CoverageService.share(0, 0));
    }
}
