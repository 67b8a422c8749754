package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.PipelineDtos.PipelineInput;
import org.revops.opportunity.PipelineDtos.PipelineView;
import org.revops.opportunity.PipelineDtos.StageInput;
import org.revops.opportunity.PipelineDtos.StageView;
import org.revops.platform.audit.Audited;
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
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Pipelines and their ordered stages: workspace configuration, readable by all, changed by admins. */
@ApplicationScoped
public class PipelineService {
    private static final String SELECT = "SELECT p.id, p.name, p.created_at, p.updated_at, p.version FROM pipelines p";
    static final String STAGE_SELECT = """
            SELECT s.id, s.pipeline_id, s.name, s.position, s.probability, s.forecast_category, s.is_closed, s.is_won,
                   s.stall_after_days, s.version
            FROM stages s""";

    public static final ListSpec LIST = ListSpec.builder("listPipelines", SELECT, "p.workspace_id", "p.id")
            .anyOf("id", ValueType.UUID_, "p.id", "Pipeline id; repeat for several.")
            .single("q", ValueType.TEXT, "strpos(lower(p.name), lower(?)) > 0", "Name contains this text.")
            .sort("name", "p.name", "name", ValueType.TEXT)
            .sort("createdAt", "p.created_at", "created_at", ValueType.TIMESTAMP)
            .build("name");

    private record PipelineRow(UUID id, String name, java.time.OffsetDateTime createdAt,
                               java.time.OffsetDateTime updatedAt, long version) {
    }

    private final Db db;
    private final MergePatch mergePatch;
    private final Clock clock;

