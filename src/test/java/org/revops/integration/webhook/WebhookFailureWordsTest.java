package org.revops.integration.webhook;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a failed attempt records for the subscriber: words, never a Java class name. */
class WebhookFailureWordsTest {
    @Test
    void failuresOfTheLookupAndTheConnectionAreNamedPlainly() throws Exception {
        assertEquals("unknown host: hooks.example.invalid",
                WebhookSender.describe(new RuntimeException(new UnknownHostException("hooks.example.invalid"))));
        assertEquals("connection failed: Connection refused",
                WebhookSender.describe(new ConnectException("Connection refused")));
        assertEquals("refused: hooks.example.com resolves to 10.0.0.7, a private network address, which this service "
                        + "does not call",
                WebhookSender.describe(new WebhookSender.PrivateAddressRefused("hooks.example.com",
                        InetAddress.getByName("10.0.0.7"))));
    }
}
