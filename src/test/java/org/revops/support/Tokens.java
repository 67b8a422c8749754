package org.revops.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/** Bearer JWTs as the tests' identity provider ({@link JwtKeys}) would issue them, and requests that send one. */
public final class Tokens {
    public static final String ISSUER = "https://login.revops.test";
    public static final String AUDIENCE = "revops-api";

    private Tokens() {
    }

    /** Claims of a valid token for {@code userId} in {@code workspaceId}, to adjust before {@link #sign}. */
    public static JwtClaimsBuilder claims(UUID workspaceId, String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .claim("workspace_id", workspaceId.toString()).expiresIn(300);
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(signingKey());
    }

    public static String valid(UUID workspaceId, UUID userId) {
        return sign(claims(workspaceId, userId.toString()));
    }

    public static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static PrivateKey signingKey() {
        String encoded = ConfigProvider.getConfig().getValue(JwtKeys.SIGNING_KEY, String.class);
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
