package org.revops.integration;

import org.junit.jupiter.api.Test;
import org.revops.platform.error.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeCursorTest {

    @Test
    void roundTripsAndStaysOpaque() {
        ChangeCursor cursor = new ChangeCursor(4_294_967_301L, 123_456_789L);
        String text = cursor.encode();
        assertFalse(text.contains("123456789"), "opaque: " + text);
        assertTrue(text.matches("[A-Za-z0-9_-]+"), "URL-safe without padding: " + text);
        assertEquals(cursor, ChangeCursor.decode(text, "since"));
        assertEquals(ChangeCursor.START, ChangeCursor.decode(ChangeCursor.START.encode(), "since"));
    }

    @Test
    void ordersByTransactionThenPosition() {
        assertTrue(new ChangeCursor(5, 900).isBefore(new ChangeCursor(6, 1)));
        assertTrue(new ChangeCursor(6, 1).isBefore(new ChangeCursor(6, 2)));
        assertFalse(new ChangeCursor(6, 2).isBefore(new ChangeCursor(6, 2)));
        assertFalse(new ChangeCursor(7, 0).isBefore(new ChangeCursor(6, 9)));
    }

    @Test
    void refusesWhatThisApiDidNotIssue() {
        for (String bad : new String[] {"", "!!!", "abc", encoded("c1.1"), encoded("c1.x.2"), encoded("c2.1.2"),
                encoded("c1.-1.2"), encoded("c1.1.2.3"), encoded("1.2")}) {
            ApiProblem p = assertThrows(ApiProblem.class, () -> ChangeCursor.decode(bad, "since"), bad);
            assertEquals(400, p.status());
            assertEquals("since", p.errors().get(0).field());
        }
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
