package org.revops.platform.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token that matched the platform-admin credential (checked by the mechanism before any lookup). */
public class PlatformAdminCredential extends BaseAuthenticationRequest {
}
