package org.revops.forecast;

import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;

import java.util.UUID;

/**
 * Whose forecast: the whole workspace, a user with the team below them, or a territory with its subtree. Written
 * {@code workspace}, {@code me}, {@code user:<id>} or {@code territory:<id>} in requests.
 */
public record ForecastScope(Type type, UUID id) {
    public static final String SYNTAX = "workspace, me, user:<id> or territory:<id>";

    public enum Type { workspace, user, territory }

    /**
     * The scope a request names in {@code field} (400 when it names none); without one, the caller's own: their user for
     * managers and reps, the workspace for admin, integration and read-only keys.
     */
    public static ForecastScope parse(String text, Caller caller, String field) {
        if (text == null || text.isBlank()) {
            return caller.role().seesWholeWorkspace() ? new ForecastScope(Type.workspace, caller.workspaceId())
                    : new ForecastScope(Type.user, caller.userId());
        }
        String value = text.trim();
        if (value.equals("workspace")) {
            return new ForecastScope(Type.workspace, caller.workspaceId());
        }
        if (value.equals("me")) {
            return new ForecastScope(Type.user, caller.userId());
        }
        int colon = value.indexOf(':');
        if (colon > 0) {
            String kind = value.substring(0, colon);
            try {
                UUID id = UUID.fromString(value.substring(colon + 1));
                if (kind.equals("user")) {
                    return new ForecastScope(Type.user, id);
                }
                if (kind.equals("territory")) {
                    return new ForecastScope(Type.territory, id);
                }
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest(field, "the id after '" + kind + ":' is not a UUID");
            }
        }
        throw ApiProblem.badRequest(field, "must be " + SYNTAX);
    }

    @Override
    public String toString() {
        return type == Type.workspace ? "workspace" : type + ":" + id;
    }
}
