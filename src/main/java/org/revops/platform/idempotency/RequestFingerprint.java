package org.revops.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a key was first used for: method, path with query and the SHA-256 of the body's bytes. A retry must send the
 * same bytes; a client that re-serialises its body differently (key order, spacing) sends another request.
 */
public final class RequestFingerprint {
    private RequestFingerprint() {
    }

    public static String of(String method, String pathAndQuery, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return method + " " + pathAndQuery + " " + HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static String of(String method, String pathAndQuery, String body) {
        return of(method, pathAndQuery, body.getBytes(StandardCharsets.UTF_8));
    }
}
