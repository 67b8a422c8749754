package org.revops.territory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.revops.support.ApiTest.as;

/** Builds a territory model through the API and remembers its territories by code. */
public final class TerritoryMap {
    final String key;
    public final String modelId;
    public final Map<String, String> ids = new HashMap<>();

    private TerritoryMap(String key, String modelId) {
        this.key = key;
        this.modelId = modelId;
    }

    static TerritoryMap create(String key, String name) {
        String id = as(key).body(Map.of("name", name)).post("/api/v1/territory-models").then().statusCode(201)
                .extract().path("id");
        return new TerritoryMap(key, id);
    }

    /** Adds a territory under {@code parentCode} (null: a root). */
    TerritoryMap territory(String code, String parentCode, int priority) {
        Map<String, Object> body = new HashMap<>(Map.of("modelId", modelId, "name", code, "code", code,
                "type", "region", "priority", priority));
        if (parentCode != null) {
            body.put("parentId", ids.get(parentCode));
        }
        ids.put(code, as(key).body(body).post("/api/v1/territories").then().statusCode(201).extract().path("id"));
        return this;
    }

    /** Adds a rule; {@code expression} null means all criteria AND-ed. */
    String rule(String code, String name, boolean inherited, String expression, List<Map<String, Object>> criteria) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "inherited", inherited, "criteria", criteria));
        if (expression != null) {
            body.put("expression", expression);
        }
        return as(key).body(body).post("/api/v1/territories/" + ids.get(code) + "/rules").then().statusCode(201)
                .extract().path("id");
    }

    static Map<String, Object> in(String field, String... values) {
        return Map.of("field", field, "operator", "in", "values", List.of(values));
    }

    static Map<String, Object> atLeast(String field, Number min) {
        return Map.of("field", field, "operator", "between", "min", min);
    }

    public String code(String territoryId) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(territoryId)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    public String path(String suffix) {
        return "/api/v1/territory-models/" + modelId + suffix;
    }
}
