package org.revops.platform.idempotency;

import org.revops.platform.error.ApiProblem;

/** The {@code Idempotency-Key} header: 1–255 printable ASCII characters (a UUID is the usual choice). */
public record IdempotencyKey(String value) {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > 255 || !printableAscii(value)) {
            throw ApiProblem.badRequest(HEADER,
                    "must be 1 to 255 printable ASCII characters (a UUID is a good choice)");
        }
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
