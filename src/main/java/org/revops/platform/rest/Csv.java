package org.revops.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * CSV for report and list endpoints that answer {@code Accept: text/csv}: RFC 4180 (a header row, CRLF line ends,
 * a field quoted when it holds a comma, a double quote, CR or LF, with inner quotes doubled), UTF-8 without a BOM.
 *
 * <p>A resource declares its columns once and hands over the rows:
 * <pre>{@code
 * static final List<Csv.Column<WinLossGroup>> COLUMNS = List.of(
 *         Csv.column("key", WinLossGroup::key), Csv.column("won", WinLossGroup::won));
 * ...
 * if (Csv.requested(headers)) return Csv.ok(COLUMNS, view.groups(), "win-loss.csv");
 * }</pre>
 * Cells: null is an empty field, decimals are written plain ({@code 1200.5000}, never {@code 1.2E+3}), anything else
 * by {@code toString()}. Text that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or CR)
 * is prefixed with a single quote, so a deal named {@code =HYPERLINK(...)} cannot execute in the reader's Excel;
 * numbers are not text and keep their sign.
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";
    /** The Content-Type of every CSV answer. */
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final MediaType CSV = MediaType.valueOf(MEDIA_TYPE);

    private Csv() {
    }

    /** One column: its header and how to read its cell from a row. */
    public record Column<T>(String header, Function<T, ?> value) {
    }

    public static <T> Column<T> column(String header, Function<T, ?> value) {
        return new Column<>(header, value);
    }

    /**
     * Whether the client asked for CSV: its most preferred acceptable type (by q-value, then specificity) is
     * {@code text/csv}. {@code *}{@code /*}, a missing Accept header or JSON first keep the JSON answer.
     */
    public static boolean requested(HttpHeaders headers) {
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        if (acceptable.isEmpty()) {
            return false;
        }
        MediaType first = acceptable.get(0);
        return !first.isWildcardType() && !first.isWildcardSubtype() && first.isCompatible(CSV);
    }

    /** 200 with the CSV of {@code rows} as an attachment named {@code filename}. */
    public static <T> Response ok(List<Column<T>> columns, List<T> rows, String filename) {
        return Response.ok(write(columns, rows).getBytes(StandardCharsets.UTF_8), CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }

    /** The whole document: the header row, then one record per row, each ended by CRLF. */
    public static <T> String write(List<Column<T>> columns, List<T> rows) {
        StringBuilder out = new StringBuilder();
        List<Object> headers = new ArrayList<>(columns.size());
        for (Column<T> column : columns) {
            headers.add(column.header());
        }
        record(out, headers);
        for (T row : rows) {
            List<Object> cells = new ArrayList<>(columns.size());
            for (Column<T> column : columns) {
                cells.add(column.value().apply(row));
            }
            record(out, cells);
        }
        return out.toString();
    }

    private static void record(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One field, quoted only when RFC 4180 requires it. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
