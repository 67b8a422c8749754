package org.revops.platform.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which RevOps user a verified JWT speaks for, from its claims alone (no Quarkus, no database):
 * <ul>
 *   <li>the workspace is the UUID in the workspace claim ({@code workspace_id} unless configured otherwise);</li>
 *   <li>the user is {@code sub} when it is a UUID (a token minted for RevOps user ids), otherwise the user with the
 *       e-mail claim in that workspace (a token from an identity provider with its own subject ids); an e-mail the
 *       token itself says is unverified ({@code email_verified: false}) names nobody;</li>
 *   <li>the role is the user's role in RevOps, never the token's. A token whose {@code groups} name RevOps roles must
 *       name the user's current role; one that names only others (issued before a promotion or a demotion) is
 *       refused rather than mapped to some role, since no role is strictly narrower than another here (read-only
 *       sees the whole workspace, a rep only their own records). Groups that are not role names are ignored.</li>
 * </ul>
 */
public final class TokenClaims {

    /** The user a token names: by id, or by e-mail when {@code userId} is null. */
    public record UserReference(UUID workspaceId, UUID userId, String email) {
    }

    private TokenClaims() {
    }

    /** Empty when the claims name no workspace, or neither a user id nor a usable e-mail. */
    public static Optional<UserReference> userOf(String workspace, String subject, String email, Boolean emailVerified) {
        Optional<UUID> workspaceId = uuid(workspace);
        if (workspaceId.isEmpty()) {
            return Optional.empty();
        }
        Optional<UUID> userId = uuid(subject);
        if (userId.isPresent()) {
            return Optional.of(new UserReference(workspaceId.get(), userId.get(), null));
        }
        if (email == null || email.isBlank() || Boolean.FALSE.equals(emailVerified)) {
            return Optional.empty();
        }
        return Optional.of(new UserReference(workspaceId.get(), null, email.trim()));
    }

    /** Whether the token's groups leave the user's role as it is (see the class comment). */
    public static boolean groupsAgreeWith(Set<String> groups, Role role) {
        if (groups == null || groups.stream().noneMatch(TokenClaims::isRoleName)) {
            return true;
        }
        return groups.contains(role.value());
    }

    private static boolean isRoleName(String group) {
        for (Role role : Role.values()) {
            if (role.value().equals(group)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<UUID> uuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
