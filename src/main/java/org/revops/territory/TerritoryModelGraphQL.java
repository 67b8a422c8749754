package org.revops.territory;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.territory.TerritoryDtos.TerritoryModelCloneInput;
import org.revops.territory.TerritoryDtos.TerritoryModelInput;
import org.revops.territory.TerritoryDtos.TerritoryModelView;
import org.revops.territory.TerritoryDtos.TerritoryView;

import java.util.List;
import java.util.UUID;

/** GraphQL door to territory models; a page of models resolves its territories in one statement. */
@RequiresScope(read = "territories:read", write = "territories:admin")
@GraphQLApi
public class TerritoryModelGraphQL {
    private final TerritoryModelService models;
    private final TerritoryQueries territories;
    private final CurrentCaller caller;

    public TerritoryModelGraphQL(TerritoryModelService models, TerritoryQueries territories, CurrentCaller caller) {
        this.models = models;
        this.territories = territories;
        this.caller = caller;
    }

    public record TerritoryModelEdge(@NonNull TerritoryModelView node, @NonNull String cursor) {
    }

    public record TerritoryModelConnection(@NonNull List<@NonNull TerritoryModelEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record TerritoryModelPayload(TerritoryModelView territoryModel, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record TerritoryModelDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("TerritoryModelFilter")
    @Description("The same filters as GET /api/v1/territory-models; list fields are OR-ed.")
    public record TerritoryModelFilter(List<UUID> id, List<String> state, String q) {
    }

    @Input("TerritoryModelPatch")
    @Description("Fields to change; omitted fields stay. The state changes only through activation.")
    public record TerritoryModelPatch(String name, String description) {
    }

    @Query("territoryModels")
    @Description("Territory models, as a Relay connection. `sort` as in REST, e.g. \"-createdAt\".")
    public Uni<TerritoryModelConnection> list(@Name("filter") TerritoryModelFilter filter, @Name("sort") String sort,
                                              @Name("first") Integer first, @Name("after") String after) {
        return models.list(caller.get(), GraphQLSupport.listRequest(TerritoryModelService.LIST, filter, sort, first,
                        after))
                .map(slice -> GraphQLSupport.connection(slice, TerritoryModelEdge::new, TerritoryModelConnection::new));
    }

    @Query("territoryModel")
    public Uni<TerritoryModelView> get(@NonNull @Name("id") UUID id) {
        return models.get(caller.get(), id);
    }

    @Mutation("createTerritoryModel")
    @Description("A new model in planning.")
    public Uni<TerritoryModelPayload> create(@NonNull @Name("input") TerritoryModelInput input) {
        return GraphQLSupport.payload(() -> models.create(caller.get(), input), TerritoryModelPayload::new);
    }

    @Mutation("updateTerritoryModel")
    public Uni<TerritoryModelPayload> update(@NonNull @Name("id") UUID id,
                                             @NonNull @Name("patch") TerritoryModelPatch patch,
                                             @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> models.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), TerritoryModelPayload::new);
    }

    @Mutation("deleteTerritoryModel")
    @Description("Deletes a planning model and everything in it; the active and archived models are refused.")
    public Uni<TerritoryModelDeletePayload> delete(@NonNull @Name("id") UUID id,
                                                   @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> models.delete(caller.get(), id, expectedVersion).replaceWith(id),
                TerritoryModelDeletePayload::new);
    }

    @Mutation("cloneTerritoryModel")
    @Description("A new planning model with copies of the territories, members, rules and manual assignments.")
    public Uni<TerritoryModelPayload> cloneModel(@NonNull @Name("id") UUID id,
                                                 @Name("input") TerritoryModelCloneInput input) {
        return GraphQLSupport.payload(() -> models.cloneModel(caller.get(), id, input), TerritoryModelPayload::new);
    }

    @Description("Every territory of the model the caller may read (the whole hierarchy), ordered by code.")
    public Uni<List<List<TerritoryView>>> territories(@Source List<TerritoryModelView> list) {
        return territories.ofModels(caller.get(), list.stream().map(TerritoryModelView::id).toList());
    }
}
