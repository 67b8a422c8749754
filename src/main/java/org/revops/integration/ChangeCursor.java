package org.revops.integration;

import org.revops.platform.error.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A place in the change feed: the (transaction id, position) of the last change a client has seen. Changes are read
 * in that order, so everything at or below the cursor has been delivered and everything above it has not.
 * Opaque to clients: base64url of {@code c1.<txid>.<position>}; the prefix lets the format change later.
 */
public record ChangeCursor(long txid, long position) {
    private static final String PREFIX = "c1.";

    /** Before every change: a feed read from here starts at the oldest change kept. */
    public static final ChangeCursor START = new ChangeCursor(0, 0);

    public ChangeCursor {
        if (txid < 0 || position < 0) {
            throw new IllegalArgumentException("a change cursor is never negative");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + txid + "." + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor a client sent; 400 naming {@code field} when it is not one this API returned. */
    public static ChangeCursor decode(String text, String field) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            if (!plain.startsWith(PREFIX)) {
                throw new IllegalArgumentException(plain);
            }
            String[] parts = plain.substring(PREFIX.length()).split("\\.", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(plain);
            }
            return new ChangeCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(field, "is not a change-feed cursor returned by this API; start again "
                    + "without it (the oldest change kept) or with since=now");
        }
    }

    public boolean isBefore(ChangeCursor other) {
        return txid < other.txid || (txid == other.txid && position < other.position);
    }
}
