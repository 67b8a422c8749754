package org.revops.platform.write;

import org.revops.platform.error.ApiProblem;

/** ETag / If-Match: the ETag of a record is its version, quoted ({@code "3"}). */
public final class Versions {
    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** @return the version the caller expects, or null when no If-Match was sent */
    public static Long parseIfMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String text = header.trim();
        if (text.startsWith("W/")) {
            text = text.substring(2);
        }
        text = text.replace("\"", "");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("If-Match", "must be an ETag returned by this API, such as \"3\"");
        }
    }

    /** 412 when the caller's version is not the current one. */
    public static void check(Long expected, long current) {
        if (expected != null && expected != current) {
            throw ApiProblem.stale(current);
        }
    }
}
