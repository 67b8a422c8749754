package org.revops.opportunity;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.opportunity.PipelineDtos.PipelineInput;
import org.revops.opportunity.PipelineDtos.PipelineView;
import org.revops.opportunity.PipelineDtos.StageInput;
import org.revops.opportunity.PipelineDtos.StageView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** GraphQL door to pipelines and stages. */
@RequiresScope(read = "opportunities:read", write = "workspace:admin")
@GraphQLApi
public class PipelineGraphQL {
    private final PipelineService pipelines;
    private final CurrentCaller caller;

    public PipelineGraphQL(PipelineService pipelines, CurrentCaller caller) {
        this.pipelines = pipelines;
        this.caller = caller;
    }

    public record PipelineEdge(@NonNull PipelineView node, @NonNull String cursor) {
    }

    public record PipelineConnection(@NonNull List<@NonNull PipelineEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record PipelinePayload(PipelineView pipeline, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record StagePayload(StageView stage, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record PipelineDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("PipelineFilter")
    public record PipelineFilter(List<UUID> id, String q) {
    }

    @Input("StagePatch")
    @Description("Fields to change; omitted fields stay.")
    public record StagePatch(String name, Integer position, @DecimalMin("0") @DecimalMax("100") BigDecimal probability,
                             ForecastCategory forecastCategory, Boolean closed, Boolean won, Integer stallAfterDays) {
    }

    @Query("pipelines")
    public Uni<PipelineConnection> list(@Name("filter") PipelineFilter filter, @Name("sort") String sort,
                                        @Name("first") Integer first, @Name("after") String after) {
        return pipelines.list(caller.get(), GraphQLSupport.listRequest(PipelineService.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, PipelineEdge::new, PipelineConnection::new));
    }

    @Query("pipeline")
    public Uni<PipelineView> get(@NonNull @Name("id") UUID id) {
        return pipelines.get(caller.get(), id);
    }

    @Mutation("createPipeline")
    public Uni<PipelinePayload> create(@NonNull @Name("input") PipelineInput input) {
        return GraphQLSupport.payload(() -> pipelines.create(caller.get(), input), PipelinePayload::new);
    }

    @Mutation("renamePipeline")
    public Uni<PipelinePayload> rename(@NonNull @Name("id") UUID id, @NonNull @Name("name") String name,
                                       @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> pipelines.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(new PipelineInput(name, null))), PipelinePayload::new);
    }

    @Mutation("deletePipeline")
    public Uni<PipelineDeletePayload> delete(@NonNull @Name("id") UUID id, @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> pipelines.delete(caller.get(), id, expectedVersion).replaceWith(id),
                PipelineDeletePayload::new);
    }

    @Mutation("createStage")
    public Uni<StagePayload> addStage(@NonNull @Name("pipelineId") UUID pipelineId,
                                      @NonNull @Name("input") StageInput input) {
        return GraphQLSupport.payload(() -> pipelines.addStage(caller.get(), pipelineId, input), StagePayload::new);
    }

    @Mutation("updateStage")
    public Uni<StagePayload> updateStage(@NonNull @Name("pipelineId") UUID pipelineId, @NonNull @Name("id") UUID id,
                                         @NonNull @Name("patch") StagePatch patch,
                                         @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> pipelines.updateStage(caller.get(), pipelineId, id, expectedVersion,
                GraphQLSupport.patchOf(patch)), StagePayload::new);
    }

    @Mutation("deleteStage")
    public Uni<PipelineDeletePayload> deleteStage(@NonNull @Name("pipelineId") UUID pipelineId,
                                                  @NonNull @Name("id") UUID id,
                                                  @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> pipelines.deleteStage(caller.get(), pipelineId, id, expectedVersion)
                .replaceWith(id), PipelineDeletePayload::new);
    }
}
