package org.revops.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Resolves an API key to its workspace, user and role with one indexed lookup on the key's hash. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyCredential> {
    static final String CALLER = "revops.caller";
    /** The key's {@link ApiScope}s; absent for a key with every right of its role. See {@link KeyScopeCheck}. */
    static final String SCOPES = "revops.scopes";
    /** A bearer JWT's subject claim, set instead of {@link #KEY_ID} when a token, not a key, authenticated. */
    public static final String TOKEN_SUBJECT = "revops.token-subject";
    /** Present (the reason, or "") when the caller's workspace is suspended; see SuspendedWorkspaceGate. */
    public static final String SUSPENDED = "revops.suspended";
    /** The key's id, for its rate limit. */
    public static final String KEY_ID = "revops.key-id";
    /** The key's own requests per minute; absent for the service default. See the rate-limit gate. */
    public static final String RATE_LIMIT = "revops.rate-limit";

    private static final String FIND_KEY = """
            SELECT k.workspace_id, k.id, k.user_id, k.role, k.scopes, k.rate_limit_per_minute,
                   w.suspended_at IS NOT NULL AS suspended, w.suspension_reason
            FROM api_keys k JOIN workspaces w ON w.id = k.workspace_id
            WHERE k.key_hash = $1 AND k.revoked_at IS NULL""";

    private final Db db;

    public ApiKeyIdentityProvider(Db db) {
        this.db = db;
    }

    @Override
    public Class<ApiKeyCredential> getRequestType() {
        return ApiKeyCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyCredential request, AuthenticationRequestContext context) {
        return db.query(FIND_KEY, Tuple.of(ApiKeys.hash(request.key())))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new AuthenticationFailedException("unknown or revoked API key");
                    }
                    Row row = rows.iterator().next();
                    Caller caller = new Caller(row.getUUID("workspace_id"), row.getUUID("user_id"),
                            Role.of(row.getString("role")));
                    QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(caller.userId().toString()))
                            .addRole(caller.role().value())
                            .addAttribute(CALLER, caller)
                            .addAttribute(KEY_ID, row.getUUID("id"));
                    Integer rateLimit = row.getInteger("rate_limit_per_minute");
                    if (rateLimit != null) {
                        identity.addAttribute(RATE_LIMIT, rateLimit);
                    }
                    if (row.getBoolean("suspended")) {
                        String reason = row.getString("suspension_reason");
                        identity.addAttribute(SUSPENDED, reason == null ? "" : reason);
                    }
                    String[] scopes = row.getArrayOfStrings("scopes");
                    if (scopes != null) {
                        identity.addAttribute(SCOPES, scopesOf(scopes));
                    }
                    return identity.build();
                });
    }

    /**
     * A name no longer known (a scope retired after the key was made) grants nothing: the key keeps only what it
     * still names, and with nothing left may call nothing, rather than gaining its role's full rights.
     */
    private static Set<ApiScope> scopesOf(String[] names) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String name : names) {
            ApiScope.find(name).ifPresent(scopes::add);
        }
        return Collections.unmodifiableSet(scopes);
    }
}
