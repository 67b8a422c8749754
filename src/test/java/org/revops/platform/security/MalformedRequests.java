package org.revops.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Generates malformed requests from the OpenAPI contract: for every operation, each declared path and typed query
 * parameter with values it cannot take, each JSON body broken, of the wrong shape, with an unknown field and with
 * each property of the wrong type or too long, bodies in a media type the operation does not read, absurd page
 * sizes, malformed If-Match and Idempotency-Key headers and an unacceptable Accept. Each probe carries exactly one
 * defect on an otherwise ordinary request, so any answer but a 4xx means the defect got through.
 */
final class MalformedRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    record Probe(String label, String method, String path, Map<String, String> query, Map<String, String> headers,
                 String contentType, String body) {
    }

    private final JsonNode contract;
    private final UnaryOperator<String> resolvePath;
    private final List<Probe> probes = new ArrayList<>();

    private MalformedRequests(JsonNode contract, UnaryOperator<String> resolvePath) {
        this.contract = contract;
        this.resolvePath = resolvePath;
    }

    /** {@code resolvePath} turns a path template into a concrete path (real ids where it can find them). */
    static List<Probe> generate(JsonNode contract, UnaryOperator<String> resolvePath) {
        MalformedRequests generator = new MalformedRequests(contract, resolvePath);
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase();
            if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                generator.operation(method, path.getKey(), op.getValue());
            }
        }));
        return generator.probes;
    }

    private void operation(String method, String template, JsonNode op) {
        String id = op.path("operationId").asText(method + " " + template);
        String path = resolvePath.apply(template);
        List<JsonNode> parameters = new ArrayList<>();
        op.path("parameters").forEach(p -> parameters.add(resolve(p)));
        JsonNode body = op.path("requestBody");
        String mediaType = jsonMediaType(body);
        String validBody = mediaType == null ? null : "{}";

        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            switch (parameter.path("in").asText()) {
                case "path" -> {
                    for (String bad : List.of("not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "%27%20OR%20%271%27%3D%271",
                            "x".repeat(1000))) {
                        probes.add(new Probe(id + " path " + name + "=" + abbreviate(bad), method,
                                replaceSegment(template, path, name, bad), Map.of(), Map.of(), mediaType, validBody));
                    }
                }
                case "query" -> {
                    for (String bad : badQueryValues(name, schema)) {
                        probes.add(new Probe(id + " query " + name + "=" + abbreviate(bad), method, path,
                                Map.of(name, bad), Map.of(), mediaType, validBody));
                    }
                }
                case "header" -> {
                    for (String bad : badHeaderValues(name)) {
                        probes.add(new Probe(id + " header " + name + "=" + abbreviate(bad), method, path, Map.of(),
                                Map.of(name, bad), mediaType, validBody));
                    }
                }
                default -> { }
            }
        }
        if (mediaType != null) {
            bodies(id, method, path, mediaType, resolve(body.path("content").path(mediaType).path("schema")));
        }
        if (op.path("responses").has("200") || op.path("responses").has("201")) {
            probes.add(new Probe(id + " Accept: application/xml", method, path, Map.of(),
                    Map.of("Accept", "application/xml"), mediaType, validBody));
        }
    }

    private void bodies(String id, String method, String path, String mediaType, JsonNode schema) {
        for (String broken : List.of("{\"name\":", "nul", "{'name': 'single quotes'}", "\u0000\u0001",
                "[".repeat(5000))) {
            probes.add(new Probe(id + " broken JSON " + abbreviate(broken), method, path, Map.of(), Map.of(),
                    mediaType, broken));
        }
        boolean array = "array".equals(schema.path("type").asText());
        for (String wrongShape : array ? List.of("{}", "\"text\"", "42") : List.of("[]", "\"text\"", "42", "true")) {
            probes.add(new Probe(id + " body shape " + wrongShape, method, path, Map.of(), Map.of(), mediaType,
                    wrongShape));
        }
        probes.add(new Probe(id + " text/plain body", method, path, Map.of(), Map.of(), "text/plain", "name=x"));
        if (array) {
            return;
        }
        probes.add(new Probe(id + " unknown field", method, path, Map.of(), Map.of(), mediaType,
                "{\"zzNoSuchField\": 1}"));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode propertySchema = resolve(property.getValue());
            for (JsonNode bad : badValues(propertySchema)) {
                ObjectNode value = NODES.objectNode();
                value.set(property.getKey(), bad);
                probes.add(new Probe(id + " body " + property.getKey() + "=" + abbreviate(bad.toString()), method,
                        path, Map.of(), Map.of(), mediaType, value.toString()));
            }
        }
    }

    /** Values no property of this schema can take. Plain text without a length limit has none, so it gets none. */
    private List<JsonNode> badValues(JsonNode schema) {
        List<JsonNode> bad = new ArrayList<>();
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "string" -> {
                bad.add(NODES.objectNode().put("nested", "object"));
                bad.add(NODES.arrayNode().add(1));
                String format = schema.path("format").asText();
                if (schema.has("enum")) {
                    bad.add(NODES.textNode("definitely-not-a-choice"));
                } else if (format.equals("uuid") || schema.path("pattern").asText().contains("[a-fA-F0-9]{8}")) {
                    bad.add(NODES.textNode("not-a-uuid"));
                } else if (format.equals("date")) {
                    bad.add(NODES.textNode("2026-02-30"));
                } else if (format.equals("date-time")) {
                    bad.add(NODES.textNode("yesterday at noon"));
                }
                if (schema.has("maxLength")) {
                    bad.add(NODES.textNode("x".repeat(schema.path("maxLength").asInt() + 1)));
                }
            }
            case "integer", "number" -> {
                bad.add(NODES.textNode("twelve"));
                bad.add(NODES.objectNode());
                if (type.equals("integer")) {
                    bad.add(NODES.numberNode(1.5));
                    bad.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
                }
            }
            case "boolean" -> {
                bad.add(NODES.textNode("maybe"));
                bad.add(NODES.arrayNode());
            }
            case "array" -> {
                bad.add(NODES.textNode("not a list"));
                bad.add(NODES.objectNode());
            }
            case "object" -> {
                bad.add(NODES.numberNode(42));
                bad.add(NODES.arrayNode().add("x"));
            }
            default -> { }
        }
        return bad;
    }

    private List<String> badQueryValues(String name, JsonNode schema) {
        JsonNode item = "array".equals(schema.path("type").asText()) ? resolve(schema.path("items")) : schema;
        List<String> bad = new ArrayList<>();
        if (item.has("maximum")) {
            bad.add(item.get("maximum").decimalValue().add(java.math.BigDecimal.ONE).toPlainString());
        }
        if (item.has("minimum")) {
            bad.add(item.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE).toPlainString());
        }
        if (name.equals("cursor")) {
            bad.addAll(List.of("!!not-a-cursor!!", "eyJub3QiOiJvdXJzIn0", "x".repeat(3000)));
            return bad;
        }
        String type = item.path("type").asText();
        String format = item.path("format").asText();
        if (item.has("enum")) {
            bad.add("definitely-not-a-choice");
        } else if (type.equals("integer")) {
            bad.addAll(List.of("abc", "1.5", "99999999999999999999", "-99999999999"));
        } else if (type.equals("number")) {
            bad.addAll(List.of("abc", "1e999999"));
        } else if (type.equals("boolean")) {
            bad.addAll(List.of("maybe", "2"));
        } else if (format.equals("uuid") || item.path("pattern").asText().contains("[a-fA-F0-9]{8}")) {
            bad.addAll(List.of("not-a-uuid", "'; DROP TABLE accounts; --"));
        } else if (format.equals("date")) {
            bad.addAll(List.of("2026-13-01", "tomorrow"));
        } else if (format.equals("date-time")) {
            bad.addAll(List.of("2026-01-01T25:00:00Z", "now"));
        }
        return bad;
    }

    private static List<String> badHeaderValues(String name) {
        return switch (name) {
            case "If-Match" -> List.of("not-an-etag", "\"v-1\"", "W/\"abc\"");
            case "Idempotency-Key" -> List.of("k".repeat(300), "");
            default -> List.of();
        };
    }

    /** The JSON media type an operation reads, or null when it reads no JSON body. */
    private static String jsonMediaType(JsonNode body) {
        if (body.isMissingNode()) {
            return null;
        }
        Iterator<String> types = body.path("content").fieldNames();
        while (types.hasNext()) {
            String type = types.next();
            if (type.contains("json")) {
                return type;
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String[] parts = current.get("$ref").asText().substring(2).split("/");
            JsonNode target = contract;
            for (String part : parts) {
                target = target.path(part);
            }
            current = target;
        }
        if (current.has("allOf") && current.get("allOf").size() == 1) {
            return resolve(current.get("allOf").get(0));
        }
        return current;
    }

    /** The resolved path with the segment of parameter {@code name} replaced by {@code value} (already encoded). */
    private static String replaceSegment(String template, String resolved, String name, String value) {
        String[] names = template.split("/");
        String[] segments = resolved.split("/");
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals("{" + name + "}")) {
                segments[i] = value;
            }
        }
        return String.join("/", segments);
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 37) + "..." : value;
    }

    static Map<String, Integer> countByKind(List<Probe> probes) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Probe probe : probes) {
            String kind = probe.label().split(" ")[1];
            counts.merge(kind, 1, Integer::sum);
        }
        return counts;
    }

    static ObjectMapper json() {
        return JSON;
    }
}
