package org.revops.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The platform admin's identity: a role and no workspace, so every workspace endpoint refuses it (CurrentCaller). */
@ApplicationScoped
public class PlatformAdminIdentityProvider implements IdentityProvider<PlatformAdminCredential> {

    @Override
    public Class<PlatformAdminCredential> getRequestType() {
        return PlatformAdminCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(PlatformAdminCredential request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(PlatformAdmin.ROLE))
                .addRole(PlatformAdmin.ROLE)
                // how the audit log names the actor of provisioning, suspension and resumption
                .addAttribute(ApiKeyIdentityProvider.TOKEN_SUBJECT, PlatformAdmin.ROLE)
                .build());
    }
}
