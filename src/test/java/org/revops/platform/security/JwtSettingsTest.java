package org.revops.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JwtSettingsTest {
    private static final Optional<String> NONE = Optional.empty();

    @Test
    void withoutAKeyOnlyApiKeysAreTaken() {
        assertEquals(new JwtSettings(false, false), JwtSettings.of(NONE, NONE, NONE, NONE));
        assertEquals(new JwtSettings(false, false), JwtSettings.of(NONE, NONE, Optional.of("https://idp"), NONE));
    }

    @Test
    void aKeyFileOrInlineKeyIsVerifiedInPlaceAndAJwksUrlOffTheEventLoop() {
        Optional<String> iss = Optional.of("https://idp.example");
        Optional<String> aud = Optional.of("revops-api");
        assertEquals(new JwtSettings(true, false), JwtSettings.of(Optional.of("MIIB..."), NONE, iss, aud));
        assertEquals(new JwtSettings(true, false), JwtSettings.of(NONE, Optional.of("/etc/revops/idp.pem"), iss, aud));
        assertEquals(new JwtSettings(true, true),
                JwtSettings.of(NONE, Optional.of("https://idp.example/.well-known/jwks.json"), iss, aud));
    }

    @Test
    void aKeyWithoutIssuerOrAudiencesStopsTheStart() {
        IllegalStateException noIssuer = assertThrows(IllegalStateException.class,
                () -> JwtSettings.of(Optional.of("MIIB..."), NONE, NONE, Optional.of("revops-api")));
        assertThat(noIssuer.getMessage(), containsString("mp.jwt.verify.issuer"));
        IllegalStateException noAudience = assertThrows(IllegalStateException.class,
                () -> JwtSettings.of(NONE, Optional.of("/k.pem"), Optional.of("https://idp"), NONE));
        assertThat(noAudience.getMessage(), containsString("mp.jwt.verify.audiences"));
    }
}
