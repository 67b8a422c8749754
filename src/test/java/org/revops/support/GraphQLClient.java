package org.revops.support;

import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.nullValue;

/** Posts GraphQL operations; a GraphQL failure still answers 200, so every call checks that `errors` is absent. */
public final class GraphQLClient {
    private GraphQLClient() {
    }

    public static JsonPath ok(String key, String query, Map<String, Object> variables) {
        return post(key, query, variables).then().statusCode(200).body("errors", nullValue())
                .extract().jsonPath();
    }

    public static io.restassured.response.Response post(String key, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        return ApiTest.as(key).body(body).post("/graphql");
    }
}
