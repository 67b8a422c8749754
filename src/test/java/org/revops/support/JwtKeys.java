package org.revops.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The identity provider of the tests: an RSA key pair made at start (nothing committed, no network). The application
 * verifies tokens with its public half ({@code mp.jwt.verify.publickey}); {@link Tokens} signs with the private half,
 * which reaches the tests through the configuration too, since the test resource and the tests may not share a class
 * loader.
 */
public class JwtKeys implements QuarkusTestResourceLifecycleManager {
    static final String SIGNING_KEY = "revops-test.jwt-signing-key";

    @Override
    public Map<String, String> start() {
        KeyPair pair = newRsaKeyPair();
        Base64.Encoder base64 = Base64.getEncoder();
        return Map.of(
                "mp.jwt.verify.publickey", base64.encodeToString(pair.getPublic().getEncoded()),
                SIGNING_KEY, base64.encodeToString(pair.getPrivate().getEncoded()));
    }

    public static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }
}
