package org.revops.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.revops.platform.error.ApiProblem;

/** The caller of the current request, for the REST and GraphQL adapters to hand to services. */
@RequestScoped
public class CurrentCaller {
    private final SecurityIdentity identity;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        Caller caller = identity.getAttribute(ApiKeyIdentityProvider.CALLER);
        if (caller == null && identity.hasRole(PlatformAdmin.ROLE)) {
            throw ApiProblem.forbidden("The platform-admin credential manages workspaces (/api/v1/platform/...) only; "
                    + "call workspace endpoints with a workspace's API key");
        }
        if (caller == null) {
            throw ApiProblem.unauthenticated("Send a valid API key as 'Authorization: Bearer <key>'");
        }
        return caller;
    }

    /** The caller behind an identity, or null when the request is not authenticated with an API key. */
    public static Caller of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ApiKeyIdentityProvider.CALLER);
    }
}
