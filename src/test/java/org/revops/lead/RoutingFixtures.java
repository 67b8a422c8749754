package org.revops.lead;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import org.revops.platform.db.Db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.revops.support.ApiTest.as;

/** Leads, rep settings and territory members for the routing and conversion tests, through the API. */
final class RoutingFixtures {
    static final String LEADS = "/api/v1/leads";

    private RoutingFixtures() {
    }

    /** An unowned lead (made by an admin or integration key) of a retail company in {@code country}/{@code region}. */
    static String lead(String key, String lastName, String country, String region) {
        Map<String, Object> body = new HashMap<>(Map.of("lastName", lastName, "company", lastName + " Ltd",
                "industry", "Retail", "country", country));
        if (region != null) {
            body.put("region", region);
        }
        return LeadResourceTest.lead(key, body);
    }

    static void capacity(String key, Object userId, int capacity) {
        as(key).body(Map.of("capacity", capacity)).put("/api/v1/users/" + userId + "/lead-routing").then()
                .statusCode(200);
    }

    static void member(String key, String territoryId, Object userId) {
        as(key).body(Map.of("role", "rep")).put("/api/v1/territories/" + territoryId + "/members/" + userId).then()
                .statusCode(201);
    }

    /** Rows of a statement as column → value maps, for asserting table contents. */
    static List<Map<String, Object>> sql(Db db, String statement, Object... params) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Row row : db.query(statement, Tuple.from(params)).await().atMost(Duration.ofSeconds(10))) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                Object value = row.getValue(i);
                values.put(row.getColumnName(i), value instanceof Numeric n ? n.bigDecimalValue() : value);
            }
            result.add(values);
        }
        return result;
    }

    static long count(Db db, String statement, Object... params) {
        return db.query(statement, Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getLong(0);
    }
}
