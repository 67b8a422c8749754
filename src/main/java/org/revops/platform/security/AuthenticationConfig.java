package org.revops.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on authentication itself (see {@link FailedAuthentications}) and how bearer JWTs map to users. */
@ConfigMapping(prefix = "revops.auth")
public interface AuthenticationConfig {
    /**
     * Failed authentications a source address may make per minute before it is refused (429) for the rest of the
     * minute. A browser app with an expired token fires a handful of parallel requests per page, so not too low.
     */
    @WithDefault("60")
    int failedPerMinute();

    /** The claim that names the workspace (a UUID) in a bearer JWT. */
    @WithDefault("workspace_id")
    String workspaceClaim();

    /** The claim with the user's e-mail, used when {@code sub} is not a RevOps user id. */
    @WithDefault("email")
    String emailClaim();
}
