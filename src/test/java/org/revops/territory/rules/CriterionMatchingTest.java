package org.revops.territory.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each kind of criterion matches, through compile (so on normalized criteria, as the engine stores them). */
class CriterionMatchingTest {
    private static final AccountFacts NOTHING_KNOWN = new AccountFacts(null, null, null, null, null, null, null);

    static Criterion compiled(CriterionSpec spec) {
        return AssignmentRule.compile(List.of(spec), null).criteria().get(0);
    }

    static Criterion list(String field, String operator, String... values) {
        return compiled(CriterionSpec.of(field, operator, values));
    }

    static Criterion range(String field, String min, String max) {
        return compiled(new CriterionSpec(field, "between", null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null, null));
    }

    static Criterion postalRange(String from, String to) {
        return compiled(new CriterionSpec("postalCode", "between", null, null, null, from, to));
    }

    static AccountFacts country(String value) {
        return new AccountFacts(value, null, null, null, null, null, null);
    }

    static AccountFacts region(String value) {
        return new AccountFacts(null, value, null, null, null, null, null);
    }

    static AccountFacts industry(String value) {
        return new AccountFacts(null, null, value, null, null, null, null);
    }

    static AccountFacts tier(String value) {
        return new AccountFacts(null, null, null, value, null, null, null);
    }

    static AccountFacts postalCode(String value) {
        return new AccountFacts(null, null, null, null, value, null, null);
    }

    static AccountFacts employees(Integer value) {
        return new AccountFacts(null, null, null, null, null, value, null);
    }

    static AccountFacts revenue(String value) {
        return new AccountFacts(null, null, null, null, null, null, value == null ? null : new BigDecimal(value));
    }

    @Test
    void countryInIsExact() {
        Criterion dach = list("country", "in", "DE", "AT", "CH");
        assertTrue(dach.matches(country("DE")));
        assertTrue(dach.matches(country("CH")));
        assertFalse(dach.matches(country("FR")));
        assertFalse(dach.matches(country("de")));   // accounts store upper case; nothing else is the same country
        assertFalse(dach.matches(country("DEU")));
    }

    @Test
    void tierInIsExact() {
        Criterion topTiers = list("tier", "in", "A", "B");
        assertTrue(topTiers.matches(tier("A")));
        assertTrue(topTiers.matches(tier("B")));
        assertFalse(topTiers.matches(tier("C")));
        assertFalse(topTiers.matches(tier("a")));
    }

    @Test
    void regionAndIndustryIgnoreCase() {
        Criterion bavaria = list("region", "in", "Bavaria", "Baden-Württemberg");
        assertTrue(bavaria.matches(region("Bavaria")));
        assertTrue(bavaria.matches(region("BAVARIA")));
        assertTrue(bavaria.matches(region("baden-württemberg")));
        assertTrue(bavaria.matches(region("BADEN-WÜRTTEMBERG")));
        assertFalse(bavaria.matches(region("Bavaria North")));
        assertFalse(bavaria.matches(region("Hesse")));

        Criterion manufacturing = list("industry", "in", "manufacturing");
        assertTrue(manufacturing.matches(industry("Manufacturing")));
        assertFalse(manufacturing.matches(industry("Manufacturing ")));   // compared as stored, not trimmed
        assertFalse(manufacturing.matches(industry("Retail")));
    }

    @Test
    void postalCodeStartsWithAnyPrefixIgnoringCase() {
        Criterion munichOrLondon = list("postalCode", "startsWith", "80", "sw1");
        assertTrue(munichOrLondon.matches(postalCode("80331")));
        assertTrue(munichOrLondon.matches(postalCode("80")));
        assertTrue(munichOrLondon.matches(postalCode("SW1A 1AA")));
        assertTrue(munichOrLondon.matches(postalCode("sw1a 1aa")));
        assertFalse(munichOrLondon.matches(postalCode("8")));
        assertFalse(munichOrLondon.matches(postalCode("18033")));
        assertFalse(munichOrLondon.matches(postalCode("SE1 7PB")));
    }

    @ParameterizedTest(name = "{0} between 10000 and 19999: {1}")
    @CsvSource({"10000, true", "19999, true", "15000, true", "1999, true", "19999Z, false", "1, false",
            "09999, false", "20000, false", "199990, false", "2, false", "'', false"})
    void postalCodeBetweenIsInclusiveInByteOrder(String code, boolean inside) {
        // byte order, not numeric: "1999" lies between "10000" and "19999"; "1", a prefix of both, sorts before them
        assertEquals(inside, postalRange("10000", "19999").matches(postalCode(code)));
    }

