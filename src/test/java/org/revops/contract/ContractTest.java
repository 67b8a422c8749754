package org.revops.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.revops.support.ApiTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed contracts are what the code produces. {@code make openapi} rewrites them
 * ({@code -Drevops.update-contracts=true}); otherwise any difference fails the build.
 */
@QuarkusTest
class ContractTest extends ApiTest {
    private static final boolean UPDATE = Boolean.getBoolean("revops.update-contracts");

    @Test
    void openApiContractIsCurrent() throws IOException {
        String generated = RestAssured.given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        compareOrUpdate(Path.of("openapi/openapi.yaml"), generated);
    }

    @Test
    void graphqlSchemaIsCurrent() throws IOException {
        String generated = RestAssured.given().get("/graphql/schema.graphql").then().statusCode(200)
                .extract().asString();
        compareOrUpdate(Path.of("openapi/schema.graphql"), generated);
    }

    @Test
    void openApiIsValidAndEveryOperationIsDocumented() throws IOException {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(Path.of("openapi/openapi.yaml")));
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(), () -> "invalid: " + result.getMessages());
        OpenAPI api = result.getOpenAPI();
        List<String> gaps = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            if (operation.getSummary() == null || operation.getSummary().isBlank()) {
                gaps.add(where + ": no summary");
            }
            if (path.startsWith("/api/") && !documents(operation, "400", "401", "403")) {
                gaps.add(where + ": errors 400/401/403 not documented");
            }
            if (path.contains("{") && !documents(operation, "404")) {
                gaps.add(where + ": 404 not documented");
            }
        }));
        assertTrue(gaps.isEmpty(), () -> String.join("\n", gaps));
        assertTrue(api.getPaths().get("/api/v1/opportunities").getGet().getParameters().stream()
                .anyMatch(p -> p.getName().equals("account.industry")), "list filters are documented");
    }

    private static boolean documents(Operation operation, String... statuses) {
        for (String status : statuses) {
            if (operation.getResponses() == null || !operation.getResponses().containsKey(status)) {
                return false;
            }
        }
        return true;
    }

    private static void compareOrUpdate(Path committed, String generated) throws IOException {
        if (UPDATE) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, generated);
            return;
        }
        assertTrue(Files.exists(committed), committed + " is missing: run `make openapi`");
        assertEquals(Files.readString(committed), generated,
                committed + " differs from what the code produces: run `make openapi` and commit the result");
    }
}
