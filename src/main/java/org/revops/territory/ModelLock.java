package org.revops.territory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;

import java.util.UUID;

/**
 * Every change to a model or its content first locks the model's row in the same transaction and refuses archived
 * models. The lock is what makes "archived is read-only" hold under concurrency: activation archives a model with an
 * UPDATE of that row, so it waits for changes in flight, and a change that starts later sees the archived state.
 * Changes take a share lock (they do not block each other); moves in the hierarchy take an exclusive one, so two
 * concurrent moves cannot each pass the cycle check and together make a cycle.
 */
final class ModelLock {
    static final String ARCHIVED = "archived models are read-only";

    private static final String OF_MODEL = """
            SELECT m.id, m.state FROM territory_models m WHERE m.workspace_id = $1 AND m.id = $2""";
    private static final String OF_TERRITORY = """
            SELECT m.id, m.state FROM territory_models m
            WHERE m.workspace_id = $1
              AND m.id = (SELECT t.model_id FROM territories t WHERE t.workspace_id = $1 AND t.id = $2)""";
    private static final String OF_RULE = """
            SELECT m.id, m.state FROM territory_models m
            WHERE m.workspace_id = $1
              AND m.id = (SELECT r.model_id FROM territory_rules r WHERE r.workspace_id = $1 AND r.id = $2)""";

    private ModelLock() {
    }

    /** The locked model's state, or null when the workspace has no such model. */
    static Uni<String> stateOf(Db db, SqlClient tx, Caller caller, UUID modelId, boolean exclusive) {
        return db.query(tx, OF_MODEL + lock(exclusive), Tuple.of(caller.workspaceId(), modelId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("state"));
    }

    /** Locks the model of a territory for a change to it: 404 when unknown, 409 when archived; the model id. */
    static Uni<UUID> editableOfTerritory(Db db, SqlClient tx, Caller caller, UUID territoryId, boolean exclusive) {
        return db.query(tx, OF_TERRITORY + lock(exclusive), Tuple.of(caller.workspaceId(), territoryId))
                .map(rows -> editable(rows.size() == 0 ? null : rows.iterator().next(), "Territory"));
    }

    /** Locks the model of a rule for a change to it: 404 when unknown, 409 when archived; the model id. */
    static Uni<UUID> editableOfRule(Db db, SqlClient tx, Caller caller, UUID ruleId) {
        return db.query(tx, OF_RULE + lock(false), Tuple.of(caller.workspaceId(), ruleId))
                .map(rows -> editable(rows.size() == 0 ? null : rows.iterator().next(), "Territory rule"));
    }

    /** 409 unless {@code state} (of an existing model) allows changes. */
    static void requireEditable(String state) {
        if ("archived".equals(state)) {
            throw ApiProblem.conflict(ARCHIVED);
        }
    }

    private static UUID editable(Row row, String what) {
        if (row == null) {
            throw ApiProblem.notFound(what);
        }
        requireEditable(row.getString("state"));
        return row.getUUID("id");
    }

    private static String lock(boolean exclusive) {
        return exclusive ? " FOR NO KEY UPDATE OF m" : " FOR SHARE OF m";
    }
}
