package org.revops.lead.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.scoring.ScoringDtos.ScoringModelCloneInput;
import org.revops.lead.scoring.ScoringDtos.ScoringModelInput;
import org.revops.lead.scoring.ScoringDtos.ScoringModelView;
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

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Scoring models: drafts are created (from scratch or as a copy of any model), changed and deleted; publishing
 * ({@link ScoringPublication}) makes one the workspace's published model. Every write compiles the model with
 * {@link ScoringModel#compile}: an invalid one is a 422 listing every problem, and nothing is written. Only drafts
 * change (409 otherwise). Admins change models; managers and read-only keys read them; reps and integrations neither.
 */
@ApplicationScoped
public class ScoringModelService {
    public static final ListSpec LIST = ListSpec.builder("listScoringModels", StoredModels.SELECT, "m.workspace_id",
                    "m.id")
            .anyOf("id", ValueType.UUID_, "m.id", "Model id; repeat for several.")
            .anyOf("state", ValueType.TEXT, "m.state", "draft, published or retired; repeat for several.")
            .single("q", ValueType.TEXT, "strpos(lower(m.name), lower(?)) > 0", "Name contains this text.")
            .sort("createdAt", "m.created_at", "created_at", ValueType.TIMESTAMP)
            .sort("name", "m.name", "name", ValueType.TEXT)
            .build("-createdAt");

    private final Db db;
    private final MergePatch mergePatch;
    private final Clock clock;

    public ScoringModelService(Db db, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    public Uni<Slice<ScoringModelView>> list(Caller caller, ListRequest request) {
        ScoringAccess.requireRead(caller);
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request, StoredModels::toView);
    }

    public Uni<ScoringModelView> get(Caller caller, UUID id) {
        ScoringAccess.requireRead(caller);
        return db.query(StoredModels.SELECT + " WHERE m.workspace_id = $1 AND m.id = $2",
                        Tuple.of(caller.workspaceId(), id))
                .map(rows -> Rows.single(rows, StoredModels::toView, "Scoring model"));
    }

    /** A new draft, validated as a whole (thresholds default to A 80, B 60, C 40). */
    public Uni<ScoringModelView> create(Caller caller, ScoringModelInput input) {
        ScoringAccess.requireChange(caller);
        mergePatch.validate(input);
        ScoringModel model = StoredModels.compile(input);
        UUID id = UUID.randomUUID();
        return insert(caller.workspaceId(), id, input.name().trim(), input.description(), model, null)
                .flatMap(done -> get(caller, id));
    }

    /**
     * JSON Merge Patch of name, description, criteria (replaced as a list) and thresholds (merged by grade); the
     * merged model is compiled again as a whole. 409 unless the model is a draft, also while it is being published.
     */
    public Uni<ScoringModelView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        ScoringAccess.requireChange(caller);
        return db.inTransaction(tx -> lockDraft(tx, caller, id, expectedVersion).flatMap(current -> {
                    ScoringModelInput merged = mergePatch.apply(new ScoringModelInput(current.name(),
                            current.description(), StoredModels.inputs(current.criteria()), current.thresholds()),
                            patch, ScoringModelInput.class).value();
                    ScoringModel model = StoredModels.compile(merged);
                    return db.query(tx, """
                                    UPDATE scoring_models SET name = $3, description = $4, criteria = $5::text::jsonb,
                                           threshold_a = $6, threshold_b = $7, threshold_c = $8, updated_at = $9,
                                           version = version + 1
                                    WHERE workspace_id = $1 AND id = $2""",
                            Tuple.from(new Object[] {caller.workspaceId(), id, merged.name().trim(),
                                    merged.description(), StoredModels.criteriaJson(model), model.thresholds().a(),
                                    model.thresholds().b(), model.thresholds().c(), now()}));
                }))
                .flatMap(done -> get(caller, id));
    }

    /** Deletes a draft; published and retired models are the versions history rows cite (409). */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        ScoringAccess.requireChange(caller);
        return db.inTransaction(tx -> lockDraft(tx, caller, id, expectedVersion)
                .flatMap(current -> db.query(tx, "DELETE FROM scoring_models WHERE workspace_id = $1 AND id = $2",
                        Tuple.of(caller.workspaceId(), id)))
                .replaceWithVoid());
    }

    /** A new draft with the source's criteria and thresholds; any model may be copied, the published one included. */
    public Uni<ScoringModelView> cloneModel(Caller caller, UUID sourceId, ScoringModelCloneInput input) {
        ScoringAccess.requireChange(caller);
        ScoringModelCloneInput given = input == null ? new ScoringModelCloneInput(null, null) : input;
        mergePatch.validate(given);
        if (given.name() != null && given.name().isBlank()) {
            throw ApiProblem.invalid("name", "must not be blank");
        }
        UUID id = UUID.randomUUID();
        return get(caller, sourceId).flatMap(source -> {
            ScoringModel model = StoredModels.compile(new ScoringModelInput(source.name(), null,
                    StoredModels.inputs(source.criteria()), source.thresholds()));
            String name = given.name() != null ? given.name().trim() : copyName(source.name());
            return insert(caller.workspaceId(), id, name,
                    given.description() != null ? given.description() : source.description(), model, sourceId);
        }).flatMap(done -> get(caller, id));
    }

    private static String copyName(String name) {
        String copy = name + " (copy)";
        return copy.length() <= 200 ? copy : name.substring(0, 193) + " (copy)";
    }

    private Uni<?> insert(UUID ws, UUID id, String name, String description, ScoringModel model, UUID clonedFrom) {
        return db.query("""
                INSERT INTO scoring_models (workspace_id, id, name, description, state, criteria, threshold_a,
                                            threshold_b, threshold_c, cloned_from_id, created_at, updated_at)
                VALUES ($1, $2, $3, $4, 'draft', $5::text::jsonb, $6, $7, $8, $9, $10, $10)""",
                Tuple.from(new Object[] {ws, id, name, description, StoredModels.criteriaJson(model),
                        model.thresholds().a(), model.thresholds().b(), model.thresholds().c(), clonedFrom, now()}));
    }

    /**
     * Locks a draft for a change without waiting: 404, 409 when it is not a draft or a publish job holds it, 412 on a
     * stale version. Returns the model as it stands.
     */
    private Uni<ScoringModelView> lockDraft(SqlClient tx, Caller caller, UUID id, Long expectedVersion) {
        return db.query(tx, StoredModels.SELECT + " WHERE m.workspace_id = $1 AND m.id = $2 FOR NO KEY UPDATE NOWAIT",
                        Tuple.of(caller.workspaceId(), id))
                .onFailure(ScoringModelService::isLocked).transform(e -> ApiProblem.conflict(
                        "The model is being published; wait for its job (GET /api/v1/jobs?kind=scoring.publish)"))
                .map(rows -> {
                    ScoringModelView model = Rows.single(rows, StoredModels::toView, "Scoring model");
                    if (!"draft".equals(model.state())) {
                        throw ApiProblem.conflict("Only a draft changes; this model is " + model.state()
                                + ": copy it (POST /api/v1/scoring-models/{id}/clone) and publish the copy");
                    }
                    Versions.check(expectedVersion, model.version());
                    return model;
                });
    }

    private static boolean isLocked(Throwable t) {
        return t instanceof PgException pg && "55P03".equals(pg.getSqlState());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Models by id, aligned to {@code ids} (null where unknown): for GraphQL relations. */
    public Uni<List<ScoringModelView>> byIds(Caller caller, List<UUID> ids) {
        ScoringAccess.requireRead(caller);
        return db.query(StoredModels.SELECT + " WHERE m.workspace_id = $1 AND m.id = ANY($2)",
                        Tuple.of(caller.workspaceId(), ids.toArray(UUID[]::new)))
                .map(rows -> Rows.alignById(rows, ids, StoredModels::toView));
    }
}
