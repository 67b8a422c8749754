package org.revops.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.integration.BatchDtos.Result;
import org.revops.integration.BatchRecords.Entry;
import org.revops.platform.db.Db;
import org.revops.platform.security.Caller;
import org.revops.platform.workspace.Workspaces;
import org.revops.platform.write.MergePatch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The batch upsert engine every record type shares; a type gives its write model {@code I}, its stored form
 * {@code S}, its references {@code R} and its column list ({@link UpsertStatement}). In one transaction:
 * <ol>
 * <li>the stored records of the batch's keys are read and locked (in id order);</li>
 * <li>each record is read as the type's input: a create's input for a new key, the JSON Merge Patch of the stored
 *   record for a known one, validated by the single write's bean validation (on a worker thread: thousands of
 *   records are some milliseconds of work per hundred);</li>
 * <li>the references the batch names (owners by id or e-mail, accounts by id or external id…) are resolved with
 *   one statement each ({@link #references});</li>
 * <li>the type's business rules turn each record into its row or its field errors ({@link #row});</li>
 * <li>unless an atomic batch had errors, the rows are written by one statement and the type's side effects run over
 *   the written ids ({@link #afterWrite}); its follow-up ({@link #afterCommit}) runs after the commit.</li>
 * </ol>
 */
public abstract class BatchUpsert<I, S, R> {
    protected final Db db;
    protected final ObjectMapper mapper;
    protected final MergePatch mergePatch;
    protected final Workspaces workspaces;
    protected final Clock clock;
    private final Vertx vertx;

    protected BatchUpsert(Db db, ObjectMapper mapper, MergePatch mergePatch, Workspaces workspaces, Clock clock,
                          Vertx vertx) {
        this.db = db;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
        this.workspaces = workspaces;
        this.clock = clock;
        this.vertx = vertx;
    }

    /**
     * A record on its way: its entry, the record as stored (null: new) and its id, its input, reference fields taken
     * out.
     */
    public static final class Work<I, S> {
        public final Entry entry;
        /** The batch's instant: what it writes as created_at/updated_at, for a type's own timestamps too. */
        public final Instant at;
        public final Map<String, String> references = new HashMap<>();
        public S current;
        UUID currentId;
        public I input;
        /** The id of the row the statement wrote (created or updated); null otherwise. */
        public UUID writtenId;

        Work(Entry entry, Instant at) {
            this.entry = entry;
            this.at = at;
        }
    }

    protected abstract UpsertStatement statement();

    /** The stored record from a row of {@link UpsertStatement#currentSql()}. */
    protected abstract S fromRow(Row row);

    protected abstract Class<I> inputType();

    protected abstract I toInput(S stored);

    /** Fields of a record that are references by something else than id (ownerEmail…): taken out before reading. */
    protected List<String> referenceFields() {
        return List.of();
    }

    /** Refuses a stored record that may not change (throws the single write's problem). */
    protected void refuseChange(S stored) {
    }

    /**
     * Resolves what must be known before a record can be read as its input (an account given by external id where
     * the input needs its id): may put fields into {@code Work#entry.fields} or record errors. Nothing by default.
     */
    protected Uni<Void> beforeRead(SqlClient conn, UUID workspaceId, List<Work<I, S>> records) {
        return Uni.createFrom().voidItem();
    }

    protected abstract Uni<R> references(SqlClient conn, UUID workspaceId, List<Work<I, S>> records);

    /**
     * The values of the record's row in {@link #statement()}'s column order, after the single write's rules; null
     * with field errors on the entry when it breaks one.
     */
    protected abstract Object[] row(Caller caller, Work<I, S> record, R references, String currency);

    /** Side effects over the written ids, in the transaction; answers what {@link #afterCommit} follows up. */
    protected Uni<List<UUID>> afterWrite(SqlClient conn, UUID workspaceId, UUID[] written) {
        return Uni.createFrom().item(List.of());
    }

    /**
     * Side effects that need more than the ids (what the type derived per record in {@link #row}, kept in its
     * references): the records the statement wrote, each with its {@link Work#writtenId}. By default
     * {@link #afterWrite(SqlClient, UUID, UUID[])} over their ids.
     */
    protected Uni<List<UUID>> afterWrite(SqlClient conn, UUID workspaceId, R references, List<Work<I, S>> written) {
        return afterWrite(conn, workspaceId, written.stream().map(w -> w.writtenId).toArray(UUID[]::new));
    }

    protected Uni<Void> afterCommit(Caller caller, List<UUID> followUp) {
        return Uni.createFrom().voidItem();
    }

    /** The REST body {@code {"atomic": false, "records": [...]}}: 403, then 400/413 for its shape. */
    public Uni<Result> upsert(Caller caller, JsonNode body) {
        BatchRecords.requireBatchWriter(caller);
        return upsert(caller, BatchRecords.fromBody(body));
    }

    /** Records as JSON objects of the input's fields (GraphQL's door). */
    public Uni<Result> upsert(Caller caller, boolean atomic, List<? extends JsonNode> records) {
        BatchRecords.requireBatchWriter(caller);
        return upsert(caller, BatchRecords.of(atomic, records));
    }

    /**
     * Upserts the batch in one transaction. With {@code atomic} and any invalid record nothing is written and every
     * record is reported ({@link Result#applied()} false); otherwise valid records land and invalid ones are reported.
     */
    public Uni<Result> upsert(Caller caller, BatchRecords batch) {
        BatchRecords.requireBatchWriter(caller);
        UUID workspaceId = caller.workspaceId();
        Instant at = clock.instant();
        List<Work<I, S>> work = new ArrayList<>();
        for (Entry entry : batch.valid()) {
            Work<I, S> w = new Work<>(entry, at);
            for (String field : referenceFields()) {
                String value = BatchRecords.takeText(entry, field);
                if (value != null) {
                    w.references.put(field, value);
                }
            }
            work.add(w);
        }
        return workspaces.currency(caller).flatMap(currency -> db.inTransaction(conn -> beforeRead(
                        conn, workspaceId, valid(work))
                .flatMap(resolved -> db.query(conn, statement().currentSql(),
                        Tuple.of(workspaceId, work.stream().map(w -> w.entry.source).toArray(String[]::new),
                                work.stream().map(w -> w.entry.externalId).toArray(String[]::new))))
                .flatMap(rows -> {
                    Map<String, Row> stored = new HashMap<>();
                    for (Row row : rows) {
                        stored.put(BatchRecords.key(row.getString("external_source"), row.getString("external_id")),
                                row);
                    }
                    return offLoop(() -> {
                        read(work, stored);
                        return Boolean.TRUE;
                    });
                })
                .flatMap(read -> references(conn, workspaceId, valid(work)))
                .flatMap(refs -> offLoop(() -> rows(caller, work, refs, currency))
                        .flatMap(rows -> batch.atomic && batch.hasErrors() ? Uni.createFrom().item(List.<UUID>of())
                                : write(conn, workspaceId, batch, rows, refs, at)))))
                .call(followUp -> followUp.isEmpty() ? Uni.createFrom().voidItem() : afterCommit(caller, followUp))
                .map(done -> batch.result());
    }

    private List<Work<I, S>> valid(List<Work<I, S>> work) {
        return work.stream().filter(w -> w.entry.valid()).toList();
    }

    private void read(List<Work<I, S>> work, Map<String, Row> stored) {
        for (Work<I, S> w : valid(work)) {
            Row row = stored.get(w.entry.key());
            if (row != null) {
                w.current = fromRow(row);
                w.currentId = row.getUUID("id");
            }
            try {
                if (w.current == null) {
                    w.input = mapper.treeToValue(w.entry.fields, inputType());
                    mergePatch.validate(w.input);
                } else {
                    refuseChange(w.current);
                    w.input = mergePatch.apply(toInput(w.current), w.entry.fields, inputType()).value();
                }
            } catch (Exception e) {
                w.entry.error(e);
            }
        }
    }

    private Map<Work<I, S>, Object[]> rows(Caller caller, List<Work<I, S>> work, R refs, String currency) {
        Map<Work<I, S>, Object[]> rows = new java.util.LinkedHashMap<>();
        for (Work<I, S> w : valid(work)) {
            Object[] row = row(caller, w, refs, currency);
            if (row != null && w.entry.valid()) {
                rows.put(w, row);
            }
        }
        return rows;
    }

    private Uni<List<UUID>> write(SqlClient conn, UUID workspaceId, BatchRecords batch,
                                  Map<Work<I, S>, Object[]> values, R refs, Instant at) {
        UpsertStatement.Rows rows = statement().rows();
        Map<String, UUID> existing = new HashMap<>();
        values.forEach((w, row) -> {
            if (w.current != null) {
                existing.put(w.entry.key(), w.currentId);
            }
            rows.add(UUID.randomUUID(), w.entry.source, w.entry.externalId, row);
        });
        if (rows.size() == 0) {
            batch.written(Map.of(), Map.of(), existing);
            return Uni.createFrom().item(List.of());
        }
        Map<String, Work<I, S>> byKey = new HashMap<>();
        values.keySet().forEach(w -> byKey.put(w.entry.key(), w));
        return db.query(conn, statement().sql(), rows.tuple(workspaceId, at.atOffset(ZoneOffset.UTC)))
                .flatMap(written -> {
                    Map<String, UUID> created = new HashMap<>();
                    Map<String, UUID> updated = new HashMap<>();
                    List<Work<I, S>> writtenWork = new ArrayList<>();
                    for (Row row : written) {
                        String key = BatchRecords.key(row.getString("external_source"), row.getString("external_id"));
                        (row.getBoolean("created") ? created : updated).put(key, row.getUUID("id"));
                        Work<I, S> w = byKey.get(key);
                        w.writtenId = row.getUUID("id");
                        writtenWork.add(w);
                    }
                    batch.written(created, updated, existing);
                    return writtenWork.isEmpty() ? Uni.createFrom().item(List.<UUID>of())
                            : afterWrite(conn, workspaceId, refs, writtenWork);
                });
    }

    /** Runs per-record checks on a worker thread, not the event loop; the statements after it continue as before. */
    private <T> Uni<T> offLoop(java.util.function.Supplier<T> checks) {
        return vertx.executeBlocking(Uni.createFrom().item(checks), false);
    }
}
