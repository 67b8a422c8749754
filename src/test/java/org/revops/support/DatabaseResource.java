package org.revops.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One PostgreSQL for the whole test run: an embedded server (binaries from Maven Central), or the server named by
 * REVOPS_TEST_DB_URL (postgresql://host:port/db, with REVOPS_TEST_DB_USER / REVOPS_TEST_DB_PASSWORD).
 * Flyway cleans and migrates it at start, so every run begins from an empty schema.
 */
public class DatabaseResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("REVOPS_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return config(external, env("REVOPS_TEST_DB_USER", "postgres"), env("REVOPS_TEST_DB_PASSWORD", ""));
        }
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
        return config("postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "");
    }

    /**
     * The platform-admin credential of this run: random, so no such secret lives in the repository; tests read it
     * back from the configuration ({@code revops.platform.admin-token}).
     */
    private static final String PLATFORM_ADMIN_TOKEN = "rp_test_" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();

    private static Map<String, String> config(String url, String user, String password) {
        return Map.of(
                "revops.platform.admin-token", PLATFORM_ADMIN_TOKEN,
                "quarkus.datasource.jdbc.url", "jdbc:" + url,
                "quarkus.datasource.reactive.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
