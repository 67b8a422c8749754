package org.revops.platform.security;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * Whether bearer JWTs are accepted, read from the standard MicroProfile JWT keys that SmallRye JWT verifies with:
 * a verification key ({@code mp.jwt.verify.publickey}, or {@code mp.jwt.verify.publickey.location}: a PEM or JWK file,
 * a classpath resource or an https JWKS URL) turns them on. With a key, an issuer and the audiences are required too,
 * so that a token the same identity provider issued for another application is not taken here. Without a key the
 * service takes API keys only.
 */
public record JwtSettings(boolean enabled, boolean remoteKeys) {
    static final String KEY = "mp.jwt.verify.publickey";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";

    public static JwtSettings from(Config config) {
        return of(value(config, KEY), value(config, KEY_LOCATION), value(config, ISSUER), value(config, AUDIENCES));
    }

    /** Fails, naming what is missing, when a key is configured without an issuer or audiences. */
    public static JwtSettings of(Optional<String> key, Optional<String> keyLocation, Optional<String> issuer,
                                 Optional<String> audiences) {
        if (key.isEmpty() && keyLocation.isEmpty()) {
            return new JwtSettings(false, false);
        }
        if (issuer.isEmpty() || audiences.isEmpty()) {
            throw new IllegalStateException("JWT verification has a key but no " + (issuer.isEmpty() ? ISSUER : AUDIENCES)
                    + ": set MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_AUDIENCES (see README, Front ends)");
        }
        boolean remote = key.isEmpty() && keyLocation.get().trim().regionMatches(true, 0, "http", 0, 4);
        return new JwtSettings(true, remote);
    }

    private static Optional<String> value(Config config, String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}