    public PipelineService(Db db, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /** A page of pipelines with their stages: two statements whatever the page size. */
    public Uni<Slice<PipelineView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request,
                        row -> new PipelineRow(row.getUUID("id"), row.getString("name"),
                                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"),
                                row.getLong("version")))
                .flatMap(slice -> stagesOf(caller, slice.items().stream().map(PipelineRow::id).toList())
                        .map(stages -> {
                            List<PipelineView> views = new ArrayList<>();
                            for (int i = 0; i < slice.items().size(); i++) {
                                PipelineRow p = slice.items().get(i);
                                views.add(new PipelineView(p.id(), p.name(), stages.get(i), p.createdAt(),
                                        p.updatedAt(), p.version()));
                            }
                            return new Slice<>(views, slice.cursors(), slice.hasMore());
                        }));
    }

    public Uni<PipelineView> get(Caller caller, UUID id) {
        return list(caller, ListRequest.of(java.util.Map.of("id", List.of(id.toString())), null, 1, null))
                .map(slice -> Rows.present(slice.items().isEmpty() ? null : slice.items().get(0), "Pipeline"));
    }

    /** Pipelines by id, aligned to {@code ids}, with their stages: two statements for any number of ids. */
    public Uni<List<PipelineView>> byIds(Caller caller, List<UUID> ids) {
        List<String> distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().map(UUID::toString).toList();
        if (distinct.isEmpty()) {
            return Uni.createFrom().item(ids.stream().map(id -> (PipelineView) null).toList());
        }
        return list(caller, ListRequest.of(java.util.Map.of("id", distinct), null, ListRequest.MAX_LIMIT, null))
                .map(slice -> {
                    java.util.Map<UUID, PipelineView> byId = new java.util.HashMap<>();
                    slice.items().forEach(p -> byId.put(p.id(), p));
                    return ids.stream().map(id -> id == null ? null : byId.get(id)).toList();
                });
    }

    /** Stages of each pipeline, in pipeline order, each list ordered by position. */
    public Uni<List<List<StageView>>> stagesOf(Caller caller, List<UUID> pipelineIds) {
        if (pipelineIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.query(STAGE_SELECT + " WHERE s.workspace_id = $1 AND s.pipeline_id = ANY($2) ORDER BY s.position, s.id",
                        Tuple.of(caller.workspaceId(), pipelineIds.toArray(UUID[]::new)))
                .map(rows -> Rows.groupBy(rows, pipelineIds, "pipeline_id", PipelineService::toStageView));
    }

    public Uni<List<StageView>> stagesByIds(Caller caller, List<UUID> ids) {
        return db.query(STAGE_SELECT + " WHERE s.workspace_id = $1 AND s.id = ANY($2)",
                        Tuple.of(caller.workspaceId(), ids.toArray(UUID[]::new)))
                .map(rows -> Rows.alignById(rows, ids, PipelineService::toStageView));
    }

    public Uni<PipelineView> create(Caller caller, PipelineInput input) {
        caller.requireAdmin();
        mergePatch.validate(input);
        List<StageInput> stages = input.stages() == null ? List.of() : input.stages();
        if (stages.isEmpty()) {
            throw ApiProblem.invalid("stages", "a pipeline needs at least one stage");
        }
        for (int i = 0; i < stages.size(); i++) {
            checkStage("stages[" + i + "].", stages.get(i));
        }
        UUID pipelineId = UUID.randomUUID();
        return Audited.transaction(() -> {
                    Pipeline pipeline = new Pipeline();
                    pipeline.id = pipelineId;
                    pipeline.workspaceId = caller.workspaceId();
                    pipeline.name = input.name().trim();
                    pipeline.createdAt = clock.instant();
                    pipeline.updatedAt = pipeline.createdAt;
                    List<Stage> entities = new ArrayList<>();
                    for (int i = 0; i < stages.size(); i++) {
                        entities.add(newStage(caller, pipelineId, stages.get(i), i));
                    }
                    return pipeline.persist().chain(() -> Stage.persist(entities));
                })
                .flatMap(done -> get(caller, pipelineId));
    }

    public Uni<PipelineView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        caller.requireAdmin();
        if (patch != null && patch.has("stages")) {
            throw ApiProblem.invalid("stages", "edit stages through /api/v1/pipelines/{id}/stages");
        }
        return Audited.transaction(() -> Records.load(Pipeline.class, caller, id, "Pipeline").map(pipeline -> {
                    Versions.check(expectedVersion, pipeline.version);
                    PipelineInput merged = mergePatch.apply(new PipelineInput(pipeline.name, null), patch,
                            PipelineInput.class).value();
                    pipeline.name = merged.name().trim();
                    pipeline.updatedAt = clock.instant();
                    return pipeline.id;
                }))
                .flatMap(pipelineId -> get(caller, pipelineId));
    }

    /** Refused (409) while opportunities are in the pipeline; its stages go with it. */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        caller.requireAdmin();
        return Audited.transaction(() -> Records.load(Pipeline.class, caller, id, "Pipeline").flatMap(pipeline -> {
            Versions.check(expectedVersion, pipeline.version);
            return pipeline.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
        }));
    }

    public Uni<StageView> addStage(Caller caller, UUID pipelineId, StageInput input) {
        caller.requireAdmin();
        mergePatch.validate(input);
        checkStage("", input);
        return Audited.transaction(() -> Records.load(Pipeline.class, caller, pipelineId, "Pipeline")
                        .flatMap(pipeline -> db.query("SELECT coalesce(max(position) + 1, 0) AS next FROM stages "
                                        + "WHERE workspace_id = $1 AND pipeline_id = $2",
                                Tuple.of(caller.workspaceId(), pipelineId)))
                        .flatMap(rows -> {
                            Stage stage = newStage(caller, pipelineId, input, rows.iterator().next().getInteger("next"));
                            return stage.persist().map(saved -> stage.id);
                        }))
                .flatMap(stageId -> stage(caller, pipelineId, stageId));
    }

    public Uni<StageView> updateStage(Caller caller, UUID pipelineId, UUID stageId, Long expectedVersion,
                                      JsonNode patch) {
        caller.requireAdmin();
        return Audited.transaction(() -> loadStage(caller, pipelineId, stageId).map(stage -> {
                    Versions.check(expectedVersion, stage.version);
                    MergePatch.Patched<StageInput> patched = mergePatch.apply(toInput(stage), patch, StageInput.class);
                    StageInput merged = impliedClosed(patched);
                    checkStage("", merged);
                    applyStage(stage, merged, stage.position);
                    return stage.id;
                }))
                .flatMap(id -> stage(caller, pipelineId, id));
    }

    /** Refused (409) while opportunities sit in the stage. */
    public Uni<Void> deleteStage(Caller caller, UUID pipelineId, UUID stageId, Long expectedVersion) {
        caller.requireAdmin();
        return Audited.transaction(() -> loadStage(caller, pipelineId, stageId).flatMap(stage -> {
            Versions.check(expectedVersion, stage.version);
            return stage.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
        }));
    }

    public Uni<StageView> stage(Caller caller, UUID pipelineId, UUID stageId) {
        return stagesByIds(caller, List.of(stageId)).map(found -> {
            StageView stage = found.get(0);
            if (stage == null || !stage.pipelineId().equals(pipelineId)) {
                throw ApiProblem.notFound("Stage");
            }
            return stage;
        });
    }

    private Uni<Stage> loadStage(Caller caller, UUID pipelineId, UUID stageId) {
        return Records.load(Stage.class, caller, stageId, "Stage").map(stage -> {
            if (!stage.pipelineId.equals(pipelineId)) {
                throw ApiProblem.notFound("Stage");
            }
            return stage;
        });
    }

    /** Marking a stage won closes it, unless the same patch explicitly says it stays open (then 422). */
    private static StageInput impliedClosed(MergePatch.Patched<StageInput> patched) {
        StageInput s = patched.value();
        if (patched.touched("won") && Boolean.TRUE.equals(s.won()) && !patched.touched("closed")) {
            return new StageInput(s.name(), s.position(), s.probability(), s.forecastCategory(), true, true,
                    s.stallAfterDays());
        }
        return s;
    }

    private static void checkStage(String prefix, StageInput stage) {
        if (Boolean.TRUE.equals(stage.won()) && Boolean.FALSE.equals(stage.closed())) {
            throw ApiProblem.invalid(prefix + "won", "a won stage is a closed stage");
        }
    }

    private Stage newStage(Caller caller, UUID pipelineId, StageInput input, int defaultPosition) {
        Stage stage = new Stage();
        stage.id = UUID.randomUUID();
        stage.workspaceId = caller.workspaceId();
        stage.pipelineId = pipelineId;
        stage.createdAt = clock.instant();
        applyStage(stage, input, defaultPosition);
        return stage;
    }

    private void applyStage(Stage stage, StageInput in, int defaultPosition) {
        stage.name = in.name().trim();
        stage.position = in.position() != null ? in.position() : defaultPosition;
        stage.probability = in.probability();
        stage.forecastCategory = in.forecastCategory().name();
        stage.won = Boolean.TRUE.equals(in.won());
        stage.closed = stage.won || Boolean.TRUE.equals(in.closed());
        stage.stallAfterDays = in.stallAfterDays();
        stage.updatedAt = clock.instant();
    }

    private static StageInput toInput(Stage s) {
        return new StageInput(s.name, s.position, s.probability, ForecastCategory.valueOf(s.forecastCategory),
                s.closed, s.won, s.stallAfterDays);
    }

    static StageView toStageView(Row row) {
        return new StageView(row.getUUID("id"), row.getUUID("pipeline_id"), row.getString("name"),
                row.getInteger("position"), row.getBigDecimal("probability"),
                ForecastCategory.valueOf(row.getString("forecast_category")), row.getBoolean("is_closed"),
                row.getBoolean("is_won"), row.getInteger("stall_after_days"), row.getLong("version"));
    }
}
