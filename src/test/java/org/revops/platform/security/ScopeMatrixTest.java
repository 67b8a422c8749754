package org.revops.platform.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.revops.support.ApiTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scope matrix, generated from the committed contract (openapi/openapi.yaml, which ContractTest holds to the code):
 * every operation declares the scope it needs as {@code x-required-scope}; an admin key narrowed to exactly that scope
 * gets past the scope check, and an admin key narrowed to another scope gets a 403 naming the missing scope. A new
 * operation without {@code @RequiresScope} has no extension and fails here.
 */
@QuarkusTest
class ScopeMatrixTest extends ApiTest {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final String LIMITED = "This key is limited to [";

    record ContractOperation(String method, String path, String operationId, String scope, String mediaType) {
        @Override
        public String toString() {
            return method + " " + path + " (" + operationId + ")";
        }
    }

    static List<ContractOperation> contractOperations() throws IOException {
        OpenAPI api = new OpenAPIV3Parser().readContents(Files.readString(Path.of("openapi/openapi.yaml")))
                .getOpenAPI();
        List<ContractOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Object scope = operation.getExtensions() == null ? null : operation.getExtensions().get("x-required-scope");
            operations.add(new ContractOperation(method.name(), path, operation.getOperationId(),
                    scope == null ? null : scope.toString(), mediaTypeOf(operation, method)));
        }));
        return operations;
    }

    private static String mediaTypeOf(Operation operation, PathItem.HttpMethod method) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && !operation.getRequestBody().getContent().isEmpty()) {
            return operation.getRequestBody().getContent().keySet().iterator().next();
        }
        return method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.DELETE ? null : "application/json";
    }

    @Test
    void everyOperationOfTheContractDeclaresAKnownScope() throws IOException {
        List<ContractOperation> operations = contractOperations();
        assertTrue(operations.size() > 100, "the contract's operations were read: " + operations.size());
        List<String> undeclared = operations.stream().filter(o -> o.scope() == null).map(Object::toString).toList();
        assertEquals(List.of(), undeclared, "operations without x-required-scope (add @RequiresScope)");
        List<String> unknown = operations.stream()
                .filter(o -> ApiScope.find(o.scope()).isEmpty() && !o.scope().equals(PlatformAdmin.ROLE))
                .map(o -> o + ": " + o.scope()).toList();
        assertEquals(List.of(), unknown);
        // every scope opens something, else it could not be granted usefully
        for (ApiScope scope : ApiScope.values()) {
            assertTrue(operations.stream().anyMatch(o -> o.scope().equals(scope.value())), scope + " opens nothing");
        }
    }

    @TestFactory
    Stream<DynamicTest> aKeyWithTheNeededScopePassesAndOneWithoutItIsRefused() throws IOException {
        // a throwaway workspace: writes with the needed scope may succeed
        Workspace ws = newWorkspace("Scope matrix");
        Map<ApiScope, String> keys = new EnumMap<>(ApiScope.class);
        for (ApiScope scope : ApiScope.values()) {
            keys.put(scope, as(ws.adminKey()).body(Map.of("name", "only " + scope.value(), "userId",
                    ws.adminId().toString(), "role", "admin", "scopes", List.of(scope.value())))
                    .post("/api/v1/api-keys").then().statusCode(201).extract().path("key"));
        }
        return contractOperations().stream().filter(o -> o.scope() != null).map(operation -> DynamicTest.dynamicTest(
                operation.toString(), () -> {
                    if (operation.scope().equals(PlatformAdmin.ROLE)) {
                        // no workspace key at all, scoped or with every right of an admin (PlatformProvisioningTest)
                        for (String key : List.of(keys.get(ApiScope.values()[0]), ws.adminKey())) {
                            send(key, operation).then().statusCode(403).contentType("application/problem+json");
                        }
                        return;
                    }
                    ApiScope needed = ApiScope.find(operation.scope()).orElseThrow();
                    ApiScope other = ApiScope.values()[(needed.ordinal() + 1) % ApiScope.values().length];

                    Response refused = send(keys.get(other), operation);
                    refused.then().statusCode(403).contentType("application/problem+json")
                            .body("detail", equalTo(LIMITED + other.value() + "]; this operation needs "
                                    + needed.value()));

                    Response passed = send(keys.get(needed), operation);
                    assertNotEquals(401, passed.statusCode(), operation + ": the scoped key authenticated");
                    String detail = passed.statusCode() == 403 ? passed.jsonPath().getString("detail") : "";
                    assertFalse(detail != null && detail.startsWith(LIMITED),
                            operation + " refused a key with " + needed.value() + ": " + detail);
                }));
    }

    private static Response send(String key, ContractOperation operation) {
        Matcher parameters = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            parameters.appendReplacement(path, UUID.randomUUID().toString());
        }
        parameters.appendTail(path);
        var request = as(key);
        if (operation.mediaType() != null) {
            request.contentType(operation.mediaType()).body(operation.mediaType().contains("json") ? "{}" : "");
        }
        return request.request(operation.method(), path.toString());
    }
}
