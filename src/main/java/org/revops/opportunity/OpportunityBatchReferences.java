package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.integration.BatchRecords.Entry;
import org.revops.integration.BatchUpsert.Work;
import org.revops.integration.UserReferences;
import org.revops.opportunity.OpportunityDtos.OpportunityInput;
import org.revops.platform.db.Db;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an opportunity batch refers to, read with one statement for the whole batch (stages of the records and of the
 * stored deals, accounts, contacts, active territories, close reasons), and the stage-by-name lookup that runs before
 * the records are read. Everything is filtered on the caller's workspace.
 */
final class OpportunityBatchReferences {
    static final String STAGE_NAME = "stageName";

    private static final String FIND = """
            SELECT 'stage' AS kind, s.id, s.pipeline_id AS ref, s.probability, s.forecast_category AS text,
                   s.is_closed AS flag, s.is_won AS won
            FROM stages s WHERE s.workspace_id = $1 AND s.id = ANY(CAST($2 AS uuid[]))
            UNION ALL
            SELECT 'account', a.id, NULL, NULL, NULL, NULL, NULL
            FROM accounts a WHERE a.workspace_id = $1 AND a.id = ANY(CAST($3 AS uuid[]))
            UNION ALL
            SELECT 'contact', c.id, c.account_id, NULL, NULL, NULL, NULL
            FROM contacts c WHERE c.workspace_id = $1 AND c.id = ANY(CAST($4 AS uuid[]))
            UNION ALL
            SELECT 'territory', t.id, NULL, NULL, NULL, NULL, NULL
            FROM territories t
            JOIN territory_models m ON m.workspace_id = t.workspace_id AND m.id = t.model_id AND m.state = 'active'
            WHERE t.workspace_id = $1 AND t.id = ANY(CAST($5 AS uuid[]))
            UNION ALL
            SELECT 'reason', r.id, NULL, NULL, r.applies_to, r.active, NULL
            FROM close_reasons r WHERE r.workspace_id = $1 AND r.id = ANY(CAST($6 AS uuid[]))""";

    private static final String STAGES_BY_NAME = """
            SELECT s.id, s.pipeline_id, lower(s.name) AS name FROM stages s
            WHERE s.workspace_id = $1
              AND (s.pipeline_id, lower(s.name)) IN (SELECT DISTINCT k.pipeline_id, k.name
                                                     FROM unnest(CAST($2 AS uuid[]), CAST($3 AS text[])) AS k(pipeline_id, name))""";

    /** A close reason: whether it may still be given and to which outcomes ({@code won}, {@code lost}, {@code both}). */
    record Reason(boolean active, String appliesTo) {
        boolean allows(boolean won) {
            return "both".equals(appliesTo) || "won".equals(appliesTo) == won;
        }
    }

    /** A stage change and the history rows of a record, derived by the rules, written only if the record is. */
    record Pending(String action, List<TrackedFields.Change> changes, UUID changedBy) {
    }

    /** The batch's references, and the history each record will write (filled by the rules, per record). */
    record Refs(UserReferences.Users users, Map<UUID, StageFacts> stages, Set<UUID> accounts,
                Map<UUID, UUID> contactAccounts, Set<UUID> activeTerritories, Map<UUID, Reason> reasons,
                Map<Work<OpportunityInput, Opportunity>, Pending> history) {
    }

    private OpportunityBatchReferences() {
    }

