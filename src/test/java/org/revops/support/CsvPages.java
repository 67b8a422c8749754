package org.revops.support;

import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.revops.support.ApiTest.as;

/** Reads list and report endpoints as CSV ({@code Accept: text/csv}) and pages through them by the cursor header. */
public final class CsvPages {
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private CsvPages() {
    }

    /** The CSV answer of {@code path} (with its query): 200, {@code text/csv; charset=UTF-8}, the body as text. */
    public static String csv(String key, String path) {
        Response response = as(key).accept("text/csv").get(path);
        response.then().statusCode(200).header("Content-Type", CONTENT_TYPE);
        return new String(response.asByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * Follows {@code X-Next-Cursor} from the first page of {@code path} (whose query must hold {@code limit}) to
     * the last: checks that every page repeats the header, that {@code Link} names the same cursor, and that the
     * number of pages is as expected; returns the data records of all pages (without headers), checked distinct.
     */
    public static List<String> walk(String key, String path, int expectedPages) {
        List<String> records = new ArrayList<>();
        String header = null;
        String cursor = null;
        int pages = 0;
        do {
            String url = cursor == null ? path : path + "&cursor=" + cursor;
            Response response = as(key).accept("text/csv").get(url);
            response.then().statusCode(200).header("Content-Type", CONTENT_TYPE);
            List<String> lines = List.of(new String(response.asByteArray(), StandardCharsets.UTF_8).split("\r\n"));
            if (header == null) {
                header = lines.get(0);
            }
            assertEquals(header, lines.get(0), "every page starts with the header");
            records.addAll(lines.subList(1, lines.size()));
            cursor = response.header("X-Next-Cursor");
            String link = response.header("Link");
            if (cursor == null) {
                assertNull(link, "no Link on the last page");
            } else {
                assertTrue(link.startsWith("<http") && link.endsWith(">; rel=\"next\"")
                        && link.contains("cursor=" + cursor) && link.contains(path.substring(0, path.indexOf('?'))),
                        link);
            }
            pages++;
        } while (cursor != null && pages <= expectedPages);
        assertEquals(expectedPages, pages, "pages");
        assertEquals(records.size(), new HashSet<>(records).size(), "no record twice: " + records);
        return records;
    }
}
