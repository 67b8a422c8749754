package org.revops.lead;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ConversionDefaultsTest {
    private static final LocalDate MID_MAY = LocalDate.parse("2026-05-14");

    @Test
    void theCloseDateFollowsTheTimeline() {
        assertEquals(LocalDate.parse("2026-06-13"), ConversionDefaults.closeDate("now", MID_MAY));
        assertEquals(LocalDate.parse("2026-06-30"), ConversionDefaults.closeDate("this-quarter", MID_MAY));
        assertEquals(LocalDate.parse("2026-09-30"), ConversionDefaults.closeDate("next-quarter", MID_MAY));
        assertEquals(LocalDate.parse("2026-12-31"), ConversionDefaults.closeDate("this-year", MID_MAY));
        assertEquals(LocalDate.parse("2026-08-12"), ConversionDefaults.closeDate("later", MID_MAY));
        assertEquals(LocalDate.parse("2026-08-12"), ConversionDefaults.closeDate(null, MID_MAY));
    }

    @Test
    void quartersTurnOverAtTheYearEnd() {
        LocalDate november = LocalDate.parse("2026-11-30");
        assertEquals(LocalDate.parse("2026-12-31"), ConversionDefaults.closeDate("this-quarter", november));
        assertEquals(LocalDate.parse("2027-03-31"), ConversionDefaults.closeDate("next-quarter", november));
        LocalDate quarterEnd = LocalDate.parse("2026-03-31");
        assertEquals(quarterEnd, ConversionDefaults.closeDate("this-quarter", quarterEnd));
        assertEquals(LocalDate.parse("2026-06-30"), ConversionDefaults.closeDate("next-quarter", quarterEnd));
        LocalDate leapFebruary = LocalDate.parse("2028-02-29");
        assertEquals(LocalDate.parse("2028-03-31"), ConversionDefaults.closeDate("this-quarter", leapFebruary));
    }

    @Test
    void namesUseWhatTheLeadHas() {
        assertEquals("Ada Lovelace", ConversionDefaults.personName(" Ada ", "Lovelace"));
        assertEquals("Lovelace", ConversionDefaults.personName(null, "Lovelace"));
        assertNull(ConversionDefaults.personName(null, " "));
        assertEquals("Globex - trade-show",
                ConversionDefaults.opportunityName("Globex", "Ada", "Lovelace", "ada@x.example", "trade-show"));
        assertEquals("Ada Lovelace - web-form",
                ConversionDefaults.opportunityName(null, "Ada", "Lovelace", "ada@x.example", "web-form"));
        assertEquals("ada@x.example - other",
                ConversionDefaults.opportunityName(" ", null, null, "ada@x.example", "other"));
        assertEquals(200, ConversionDefaults.opportunityName("x".repeat(199), null, null, null, "web-form").length());
        assertEquals(200, ConversionDefaults.personName("a".repeat(100), "b".repeat(100)).length());
    }
}
