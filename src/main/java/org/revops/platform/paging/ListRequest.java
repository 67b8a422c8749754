package org.revops.platform.paging;

import jakarta.ws.rs.core.MultivaluedMap;
import org.revops.platform.error.ApiProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A list call in API terms, from a query string or from GraphQL arguments: filters, sort, limit and cursor. */
public record ListRequest(Map<String, List<String>> filters, String sort, int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static ListRequest of(Map<String, List<String>> filters, String sort, Integer limit, String cursor) {
        int resolved = limit == null ? DEFAULT_LIMIT : limit;
        if (resolved < 1 || resolved > MAX_LIMIT) {
            throw ApiProblem.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new ListRequest(filters, sort, resolved, cursor);
    }

    public static ListRequest fromQuery(MultivaluedMap<String, String> query) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (!name.equals("limit") && !name.equals("cursor") && !name.equals("sort")) {
                filters.put(name, values);
            }
        });
        return of(filters, single(query, "sort"), parseLimit(single(query, "limit")), single(query, "cursor"));
    }

    private static Integer parseLimit(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("limit", "must be an integer between 1 and " + MAX_LIMIT);
        }
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiProblem.badRequest(name, "may be given once");
        }
        return values.get(0);
    }
}
