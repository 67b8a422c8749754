package org.revops.devrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code make run}: starts the packaged service on an embedded PostgreSQL whose data lives in {@code .data/} and
 * survives restarts (fsync and synchronous_commit on, clean shutdown), or on the server named by REVOPS_DB_URL.
 * It lives on the test classpath so the embedded database never ships in the production image.
 */
public final class DevLauncher {
    private static boolean stopped;

    private DevLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : ".data").toAbsolutePath();
        Path appJar = Path.of(args.length > 1 ? args[1] : "target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(dataDir);

        EmbeddedPostgres postgres = null;
        Map<String, String> env = new java.util.HashMap<>();
        env.put("REVOPS_DEMO_SEED", System.getenv().getOrDefault("REVOPS_DEMO_SEED", "true"));
        env.put("REVOPS_DEMO_API_KEY_FILE", dataDir.resolve("demo-api-key").toString());
        // a local run calls local receivers (a webhook test on this machine); deployments refuse private networks
        env.put("REVOPS_WEBHOOKS_ALLOW_PRIVATE_NETWORKS",
                System.getenv().getOrDefault("REVOPS_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true"));
        String external = System.getenv("REVOPS_DB_URL");
        if (external == null || external.isBlank()) {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("pg"))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(Integer.parseInt(System.getenv().getOrDefault("REVOPS_EMBEDDED_DB_PORT", "0")))
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dataDir.resolve("postgres.log").toFile()))
                    .start();
            env.put("REVOPS_DB_URL", "postgresql://localhost:" + postgres.getPort() + "/postgres");
            env.put("REVOPS_DB_USER", "postgres");
            env.put("REVOPS_DB_PASSWORD", "postgres");
            System.out.println("Embedded PostgreSQL on port " + postgres.getPort() + ", data in " + dataDir);
        }

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String javaOpts = System.getenv().getOrDefault("REVOPS_JAVA_OPTS", "-XX:+UseParallelGC -Xmx1g");
        if (!javaOpts.isBlank()) {
            command.addAll(List.of(javaOpts.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(appJar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(env);
        Process app = builder.start();

        EmbeddedPostgres database = postgres;
        Thread shutdown = new Thread(() -> stop(app, database));
        Runtime.getRuntime().addShutdownHook(shutdown);
        int exit = app.waitFor();
        stop(app, database);
        System.exit(exit);
    }

    /** The service first (it drains requests), then the database, so no write is cut off. */
    private static synchronized void stop(Process app, EmbeddedPostgres postgres) {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (app.isAlive()) {
                app.destroy();
                if (!app.waitFor(30, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("Shutdown: " + e.getMessage());
        }
    }

}
