package org.revops.territory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Copies a model set-based: one INSERT … SELECT per table, in one transaction that reads the source from a single
 * snapshot (REPEATABLE READ), so a change to the source made while the copy runs is either wholly in it or not at all.
 *
 * <p>Territories get new ids and keep their codes; a copy's parent is the copy of the source's parent, found by
 * joining the source rows to themselves (the parent foreign key is checked at the end of the statement, so children
 * and parents can be inserted together). Members, rules and manual assignments follow their territory by code:
 * {@code copy.territory = the copy's territory whose code = the source territory's code}.
 */
@ApplicationScoped
public class TerritoryModelCloning {
    private static final String MODEL = """
            INSERT INTO territory_models (workspace_id, id, name, description, state, cloned_from_id, created_at,
                                          updated_at)
            SELECT s.workspace_id, $3, coalesce($4, left(s.name || ' (copy)', 200)), coalesce($5, s.description),
                   'planning', s.id, $6, $6
            FROM territory_models s WHERE s.workspace_id = $1 AND s.id = $2""";
    private static final String TERRITORIES = """
            WITH source AS (
                SELECT t.*, gen_random_uuid() AS copy_id FROM territories t WHERE t.workspace_id = $1 AND t.model_id = $2)
            INSERT INTO territories (workspace_id, id, model_id, parent_id, name, code, type, description, owner_id,
                                     priority, created_at, updated_at)
            SELECT s.workspace_id, s.copy_id, $3, p.copy_id, s.name, s.code, s.type, s.description, s.owner_id,
                   s.priority, $4, $4
            FROM source s LEFT JOIN source p ON p.workspace_id = s.workspace_id AND p.id = s.parent_id""";
    /** The copy of each source territory, by code: the join every dependent table uses. */
    private static final String BY_CODE = """
            JOIN territories o ON o.workspace_id = x.workspace_id AND o.model_id = $2 AND o.id = x.territory_id
            JOIN territories c ON c.workspace_id = o.workspace_id AND c.model_id = $3 AND c.code = o.code""";
    private static final String MEMBERS = """
            INSERT INTO territory_members (workspace_id, territory_id, user_id, role, created_at)
            SELECT x.workspace_id, c.id, x.user_id, x.role, $4
            FROM territory_members x
            """ + BY_CODE + """

            WHERE x.workspace_id = $1""";
    private static final String RULES = """
            INSERT INTO territory_rules (workspace_id, id, model_id, territory_id, name, position, criteria, expression,
                                         truth_table, inherited, created_at, updated_at)
            SELECT x.workspace_id, gen_random_uuid(), $3, c.id, x.name, x.position, x.criteria, x.expression,
                   x.truth_table, x.inherited, $4, $4
            FROM territory_rules x
            """ + BY_CODE + """

            WHERE x.workspace_id = $1 AND x.model_id = $2""";
    /** Manual assignments are decisions people made: they keep when and by whom. */
    private static final String MANUAL_ASSIGNMENTS = """
            INSERT INTO territory_assignments (workspace_id, model_id, account_id, territory_id, cause, assigned_at,
                                               assigned_by)
            SELECT x.workspace_id, $3, x.account_id, c.id, 'manual', x.assigned_at, x.assigned_by
            FROM territory_assignments x
            """ + BY_CODE + """

            WHERE x.workspace_id = $1 AND x.model_id = $2 AND x.cause = 'manual'""";

    private final Db db;

    public TerritoryModelCloning(Db db) {
        this.db = db;
    }

    /** Copies model {@code sourceId} to a new planning model {@code copyId}; 404 when the source is unknown. */
    Uni<Void> copy(Caller caller, UUID sourceId, UUID copyId, String name, String description, OffsetDateTime now) {
        UUID ws = caller.workspaceId();
        Tuple content = Tuple.of(ws, sourceId, copyId, now);
        return db.inRepeatableReadTransaction(tx -> db.query(tx, MODEL,
                        Tuple.from(new Object[] {ws, sourceId, copyId, name, description, now}))
                .invoke(inserted -> {
                    if (inserted.rowCount() == 0) {
                        throw ApiProblem.notFound("Territory model");
                    }
                })
                .flatMap(r -> run(tx, TERRITORIES, content))
                .flatMap(r -> run(tx, MEMBERS, content))
                .flatMap(r -> run(tx, RULES, content))
                .flatMap(r -> run(tx, MANUAL_ASSIGNMENTS, Tuple.of(ws, sourceId, copyId))));
    }

    private Uni<Void> run(SqlClient tx, String sql, Tuple params) {
        return db.query(tx, sql, params).replaceWithVoid();
    }
}
