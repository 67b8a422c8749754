package org.revops.integration.webhook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {
    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // Checked with: printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertEquals("38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789",
                WebhookSignature.sign("whsec_test", 1_700_000_000L, "{\"a\":1}"));
        String header = WebhookSignature.header(1_700_000_000L, "{}", "whsec_new", null, "whsec_old");
        assertEquals(2, header.split(",").length);
        assertTrue(Receiver.verify(List.of("whsec_old"), "1700000000", "{}", header));
        assertFalse(Receiver.verify(List.of("whsec_old"), "1700000001", "{}", header));
        assertFalse(Receiver.verify(List.of("whsec_old"), "1700000000", "{ }", header));
    }

    @Test
    void secretsAreNewEachTime() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.matches("whsec_[0-9a-f]{64}"));
        assertNotEquals(secret, WebhookSignature.newSecret());
    }
}
