package org.revops.platform.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** What a user or an API key may do in a workspace. The JSON and SQL value is {@link #value()}. */
public enum Role {
    ADMIN("admin"), MANAGER("manager"), REP("rep"), INTEGRATION("integration"), READ_ONLY("read-only");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static Role of(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role: " + value));
    }

    /**
     * Whether a key with {@code role} stays within what a user with this role may do. The order: admin above all;
     * manager above rep above read-only; integration above read-only only (an integration key is for an admin or an
     * integration user, and an integration user holds no manager or rep rights).
     */
    public boolean allows(Role role) {
        return switch (this) {
            case ADMIN -> true;
            case MANAGER -> role == MANAGER || role == REP || role == READ_ONLY;
            case REP -> role == REP || role == READ_ONLY;
            case INTEGRATION -> role == INTEGRATION || role == READ_ONLY;
            case READ_ONLY -> role == READ_ONLY;
        };
    }

    /**
     * The role a key acts with when its user now has {@code userRole}: the lower of the two, so a user demoted after
     * the key was made cannot keep acting above their role. When neither allows the other (an integration key of a
     * user now a manager), read-only, the one role below both.
     */
    public Role cappedBy(Role userRole) {
        if (userRole.allows(this)) {
            return this;
        }
        return allows(userRole) ? userRole : READ_ONLY;
    }

    public boolean canWriteRecords() {
        return this != READ_ONLY;
    }

    /** Workspace configuration (users, pipelines, keys) is the admin's. */
    public boolean canConfigure() {
        return this == ADMIN;
    }

    /** Reps and managers see what they and (for managers) their reports own; the rest see the workspace. */
    public boolean seesWholeWorkspace() {
        return this == ADMIN || this == INTEGRATION || this == READ_ONLY;
    }
}
