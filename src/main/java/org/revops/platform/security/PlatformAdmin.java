package org.revops.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The platform-admin credential: one secret set at deploy time ({@code REVOPS_PLATFORM_ADMIN_TOKEN}), never in the
 * repository, that provisions, lists and suspends workspaces and does nothing inside them. Unset, the provisioning
 * endpoints refuse everyone. It is compared by its SHA-256 in constant time, so neither its length nor its prefix
 * leaks through timing; at least 32 characters are required so that it cannot be guessed.
 */
@ApplicationScoped
public class PlatformAdmin {
    /** The role of the platform-admin identity; workspace callers never have it. */
    public static final String ROLE = "platform-admin";
    static final int MIN_LENGTH = 32;

    @ConfigMapping(prefix = "revops.platform")
    public interface Config {
        @WithName("admin-token")
        Optional<String> adminToken();
    }

    private final byte[] expectedHash;

    public PlatformAdmin(Config config) {
        String token = config.adminToken().map(String::trim).filter(t -> !t.isEmpty()).orElse(null);
        if (token != null && token.length() < MIN_LENGTH) {
            throw new IllegalStateException("revops.platform.admin-token must be at least " + MIN_LENGTH
                    + " characters (REVOPS_PLATFORM_ADMIN_TOKEN); generate one with: openssl rand -base64 32");
        }
        this.expectedHash = token == null ? null : sha256(token);
    }

    /** Whether {@code presented} is the configured platform-admin token (false when none is configured). */
    public boolean matches(String presented) {
        return expectedHash != null && presented != null && MessageDigest.isEqual(expectedHash, sha256(presented));
    }

    private static byte[] sha256(String value) {
        return ApiKeys.hash(value);
    }
}
