package org.revops.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvTest {
    record Deal(String name, BigDecimal amount, Integer count, Boolean won, UUID id) {
    }

    private static final List<Csv.Column<Deal>> COLUMNS = List.of(Csv.column("name", Deal::name),
            Csv.column("amount", Deal::amount), Csv.column("count", Deal::count), Csv.column("won", Deal::won),
            Csv.column("id", Deal::id));

    enum Kind {
        PLAIN, LABELLED;

        @com.fasterxml.jackson.annotation.JsonValue
        String json() {
            return name().equals("LABELLED") ? "labelled" : name();
        }
    }

    enum Plain {
        Pipeline
    }

    record Counts(int stage, int inactivity) {
    }

    record Step(String name, Integer days) {
    }

    record Item(UUID id, String name, Counts counts, List<String> tags, List<Step> steps, Kind kind, Plain plain,
                java.time.OffsetDateTime at) {
    }

    record TwoLists(List<Step> a, List<Step> b) {
    }

    @Test
    void columnsComeFromTheRecordsComponents() {
        UUID id = UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2026-03-02T10:00:00.120+01:00");
        assertEquals(List.of("id", "name", "counts.stage", "counts.inactivity", "tags", "steps.name", "steps.days",
                "kind", "plain", "at"), Csv.headers(Item.class));
        String csv = Csv.write(Item.class, List.of(
                new Item(id, "Two steps", new Counts(1, 2), List.of("stage", "inactivity"),
                        List.of(new Step("Open", 3), new Step("Won, at last", null)), Kind.LABELLED, Plain.Pipeline, at),
                new Item(null, "No steps", null, List.of(), List.of(), Kind.PLAIN, null, null),
                new Item(null, "Null steps", null, null, null, null, null, null)));
        assertEquals("id,name,counts.stage,counts.inactivity,tags,steps.name,steps.days,kind,plain,at\r\n"
                // one record per step, the item repeated; instants in UTC as in JSON; enums by their JSON value
                + id + ",Two steps,1,2,stage; inactivity,Open,3,labelled,Pipeline,2026-03-02T09:00:00.12Z\r\n"
                + id + ",Two steps,1,2,stage; inactivity,\"Won, at last\",,labelled,Pipeline,2026-03-02T09:00:00.12Z\r\n"
                // an empty or null list of records still gives the item one record
                + ",No steps,,,,,,PLAIN,,\r\n"
                + ",Null steps,,,,,,,,\r\n", csv);
        assertEquals("id,name,counts.stage,counts.inactivity,tags,steps.name,steps.days,kind,plain,at\r\n",
                Csv.write(Item.class, List.of()));
    }

    @Test
    void onlyOneListOfRecordsCanBecomeRecords() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Csv.headers(TwoLists.class));
    }

    @Test
    void headerThenOneRecordPerRowEachEndedByCrLf() {
        UUID id = UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
        String csv = Csv.write(COLUMNS, List.of(new Deal("Acme", new BigDecimal("1200.5000"), 3, true, id),
                new Deal(null, null, null, null, null)));
        assertEquals("name,amount,count,won,id\r\n"
                + "Acme,1200.5000,3,true,0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\r\n"
                + ",,,,\r\n", csv);
        assertEquals("name,amount,count,won,id\r\n", Csv.write(COLUMNS, List.of()));
    }

    @Test
    void fieldsAreQuotedOnlyWhenRfc4180AsksForIt() {
        assertEquals("plain text", Csv.field("plain text"));
        assertEquals("\"Umbrella, Inc.\"", Csv.field("Umbrella, Inc."));
        assertEquals("\"The \"\"Big\"\" one\"", Csv.field("The \"Big\" one"));
        assertEquals("\"two\r\nlines\"", Csv.field("two\r\nlines"));
        assertEquals("\"line\nfeed\"", Csv.field("line\nfeed"));
        assertEquals("", Csv.field(""));
        assertEquals("", Csv.field(null));
    }

    @Test
    void decimalsArePlainAndNumbersKeepTheirSign() {
        assertEquals("12000000", Csv.field(new BigDecimal("1.2E+7")));
        assertEquals("0.0001", Csv.field(new BigDecimal("1E-4")));
        assertEquals("-5", Csv.field(-5));
        assertEquals("-0.5000", Csv.field(new BigDecimal("-0.5000")));
    }

    @Test
    void textThatASpreadsheetWouldRunIsDefused() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", Csv.field("=HYPERLINK(\"http://x\")"));
        assertEquals("'=1+1", Csv.field("=1+1"));
        assertEquals("'+49 30 1234", Csv.field("+49 30 1234"));
        assertEquals("'-Acme", Csv.field("-Acme"));
        assertEquals("'@SUM(A1)", Csv.field("@SUM(A1)"));
        assertEquals("\"'=A1,B1\"", Csv.field("=A1,B1"));
        assertEquals("Acme - North", Csv.field("Acme - North"));
    }

    @Test
    void theResponseIsUtf8WithTheCsvContentTypeAndAFileName() {
        Response response = Csv.ok(COLUMNS, List.of(new Deal("Zürich AG", new BigDecimal("1"), 1, false, null)),
                "deals.csv");
        assertEquals(200, response.getStatus());
        assertEquals(MediaType.valueOf("text/csv; charset=UTF-8"), response.getMediaType());
        assertEquals("attachment; filename=\"deals.csv\"", response.getHeaderString("Content-Disposition"));
        assertArrayEquals("name,amount,count,won,id\r\nZürich AG,1,1,false,\r\n".getBytes(StandardCharsets.UTF_8),
                (byte[]) response.getEntity());
    }

    @Test
    void csvIsChosenOnlyWhenItIsTheMostPreferredType() {
        // JAX-RS hands over the acceptable types most preferred first (q-value, then specificity)
        assertEquals(true, Csv.requested(accepting("text/csv")));
        assertEquals(true, Csv.requested(accepting("text/csv; charset=UTF-8", "application/json")));
        assertEquals(false, Csv.requested(accepting("application/json", "text/csv")));
        assertEquals(false, Csv.requested(accepting("*/*")));
        assertEquals(false, Csv.requested(accepting("text/*")));
        assertEquals(false, Csv.requested(accepting()));
    }

    private static HttpHeaders accepting(String... types) {
        List<MediaType> acceptable = Arrays.stream(types).map(MediaType::valueOf).toList();
        return (HttpHeaders) Proxy.newProxyInstance(CsvTest.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getAcceptableMediaTypes")) {
                        return acceptable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