    /** The references of the read records (and the stages of their stored deals), in one statement, plus owners. */
    static Uni<Refs> find(Db db, UserReferences userReferences, SqlClient conn, UUID workspaceId,
                          List<Work<OpportunityInput, Opportunity>> records) {
        Set<UUID> stages = new HashSet<>();
        Set<UUID> accounts = new HashSet<>();
        Set<UUID> contacts = new HashSet<>();
        Set<UUID> territories = new HashSet<>();
        Set<UUID> reasons = new HashSet<>();
        for (Work<OpportunityInput, Opportunity> w : records) {
            addNonNull(stages, w.input.stageId());
            addNonNull(accounts, w.input.accountId());
            addNonNull(contacts, w.input.primaryContactId());
            addNonNull(territories, w.input.territoryId());
            addNonNull(reasons, OpportunityBatchUpsert.uuidOrNull(w.references.get(OpportunityBatchUpsert.CLOSE_REASON)));
            if (w.current != null) {
                stages.add(w.current.stageId);
                addNonNull(reasons, w.current.closeReasonId);
            }
        }
        Tuple args = Tuple.of(workspaceId, stages.toArray(UUID[]::new), accounts.toArray(UUID[]::new),
                contacts.toArray(UUID[]::new), territories.toArray(UUID[]::new)).addValue(reasons.toArray(UUID[]::new));
        return userReferences.owners(conn, workspaceId, records, OpportunityInput::ownerId)
                .flatMap(users -> db.query(conn, FIND, args).map(rows -> {
                    Refs refs = new Refs(users, new HashMap<>(), new HashSet<>(), new HashMap<>(), new HashSet<>(),
                            new HashMap<>(), new IdentityHashMap<>());
                    for (Row row : rows) {
                        UUID id = row.getUUID("id");
                        switch (row.getString("kind")) {
                            case "stage" -> refs.stages().put(id, new StageFacts(id, row.getUUID("ref"),
                                    row.getBigDecimal("probability"), ForecastCategory.valueOf(row.getString("text")),
                                    row.getBoolean("flag"), row.getBoolean("won")));
                            case "account" -> refs.accounts().add(id);
                            case "contact" -> refs.contactAccounts().put(id, row.getUUID("ref"));
                            case "territory" -> refs.activeTerritories().add(id);
                            default -> refs.reasons().put(id, new Reason(row.getBoolean("flag"), row.getString("text")));
                        }
                    }
                    return refs;
                }));
    }

    /**
     * A stage given by name ({@code stageName}, case-insensitive) within the record's {@code pipelineId} becomes its
     * {@code stageId}; errors name stageName (no pipelineId, no such stage, several stages of that name, or a
     * stageId that disagrees).
     */
    static Uni<Void> stagesByName(Db db, SqlClient conn, UUID workspaceId,
                                  List<Work<OpportunityInput, Opportunity>> records) {
        List<Work<OpportunityInput, Opportunity>> named = new ArrayList<>();
        List<UUID> pipelines = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Work<OpportunityInput, Opportunity> w : records) {
            String name = w.references.get(STAGE_NAME);
            if (name == null) {
                continue;
            }
            UUID pipeline = w.entry.fields.hasNonNull("pipelineId")
                    ? OpportunityBatchUpsert.uuidOrNull(w.entry.fields.get("pipelineId").asText()) : null;
            if (pipeline == null) {
                w.entry.error(STAGE_NAME, "needs the stage's pipelineId");
                continue;
            }
            named.add(w);
            pipelines.add(pipeline);
            names.add(name.trim().toLowerCase(Locale.ROOT));
        }
        if (named.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return db.query(conn, STAGES_BY_NAME, Tuple.of(workspaceId, pipelines.toArray(UUID[]::new),
                        names.toArray(String[]::new)))
                .invoke(rows -> {
                    Map<String, List<UUID>> found = new HashMap<>();
                    for (Row row : rows) {
                        found.computeIfAbsent(row.getUUID("pipeline_id") + "/" + row.getString("name"),
                                k -> new ArrayList<>()).add(row.getUUID("id"));
                    }
                    for (int i = 0; i < named.size(); i++) {
                        Entry entry = named.get(i).entry;
                        List<UUID> stages = found.getOrDefault(pipelines.get(i) + "/" + names.get(i), List.of());
                        if (stages.isEmpty()) {
                            entry.error(STAGE_NAME, "is not the name of a stage of the pipeline");
                        } else if (stages.size() > 1) {
                            entry.error(STAGE_NAME, "names several stages of the pipeline: give stageId");
                        } else if (entry.fields.hasNonNull("stageId")
                                && !stages.get(0).toString().equals(entry.fields.get("stageId").asText())) {
                            entry.error(STAGE_NAME, "names another stage than stageId");
                        } else {
                            entry.fields.put("stageId", stages.get(0).toString());
                        }
                    }
                })
                .replaceWithVoid();
    }

    private static void addNonNull(Set<UUID> ids, UUID id) {
        if (id != null) {
            ids.add(id);
        }
    }
}
