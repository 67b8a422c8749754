package org.revops.platform.rest;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.List;

/**
 * Guards the CORS allow-list ({@code REVOPS_CORS_ORIGINS}, applied by Quarkus' CORS filter): outside dev and test an
 * origin pattern that lets any site call the API is refused at start. With bearer tokens a wildcard does not leak
 * cookies, but it lets any page a user opens drive the API with a token that page obtained, and it hides mistakes.
 */
@ApplicationScoped
public class CorsOrigins {
    static final String ORIGINS = "quarkus.http.cors.origins";

    void check(@Observes StartupEvent started, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> origins = config.getOptionalValues(ORIGINS, String.class).orElse(List.of());
        if (allowsAnyOrigin(origins)) {
            throw new IllegalStateException(ORIGINS + " (REVOPS_CORS_ORIGINS) allows every origin: list the front ends' "
                    + "origins instead, e.g. https://app.example.com");
        }
    }

    /** {@code *}, or a regular expression (written between slashes) that matches any origin. */
    static boolean allowsAnyOrigin(List<String> origins) {
        return origins.stream().map(String::trim).anyMatch(o -> o.equals("*") || o.equals("/.*/") || o.equals("/.+/"));
    }
}
