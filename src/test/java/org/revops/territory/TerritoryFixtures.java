package org.revops.territory;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.revops.support.ApiTest.Workspace;

/**
 * Territory records through the API, the way a client builds them; and, through SQL, the two things no endpoint of
 * this slice makes: a model's state (set by activation) and account assignments (made by the engine).
 */
final class TerritoryFixtures {
    static final String MODELS = "/api/v1/territory-models";
    static final String TERRITORIES = "/api/v1/territories";

    private TerritoryFixtures() {
    }

    static String model(String key, String name) {
        return as(key).body(Map.of("name", name)).post(MODELS).then().statusCode(201)
                .extract().path("id");
    }

    /** A territory of type "region" (unless given) in {@code modelId}, under {@code parentId} when not null. */
    static String territory(String key, String modelId, String parentId, String name, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("modelId", modelId, "name", name, "type", "region"));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        body.putAll(fields);
        return as(key).body(body).post(TERRITORIES).then().statusCode(201)
                .extract().path("id");
    }

    static void member(String key, String territoryId, Object userId, String role) {
        as(key).body(Map.of("role", role))
                .put(TERRITORIES + "/" + territoryId + "/members/" + userId).then().statusCode(201);
    }

    /** What activation does to the model's state (the engine's job, not this slice's). */
    static void setState(Db db, Workspace ws, String modelId, String state) {
        sql(db, "UPDATE territory_models SET state = $3 WHERE workspace_id = $1 AND id = $2::uuid", ws.id(), modelId,
                state);
    }

    /** An assignment row as the engine or a manual assignment writes it. */
    static void assign(Db db, Workspace ws, String modelId, String accountId, String territoryId, String cause) {
        sql(db, """
                INSERT INTO territory_assignments (workspace_id, model_id, account_id, territory_id, cause, assigned_at,
                                                   assigned_by)
                VALUES ($1, $2::uuid, $3::uuid, $4::uuid, $5, '2026-01-15T10:00:00Z', $6)""",
                ws.id(), modelId, accountId, territoryId, cause, ws.adminId());
    }

    static RequestSpecification as(String key) {
        return RestAssured.given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    static List<Map<String, Object>> sql(Db db, String statement, Object... params) {
        RowSet<Row> rows = db.query(statement, Tuple.from(params)).await().atMost(Duration.ofSeconds(10));
        List<Map<String, Object>> result = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                values.put(row.getColumnName(i), row.getValue(i));
            }
            result.add(values);
        }
        return result;
    }
}
