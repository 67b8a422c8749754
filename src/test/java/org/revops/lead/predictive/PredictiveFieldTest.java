package org.revops.lead.predictive;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictiveFieldTest {

    @Test
    void numbersFallIntoTheirBandsLowerBoundsInclusive() {
        assertEquals("0-9", PredictiveField.EMPLOYEE_COUNT.valueFor(9));
        assertEquals("10-49", PredictiveField.EMPLOYEE_COUNT.valueFor(10));
        assertEquals("5000+", PredictiveField.EMPLOYEE_COUNT.valueFor(250_000));
        assertEquals("1M-10M", PredictiveField.ANNUAL_REVENUE.valueFor(new BigDecimal("1000000.0000")));
        assertEquals("<1M", PredictiveField.ANNUAL_REVENUE.valueFor(new BigDecimal("999999.9999")));
        assertEquals("0", PredictiveField.VISITS.valueFor(0));
        assertEquals("1-2", PredictiveField.VISITS.valueFor(2));
        assertEquals("11+", PredictiveField.FORM_FILLS.valueFor(11));
        // engaged "in the future" (clock skew) counts as just now
        assertEquals("0-7", PredictiveField.DAYS_SINCE_LAST_ENGAGED.valueFor(-2));
        assertEquals("91+", PredictiveField.DAYS_SINCE_LAST_ENGAGED.valueFor(91));
    }

    @Test
    void missingValuesAreAValueOfTheirOwn() {
        assertEquals("(unknown)", PredictiveField.AUTHORITY.valueFor(null));
        assertEquals("(none)", PredictiveField.CAMPAIGN.valueFor(null));
        assertEquals("never", PredictiveField.DAYS_SINCE_LAST_ENGAGED.valueFor(null));
        assertEquals("(unknown)", PredictiveField.BUDGET_AMOUNT.valueFor(null));
        assertEquals("partner-referral", PredictiveField.SOURCE.valueFor("partner-referral"));
    }

    @Test
    void namesAreTheLeadsJsonNamesOnce() {
        assertEquals(PredictiveField.values().length, new HashSet<>(PredictiveField.names()).size());
        assertEquals(PredictiveField.BUDGET_STATUS, PredictiveField.byName("budgetStatus").orElseThrow());
        assertFalse(PredictiveField.byName("budget_status").isPresent());
        assertTrue(PredictiveField.pairs("l", "now()").startsWith("unnest(ARRAY['source', 'campaign'"));
    }

    @Test
    void aboutTheHeldOutShareOfRandomIdsIsHeldOutAlwaysTheSame() {
        Random random = new Random(3);
        int held = 0;
        for (int i = 0; i < 100_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            held += HeldOut.isHeldOut(id, 20) ? 1 : 0;
            assertEquals(HeldOut.isHeldOut(id, 20), HeldOut.isHeldOut(new UUID(id.getMostSignificantBits(),
                    id.getLeastSignificantBits()), 20));
            assertFalse(HeldOut.isHeldOut(id, 0));
        }
        assertTrue(held > 19_500 && held < 20_500, "held out: " + held);
        // the last two bytes 0x0013 = 19 < 20: held out; 0x0014 = 20: not
        assertTrue(HeldOut.isHeldOut(UUID.fromString("00000000-0000-4000-8000-000000000013"), 20));
        assertFalse(HeldOut.isHeldOut(UUID.fromString("00000000-0000-4000-8000-000000000014"), 20));
    }
}
