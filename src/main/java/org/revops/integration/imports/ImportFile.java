package org.revops.integration.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stores an uploaded CSV file as it streams in: rows are read (and so validated) a chunk at a time on a worker thread
 * — the request body is a blocking stream — and each chunk is inserted as one {@code import_chunks} row on the
 * caller's transaction, so at most one chunk of the file is in memory and a malformed line anywhere rolls the whole
 * upload back.
 */
final class ImportFile {
    private static final JsonFactory JSON = new JsonFactory();
    static final String INSERT_CHUNK = """
            INSERT INTO import_chunks (workspace_id, import_id, seq, row_count, rows) VALUES ($1, $2, $3, $4, $5)""";

    /** Rows and bytes stored. */
    record Stored(int rows, long bytes) {
    }

    private record Chunk(int rows, String json) {
    }

    private final Db db;
    private final CsvRows csv;
    private final Counting counting;
    private final int chunkRows;

    private ImportFile(Db db, CsvRows csv, Counting counting, int chunkRows) {
        this.db = db;
        this.csv = csv;
        this.counting = counting;
        this.chunkRows = chunkRows;
    }

    /** Opens the upload and reads its header (blocking: call on a worker thread). */
    static ImportFile open(Db db, InputStream body, int chunkRows) {
        Counting counting = new Counting(body);
        return new ImportFile(db, new CsvRows(counting), counting, chunkRows);
    }

    CsvRows csv() {
        return csv;
    }

    /** Reads the rest of the file into {@code import_chunks} of import {@code id}, on {@code conn}'s transaction. */
    /**
     * Reads and stores the file chunk after chunk. A stream of chunks rather than a recursion: a chunk chained inside
     * the previous one's continuation would keep every chunk's text reachable until the upload ended (the whole file
     * in the heap); here a chunk is garbage once stored, and the next is read only then.
     */
    Uni<Stored> store(SqlClient conn, UUID workspaceId, UUID id) {
        AtomicInteger seq = new AtomicInteger();
        AtomicInteger rows = new AtomicInteger();
        // each read hops to a worker thread: after a statement the chain continues on the event loop, which must not
        // wait for the client's next bytes
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(this::readChunk)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .until(chunk -> chunk.rows() == 0)
                .onItem().transformToUniAndConcatenate(chunk -> {
                    rows.addAndGet(chunk.rows());
                    return db.query(conn, INSERT_CHUNK, Tuple.of(workspaceId, id, seq.getAndIncrement(), chunk.rows(),
                            chunk.json()));
                })
                .collect().last()
                .map(done -> new Stored(rows.get(), counting.count));
    }

    /** The next rows as {@code [[line, cell, …], …]}; none at the end of the file. */
    private Chunk readChunk() {
        StringWriter out = new StringWriter();
        int rows = 0;
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartArray();
            for (CsvRows.Row row = rows < chunkRows ? csv.next() : null; row != null;
                 row = rows < chunkRows ? csv.next() : null) {
                json.writeStartArray();
                json.writeNumber(row.line());
                for (String cell : row.cells()) {
                    json.writeString(cell);
                }
                json.writeEndArray();
                rows++;
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Chunk(rows, out.toString());
    }

    /** Counts the bytes of the upload as they are read. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
