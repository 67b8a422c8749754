package org.revops.team;

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
import org.revops.platform.security.Role;
import org.revops.team.UserDtos.UserInput;
import org.revops.team.UserDtos.UserView;

import java.util.List;
import java.util.UUID;

/** GraphQL door to users. */
@RequiresScope(read = "users:read", write = "workspace:admin")
@GraphQLApi
public class UserGraphQL {
    private final UserService users;
    private final CurrentCaller caller;

    public UserGraphQL(UserService users, CurrentCaller caller) {
        this.users = users;
        this.caller = caller;
    }

    public record UserEdge(@NonNull UserView node, @NonNull String cursor) {
    }

    public record UserConnection(@NonNull List<@NonNull UserEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record UserPayload(UserView user, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record UserDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("UserFilter")
    @Description("The same filters as GET /api/v1/users; list fields are OR-ed.")
    public record UserFilter(List<UUID> id, List<Role> role, List<UUID> managerId, List<String> email, String q) {
    }

    @Input("UserPatch")
    @Description("Fields to change; omitted fields stay.")
    public record UserPatch(String name, String email, Role role, UUID managerId) {
    }

    @Query("users")
    public Uni<UserConnection> list(@Name("filter") UserFilter filter, @Name("sort") String sort,
                                    @Name("first") Integer first, @Name("after") String after) {
        return users.list(caller.get(), GraphQLSupport.listRequest(UserService.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, UserEdge::new, UserConnection::new));
    }

    @Query("user")
    public Uni<UserView> get(@NonNull @Name("id") UUID id) {
        return users.get(caller.get(), id);
    }

    @Mutation("createUser")
    public Uni<UserPayload> create(@NonNull @Name("input") UserInput input) {
        return GraphQLSupport.payload(() -> users.create(caller.get(), input), UserPayload::new);
    }

    @Mutation("updateUser")
    public Uni<UserPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") UserPatch patch,
                                   @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> users.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), UserPayload::new);
    }

    @Mutation("deleteUser")
    public Uni<UserDeletePayload> delete(@NonNull @Name("id") UUID id, @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> users.delete(caller.get(), id, expectedVersion).replaceWith(id),
                UserDeletePayload::new);
    }

    public Uni<List<UserView>> manager(@Source List<UserView> list) {
        return users.byIds(caller.get(), list.stream().map(UserView::managerId).toList());
    }
}
