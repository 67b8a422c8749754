package org.revops.platform.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.revops.platform.error.ApiProblem;

import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset position: the sort it belongs to and the sort-key values (plus id) of the last row seen.
 * Opaque to clients; tied to its sort so that a cursor cannot be replayed under another order.
 */
record Cursor(String sort, List<String> values) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        try {
            byte[] json = JSON.writeValueAsBytes(new Object[] {sort, values});
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Cursor decode(String text, String expectedSort, int expectedValues) {
        try {
            List<Object> parts = JSON.readValue(Base64.getUrlDecoder().decode(text), new TypeReference<>() { });
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) parts.get(1);
            Cursor cursor = new Cursor((String) parts.get(0), values);
            if (!cursor.sort.equals(expectedSort) || values.size() != expectedValues) {
                throw ApiProblem.badRequest("cursor", "belongs to another sort order; start again without a cursor");
            }
            return cursor;
        } catch (ApiProblem p) {
            throw p;
        } catch (Exception e) {
            throw ApiProblem.badRequest("cursor", "is not a cursor returned by this API");
        }
    }

}
