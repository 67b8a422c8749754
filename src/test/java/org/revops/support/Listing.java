package org.revops.support;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.revops.support.ApiTest.as;

/** Checks every list endpoint shares: filters, sort orders, cursor paging and rejected parameters. */
public final class Listing {
    private Listing() {
    }

    /** The ids of the first page (up to 500) of {@code path?query}. */
    public static List<String> ids(String key, String path, String query) {
        return as(key).get(path + "?limit=500" + (query.isEmpty() ? "" : "&" + query)).then().statusCode(200)
                .extract().jsonPath().getList("data.id");
    }

    /** Each query string gives exactly these ids, in any order. */
    public static void assertFilters(String key, String path, Map<String, List<String>> expectations) {
        expectations.forEach((query, expected) ->
                assertEquals(new HashSet<>(expected), new HashSet<>(ids(key, path, query)), query));
    }

    public static void assertOrder(String key, String path, String sort, String... ids) {
        as(key).queryParam("sort", sort).get(path).then().statusCode(200).body("data.id", contains(ids));
    }

    /** Follows nextCursor to the end; returns the ids in the order seen and checks the number of pages. */
    public static List<String> walk(String key, String path, String sort, int limit, int expectedPages) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = as(key).queryParam("limit", limit).queryParam("sort", sort);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("data.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages <= expectedPages);
        assertEquals(expectedPages, pages, sort);
        return seen;
    }

    /** limit over 500, an unknown parameter, an unknown sort and a foreign cursor are each a 400 naming the field. */
    public static void assertRejectsBadParameters(String key, String path) {
        as(key).queryParam("limit", 501).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        as(key).queryParam("limit", 0).get(path).then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as(key).queryParam("colour", "red").get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("colour"));
        as(key).queryParam("sort", "colour").get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        as(key).queryParam("id", "not-a-uuid").get(path).then().statusCode(400).body("errors[0].field", equalTo("id"));
        as(key).queryParam("cursor", "garbage").get(path).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }
}
