package org.revops.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.Problem;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * The one way in, for REST and GraphQL alike: {@code Authorization: Bearer <credential>}, where an API key starts with
 * {@code rk_} ({@link ApiKeyIdentityProvider}), the platform-admin credential is recognised by its hash
 * ({@link PlatformAdmin}), and anything else is taken for a JWT ({@link JwtIdentityProvider}).
 * A rejected credential counts against its source address ({@link FailedAuthentications}). Answers 401 as
 * problem+json, with {@code error="invalid_token"} when a credential was sent but not accepted (RFC 6750) and no
 * word on why: an expired token, an unknown user and a forged signature look the same from outside.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {
    private static final String SCHEME = "Bearer ";
    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";
    /** Why a key was refused, when that is worth telling (an expired key): read by the 401. */
    private static final String FAILURE = "revops.authentication-failure";

    private final FailedAuthentications failures;
    private final PlatformAdmin platformAdmin;
    private final Clock clock;

    public BearerAuthenticationMechanism(FailedAuthentications failures, PlatformAdmin platformAdmin, Clock clock) {
        this.failures = failures;
        this.platformAdmin = platformAdmin;
        this.clock = clock;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<String> credential = bearerOf(context);
        if (credential.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        String value = credential.get();
        AuthenticationRequest request = platformAdmin.matches(value) ? new PlatformAdminCredential()
                : value.startsWith(ApiKeys.PREFIX) ? new ApiKeyCredential(value) : new JwtCredential(value);
        String source = FailedAuthenticationGate.sourceOf(context);
        return identities.authenticate(request)
                .onFailure(AuthenticationFailedException.class)
                .invoke(failure -> {
                    failures.failed(source, clock.instant());
                    context.put(FAILURE, failure.getMessage());
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String challenge = bearerOf(context).isPresent() ? INVALID_TOKEN : "Bearer";
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", challenge));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        boolean presented = bearerOf(context).isPresent();
        // an expired API key may say so (its 256 random bits are no secret worth guessing at): its owner can act on it
        ApiProblem problem = ApiProblem.unauthenticated(
                ApiKeyIdentityProvider.EXPIRED.equals(context.get(FAILURE))
                        ? "This API key has expired; an admin can make a new one (POST /api/v1/api-keys)"
                        : presented ? "The bearer credential is invalid or expired"
                        : "Send an API key or a token as 'Authorization: Bearer <credential>'");
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", presented ? INVALID_TOKEN : "Bearer")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(problem)));
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyCredential.class, JwtCredential.class, PlatformAdminCredential.class);
    }

    private static Optional<String> bearerOf(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(SCHEME.length()).trim());
    }
}
