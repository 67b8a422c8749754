package org.revops.territory;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.paging.Rows;
import org.revops.platform.security.Caller;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Versions;
import org.revops.territory.TerritoryDtos.TerritoryInput;
import org.revops.territory.TerritoryDtos.TerritoryView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Changes to the hierarchy of a model. Each change is one transaction that locks the model ({@link ModelLock}: 409
 * when archived), checks the references in one statement ({@link #REFERENCES}) and writes one row.
 */
@ApplicationScoped
public class TerritoryService {
    /**
     * The parent's code when the parent is a territory of the same model, whether the owner is a user of the
     * workspace, and whether the new parent lies in the subtree of the territory being moved (itself included), which
     * would make a cycle: the subtree is walked downwards from the territory with a recursive CTE.
     * $1 workspace, $2 model, $3 new parent (or null), $4 owner (or null), $5 the territory moved (null on create).
     */
    private static final String REFERENCES = """
            WITH RECURSIVE subtree(id) AS (
                SELECT t.id FROM territories t WHERE t.workspace_id = $1 AND t.model_id = $2 AND t.id = $5
                UNION
                SELECT c.id FROM territories c JOIN subtree s ON c.parent_id = s.id
                WHERE c.workspace_id = $1 AND c.model_id = $2)
            SELECT (SELECT p.code FROM territories p WHERE p.workspace_id = $1 AND p.model_id = $2 AND p.id = $3)
                       AS parent_code,
                   ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.workspace_id = $1 AND u.id = $4))
                       AS owner_known,
                   ($3::uuid IS NOT NULL AND EXISTS (SELECT 1 FROM subtree WHERE subtree.id = $3)) AS cycle""";

    private final Db db;
    private final TerritoryQueries queries;
    private final MergePatch mergePatch;
    private final Clock clock;

    public TerritoryService(Db db, TerritoryQueries queries, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.queries = queries;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /** A new territory; the code defaults per {@link TerritoryCodes}. 409 on a duplicate code or sibling name. */
    public Uni<TerritoryView> create(Caller caller, TerritoryInput input) {
        TerritoryAccess.requireChange(caller);
        mergePatch.validate(input);
        UUID id = UUID.randomUUID();
        return db.inTransaction(tx -> ModelLock.stateOf(db, tx, caller, input.modelId(), false)
                        .flatMap(state -> {
                            if (state == null) {
                                throw ApiProblem.invalid("modelId", "is not a territory model of this workspace");
                            }
                            ModelLock.requireEditable(state);
                            return references(tx, caller, input, null);
                        })
                        .flatMap(parentCode -> {
                            String code = input.code() != null ? input.code()
                                    : TerritoryCodes.defaultCode(parentCode, input.name().trim());
                            OffsetDateTime now = now();
                            return db.query(tx, """
                                    INSERT INTO territories (workspace_id, id, model_id, parent_id, name, code, type,
                                                             description, owner_id, priority, created_at, updated_at)
                                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)""", Tuple.from(new Object[] {
                                    caller.workspaceId(), id, input.modelId(), input.parentId(), input.name().trim(),
                                    code, input.type().trim(), input.description(), input.ownerId(),
                                    input.priority() == null ? 0 : input.priority(), now}));
                        }))
                .onFailure(PgException.class).transform(failure -> explain((PgException) failure, input))
                .flatMap(done -> queries.get(caller, id));
    }

    /**
     * JSON Merge Patch of the TerritoryInput fields. A new {@code parentId} moves the subtree: it must be in the same
     * model and not the territory itself or one of its descendants (422 "would make a cycle"). The code stays as it
     * is unless given; {@code "code": null} derives it again from the (new) parent and name.
     */
    public Uni<TerritoryView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        TerritoryAccess.requireChange(caller);
        boolean moves = patch != null && patch.has("parentId");
        List<TerritoryInput> merged = new ArrayList<>(1);
        return db.inTransaction(tx -> ModelLock.editableOfTerritory(db, tx, caller, id, moves)
                        .flatMap(modelId -> db.query(tx, TerritoryQueries.SELECT
                                + " WHERE t.workspace_id = $1 AND t.id = $2 FOR UPDATE", Tuple.of(caller.workspaceId(), id)))
                        .flatMap(rows -> {
                            TerritoryView current = Rows.single(rows, TerritoryQueries::toView, "Territory");
                            Versions.check(expectedVersion, current.version());
                            MergePatch.Patched<TerritoryInput> patched = mergePatch.apply(toInput(current), patch,
                                    TerritoryInput.class);
                            TerritoryInput next = patched.value();
                            merged.add(next);
                            if (!next.modelId().equals(current.modelId())) {
                                throw ApiProblem.invalid("modelId", "a territory stays in its model: clone the model "
                                        + "to reorganise a copy");
                            }
                            return references(tx, caller, next, id).flatMap(parentCode -> {
                                String code = next.code() != null ? next.code()
                                        : TerritoryCodes.defaultCode(parentCode, next.name().trim());
                                return db.query(tx, """
                                        UPDATE territories SET parent_id = $3, name = $4, code = $5, type = $6,
                                               description = $7, owner_id = $8, priority = $9, updated_at = $10,
                                               version = version + 1
                                        WHERE workspace_id = $1 AND id = $2""", Tuple.from(new Object[] {
                                        caller.workspaceId(), id, next.parentId(), next.name().trim(), code,
                                        next.type().trim(), next.description(), next.ownerId(),
                                        next.priority() == null ? 0 : next.priority(), now()}));
                            });
                        }))
                .onFailure(PgException.class).transform(failure -> explain((PgException) failure,
                        merged.isEmpty() ? null : merged.get(0)))
                .flatMap(done -> queries.get(caller, id));
    }

    /** Deletes a territory with its members, rules and assignments; 409 while it has children. */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        TerritoryAccess.requireChange(caller);
        return db.inTransaction(tx -> ModelLock.editableOfTerritory(db, tx, caller, id, false)
                .flatMap(modelId -> db.query(tx, """
                        SELECT t.version, (SELECT count(*) FROM territories c WHERE c.workspace_id = t.workspace_id
                                           AND c.model_id = t.model_id AND c.parent_id = t.id) AS children
                        FROM territories t WHERE t.workspace_id = $1 AND t.id = $2 FOR UPDATE OF t""",
                        Tuple.of(caller.workspaceId(), id)))
                .flatMap(rows -> {
                    Row row = Rows.single(rows, r -> r, "Territory");
                    Versions.check(expectedVersion, row.getLong("version"));
                    long children = row.getLong("children");
                    if (children > 0) {
                        throw ApiProblem.conflict("the territory has " + children + (children == 1 ? " child" : " children")
                                + ": delete or move them first");
                    }
                    return db.query(tx, "DELETE FROM territories WHERE workspace_id = $1 AND id = $2",
                            Tuple.of(caller.workspaceId(), id));
                })
                .replaceWithVoid());
    }

    /** Checks parent, owner and cycle in one statement; every problem is a field of one 422. The parent's code. */
    private Uni<String> references(SqlClient tx, Caller caller, TerritoryInput input, UUID movedId) {
        return db.query(tx, REFERENCES, Tuple.of(caller.workspaceId(), input.modelId(), input.parentId(),
                input.ownerId(), movedId)).map(rows -> {
                    Row row = rows.iterator().next();
                    List<FieldError> errors = new ArrayList<>();
                    String parentCode = row.getString("parent_code");
                    if (row.getBoolean("cycle")) {
                        errors.add(new FieldError("parentId", "would make a cycle: the new parent is the territory "
                                + "itself or one of its descendants"));
                    } else if (input.parentId() != null && parentCode == null) {
                        errors.add(new FieldError("parentId", "must be a territory of the same model"));
                    }
                    if (!row.getBoolean("owner_known")) {
                        errors.add(new FieldError("ownerId", "is not a user of this workspace"));
                    }
                    if (!errors.isEmpty()) {
                        throw ApiProblem.invalid(errors);
                    }
                    return parentCode;
                });
    }

    /** Unique codes and sibling names are guarded by constraints (so races are caught too): say which one. */
    static Throwable explain(PgException failure, TerritoryInput input) {
        String constraint = failure.getConstraint();
        if (input != null && "territories_code_uq".equals(constraint)) {
            return ApiProblem.conflict("code", "is already used by another territory of this model");
        }
        if (input != null && "territories_sibling_name_uq".equals(constraint)) {
            return ApiProblem.conflict("name", "another territory with the same parent is named '"
                    + input.name().trim() + "'");
        }
        return failure;
    }

    private static TerritoryInput toInput(TerritoryView t) {
        return new TerritoryInput(t.modelId(), t.parentId(), t.name(), t.code(), t.type(), t.description(),
                t.ownerId(), t.priority());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
