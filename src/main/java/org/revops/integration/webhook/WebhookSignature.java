package org.revops.integration.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How a delivery is signed, and how a receiver checks it:
 * <pre>
 *   signed  = timestamp + "." + body                       (timestamp: the Revops-Timestamp header, Unix seconds)
 *   v1      = hex(HMAC-SHA256(key = secret as UTF-8 bytes, message = signed as UTF-8 bytes))
 *   header  = "Revops-Signature: v1=" + v1 [ + ",v1=" + v1 made with the previous secret during a rotation grace ]
 * </pre>
 * A receiver recomputes v1 with its secret, compares it in constant time with each v1 of the header, and refuses
 * timestamps far from its clock (5 minutes, say) so a captured request cannot be replayed later.
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} + 32 random bytes in hex. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** {@code hex(HMAC-SHA256(secret, timestamp + "." + body))}. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The Revops-Signature header: one {@code v1=} per secret given (nulls skipped), current secret first. */
    public static String header(long timestamp, String body, String... secrets) {
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            if (secret != null) {
                header.append(header.isEmpty() ? "" : ",").append("v1=").append(sign(secret, timestamp, body));
            }
        }
        return header.toString();
    }
}
