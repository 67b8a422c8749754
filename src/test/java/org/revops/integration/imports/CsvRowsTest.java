package org.revops.integration.imports;

import org.junit.jupiter.api.Test;
import org.revops.platform.error.ApiProblem;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** RFC 4180 as the importer reads it: rows with the line they start on, and malformed files refused by line. */
class CsvRowsTest {
    private static CsvRows of(String text) {
        return new CsvRows(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> all(String text) {
        List<String> rows = new ArrayList<>();
        try (CsvRows csv = of(text)) {
            rows.add("header " + csv.header());
            for (CsvRows.Row row = csv.next(); row != null; row = csv.next()) {
                rows.add(row.line() + " " + List.of(row.cells()));
            }
        }
        return rows;
    }

    @Test
    void quotedFieldsLineBreaksBomAndCrlf() {
        assertEquals(List.of("header [externalId, company, note]", "2 [A1, Acme, Inc., plain]",
                        "3 [A2, Say \"hi\", two\r\nlines]", "5 [A3, , ]", "7 [A4, last, no newline]"),
                all("\uFEFFexternalId,company,note\r\nA1,\"Acme, Inc.\",plain\r\nA2,\"Say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
                        + "A3,,\n\nA4,last,no newline"));
    }

    @Test
    void malformedFilesNameTheLine() {
        assertEquals("Line 3: has 3 fields, the header has 2. Nothing was imported.",
                assertThrows(ApiProblem.class, () -> all("a,b\n1,2\n1,2,3\n")).getMessage());
        assertEquals("Line 3: has 1 fields, the header has 2. Nothing was imported.",
                assertThrows(ApiProblem.class, () -> all("a,b\n1,2\n1\n")).getMessage());
        ApiProblem quote = assertThrows(ApiProblem.class, () -> all("a,b\n1,2\n\"open,2\n3,4\n"));
        assertEquals(400, quote.status());
        assertEquals("Line 3: a quoted field opened in this row is never closed (unbalanced quote). Nothing was imported.", quote.getMessage());
        assertEquals("Line 1: the header names column 'a' twice. Nothing was imported.",
                assertThrows(ApiProblem.class, () -> all("a,a\n1,2\n")).getMessage());
        assertEquals("file: is empty: the first row must be the header".substring(6),
                assertThrows(ApiProblem.class, () -> all("")).getMessage());
    }

    @Test
    void notUtf8IsRefused() {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> new CsvRows(new ByteArrayInputStream(
                new byte[] {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'})).next());
        assertEquals("The file is not UTF-8 text", problem.getMessage());
    }
}
