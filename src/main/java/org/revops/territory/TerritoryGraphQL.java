package org.revops.territory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.territory.TerritoryDtos.TerritoryInput;
import org.revops.territory.TerritoryDtos.TerritoryMemberInput;
import org.revops.territory.TerritoryDtos.TerritoryMemberView;
import org.revops.territory.TerritoryDtos.TerritoryView;

import java.util.List;
import java.util.UUID;

/** GraphQL door to territories and their members; relations are in {@link TerritoryRelationsGraphQL}. */
@RequiresScope(read = "territories:read", write = "territories:admin")
@GraphQLApi
public class TerritoryGraphQL {
    private final TerritoryQueries queries;
    private final TerritoryService territories;
    private final TerritoryMemberService members;
    private final CurrentCaller caller;

    public TerritoryGraphQL(TerritoryQueries queries, TerritoryService territories, TerritoryMemberService members,
                            CurrentCaller caller) {
        this.queries = queries;
        this.territories = territories;
        this.members = members;
        this.caller = caller;
    }

    public record TerritoryEdge(@NonNull TerritoryView node, @NonNull String cursor) {
    }

    public record TerritoryConnection(@NonNull List<@NonNull TerritoryEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record TerritoryPayload(TerritoryView territory, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record TerritoryDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record TerritoryMemberPayload(TerritoryMemberView member, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record TerritoryMemberRemovePayload(UUID removedUserId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("TerritoryFilter")
    @Description("The same filters as GET /api/v1/territories; list fields are OR-ed.")
    public record TerritoryFilter(List<UUID> id, List<UUID> modelId, List<UUID> parentId,
                                  @Description("true: only roots; false: only territories with a parent") Boolean root,
                                  List<String> type, List<UUID> ownerId, List<String> code, String q) {
    }

    @Input("TerritoryPatch")
    @Description("Fields to change; omitted fields stay. parentId moves the subtree; moveToRoot: true makes it a root.")
    public record TerritoryPatch(UUID parentId, Boolean moveToRoot, String name, String code, String type,
                                 String description, UUID ownerId, @Min(-1000000) @Max(1000000) Integer priority) {
    }

    @Query("territories")
    @Description("Territories the caller may read, as a Relay connection. `sort` as in REST, e.g. \"name\".")
    public Uni<TerritoryConnection> list(@Name("filter") TerritoryFilter filter, @Name("sort") String sort,
                                         @Name("first") Integer first, @Name("after") String after) {
        return queries.list(caller.get(), GraphQLSupport.listRequest(TerritoryQueries.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, TerritoryEdge::new, TerritoryConnection::new));
    }

    @Query("territory")
    public Uni<TerritoryView> get(@NonNull @Name("id") UUID id) {
        return queries.get(caller.get(), id);
    }

    @Mutation("createTerritory")
    public Uni<TerritoryPayload> create(@NonNull @Name("input") TerritoryInput input) {
        return GraphQLSupport.payload(() -> territories.create(caller.get(), input), TerritoryPayload::new);
    }

    @Mutation("updateTerritory")
    public Uni<TerritoryPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") TerritoryPatch patch,
                                        @Name("expectedVersion") Long expectedVersion) {
        ObjectNode node = GraphQLSupport.patchOf(patch);
        node.remove("moveToRoot");
        if (Boolean.TRUE.equals(patch.moveToRoot())) {
            node.putNull("parentId");
        }
        return GraphQLSupport.payload(() -> territories.update(caller.get(), id, expectedVersion, node),
                TerritoryPayload::new);
    }

    @Mutation("deleteTerritory")
    @Description("Deletes the territory with its members, rules and assignments; refused while it has children.")
    public Uni<TerritoryDeletePayload> delete(@NonNull @Name("id") UUID id,
                                              @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> territories.delete(caller.get(), id, expectedVersion).replaceWith(id),
                TerritoryDeletePayload::new);
    }

    @Mutation("putTerritoryMember")
    @Description("Adds the user to the territory or changes their role (owner, rep or overlay).")
    public Uni<TerritoryMemberPayload> putMember(@NonNull @Name("territoryId") UUID territoryId,
                                                 @NonNull @Name("userId") UUID userId,
                                                 @NonNull @Name("input") TerritoryMemberInput input) {
        return GraphQLSupport.payload(() -> members.put(caller.get(), territoryId, userId, input)
                .map(TerritoryMemberService.Upserted::member), TerritoryMemberPayload::new);
    }

    @Mutation("removeTerritoryMember")
    public Uni<TerritoryMemberRemovePayload> removeMember(@NonNull @Name("territoryId") UUID territoryId,
                                                          @NonNull @Name("userId") UUID userId) {
        return GraphQLSupport.payload(() -> members.remove(caller.get(), territoryId, userId).replaceWith(userId),
                TerritoryMemberRemovePayload::new);
    }
}
