package org.revops.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    /** The user's current role too: a key acts with the lower of its own and its user's ({@link Role#cappedBy}). */
    private static final String FIND_KEY = """
            SELECT k.workspace_id, k.id, k.user_id, k.role, u.role AS user_role, k.scopes, k.rate_limit_per_minute,
                   k.expires_at, w.suspended_at IS NOT NULL AS suspended, w.suspension_reason, w.currency,
                   w.fiscal_year_start_month
            FROM api_keys k
            JOIN users u ON u.workspace_id = k.workspace_id AND u.id = k.user_id
            JOIN workspaces w ON w.id = k.workspace_id
            WHERE k.key_hash = $1 AND k.revoked_at IS NULL""";

    /** Why authentication failed, when it is worth telling the client; read by the 401 of the mechanism. */
    public static final String EXPIRED = "expired";

    private final Db db;
    private final KeyUsage usage;
    private final Clock clock;

    public ApiKeyIdentityProvider(Db db, KeyUsage usage, Clock clock) {
        this.db = db;
        this.usage = usage;
        this.clock = clock;
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
                    Instant now = clock.instant();
                    OffsetDateTime expiresAt = row.getOffsetDateTime("expires_at");
                    if (expiresAt != null && !now.isBefore(expiresAt.toInstant())) {
                        throw new AuthenticationFailedException(EXPIRED);
                    }
                    Role role = Role.of(row.getString("role")).cappedBy(Role.of(row.getString("user_role")));
                    Caller caller = new Caller(row.getUUID("workspace_id"), row.getUUID("user_id"), role,
                            CallerIdentity.workspace(row));
                    usage.record(caller.workspaceId(), row.getUUID("id"), now);
                    QuarkusSecurityIdentity.Builder identity = CallerIdentity.of(caller, row)
                            .addAttribute(KEY_ID, row.getUUID("id"));
                    Integer rateLimit = row.getInteger("rate_limit_per_minute");
                    if (rateLimit != null) {
                        identity.addAttribute(RATE_LIMIT, rateLimit);
                    }
                    Set<ApiScope> scopes = ApiScope.stored(row.getArrayOfStrings("scopes"));
                    if (scopes != null) {
                        identity.addAttribute(SCOPES, scopes);
                    }
                    return identity.build();
                });
    }
}
