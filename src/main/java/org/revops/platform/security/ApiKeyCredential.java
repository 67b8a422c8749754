package org.revops.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented as a bearer token, on its way to {@link ApiKeyIdentityProvider}. */
public class ApiKeyCredential extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyCredential(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
