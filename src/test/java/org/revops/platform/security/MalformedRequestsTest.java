package org.revops.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.revops.platform.demo.DemoDataGenerator;
import org.revops.platform.demo.DemoSeeder;
import org.revops.support.ApiTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input across the whole API, generated from the contract (so a new operation is covered the day it is
 * added): well over a thousand requests, each with one defect, against a seeded demo workspace with real ids in the
 * paths. Every answer must be a 4xx problem+json without stack traces, SQL, constraint or class names, and the
 * workspace's data must be exactly as before.
 */
@QuarkusTest
class MalformedRequestsTest extends ApiTest {
    /** What a response must never show a caller. */
    private static final Pattern LEAKS = Pattern.compile(
            "Exception|java\\.|org\\.revops|org\\.hibernate|io\\.vertx|io\\.quarkus|\\tat |SELECT |INSERT |UPDATE |"
                    + " FROM |_fkey|_pkey|_key\\b|_check\\b|_idx\\b|SQLSTATE|syntax error");
    /** Operational tables that reads legitimately touch (per-key counters), not the workspace's data. */
    private static final List<String> NOT_DATA = List.of("rate_limit_windows", "api_keys");

    @Inject
    DemoSeeder seeder;
    @Inject
    Pool pool;

    private final Map<String, String> resolved = new HashMap<>();

    @Test
    void malformedRequestsAnswer4xxProblemsAndChangeNothing() throws Exception {
        String key = seeder.seed(new DemoDataGenerator.Sizes(8, 24, 1, 60)).await().atMost(Duration.ofSeconds(120));
        UUID workspace = UUID.fromString(as(key).get("/api/v1/workspace").then().statusCode(200)
                .extract().path("id"));
        JsonNode contract = MalformedRequests.json().readTree(RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());

        List<MalformedRequests.Probe> probes = MalformedRequests.generate(contract, template -> resolve(key, template));
        assertTrue(probes.size() >= 1000, "only " + probes.size() + " probes");
        Map<String, String> before = fingerprint(workspace);

        List<String> failures = new ArrayList<>();
        for (MalformedRequests.Probe probe : probes) {
            Response response = send(key, probe);
            String body = response.asString();
            String contentType = response.getContentType() == null ? "" : response.getContentType();
            if (response.statusCode() < 400 || response.statusCode() >= 500) {
                failures.add(response.statusCode() + " " + probe.label() + " -> " + abbreviate(body));
            } else if (!contentType.startsWith("application/problem+json")) {
                failures.add("not problem+json (" + contentType + ", " + response.statusCode() + ") " + probe.label()
                        + " -> " + abbreviate(body));
            } else if (LEAKS.matcher(body).find()) {
                failures.add("leaks internals " + probe.label() + " -> " + abbreviate(body));
            }
        }
        System.out.println("Malformed requests sent, by kind: " + MalformedRequests.countByKind(probes));
        assertEquals(List.of(), failures, failures.size() + " of " + probes.size() + " probes answered badly");
        assertEquals(before, fingerprint(workspace), "malformed requests changed the workspace's data");
    }

