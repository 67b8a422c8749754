package org.revops.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token that is not an API key, on its way to {@link JwtIdentityProvider}. */
public class JwtCredential extends BaseAuthenticationRequest {
    private final String token;

    public JwtCredential(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
