package org.revops.integration.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.integration.BatchRecords;
import org.revops.integration.imports.ImportDtos.ImportCounts;
import org.revops.integration.imports.ImportDtos.ImportErrorView;
import org.revops.integration.imports.ImportDtos.ImportLinks;
import org.revops.integration.imports.ImportDtos.ImportView;
import org.revops.integration.imports.ImportObjects.Importable;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.job.JobService;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CSV imports: the upload is stored and validated in one transaction (a malformed file or an unusable mapping stores
 * nothing), then a job ({@link ImportRun}) upserts it chunk by chunk through the object's batch engine. Reads give the
 * import with its job's state, progress and counts, and the refused rows' errors by line. Imports write across the
 * whole workspace, so, as batch upserts, they are for admin and integration keys only, reads included.
 */
@ApplicationScoped
public class ImportService {
    public static final String JOB_KIND = "import";

    static final String SELECT = """
             SELECT i.id, i.object, i.external_source, i.mapping, i.rows, i.bytes, i.created_by, i.created_at,
                    j.id AS job_id, j.state, j.percent, j.counts, j.errors AS job_errors, j.finished_at
             FROM imports i
             LEFT JOIN jobs j ON j.workspace_id = i.workspace_id AND j.subject_id = i.id AND j.kind = 'import'""";

    public static final ListSpec LIST = ListSpec.builder("listImports", SELECT, "i.workspace_id", "i.id")
            .anyOf("object", ValueType.TEXT, "i.object", "accounts, contacts, leads or opportunities; repeat for several.")
            .anyOf("state", ValueType.TEXT, "j.state", "queued, running, succeeded or failed; repeat for several.")
            .sort("createdAt", "i.created_at", "created_at", ValueType.TIMESTAMP)
            .build("-createdAt");

    public static final ListSpec ERRORS = ListSpec.builder("listImportErrors",
                    " SELECT e.id, e.line, e.external_id, e.field, e.message FROM import_errors e", "e.workspace_id", "e.id")
            .sort("line", "e.line", "line", ValueType.INTEGER)
            .build("line");

    static final String INSERT = """
            INSERT INTO imports (workspace_id, id, object, external_source, mapping, rows, bytes, created_by, created_at)
            VALUES ($1, $2, $3, $4, $5, 0, 0, $6, $7)""";
    static final String STORED = "UPDATE imports SET rows = $3, bytes = $4 WHERE workspace_id = $1 AND id = $2";

    private final Db db;
    private final ObjectMapper json;
    private final ImportObjects objects;
    private final JobService jobs;
    private final ImportConfig config;
    private final Clock clock;

