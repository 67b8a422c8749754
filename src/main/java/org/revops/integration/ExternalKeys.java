package org.revops.integration;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.integration.BatchRecords.Entry;
import org.revops.platform.db.Db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A reference a batch record may give by the referenced record's external key instead of its id (an account by
 * {@code accountExternalId} + {@code accountExternalSource}, default: the record's own externalSource): resolved for
 * the whole batch with one statement before the records are read, so the single write's input gets the id.
 *
 * @param table         the referenced table (a constant of the type, never client input)
 * @param idField       the record's id field it fills ({@code accountId})
 * @param externalId    the record's field with the external id ({@code accountExternalId})
 * @param externalSource the record's field with the external source ({@code accountExternalSource})
 * @param noun          what the table holds, for messages ("an account")
 */
public record ExternalKeys(String table, String idField, String externalId, String externalSource, String noun) {

    /** Both reference fields, for {@link BatchUpsert#referenceFields()}. */
    public List<String> fields() {
        return List.of(externalId, externalSource);
    }

    /**
     * Puts the id of the record each work names by external key into its fields (as {@link #idField}), or an error
     * naming {@link #externalId} when there is none in the workspace or it disagrees with an id also given.
     */
    public <I, S> Uni<Void> resolve(Db db, SqlClient conn, UUID workspaceId, List<BatchUpsert.Work<I, S>> records) {
        List<BatchUpsert.Work<I, S>> byKey = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (BatchUpsert.Work<I, S> w : records) {
            String id = w.references.get(externalId);
            if (id != null) {
                byKey.add(w);
                sources.add(w.references.getOrDefault(externalSource, w.entry.source));
                ids.add(id);
            } else if (w.references.containsKey(externalSource)) {
                w.entry.error(externalSource, "is only read with " + externalId);
            }
        }
        if (byKey.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String sql = """
                SELECT r.id, r.external_source, r.external_id FROM %s r
                JOIN unnest(CAST($2 AS text[]), CAST($3 AS text[])) AS k(external_source, external_id)
                  ON r.external_source = k.external_source AND r.external_id = k.external_id
                WHERE r.workspace_id = $1""".formatted(table);
        return db.query(conn, sql, Tuple.of(workspaceId, sources.toArray(String[]::new), ids.toArray(String[]::new)))
                .invoke(rows -> {
                    Map<String, UUID> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(BatchRecords.key(row.getString("external_source"), row.getString("external_id")),
                                row.getUUID("id"));
                    }
                    for (int i = 0; i < byKey.size(); i++) {
                        Entry entry = byKey.get(i).entry;
                        UUID resolved = found.get(BatchRecords.key(sources.get(i), ids.get(i)));
                        if (resolved == null) {
                            entry.error(externalId, "is not the external id of " + noun + " of this workspace");
                        } else if (entry.fields.hasNonNull(idField)
                                && !resolved.toString().equals(entry.fields.get(idField).asText())) {
                            entry.error(externalId, "names another " + noun.substring(noun.indexOf(' ') + 1)
                                    + " than " + idField);
                        } else {
                            entry.fields.put(idField, resolved.toString());
                        }
                    }
                })
                .replaceWithVoid();
    }
}
