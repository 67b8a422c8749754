package org.revops.integration.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An RFC 4180 CSV file read row by row from a stream (Jackson's CSV parser): quoted fields, doubled quotes, CRLF or LF,
 * line breaks inside quotes, an optional UTF-8 byte order mark; empty lines are skipped. The first row is the header.
 * Anything malformed — not UTF-8, an unbalanced quote, a row with another number of fields than the header, a NUL
 * character (PostgreSQL text cannot hold it) — is a 400 naming the line, so the caller can refuse the whole file.
 * Only one row is held at a time.
 */
public final class CsvRows implements AutoCloseable {
    private static final CsvFactory FACTORY = new CsvFactory();

    /** One data row: the line it starts on (the header is line 1) and its cells. */
    public record Row(int line, String[] cells) {
    }

    private final JsonParser parser;
    private final List<String> header;
    /** Where the row being read starts, as far as the parser knows (the line after the previous row). */
    private int rowStart = 1;

    public CsvRows(InputStream in) {
        try {
            Reader reader = new PushbackReader(new BufferedReader(new InputStreamReader(in,
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024));
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                ((PushbackReader) reader).unread(first);
            }
            CsvParser csv = (CsvParser) FACTORY.createParser(reader);
            csv.setSchema(CsvSchema.emptySchema());
            csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
            this.parser = csv;
            Row head = read();
            if (head == null) {
                throw ApiProblem.badRequest("file", "is empty: the first row must be the header");
            }
            Set<String> seen = new HashSet<>();
            List<String> names = new ArrayList<>();
            for (String cell : head.cells()) {
                String name = cell.trim();
                if (name.isEmpty()) {
                    throw malformed(head.line(), "the header has an empty column name");
                }
                if (!seen.add(name)) {
                    throw malformed(head.line(), "the header names column '" + name + "' twice");
                }
                names.add(name);
            }
            this.header = List.copyOf(names);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    public List<String> header() {
        return header;
    }

    /** The next data row, or null at the end of the file; 400 when it is malformed. */
    public Row next() {
        try {
            Row row = read();
            if (row != null && row.cells().length != header.size()) {
                throw malformed(row.line(), "has " + row.cells().length + " fields, the header has " + header.size());
            }
            return row;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private Row read() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return null;
        }
        int line = -1;
        List<String> cells = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw malformed(line, "ends inside the row");
            }
            if (line < 0) {
                // the row's own start: the array token still carries the previous row's position
                line = parser.currentTokenLocation().getLineNr();
            }
            String cell = parser.getText();
            if (cell.indexOf('\u0000') >= 0) {
                throw malformed(line, "holds a NUL character");
            }
            cells.add(cell);
        }
        rowStart = parser.currentLocation().getLineNr();
        if (cells.size() == 1 && cells.get(0).isEmpty()) {
            return read(); // an empty line (the parser reads it as one empty field)
        }
        return new Row(line, cells.toArray(String[]::new));
    }

    private ApiProblem unreadable(IOException e) {
        if (e instanceof CharacterCodingException) {
            return new ApiProblem(400, "malformed-csv", "Malformed CSV", "The file is not UTF-8 text",
                    List.of(new FieldError("file", "is not UTF-8 text")));
        }
        if (e instanceof JsonProcessingException json && json.getLocation() != null) {
            String message = json.getOriginalMessage();
            if (message != null && message.contains("Missing closing quote")) {
                // the parser notices at the end of the file; the row that opened the quote is the useful line
                return malformed(rowStart, "a quoted field opened in this row is never closed (unbalanced quote)");
            }
            return malformed(json.getLocation().getLineNr(), message);
        }
        return new ApiProblem(400, "malformed-csv", "Malformed CSV", "The file could not be read: " + e.getMessage(),
                List.of(new FieldError("file", "could not be read")));
    }

    private static ApiProblem malformed(int line, String message) {
        return new ApiProblem(400, "malformed-csv", "Malformed CSV", "Line " + line + ": " + message
                + ". Nothing was imported.", List.of(new FieldError("line " + line, message)));
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // the request body is closed by the framework; nothing to keep
        }
    }
}
