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
