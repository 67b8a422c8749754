package org.revops.platform.graphql;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;

import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class GraphQLLimitsTest extends ApiTest {

    /** The type-reference part of the introspection query GraphiQL and code generators send. */
    private static final String INTROSPECTION = """
            query IntrospectionQuery { __schema { queryType { name } mutationType { name }
              types { kind name fields(includeDeprecated: true) { name args { name type { ...TypeRef } }
                type { ...TypeRef } } } } }
            fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name
              ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }""";

    @Test
    void aQueryNestedTooDeeplyIsRefusedNamingTheLimit() {
        Workspace ws = newWorkspace("GraphQL depth");
        StringBuilder query = new StringBuilder("query { territory(id: \"" + UUID.randomUUID() + "\") { ");
        for (int i = 0; i < 16; i++) {
            query.append("parent { ");
        }
        query.append("id").append(" }".repeat(17)).append(" }");
        GraphQLClient.post(ws.adminKey(), query.toString(), null).then().statusCode(200)
                .body("data", nullValue())
                .body("errors.message", hasItem(containsString("maximum query depth exceeded")))
                .body("errors.message", hasItem(containsString("> 15")));
    }

    @Test
    void aQueryWithTooManyFieldsIsRefusedNamingTheLimit() {
        Workspace ws = newWorkspace("GraphQL complexity");
        StringBuilder query = new StringBuilder("query {");
        for (int i = 0; i < 600; i++) {
            query.append(" w").append(i).append(": workspace { name }");
        }
        query.append(" }");
        GraphQLClient.post(ws.adminKey(), query.toString(), null).then().statusCode(200)
                .body("data", nullValue())
                .body("errors.message", hasItem(containsString("maximum query complexity exceeded")))
                .body("errors.message", hasItem(containsString("> 1000")));
    }

    @Test
    void malformedGraphQLRequestsAreRefusedWithoutRunningAnything() {
        Workspace ws = newWorkspace("GraphQL malformed");
        for (String body : java.util.List.of("{\"query\":", "nul", "[]", "{\"query\": 5}", "{\"variables\": {}}",
                "{\"query\": \"{ workspace { name }\"}", "{\"query\": \"{ noSuchField }\"}",
                "{\"query\": \"mutation { createAccount(input: {name: 5}) { account { id } } }\"}",
                "{\"query\": \"query($n: Int) { workspace { name } }\", \"variables\": {\"n\": \"x\"}}")) {
            // GraphQL's own convention: request errors come as `errors` with no `data` (no 5xx, nothing run)
            as(ws.adminKey()).body(body).post("/graphql").then().statusCode(200)
                    .body("data", nullValue()).body("errors.size()", org.hamcrest.Matchers.greaterThan(0))
                    .body(not(containsString("Exception:"))).body(not(containsString("at org.")));
        }
        as(ws.adminKey()).get("/api/v1/accounts").then().statusCode(200).body("data", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void introspectionAndOrdinaryNestingStayWithinTheLimits() {
        Workspace ws = newWorkspace("GraphQL introspection");
        GraphQLClient.ok(ws.adminKey(), INTROSPECTION, null);
        GraphQLClient.post(ws.adminKey(), "{ workspace { name currency } }", null).then().statusCode(200)
                .body("errors", nullValue()).body("data.workspace.name", notNullValue());
    }
}
