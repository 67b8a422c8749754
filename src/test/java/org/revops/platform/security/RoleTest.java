package org.revops.platform.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revops.platform.security.Role.ADMIN;
import static org.revops.platform.security.Role.INTEGRATION;
import static org.revops.platform.security.Role.MANAGER;
import static org.revops.platform.security.Role.READ_ONLY;
import static org.revops.platform.security.Role.REP;

class RoleTest {

    @Test
    void everyRoleAllowsItselfAndReadOnly() {
        for (Role role : Role.values()) {
            assertTrue(role.allows(role), role + " allows itself");
            assertTrue(role.allows(READ_ONLY), role + " allows read-only");
        }
    }

    @Test
    void adminAllowsEveryRole() {
        for (Role role : Role.values()) {
            assertTrue(ADMIN.allows(role));
        }
    }

    @Test
    void theLadderBelowAdmin() {
        assertTrue(MANAGER.allows(REP));
        assertFalse(MANAGER.allows(ADMIN));
        assertFalse(MANAGER.allows(INTEGRATION));
        assertFalse(REP.allows(MANAGER));
        assertFalse(REP.allows(INTEGRATION));
        assertFalse(READ_ONLY.allows(REP));
        assertFalse(READ_ONLY.allows(INTEGRATION));
    }

    @Test
    void integrationKeysOnlyForAdminAndIntegrationUsers() {
        assertTrue(INTEGRATION.allows(INTEGRATION));
        assertFalse(INTEGRATION.allows(REP));
        assertFalse(INTEGRATION.allows(MANAGER));
        assertFalse(INTEGRATION.allows(ADMIN));
    }

    @Test
    void aKeyActsWithTheLowerOfItsRoleAndItsUsersRole() {
        assertEquals(REP, ADMIN.cappedBy(REP), "an admin key of a user demoted to rep acts as a rep");
        assertEquals(MANAGER, ADMIN.cappedBy(MANAGER));
        assertEquals(REP, MANAGER.cappedBy(REP));
        assertEquals(READ_ONLY, REP.cappedBy(READ_ONLY));
        assertEquals(READ_ONLY, ADMIN.cappedBy(READ_ONLY));
        assertEquals(INTEGRATION, ADMIN.cappedBy(INTEGRATION));
    }

    @Test
    void aKeyBelowItsUsersRoleKeepsItsOwnRole() {
        assertEquals(READ_ONLY, READ_ONLY.cappedBy(ADMIN));
        assertEquals(REP, REP.cappedBy(MANAGER));
        assertEquals(INTEGRATION, INTEGRATION.cappedBy(ADMIN));
        assertEquals(INTEGRATION, INTEGRATION.cappedBy(INTEGRATION));
    }

    @Test
    void incomparableRolesMeetAtReadOnly() {
        assertEquals(READ_ONLY, INTEGRATION.cappedBy(MANAGER));
        assertEquals(READ_ONLY, INTEGRATION.cappedBy(REP));
        assertEquals(READ_ONLY, MANAGER.cappedBy(INTEGRATION));
        assertEquals(READ_ONLY, REP.cappedBy(INTEGRATION));
    }
}
