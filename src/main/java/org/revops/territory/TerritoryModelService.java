package org.revops.territory;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Versions;
import org.revops.territory.TerritoryDtos.TerritoryModelCloneInput;
import org.revops.territory.TerritoryDtos.TerritoryModelInput;
import org.revops.territory.TerritoryDtos.TerritoryModelView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Territory models: versions of the territory map. Created in planning; states change only through activation (the
 * assignment engine's job), never by PATCH. Every caller of the workspace reads them; admins and managers change them.
 */
@ApplicationScoped
public class TerritoryModelService {
    static final String SELECT = """
            SELECT m.id, m.name, m.description, m.state, m.cloned_from_id, m.activated_at, m.archived_at,
                   m.assigned_at, m.created_at, m.updated_at, m.version
            FROM territory_models m""";

    public static final ListSpec LIST = ListSpec.builder("listTerritoryModels", SELECT, "m.workspace_id", "m.id")
            .anyOf("id", ValueType.UUID_, "m.id", "Model id; repeat for several.")
            .anyOf("state", ValueType.TEXT, "m.state", "planning, active or archived.")
            .single("q", ValueType.TEXT, "strpos(lower(m.name), lower(?)) > 0", "Name contains this text.")
            .sort("name", "m.name", "name", ValueType.TEXT)
            .sort("createdAt", "m.created_at", "created_at", ValueType.TIMESTAMP)
            .build("name");

    private final Db db;
    private final MergePatch mergePatch;
    private final TerritoryModelCloning cloning;
    private final Clock clock;

    public TerritoryModelService(Db db, MergePatch mergePatch, TerritoryModelCloning cloning, Clock clock) {
        this.db = db;
        this.mergePatch = mergePatch;
        this.cloning = cloning;
        this.clock = clock;
    }

    public Uni<Slice<TerritoryModelView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request,
                TerritoryModelService::toView);
    }

    public Uni<TerritoryModelView> get(Caller caller, UUID id) {
        return byIds(caller, List.of(id)).map(found -> Rows.present(found.get(0), "Territory model"));
    }

    /** Models by id, aligned to {@code ids}, null where unknown: one statement. */
    public Uni<List<TerritoryModelView>> byIds(Caller caller, List<UUID> ids) {
        return db.query(SELECT + " WHERE m.workspace_id = $1 AND m.id = ANY($2)",
                        Tuple.of(caller.workspaceId(), ids.toArray(UUID[]::new)))
                .map(rows -> Rows.alignById(rows, ids, TerritoryModelService::toView));
    }

    /** A new model, always in planning. */
    public Uni<TerritoryModelView> create(Caller caller, TerritoryModelInput input) {
        TerritoryAccess.requireChange(caller);
        mergePatch.validate(input);
        UUID id = UUID.randomUUID();
        return db.query("""
                        INSERT INTO territory_models (workspace_id, id, name, description, state, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, 'planning', $5, $5)""",
                        Tuple.of(caller.workspaceId(), id, input.name().trim(), input.description(), now()))
                .flatMap(done -> get(caller, id));
    }

    /** Name and description only; the state changes through activation. 409 on an archived model. */
    public Uni<TerritoryModelView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        TerritoryAccess.requireChange(caller);
        if (patch != null && patch.has("state")) {
            throw ApiProblem.invalid("state", "changes only through activation (POST /api/v1/territory-models/{id}/activate)");
        }
        return db.inTransaction(tx -> lockForChange(tx, caller, id, expectedVersion).flatMap(current -> {
                    TerritoryModelInput merged = mergePatch.apply(new TerritoryModelInput(current.name(),
                            current.description()), patch, TerritoryModelInput.class).value();
                    return db.query(tx, """
                                    UPDATE territory_models SET name = $3, description = $4, updated_at = $5,
                                           version = version + 1
                                    WHERE workspace_id = $1 AND id = $2""",
                            Tuple.of(caller.workspaceId(), id, merged.name().trim(), merged.description(), now()));
                }))
                .flatMap(done -> get(caller, id));
    }

    /**
     * Deletes a planning model with everything in it (territories, members, rules, assignments, moves). The active
     * model is refused (409: activate another one first), and so is an archived one (read-only).
     */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        TerritoryAccess.requireChange(caller);
        return db.inTransaction(tx -> lockForChange(tx, caller, id, expectedVersion)
                .invoke(current -> {
                    if ("active".equals(current.state())) {
                        throw ApiProblem.conflict("the active model cannot be deleted: activate another model first");
                    }
                })
                .flatMap(current -> db.query(tx, "DELETE FROM territory_models WHERE workspace_id = $1 AND id = $2",
                        Tuple.of(caller.workspaceId(), id)))
                .replaceWithVoid());
    }

    /**
     * A new planning model with copies of the source's territories (same codes, parents remapped), members, rules and
     * manual assignments: a handful of INSERT … SELECT statements in one transaction, see {@link TerritoryModelCloning}.
     * Any model may be cloned, archived ones included: cloning reads the source, it does not change it.
     */
    public Uni<TerritoryModelView> cloneModel(Caller caller, UUID sourceId, TerritoryModelCloneInput input) {
        TerritoryAccess.requireChange(caller);
        TerritoryModelCloneInput given = input == null ? new TerritoryModelCloneInput(null, null) : input;
        mergePatch.validate(given);
        if (given.name() != null && given.name().isBlank()) {
            throw ApiProblem.invalid("name", "must not be blank");
        }
        UUID copyId = UUID.randomUUID();
        return cloning.copy(caller, sourceId, copyId, given.name() == null ? null : given.name().trim(),
                        given.description(), now())
                .flatMap(done -> get(caller, copyId));
    }

    /** Locks the model row for a change: 404, 409 when archived, 412 on a stale version; the current model. */
    private Uni<TerritoryModelView> lockForChange(SqlClient tx, Caller caller, UUID id, Long expectedVersion) {
        return db.query(tx, SELECT + " WHERE m.workspace_id = $1 AND m.id = $2 FOR NO KEY UPDATE",
                Tuple.of(caller.workspaceId(), id)).map(rows -> {
                    TerritoryModelView model = Rows.single(rows, TerritoryModelService::toView, "Territory model");
                    ModelLock.requireEditable(model.state());
                    Versions.check(expectedVersion, model.version());
                    return model;
                });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static TerritoryModelView toView(Row row) {
        return new TerritoryModelView(row.getUUID("id"), row.getString("name"), row.getString("description"),
                row.getString("state"), row.getUUID("cloned_from_id"), row.getOffsetDateTime("activated_at"),
                row.getOffsetDateTime("archived_at"), row.getOffsetDateTime("assigned_at"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
