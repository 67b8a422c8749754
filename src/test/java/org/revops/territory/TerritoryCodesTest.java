package org.revops.territory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.revops.platform.error.ApiProblem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TerritoryCodesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EMEA|emea",
            "DACH Enterprise|dach-enterprise",
            "Zürich Nord & Süd|zurich-nord-sud",
            "  --Mid-Market (SMB)--  |mid-market-smb",
            "Île-de-France|ile-de-france",
            "Region 5.1/North|region-5-1-north"})
    void slugs(String name, String slug) {
        assertEquals(slug, TerritoryCodes.slug(name));
    }

    @Test
    void aChildsCodeIsItsParentsCodeThenItsSlug() {
        assertEquals("emea", TerritoryCodes.defaultCode(null, "EMEA"));
        assertEquals("emea/dach", TerritoryCodes.defaultCode("emea", "DACH"));
        assertEquals("NORD.1/oslo", TerritoryCodes.defaultCode("NORD.1", "Oslo"));
    }

    @Test
    void aNameWithoutLettersOrDigitsOrACodeTooLongIsRefused() {
        ApiProblem empty = assertThrows(ApiProblem.class, () -> TerritoryCodes.defaultCode("emea", "+++"));
        assertEquals(422, empty.status());
        assertEquals("code", empty.errors().get(0).field());
        assertEquals("cannot be derived from a name without letters or digits: give a code",
                empty.errors().get(0).message());
        assertThrows(ApiProblem.class, () -> TerritoryCodes.defaultCode(null, "東京"));
        String parent = "a".repeat(100);
        assertEquals(120, TerritoryCodes.defaultCode(parent, "b".repeat(19)).length());
        ApiProblem tooLong = assertThrows(ApiProblem.class, () -> TerritoryCodes.defaultCode(parent, "b".repeat(20)));
        assertEquals("the derived code is longer than 120 characters: give a shorter code",
                tooLong.errors().get(0).message());
    }
}