    /**
     * Every operation on a record, called with another workspace's key on this workspace's real ids, answers exactly
     * as it does for ids that exist nowhere (status and body alike), and changes nothing here.
     */
    @Test
    void anotherWorkspacesRecordsLookExactlyLikeMissingOnes() throws Exception {
        String key = seeder.seed(new DemoDataGenerator.Sizes(8, 24, 1, 60)).await().atMost(Duration.ofSeconds(120));
        UUID workspace = UUID.fromString(as(key).get("/api/v1/workspace").then().statusCode(200)
                .extract().path("id"));
        String outsider = newWorkspace("Outsider").adminKey();
        JsonNode contract = MalformedRequests.json().readTree(RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        Map<String, String> before = fingerprint(workspace);

        List<String> differences = new ArrayList<>();
        int compared = 0;
        var paths = contract.get("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            String template = path.getKey();
            if (!template.contains("{") || template.startsWith("/api/v1/platform")) {
                continue;
            }
            String real = resolve(key, template);
            String missing = template.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-00000000dead");
            if (real.equals(missing)) {
                continue;
            }
            var operations = path.getValue().fields();
            while (operations.hasNext()) {
                var operation = operations.next();
                String method = operation.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                boolean hasBody = operation.getValue().has("requestBody");
                Response foreign = crossCall(outsider, method, real, hasBody);
                Response nowhere = crossCall(outsider, method, missing, hasBody);
                compared++;
                String foreignBody = foreign.asString().replace(real, "<path>");
                String nowhereBody = nowhere.asString().replace(missing, "<path>");
                if (foreign.statusCode() != nowhere.statusCode() || foreign.statusCode() < 400
                        || !normalise(foreignBody, real).equals(normalise(nowhereBody, missing))) {
                    differences.add(method + " " + template + ": " + foreign.statusCode() + " " + abbreviate(foreignBody)
                            + " vs " + nowhere.statusCode() + " " + abbreviate(nowhereBody));
                }
            }
        }
        assertTrue(compared >= 50, "only " + compared + " operations compared");
        assertEquals(List.of(), differences, differences.size() + " of " + compared + " operations told them apart");
        assertEquals(before, fingerprint(workspace), "another workspace's calls changed this one's data");
    }

    private static Response crossCall(String key, String method, String path, boolean hasBody) {
        RequestSpecification request = as(key);
        if (hasBody) {
            request.body("{}");
        }
        return request.request(method, path);
    }

    /** The ids of the path itself may appear in a message; they are the caller's own input, not a leak. */
    private static String normalise(String body, String path) {
        String normalised = body;
        for (String segment : path.split("/")) {
            if (segment.length() == 36) {
                normalised = normalised.replace(segment, "<id>");
            }
        }
        return normalised;
    }

    private Response send(String key, MalformedRequests.Probe probe) {
        RequestSpecification request = RestAssured.given().urlEncodingEnabled(false)
                .config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", "Bearer " + key);
        probe.headers().forEach(request::header);
        if (probe.body() != null) {
            request.contentType(probe.contentType()).body(probe.body().getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder query = new StringBuilder();
        probe.query().forEach((name, value) -> query.append(query.length() == 0 ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return request.request(probe.method(), probe.path() + query);
    }

    /**
     * A path with real ids of the seeded workspace where the parent collection lists one (the first item), a random
     * id otherwise; resolved segment by segment, so nested paths use the real parent.
     */
    private String resolve(String key, String template) {
        String[] segments = template.split("/");
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.startsWith("{")) {
                String parent = path.toString();
                segment = resolved.computeIfAbsent(parent + "/" + segment, ignored -> firstId(key, parent));
            }
            path.append('/').append(segment);
        }
        return path.toString();
    }

    private static String firstId(String key, String collection) {
        Response response = as(key).queryParam("limit", 1).get(collection);
        if (response.statusCode() == 200 && response.getContentType().startsWith("application/json")) {
            JsonPath json = response.jsonPath();
            for (String candidate : List.of("data[0].id", "data[0].userId", "[0].id", "stages[0].id")) {
                try {
                    Object id = json.get(candidate);
                    if (id instanceof String text && !text.isBlank()) {
                        return text;
                    }
                } catch (RuntimeException notThere) {
                    // another shape: try the next path
                }
            }
        }
        return UUID.randomUUID().toString();
    }

    /** Per table of the workspace: row count and a hash of every row's text. */
    private Map<String, String> fingerprint(UUID workspace) {
        List<String> tables = new ArrayList<>();
        for (Row row : pool.query("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND c.column_name = 'workspace_id'
                  AND t.table_type = 'BASE TABLE'""").execute().await().atMost(Duration.ofSeconds(30))) {
            String table = row.getString("table_name");
            if (!NOT_DATA.contains(table)) {
                tables.add(table);
            }
        }
        Map<String, String> fingerprint = new TreeMap<>();
        for (String table : tables) {
            Row row = pool.preparedQuery("SELECT count(*) AS n, coalesce(sum(hashtext(t::text)::bigint), 0) AS h FROM "
                            + table + " t WHERE workspace_id = $1").execute(Tuple.of(workspace))
                    .await().atMost(Duration.ofSeconds(30)).iterator().next();
            fingerprint.put(table, row.getLong("n") + ":" + row.getLong("h"));
        }
        Row ws = pool.preparedQuery("SELECT hashtext(w::text) AS h FROM workspaces w WHERE id = $1")
                .execute(Tuple.of(workspace)).await().atMost(Duration.ofSeconds(30)).iterator().next();
        fingerprint.put("workspaces", String.valueOf(ws.getInteger("h")));
        return fingerprint;
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
