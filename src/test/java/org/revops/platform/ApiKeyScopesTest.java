package org.revops.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.revops.platform.db.Db;
import org.revops.support.ApiTest;
import org.revops.support.GraphQLClient;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Keys narrowed to scopes: what they may call, what they may not, and how they are made. */
@QuarkusTest
class ApiKeyScopesTest extends ApiTest {
    private static final String KEYS = "/api/v1/api-keys";
    private static final String LIMITED = "This key is limited to [forecast:read]; ";

    @Inject
    Db db;

    private Workspace ws;

    @BeforeEach
    void setUp() {
        ws = newWorkspace("Scopes");
    }

    @Test
    void aForecastReadKeyReadsTheCalendarAndNothingElse() {
        String scoped = createKey(ws.adminId(), List.of("forecast:read"))
                .then().statusCode(201)
                .body("scopes", contains("forecast:read")).body("role", equalTo("admin"))
                .body("key", notNullValue())
                .extract().path("key");

        as(scoped).get("/api/v1/forecast-periods").then().statusCode(200).body("year.id", notNullValue());
        as(scoped).get("/api/v1/forecast-periods/2026-Q4").then().statusCode(200).body("id", equalTo("2026-Q4"));

        as(scoped).get("/api/v1/opportunities").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revops.dev/problems/forbidden"))
                .body("detail", equalTo(LIMITED + "this operation needs opportunities:read"));
        // an admin key narrowed to forecast:read is no longer an admin key for anything else
        as(scoped).get(KEYS).then().statusCode(403).contentType("application/problem+json");

        as(scoped).body(Map.of("name", "Scoped Inc")).post("/api/v1/accounts").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo(LIMITED + "this operation needs accounts:write"));
        as(ws.adminKey()).get("/api/v1/accounts").then().statusCode(200).body("data", hasSize(0));

        // GraphQL holds root fields to the same scopes: the calendar answers, the workspace does not
        GraphQLClient.post(scoped, "{ forecastCalendar { year { id } } workspace { name } }", null).then()
                .statusCode(200)
                .body("data.forecastCalendar.year.id", notNullValue())
                .body("errors", hasSize(1))
                .body("errors[0].message", equalTo(LIMITED + "this field needs workspace:read"))
                .body("errors[0].path", contains("workspace"));
        // the schema is public: a scoped key sent along changes nothing
        as(scoped).get("/graphql/schema.graphql").then().statusCode(200);
    }

    @Test
    void aScopedKeyUsesGraphQLWithinItsScopesAndWritesNothingBeyondThem() {
        String reader = createKey(ws.adminId(), List.of("accounts:read")).then().statusCode(201).extract().path("key");
        as(ws.adminKey()).body(Map.of("name", "Readable Inc")).post("/api/v1/accounts").then().statusCode(201);

        GraphQLClient.ok(reader, "{ accounts { edges { node { name } } } }", null);
        GraphQLClient.post(reader, "mutation { createAccount(input: {name: \"Sneaky Inc\"}) { account { id } } }", null)
                .then().statusCode(200)
                .body("errors[0].message", equalTo("This key is limited to [accounts:read]; this field needs "
                        + "accounts:write"))
                .body("data.createAccount", nullValue());
        as(ws.adminKey()).get("/api/v1/accounts").then().statusCode(200).body("data.name", contains("Readable Inc"));

        String writer = createKey(ws.adminId(), List.of("accounts:write")).then().statusCode(201).extract().path("key");
        GraphQLClient.ok(writer, "mutation { createAccount(input: {name: \"Written Inc\"}) { account { id } } }", null);
        as(ws.adminKey()).get("/api/v1/accounts").then().body("data", hasSize(2));
    }

    @Test
    void aKeyWithoutScopesKeepsEveryRightOfItsRole() {
        String full = createKey(ws.adminId(), null).then().statusCode(201)
                .body("scopes", nullValue()).extract().path("key");

        as(full).get("/api/v1/forecast-periods").then().statusCode(200);
        as(full).get("/api/v1/opportunities").then().statusCode(200);
        as(full).get(KEYS).then().statusCode(200);
        as(full).body(Map.of("name", "Full Inc")).post("/api/v1/accounts").then().statusCode(201);
        GraphQLClient.ok(full, "{ workspace { name } }", null);
    }

    @Test
    void theKeyViewShowsItsScopes() {
        String scopedId = createKey(ws.adminId(), List.of("forecast:read", "forecast:read")).then().statusCode(201)
                .body("scopes", contains("forecast:read")).extract().path("id");

        as(ws.adminKey()).get(KEYS + "/" + scopedId).then().statusCode(200)
                .body("scopes", contains("forecast:read")).body("key", nullValue());
        as(ws.adminKey()).get(KEYS + "?sort=createdAt").then().statusCode(200)
                .body("data", hasSize(2))
                .body("data.find { it.id == '" + scopedId + "' }.scopes", contains("forecast:read"))
                .body("data.find { it.id != '" + scopedId + "' }.scopes", nullValue());
    }

    @Test
    void badScopesAre422AndWriteNothing() {
        createKey(ws.adminId(), List.of("forecast:delete")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://revops.dev/problems/validation"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("scopes[0]"))
                .body("errors[0].message", containsString("unknown scope 'forecast:delete'"));
        createKey(ws.adminId(), List.of("forecast:read", "leads:delete")).then().statusCode(422)
                .body("errors.field", contains("scopes[1]"));
        createKey(ws.adminId(), Arrays.asList("forecast:read", null)).then().statusCode(422)
                .body("errors.field", contains("scopes[1]"));
        createKey(ws.adminId(), List.of()).then().statusCode(422)
                .body("errors.field", contains("scopes"));
        as(ws.adminKey()).body(Map.of("name", "typed", "userId", ws.adminId().toString(), "scopes", "forecast:read"))
                .post(KEYS).then().statusCode(400).contentType("application/problem+json");

        as(ws.adminKey()).get(KEYS).then().statusCode(200).body("data", hasSize(1));
    }

    @Test
    void onlyAdminsCreateScopedKeys() {
        Member rep = newMember(ws, "Sandy Scope", "rep", null);
        as(rep.key()).body(Map.of("name", "mine", "userId", rep.id().toString(), "scopes", List.of("forecast:read")))
                .post(KEYS).then().statusCode(403).contentType("application/problem+json");
        as(ws.adminKey()).queryParam("userId", rep.id().toString()).get(KEYS).then().statusCode(200)
                .body("data", hasSize(1));
    }

    @Test
    void aScopeThatIsNoLongerKnownGrantsNothing() {
        Member rep = newMember(ws, "Rory Retired", "rep", null);
        var created = createKey(rep.id(), List.of("forecast:read")).then().statusCode(201).extract();
        String key = created.path("key");
        db.query("UPDATE api_keys SET scopes = '{retired:read}' WHERE workspace_id = $1 AND id = $2",
                Tuple.of(ws.id(), UUID.fromString(created.path("id")))).await().indefinitely();

        as(key).get("/api/v1/forecast-periods").then().statusCode(403)
                .body("detail", equalTo("This key is limited to []; this operation needs forecast:read"));
        as(key).get("/api/v1/users/" + rep.id()).then().statusCode(403);
    }

    private io.restassured.response.Response createKey(UUID userId, List<String> scopes) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "script", "userId", userId.toString()));
        if (scopes != null) {
            body.put("scopes", scopes);
        }
        return as(ws.adminKey()).body(body).post(KEYS);
    }
}
