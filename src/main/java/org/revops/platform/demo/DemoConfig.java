package org.revops.platform.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Demo workspace settings; `make run` turns seeding on. */
@ConfigMapping(prefix = "revops.demo")
public interface DemoConfig {
    /** Seed the demo workspace into an empty database at start-up. */
    @WithDefault("false")
    boolean seed();

    /** Deals in the demo workspace (accounts are a quarter of that). The benchmarks raise it. */
    @WithDefault("2000")
    int opportunities();

    /** Leads in the demo workspace, with their conversion history (0: none, and no predictive training). */
    @WithDefault("4000")
    int leads();

    /** Where to also write the demo admin key (readable by the owner only), for scripts and the README examples. */
    Optional<String> apiKeyFile();
}
