package org.revops.platform.security;

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

import java.util.Set;

/** Reads {@code Authorization: Bearer <api key>} for REST and GraphQL alike, and answers 401 as problem+json. */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {
    /** The message of a failed authentication, so the 401 can say "expired" rather than only "send a valid key". */
    private static final String FAILURE = "revops.authentication-failure";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        return identities.authenticate(new ApiKeyCredential(header.substring(7).trim()))
                .onFailure().invoke(failure -> context.put(FAILURE, failure.getMessage()));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        ApiProblem problem = ApiProblem.unauthenticated(
                ApiKeyIdentityProvider.EXPIRED.equals(context.get(FAILURE))
                        ? "This API key has expired; an admin can make a new one (POST /api/v1/api-keys)"
                        : "Send a valid API key as 'Authorization: Bearer <key>'");
        context.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(problem)));
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyCredential.class);
    }
}
