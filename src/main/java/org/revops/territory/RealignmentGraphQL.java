package org.revops.territory;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.job.JobView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.territory.AssignmentDtos.AssignmentView;
import org.revops.territory.AssignmentDtos.MoveRouteView;
import org.revops.territory.AssignmentDtos.MoveView;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** GraphQL door to assignment runs, previews, activation, assignments and moves; the same services as REST. */
@RequiresScope(read = "territories:read", write = "territories:admin")
@GraphQLApi
public class RealignmentGraphQL {
    private final RealignmentService realignment;
    private final TerritoryAssignmentService assignments;
    private final CurrentCaller caller;

    public RealignmentGraphQL(RealignmentService realignment, TerritoryAssignmentService assignments,
                              CurrentCaller caller) {
        this.realignment = realignment;
        this.assignments = assignments;
        this.caller = caller;
    }

    public record JobPayload(JobView job, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record TerritoryAssignmentPayload(AssignmentView assignment, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record ClearedAssignmentPayload(UUID accountId, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record TerritoryAssignmentEdge(@NonNull AssignmentView node, @NonNull String cursor) {
    }

    public record TerritoryAssignmentConnection(@NonNull List<@NonNull TerritoryAssignmentEdge> edges,
                                                @NonNull PageInfo pageInfo) {
    }

    public record TerritoryMoveEdge(@NonNull MoveView node, @NonNull String cursor) {
    }

    public record TerritoryMoveConnection(@NonNull List<@NonNull TerritoryMoveEdge> edges, @NonNull PageInfo pageInfo) {
    }

    @Input("TerritoryAssignmentFilter")
    @Description("The same filters as GET /api/v1/territory-models/{id}/assignments; list fields are OR-ed.")
    public record AssignmentFilter(List<UUID> territoryId, List<String> cause, List<UUID> accountId,
                                   List<UUID> ruleId) {
    }

    @Input("TerritoryMoveFilter")
    @Description("The same filters as GET /api/v1/territory-models/{id}/moves; list fields are OR-ed.")
    public record MoveFilter(List<UUID> fromTerritoryId, List<UUID> toTerritoryId, List<UUID> accountOwnerId,
                             BigDecimal openPipelineAmountMin) {
    }

    @Mutation("runTerritoryModel")
    @Description("Starts a job assigning every account to the model's territories; poll `job(id)`.")
    public Uni<JobPayload> run(@NonNull @Name("modelId") UUID modelId,
                               @Name("replaceManual") @DefaultValue("false") boolean replaceManual) {
        return GraphQLSupport.payload(() -> realignment.run(caller.get(), modelId, replaceManual), JobPayload::new);
    }

    @Mutation("previewTerritoryModel")
    @Description("Starts a job computing the moves of a planning model against the active one; poll `job(id)`.")
    public Uni<JobPayload> preview(@NonNull @Name("modelId") UUID modelId) {
        return GraphQLSupport.payload(() -> realignment.preview(caller.get(), modelId), JobPayload::new);
    }

    @Mutation("activateTerritoryModel")
    @Description("Starts a job activating a planning model (archives the active one); poll `job(id)`.")
    public Uni<JobPayload> activate(@NonNull @Name("modelId") UUID modelId) {
        return GraphQLSupport.payload(() -> realignment.activate(caller.get(), modelId), JobPayload::new);
    }

    @Mutation("assignTerritoryManually")
    public Uni<TerritoryAssignmentPayload> assign(@NonNull @Name("modelId") UUID modelId,
                                                  @NonNull @Name("accountId") UUID accountId,
                                                  @NonNull @Name("territoryId") UUID territoryId) {
        return GraphQLSupport.payload(() -> assignments.assignManually(caller.get(), modelId, accountId, territoryId),
                TerritoryAssignmentPayload::new);
    }

    @Mutation("clearManualTerritoryAssignment")
    public Uni<ClearedAssignmentPayload> clear(@NonNull @Name("modelId") UUID modelId,
                                               @NonNull @Name("accountId") UUID accountId) {
        return GraphQLSupport.payload(() -> assignments.clearManual(caller.get(), modelId, accountId)
                .replaceWith(accountId), ClearedAssignmentPayload::new);
    }

    @Query("territoryAssignments")
    @Description("A model's account assignments, as a Relay connection.")
    public Uni<TerritoryAssignmentConnection> assignments(@NonNull @Name("modelId") UUID modelId,
                                                          @Name("filter") AssignmentFilter filter,
                                                          @Name("sort") String sort, @Name("first") Integer first,
                                                          @Name("after") String after) {
        return assignments.assignments(caller.get(), modelId, GraphQLSupport.listRequest(
                        TerritoryAssignmentService.ASSIGNMENT_LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, TerritoryAssignmentEdge::new,
                        TerritoryAssignmentConnection::new));
    }

    @Query("territoryMoves")
    @Description("The moves of a planning model's latest preview, as a Relay connection.")
    public Uni<TerritoryMoveConnection> moves(@NonNull @Name("modelId") UUID modelId, @Name("filter") MoveFilter filter,
                                              @Name("sort") String sort, @Name("first") Integer first,
                                              @Name("after") String after) {
        return assignments.moves(caller.get(), modelId, GraphQLSupport.listRequest(TerritoryAssignmentService.MOVE_LIST,
                filter, sort, first, after)).map(slice -> GraphQLSupport.connection(slice, TerritoryMoveEdge::new,
                TerritoryMoveConnection::new));
    }

    @Query("territoryMoveRoutes")
    @Description("The latest preview's moves grouped by from → to territory, largest first.")
    public Uni<List<MoveRouteView>> routes(@NonNull @Name("modelId") UUID modelId) {
        return assignments.routes(caller.get(), modelId);
    }
}
