package org.revops.platform.security;

import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.revops.platform.db.Db;
import org.revops.platform.security.TokenClaims.UserReference;

/**
 * Resolves a bearer JWT to a workspace, a user and their role: SmallRye JWT checks the signature, issuer, audience and
 * expiry ({@link JwtSettings}); {@link TokenClaims} reads who it names; one indexed lookup finds that user. The
 * identity carries the same attributes as an API key's, without a key id, so visibility, rate limits (per user) and
 * audit work unchanged. Every refusal is the same {@link AuthenticationFailedException}, answered 401 invalid_token.
 * Started eagerly so that an incomplete JWT configuration stops the service at start, not at the first token.
 */
@Startup
@ApplicationScoped
public class JwtIdentityProvider implements IdentityProvider<JwtCredential> {
    private static final String USER = "SELECT u.id, u.role, w.suspended_at IS NOT NULL AS suspended, w.suspension_reason,"
            + " w.currency, w.fiscal_year_start_month"
            + " FROM users u JOIN workspaces w ON w.id = u.workspace_id WHERE u.workspace_id = $1 AND ";
    private static final String BY_ID = USER + "u.id = $2";
    private static final String BY_EMAIL = USER + "lower(u.email) = lower($2)";

    private final JwtSettings settings;
    private final JWTParser parser;
    private final AuthenticationConfig config;
    private final Db db;
    private final Vertx vertx;

    public JwtIdentityProvider(Config mpConfig, JWTParser parser, AuthenticationConfig config, Db db, Vertx vertx) {
        this.settings = JwtSettings.from(mpConfig);
        this.parser = parser;
        this.config = config;
        this.db = db;
        this.vertx = vertx;
    }

    @Override
    public Class<JwtCredential> getRequestType() {
        return JwtCredential.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(JwtCredential request, AuthenticationRequestContext context) {
        if (!settings.enabled()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("JWTs are not accepted here"));
        }
        Uni<JsonWebToken> verified = Uni.createFrom().item(() -> verify(request.token()));
        // a JWKS URL is fetched (and refreshed) by the parser with blocking I/O: then on a worker, back on this context
        Uni<JsonWebToken> token = settings.remoteKeys() ? vertx.executeBlocking(verified) : verified;
        return token.flatMap(this::identityOf);
    }

    private JsonWebToken verify(String token) {
        try {
            return parser.parse(token);
        } catch (ParseException | RuntimeException e) {
            // whatever is wrong with it (form, keys, claims), a token that does not verify is a 401, never a 500
            throw new AuthenticationFailedException("invalid or expired token");
        }
    }

    private Uni<SecurityIdentity> identityOf(JsonWebToken token) {
        UserReference user = TokenClaims.userOf(text(token.getClaim(config.workspaceClaim())), token.getSubject(),
                        text(token.getClaim(config.emailClaim())), bool(token.getClaim("email_verified")))
                .orElseThrow(() -> new AuthenticationFailedException("the token names no user"));
        Uni<RowSet<Row>> rows = user.userId() != null
                ? db.query(BY_ID, Tuple.of(user.workspaceId(), user.userId()))
                : db.query(BY_EMAIL, Tuple.of(user.workspaceId(), user.email()));
        return rows.map(found -> {
            if (found.size() != 1) {
                throw new AuthenticationFailedException("the token names an unknown user");
            }
            Row row = found.iterator().next();
            Caller caller = new Caller(user.workspaceId(), row.getUUID("id"), Role.of(row.getString("role")),
                    CallerIdentity.workspace(row));
            if (!TokenClaims.groupsAgreeWith(token.getGroups(), caller.role())) {
                throw new AuthenticationFailedException("the token's roles disagree with the user's");
            }
            return CallerIdentity.of(caller, row)
                    .addAttribute(ApiKeyIdentityProvider.TOKEN_SUBJECT,
                            java.util.Objects.requireNonNullElse(token.getSubject(), caller.userId().toString()))
                    .build();
        });
    }

    /** Custom claims come as JSON values, standard ones as Java values: take either. */
    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim instanceof String string ? string : null;
    }

    private static Boolean bool(Object claim) {
        if (claim instanceof Boolean value) {
            return value;
        }
        if (claim == JsonValue.TRUE || claim == JsonValue.FALSE) {
            return claim == JsonValue.TRUE;
        }
        return null;
    }
}
