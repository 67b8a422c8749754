package org.revops.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.revops.integration.BatchDtos.Counts;
import org.revops.integration.BatchDtos.RecordResult;
import org.revops.integration.BatchDtos.Result;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.error.Problems;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records of one batch upsert and what becomes of each: read from the body (400 malformed or empty, 413 over
 * {@link #MAX}), keyed by {@code (externalSource, externalId)} (both required; a key seen earlier in the batch makes
 * the later record an error), then marked valid or in error by the type's validation and finally created, updated or
 * unchanged by the one upsert statement. Independent of the record type.
 */
public final class BatchRecords {
    public static final int MAX = 10_000;
    public static final String SOURCE = "externalSource";
    public static final String EXTERNAL_ID = "externalId";

    /** One record: its fields as sent, its key, and its outcome so far. */
    public static final class Entry {
        public final int index;
        public final ObjectNode fields;
        public final String source;
        public final String externalId;
        final List<FieldError> errors = new ArrayList<>();
        String status;
        UUID id;

        Entry(int index, ObjectNode fields, String source, String externalId) {
            this.index = index;
            this.fields = fields;
            this.source = source;
            this.externalId = externalId;
        }

        public boolean valid() {
            return errors.isEmpty();
        }

        public void error(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        /** The field errors of a refusal by the single-record rules (bean validation, business rules, JSON types). */
        public void error(Throwable refusal) {
            ApiProblem problem = Problems.from(refusal);
            if (problem.status() >= 500) {
                throw problem;
            }
            if (problem.errors().isEmpty()) {
                error("record", problem.detail());
            } else {
                errors.addAll(problem.errors());
            }
        }

        public String key() {
            return BatchRecords.key(source, externalId);
        }
    }

    /** A record's key as one string. */
    public static String key(String source, String externalId) {
        return source + '\u0000' + externalId;
    }

    public final boolean atomic;
    public final List<Entry> entries;

    private BatchRecords(boolean atomic, List<Entry> entries) {
        this.atomic = atomic;
        this.entries = entries;
    }

    /**
     * Batch upserts are for callers that write the whole workspace (admin, integration): a batch matches records by
     * external id wherever they are and whoever owns them, which a rep's or a manager's visibility does not allow.
     */
    public static void requireBatchWriter(Caller caller) {
        caller.requireWrite();
        if (caller.role() != Role.ADMIN && caller.role() != Role.INTEGRATION) {
            throw ApiProblem.forbidden("Batch upserts need an admin or integration key: they match records across "
                    + "the whole workspace");
        }
    }

    /** The REST body {@code {"atomic": false, "records": [...]}}. */
    public static BatchRecords fromBody(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("body", "must be a JSON object with `records` (and optionally `atomic`)");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("atomic") && !name.equals("records")) {
                throw ApiProblem.badRequest(name, "unknown field");
            }
        });
        JsonNode atomic = body.get("atomic");
        if (atomic != null && !atomic.isNull() && !atomic.isBoolean()) {
            throw ApiProblem.badRequest("atomic", "must be true or false");
        }
        JsonNode records = body.get("records");
        if (records == null || !records.isArray()) {
            throw ApiProblem.badRequest("records", "must be an array of records");
        }
        List<JsonNode> list = new ArrayList<>(records.size());
        records.forEach(list::add);
        return of(atomic != null && atomic.asBoolean(), list);
    }

    /** Records from any door (GraphQL gives them as objects of the given fields). */
    public static BatchRecords of(boolean atomic, List<? extends JsonNode> records) {
        if (records == null || records.isEmpty()) {
            throw ApiProblem.badRequest("records", "must hold at least one record");
        }
        if (records.size() > MAX) {
            throw new ApiProblem(413, "too-large", "Batch too large", "A batch holds at most " + MAX
                    + " records; this one has " + records.size() + ": split it", null);
        }
        List<Entry> entries = new ArrayList<>(records.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode node = records.get(i);
            if (!(node instanceof ObjectNode fields)) {
                Entry entry = new Entry(i, null, null, null);
                entry.error("record", "must be a JSON object");
                entries.add(entry);
                continue;
            }
            Entry entry = new Entry(i, fields, text(fields, SOURCE), text(fields, EXTERNAL_ID));
            requireKey(entry, fields, SOURCE);
            requireKey(entry, fields, EXTERNAL_ID);
            if (entry.valid()) {
                Integer first = seen.putIfAbsent(entry.key(), i);
                if (first != null) {
                    entry.error(EXTERNAL_ID, "duplicate of record " + first);
                }
            }
            entries.add(entry);
        }
        return new BatchRecords(atomic, entries);
    }

    private static void requireKey(Entry entry, ObjectNode fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            entry.error(name, "is required: records are matched by externalSource and externalId");
        } else if (!value.isTextual() || value.asText().isBlank()) {
            entry.error(name, "must be a non-blank string");
        }
    }

    private static String text(ObjectNode fields, String name) {
        JsonNode value = fields.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** Removes a reference field that is not part of the record's write model, answering its text (or null). */
    public static String takeText(Entry entry, String name) {
        JsonNode value = entry.fields.remove(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            entry.error(name, "must be a string");
            return null;
        }
        return value.asText();
    }

    public boolean hasErrors() {
        return entries.stream().anyMatch(e -> !e.valid());
    }

    public List<Entry> valid() {
        return entries.stream().filter(Entry::valid).toList();
    }

    /** Marks the records the upsert statement returned; every other valid record was already stored as sent. */
    public void written(Map<String, UUID> created, Map<String, UUID> updated, Map<String, UUID> existing) {
        for (Entry entry : valid()) {
            String key = entry.key();
            if (created.containsKey(key)) {
                entry.status = "created";
                entry.id = created.get(key);
            } else if (updated.containsKey(key)) {
                entry.status = "updated";
                entry.id = updated.get(key);
            } else {
                entry.status = "unchanged";
                entry.id = existing.get(key);
            }
        }
    }

    /** The answer: nothing written ({@code applied} false) when an atomic batch had errors. */
    public Result result() {
        boolean applied = !(atomic && hasErrors());
        int[] counts = new int[5];
        List<RecordResult> results = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            String status = !e.valid() ? "error" : applied ? e.status : "not-applied";
            UUID id = e.valid() && applied ? e.id : null;
            counts[switch (status) {
                case "created" -> 0;
                case "updated" -> 1;
                case "unchanged" -> 2;
                case "error" -> 3;
                default -> 4;
            }]++;
            results.add(new RecordResult(e.index, e.source, e.externalId, status, id, List.copyOf(e.errors)));
        }
        return new Result(applied, atomic, new Counts(counts[0], counts[1], counts[2], counts[3], counts[4]), results);
    }
}
