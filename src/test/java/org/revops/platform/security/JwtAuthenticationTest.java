package org.revops.platform.security;

import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.ratelimit.RateLimitGate;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;
import org.revops.support.JwtKeys;
import org.revops.support.TestClock;
import org.revops.support.Tokens;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.revops.support.Tokens.bearer;
import static org.revops.support.Tokens.claims;
import static org.revops.support.Tokens.sign;

/**
 * Bearer JWTs through HTTP, signed with the tests' key pair ({@link JwtKeys}): a valid token acts as its user with the
 * user's role and visibility; every token that is expired, from another issuer or for another audience, signed by
 * another key, or naming nobody known is 401 invalid_token with the same words.
 */
@QuarkusTest
class JwtAuthenticationTest extends ApiTest {
    private Workspace ws;
    private Member rep;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Tokens");
        rep = newMember(ws, "Tina Token", "rep", null);
    }

    @Test
    void aValidTokenActsAsItsUserWithTheUsersRole() {
        String token = Tokens.valid(ws.id(), rep.id());
        bearer(token).get("/api/v1/users/" + rep.id()).then().statusCode(200)
                .body("role", equalTo("rep"))
                .header(RateLimitGate.LIMIT, equalTo(String.valueOf(1_000_000)));
        // a rep's token sees the rep's records only: an account another user owns stays out of the list
        as(ws.adminKey()).body(Map.of("name", "Admin's account")).post("/api/v1/accounts").then().statusCode(201);
        String own = bearer(token).body(Map.of("name", "Tina's account")).post("/api/v1/accounts").then()
                .statusCode(201).body("ownerId", equalTo(rep.id().toString())).extract().path("id");
        bearer(token).get("/api/v1/accounts").then().statusCode(200)
                .body("data.id", equalTo(List.of(own)));
        GraphQLClient.post(token, "{ workspace { name } }", null).then().statusCode(200)
                .body("errors", nullValue()).body("data.workspace.name", equalTo("Tokens"));
        // API keys keep working beside tokens
        as(rep.key()).get("/api/v1/users/" + rep.id()).then().statusCode(200);
    }

    @Test
    void aTokenFromAnIdentityProviderFindsItsUserByEmail() {
        String email = as(ws.adminKey()).get("/api/v1/users/" + rep.id()).then().extract().path("email");
        String token = sign(claims(ws.id(), "idp|8c1f2e").claim("email", email.toUpperCase()));
        bearer(token).get("/api/v1/users/" + rep.id()).then().statusCode(200).body("role", equalTo("rep"));

        rejected(bearer(sign(claims(ws.id(), "idp|8c1f2e").claim("email", email).claim("email_verified", false)))
                .get("/api/v1/accounts").then());
        rejected(bearer(sign(claims(ws.id(), "idp|8c1f2e").claim("email", "nobody@tokens.example")))
                .get("/api/v1/accounts").then());
    }

    @Test
    void tokensThatAreNotCurrentGenuineAndForUsAre401() {
        rejected(bearer(sign(claims(ws.id(), rep.id().toString()).expiresAt(System.currentTimeMillis() / 1000 - 600)))
                .get("/api/v1/accounts").then());
        rejected(bearer(sign(claims(ws.id(), rep.id().toString()).issuer("https://login.elsewhere.test")))
                .get("/api/v1/accounts").then());
        rejected(bearer(sign(claims(ws.id(), rep.id().toString()).audience("another-api")))
                .get("/api/v1/accounts").then());
        String forged = claims(ws.id(), rep.id().toString()).sign(JwtKeys.newRsaKeyPair().getPrivate());
        rejected(bearer(forged).get("/api/v1/accounts").then());
        rejected(bearer(unsigned(Map.of("iss", Tokens.ISSUER, "aud", Tokens.AUDIENCE, "sub", rep.id().toString(),
                "workspace_id", ws.id().toString(), "exp", System.currentTimeMillis() / 1000 + 300)))
                .get("/api/v1/accounts").then());
        rejected(bearer("not-a-token").get("/api/v1/accounts").then());
        // and nothing was written by any of them
        as(ws.adminKey()).get("/api/v1/accounts").then().body("data", hasSize(0));
    }

    @Test
    void aTokenForAnUnknownUserOrWorkspaceIs401() {
        rejected(bearer(Tokens.valid(ws.id(), UUID.randomUUID())).get("/api/v1/accounts").then());
        rejected(bearer(Tokens.valid(UUID.randomUUID(), rep.id())).get("/api/v1/accounts").then());
        Workspace other = newWorkspace("Other tokens");
        rejected(bearer(Tokens.valid(other.id(), rep.id())).get("/api/v1/accounts").then());
        rejected(bearer(sign(Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject(rep.id().toString())
                .expiresIn(300))).get("/api/v1/accounts").then());
        rejected(bearer(sign(claims(ws.id(), rep.id().toString()).claim("workspace_id", "not-a-uuid")))
                .get("/api/v1/accounts").then());
    }

    @Test
    void rolesInTheTokenMustAgreeWithTheUsersAndNeverWidenIt() {
        bearer(sign(claims(ws.id(), rep.id().toString()).groups(Set.of("rep", "sales-emea"))))
                .get("/api/v1/accounts").then().statusCode(200);
        bearer(sign(claims(ws.id(), rep.id().toString()).groups(Set.of("sales-emea"))))
                .get("/api/v1/accounts").then().statusCode(200);
        rejected(bearer(sign(claims(ws.id(), rep.id().toString()).groups(Set.of("admin"))))
                .get("/api/v1/accounts").then());

        Member reader = newMember(ws, "Rhea Reader", "read-only", null);
        String token = sign(claims(ws.id(), reader.id().toString()).groups(Set.of("read-only")));
        bearer(token).body(Map.of("name", "Not allowed")).post("/api/v1/accounts").then().statusCode(403)
                .contentType("application/problem+json");
        bearer(token).body(Map.of("name", "x", "email", "x@tokens.example", "role", "rep")).post("/api/v1/users")
                .then().statusCode(403);
        as(ws.adminKey()).get("/api/v1/accounts").then().body("data", hasSize(0));
    }

    @Test
    void aUsersTokensShareOneRateLimitWindow() {
        TestClock.set("2026-11-24T11:00:15Z"); // one window throughout
        ValidatableResponse first = bearer(Tokens.valid(ws.id(), rep.id())).get("/api/v1/accounts").then()
                .statusCode(200);
        long remaining = Long.parseLong(first.extract().header(RateLimitGate.REMAINING));
        bearer(Tokens.valid(ws.id(), rep.id())).get("/api/v1/accounts").then().statusCode(200)
                .header(RateLimitGate.REMAINING, Long.toString(remaining - 1));
        // the user's API key counts apart, in the key's own window
        as(rep.key()).get("/api/v1/accounts").then().statusCode(200)
                .header(RateLimitGate.REMAINING, Long.toString(1_000_000 - 1));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A token with {@code alg: none}: claims anyone could write. */
    private static String unsigned(Map<String, Object> claims) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        String payload = io.vertx.core.json.Json.encode(claims);
        return base64.encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + ".";
    }

    private static void rejected(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("type", equalTo("https://revops.dev/problems/unauthenticated"))
                .body("detail", equalTo("The bearer credential is invalid or expired"));
    }
}
