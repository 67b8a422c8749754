package org.revops.platform.security;

import org.junit.jupiter.api.Test;
import org.revops.platform.security.TokenClaims.UserReference;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenClaimsTest {
    private static final UUID WS = UUID.fromString("7d4f7c61-3f0e-4b4e-9c3e-2f8d2b1c5a10");
    private static final UUID USER = UUID.fromString("0b8e1a52-9a7c-4d43-8f8e-6c0a3e7b9d21");

    @Test
    void aUuidSubjectNamesTheUserById() {
        assertEquals(Optional.of(new UserReference(WS, USER, null)),
                TokenClaims.userOf(WS.toString(), USER.toString(), "ignored@x.example", null));
    }

    @Test
    void anyOtherSubjectFallsBackToAVerifiedOrUnstatedEmail() {
        assertEquals(Optional.of(new UserReference(WS, null, "ann@x.example")),
                TokenClaims.userOf(WS.toString(), "auth0|42", " ann@x.example ", null));
        assertEquals(Optional.of(new UserReference(WS, null, "ann@x.example")),
                TokenClaims.userOf(WS.toString(), null, "ann@x.example", true));
        assertEquals(Optional.empty(), TokenClaims.userOf(WS.toString(), "auth0|42", "ann@x.example", false));
        assertEquals(Optional.empty(), TokenClaims.userOf(WS.toString(), "auth0|42", " ", null));
    }

    @Test
    void noUsableWorkspaceNamesNobody() {
        assertEquals(Optional.empty(), TokenClaims.userOf(null, USER.toString(), null, null));
        assertEquals(Optional.empty(), TokenClaims.userOf("acme", USER.toString(), null, null));
        assertEquals(Optional.empty(), TokenClaims.userOf("7d4f7c61-3f0e-4b4e-9c3e", USER.toString(), null, null));
    }

    @Test
    void roleGroupsMustNameTheUsersRoleAndOtherGroupsAreIgnored() {
        assertTrue(TokenClaims.groupsAgreeWith(null, Role.REP));
        assertTrue(TokenClaims.groupsAgreeWith(Set.of(), Role.REP));
        assertTrue(TokenClaims.groupsAgreeWith(Set.of("sales", "emea"), Role.ADMIN));
        assertTrue(TokenClaims.groupsAgreeWith(Set.of("rep", "sales"), Role.REP));
        assertFalse(TokenClaims.groupsAgreeWith(Set.of("admin"), Role.REP));
        assertFalse(TokenClaims.groupsAgreeWith(Set.of("read-only", "sales"), Role.MANAGER));
    }
}
