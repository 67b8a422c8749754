package org.revops.platform.rest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorsOriginsTest {

    @Test
    void wildcardsAreRecognisedAndAnAllowListIsNot() {
        assertTrue(CorsOrigins.allowsAnyOrigin(List.of("*")));
        assertTrue(CorsOrigins.allowsAnyOrigin(List.of("https://app.example.com", " /.*/ ")));
        assertFalse(CorsOrigins.allowsAnyOrigin(List.of()));
        assertFalse(CorsOrigins.allowsAnyOrigin(List.of("https://app.example.com", "/https://.*\\.example\\.com/")));
    }
}