    @Test
    void postalCodeBetweenIgnoresCaseAndMayBeOpenOnOneSide() {
        Criterion london = postalRange("sw1", "sw9");
        assertTrue(london.matches(postalCode("SW1A 1AA")));
        assertTrue(london.matches(postalCode("sw5 0aa")));
        assertFalse(london.matches(postalCode("SE1 7PB")));
        assertFalse(london.matches(postalCode("W1A 0AX")));

        Criterion fromSeventy = postalRange("70000", null);
        assertTrue(fromSeventy.matches(postalCode("70000")));
        assertTrue(fromSeventy.matches(postalCode("99999")));
        assertFalse(fromSeventy.matches(postalCode("69999")));
        Criterion upToThirty = postalRange(null, "29999");
        assertTrue(upToThirty.matches(postalCode("01067")));
        assertTrue(upToThirty.matches(postalCode("29999")));
        assertFalse(upToThirty.matches(postalCode("30000")));
    }

    @Test
    void postalOrderIsCodePointOrderLikeCollateC() {
        // U+FF21 (fullwidth A) sorts before U+1F600 by code point and by UTF-8 bytes, after it in UTF-16 units
        assertTrue(Criterion.compareBytewise("\uFF21", "\uD83D\uDE00") < 0);
        assertTrue("\uFF21".compareTo("\uD83D\uDE00") > 0);
        assertTrue(postalRange("A", "\uD83D\uDE00").matches(postalCode("\uFF21")));
        assertTrue(Criterion.compareBytewise("AB", "ABC") < 0);
        assertEquals(0, Criterion.compareBytewise("ABC", "ABC"));
        assertTrue(Criterion.compareBytewise("B", "ABC") > 0);
    }

    @ParameterizedTest(name = "employees {0} in [{1}, {2}]: {3}")
    @CsvSource({
            "1000, 1000, 5000, true", "5000, 1000, 5000, true", "999, 1000, 5000, false", "5001, 1000, 5000, false",
            "1000, 1000,     , true", "2147483647, 1000, , true", "999, 1000, , false",
            "0,        , 50,   true", "50,   , 50, true", "51, , 50, false",
            "7, 7, 7, true", "8, 7, 7, false"})
    void employeeCountRangesAreInclusiveAndMayBeOpen(int employees, String min, String max, boolean inside) {
        assertEquals(inside, range("employeeCount", min, max).matches(employees(employees)));
    }

    @ParameterizedTest(name = "revenue {0} in [{1}, {2}]: {3}")
    @CsvSource({
            "1000000, 1000000, 5000000, true", "5000000.0000, 1000000, 5000000, true",
            "999999.9999, 1000000, 5000000, false", "5000000.0001, 1000000, 5000000, false",
            "1000000, 1e6, , true", "0, , 0.5, true", "0.5, , 0.5, true", "0.5001, , 0.5, false",
            "123456789012345.9999, 100, , true"})
    void annualRevenueRangesAreInclusiveAndMayBeOpen(String revenue, String min, String max, boolean inside) {
        assertEquals(inside, range("annualRevenue", min, max).matches(revenue(revenue)));
    }

    @Test
    void aNullAccountFieldNeverMatches() {
        List<Criterion> everyKind = List.of(
                list("country", "in", "DE"), list("region", "in", "Bavaria"), list("industry", "in", "Retail"),
                list("tier", "in", "A", "B", "C"), list("postalCode", "startsWith", "0", "1", "8"),
                postalRange("0", "99999"), postalRange(null, "Z"), postalRange("0", null),
                range("employeeCount", "0", null), range("employeeCount", null, "2147483647"),
                range("annualRevenue", "0", null), range("annualRevenue", null, "999999999999999"));
        for (Criterion criterion : everyKind) {
            assertFalse(criterion.matches(NOTHING_KNOWN), criterion.toString());
        }
        // and the same criteria do match a fully known account, so the check above can fail
        AccountFacts known = new AccountFacts("DE", "Bavaria", "Retail", "A", "80331", 10, new BigDecimal("5"));
        for (Criterion criterion : everyKind) {
            assertTrue(criterion.matches(known), criterion.toString());
        }
    }
}
