package org.revops.integration.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.integration.BatchDtos.RecordResult;
import org.revops.integration.BatchDtos.Result;
import org.revops.integration.BatchRecords;
import org.revops.integration.imports.ImportObjects.Importable;
import org.revops.platform.db.Db;
import org.revops.platform.error.FieldError;
import org.revops.platform.job.JobProgress;
import org.revops.platform.job.JobWork;
import org.revops.platform.security.Caller;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work of an import job: each stored chunk of the file, in order, becomes one non-atomic batch for the object's
 * upsert engine (its own transaction: a chunk's valid rows land even when others are refused), the refused rows'
 * field errors are stored with their line numbers, and progress and counts are reported after every chunk. Once all
 * chunks ran the stored file is deleted; the error rows stay.
 */
final class ImportRun implements JobWork {
    private static final Pattern DUPLICATE = Pattern.compile("duplicate of record (\\d+)");
    static final String CHUNKS = """
            SELECT seq FROM import_chunks WHERE workspace_id = $1 AND import_id = $2 ORDER BY seq""";
    static final String CHUNK = """
            SELECT rows FROM import_chunks WHERE workspace_id = $1 AND import_id = $2 AND seq = $3""";
    static final String INSERT_ERRORS = """
            INSERT INTO import_errors (workspace_id, import_id, id, line, external_id, field, message)
            SELECT $1, $2, gen_random_uuid(), e.line, e.external_id, e.field, e.message
            FROM unnest(CAST($3 AS integer[]), CAST($4 AS text[]), CAST($5 AS text[]), CAST($6 AS text[]))
                 AS e(line, external_id, field, message)""";
    static final String DELETE_FILE = "DELETE FROM import_chunks WHERE workspace_id = $1 AND import_id = $2";

    private final Db db;
    private final ObjectMapper json;
    private final Caller caller;
    private final UUID importId;
    private final Importable importable;
    private final ImportMapping mapping;
    private final int rows;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    ImportRun(Db db, ObjectMapper json, Caller caller, UUID importId, Importable importable, ImportMapping mapping,
              int rows) {
        this.db = db;
        this.json = json;
        this.caller = caller;
        this.importId = importId;
        this.importable = importable;
        this.mapping = mapping;
        this.rows = rows;
        for (String name : List.of("processed", "created", "updated", "unchanged", "errors")) {
            counts.put(name, 0L);
        }
    }

    /**
     * The chunks one after the other as items of a stream, not as a recursion: a chunk chained inside the previous
     * one's continuation would keep every earlier chunk's records reachable until the last finished (a 1M-row import
     * ran the heap full at 460k rows that way); here each chunk's data is garbage once its step completed.
     */
    @Override
    public Uni<JsonNode> run(JobProgress progress) {
        UUID workspaceId = caller.workspaceId();
        return db.query(CHUNKS, Tuple.of(workspaceId, importId))
                .map(found -> {
                    List<Integer> seqs = new ArrayList<>();
                    found.forEach(row -> seqs.add(row.getInteger("seq")));
                    return seqs;
                })
                .flatMap(seqs -> Multi.createFrom().iterable(seqs)
                        .onItem().transformToUniAndConcatenate(seq -> chunk(progress, seq))
                        .collect().last())
                .flatMap(done -> db.query(DELETE_FILE, Tuple.of(workspaceId, importId)))
                .map(deleted -> result());
    }

    private Uni<Void> chunk(JobProgress progress, int seq) {
        UUID workspaceId = caller.workspaceId();
        return db.query(CHUNK, Tuple.of(workspaceId, importId, seq)).flatMap(found -> {
            List<Integer> lines = new ArrayList<>();
            List<ObjectNode> records = new ArrayList<>();
            try {
                for (JsonNode row : json.readTree(found.iterator().next().getString("rows"))) {
                    lines.add(row.get(0).asInt());
                    List<String> cells = new ArrayList<>(row.size() - 1);
                    for (int i = 1; i < row.size(); i++) {
                        cells.add(row.get(i).asText());
                    }
                    records.add(mapping.record(cells));
                }
            } catch (Exception e) {
                return Uni.createFrom().failure(new IllegalStateException("stored import chunk is not JSON", e));
            }
            return importable.engine().upsert(caller, BatchRecords.of(false, records))
                    .flatMap(result -> errors(result, lines).map(stored -> result))
                    .flatMap(result -> {
                        add("processed", records.size());
                        add("created", result.counts().created());
                        add("updated", result.counts().updated());
                        add("unchanged", result.counts().unchanged());
                        add("errors", result.counts().error());
                        int percent = (int) (counts.get("processed") * 100 / Math.max(1, rows));
                        return progress.report(Math.min(99, percent), counts);
                    });
        });
    }

    private void add(String name, long n) {
        counts.merge(name, n, Long::sum);
    }

    /** The field errors of the chunk's refused rows, by line, in one statement. */
    private Uni<Void> errors(Result result, List<Integer> lines) {
        List<Integer> line = new ArrayList<>();
        List<String> externalId = new ArrayList<>();
        List<String> field = new ArrayList<>();
        List<String> message = new ArrayList<>();
        for (RecordResult r : result.results()) {
            for (FieldError e : r.errors()) {
                line.add(lines.get(r.index()));
                externalId.add(r.externalId());
                field.add(e.field());
                message.add(lineNumbers(e.message(), lines));
            }
        }
        if (line.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.query(INSERT_ERRORS, Tuple.of(caller.workspaceId(), importId, line.toArray(Integer[]::new),
                        externalId.toArray(String[]::new), field.toArray(String[]::new), message.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** The engine names a repeated key's first record by its index in the batch; a file reader wants its line. */
    private static String lineNumbers(String message, List<Integer> lines) {
        Matcher m = DUPLICATE.matcher(message);
        return m.find() ? m.replaceFirst("duplicate of line " + lines.get(Integer.parseInt(m.group(1)))) : message;
    }

    private JsonNode result() {
        ObjectNode result = json.createObjectNode().put("importId", importId.toString()).put("rows", rows);
        counts.forEach(result::put);
        return result;
    }
}
