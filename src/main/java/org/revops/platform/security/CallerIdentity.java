package org.revops.platform.security;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The security identity of a workspace caller, built the same way whatever the credential (API key, JWT): the user as
 * principal, the role, the {@link Caller} (with its {@link #workspace}), and the workspace's suspension when the
 * lookup's row says so (its {@code suspended} and {@code suspension_reason} columns), which
 * {@link SuspendedWorkspaceGate} answers.
 */
final class CallerIdentity {
    private CallerIdentity() {
    }

    /** The caller's workspace as the lookup's row has it (its {@code currency} and {@code fiscal_year_start_month}). */
    static Caller.Workspace workspace(Row row) {
        return new Caller.Workspace(row.getString("currency"), row.getInteger("fiscal_year_start_month"));
    }

    static QuarkusSecurityIdentity.Builder of(Caller caller, Row row) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.userId().toString()))
                .addRole(caller.role().value())
                .addAttribute(ApiKeyIdentityProvider.CALLER, caller);
        if (row.getBoolean("suspended")) {
            String reason = row.getString("suspension_reason");
            identity.addAttribute(ApiKeyIdentityProvider.SUSPENDED, reason == null ? "" : reason);
        }
        return identity;
    }
}