    public ImportService(Db db, ObjectMapper json, ImportObjects objects, JobService jobs, ImportConfig config,
                         Clock clock) {
        this.db = db;
        this.json = json;
        this.objects = objects;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts an import of {@code body} (a CSV file with a header row) into {@code object}. Blocking until the header
     * is read: call on a worker thread. 403 unless admin or integration; 400 for an unknown object, a malformed
     * mapping or a malformed file (naming the line); 422 for a mapping that does not fit the file or a file without
     * rows. Nothing is stored unless the whole file was read; the job then runs on its own.
     *
     * @param mappingJson a JSON object of CSV column → record field (null: ignore the column), or null
     */
    public Uni<ImportView> create(Caller caller, String object, String externalSource, String mappingJson,
                                  InputStream body) {
        BatchRecords.requireBatchWriter(caller);
        Importable importable = objects.get(object);
        JsonNode mappingNode = parseMapping(mappingJson);
        ImportFile file = ImportFile.open(db, body, Math.min(config.chunkRows(), BatchRecords.MAX));
        ImportMapping mapping;
        try {
            mapping = ImportMapping.of(importable.recordType(), file.csv().header(), mappingNode, externalSource);
        } catch (RuntimeException e) {
            file.csv().close();
            throw e;
        }
        String source = externalSource == null || externalSource.isBlank() ? null : externalSource;
        UUID id = UUID.randomUUID();
        UUID workspaceId = caller.workspaceId();
        return db.inTransaction(conn -> db.query(conn, INSERT, Tuple.of(workspaceId, id, importable.name(), source,
                                new JsonObject(new LinkedHashMap<>(mapping.applied())), caller.userId())
                        .addOffsetDateTime(clock.instant().atOffset(ZoneOffset.UTC)))
                .flatMap(inserted -> file.store(conn, workspaceId, id))
                .call(stored -> stored.rows() == 0
                        ? Uni.createFrom().failure(ApiProblem.invalid("file", "has a header but no rows"))
                        : db.query(conn, STORED, Tuple.of(workspaceId, id, stored.rows(), stored.bytes()))))
                .eventually(file.csv()::close)
                .flatMap(stored -> jobs.start(caller, JOB_KIND, id, null, null,
                        new ImportRun(db, json, caller, id, importable, mapping, stored.rows())))
                .flatMap(job -> get(caller, id));
    }

    private JsonNode parseMapping(String mappingJson) {
        if (mappingJson == null || mappingJson.isBlank()) {
            return null;
        }
        try {
            return json.readTree(mappingJson);
        } catch (Exception e) {
            throw ApiProblem.badRequest("mapping", "must be a JSON object of CSV column → field (or null to ignore)");
        }
    }

    /** An import of the caller's workspace; 404 when there is none (also another workspace's). */
    public Uni<ImportView> get(Caller caller, UUID id) {
        requireReader(caller);
        return db.query(SELECT + " WHERE i.workspace_id = $1 AND i.id = $2", Tuple.of(caller.workspaceId(), id))
                .map(rows -> Rows.single(rows, this::toView, "Import"));
    }

    /** The workspace's imports, newest first. */
    public Uni<Slice<ImportView>> list(Caller caller, ListRequest request) {
        requireReader(caller);
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request, this::toView);
    }

    /** The field errors of an import's refused rows, by line; 404 for an unknown import. */
    public Uni<Slice<ImportErrorView>> errors(Caller caller, UUID id, ListRequest request) {
        return get(caller, id).flatMap(found -> ListQuery.run(db, ERRORS, caller.workspaceId(),
                new SqlPredicate("e.import_id = ?", id), request, row -> new ImportErrorView(row.getInteger("line"),
                        row.getString("external_id"), row.getString("field"), row.getString("message"))));
    }

    private static void requireReader(Caller caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.INTEGRATION) {
            throw ApiProblem.forbidden("Imports are for admin and integration keys: they write across the workspace");
        }
    }

    private ImportView toView(Row row) {
        UUID id = row.getUUID("id");
        UUID jobId = row.getUUID("job_id");
        JsonObject counts = row.getJsonObject("counts");
        JsonArray jobErrors = row.getJsonArray("job_errors");
        Map<String, String> mapping = new LinkedHashMap<>();
        row.getJsonObject("mapping").forEach(e -> mapping.put(e.getKey(), (String) e.getValue()));
        String state = row.getString("state");
        return new ImportView(id, row.getString("object"), row.getString("external_source"), mapping,
                row.getInteger("rows"), row.getLong("bytes"), state == null ? "queued" : state,
                row.getInteger("percent") == null ? 0 : row.getInteger("percent"),
                new ImportCounts(count(counts, "processed"), count(counts, "created"), count(counts, "updated"),
                        count(counts, "unchanged"), count(counts, "errors")),
                jobErrors == null || jobErrors.isEmpty() ? null : jobErrors.getJsonObject(0).getString("message"),
                jobId, row.getUUID("created_by"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("finished_at"),
                new ImportLinks(jobId == null ? null : "/api/v1/jobs/" + jobId, "/api/v1/imports/" + id + "/errors"));
    }

    private static long count(JsonObject counts, String name) {
        Object value = counts == null ? null : counts.getValue(name);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
