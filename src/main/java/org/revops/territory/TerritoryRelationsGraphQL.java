package org.revops.territory;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.revops.account.AccountDtos.AccountView;
import org.revops.account.AccountService;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.security.CurrentCaller;
import org.revops.team.UserDtos.UserView;
import org.revops.team.UserService;
import org.revops.territory.TerritoryDtos.TerritoryMemberView;
import org.revops.territory.TerritoryDtos.TerritoryModelView;
import org.revops.territory.TerritoryDtos.TerritoryView;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The relations of a page of territories, each resolved for the whole page in one statement: parent, children,
 * members (and their users), owner, model and the assigned accounts.
 */
@GraphQLApi
public class TerritoryRelationsGraphQL {
    private final TerritoryQueries territories;
    private final TerritoryModelService models;
    private final TerritoryMemberService members;
    private final AccountService accounts;
    private final UserService users;
    private final CurrentCaller caller;

    public TerritoryRelationsGraphQL(TerritoryQueries territories, TerritoryModelService models,
                                     TerritoryMemberService members, AccountService accounts, UserService users,
                                     CurrentCaller caller) {
        this.territories = territories;
        this.models = models;
        this.members = members;
        this.accounts = accounts;
        this.users = users;
        this.caller = caller;
    }

    @Description("The parent territory; null for a root, or when a rep does not belong to the parent.")
    public Uni<List<TerritoryView>> parent(@Source List<TerritoryView> list) {
        return territories.byIds(caller.get(), ids(list, TerritoryView::parentId));
    }

    @Description("The direct children the caller may read, ordered by code.")
    public Uni<List<List<TerritoryView>>> children(@Source List<TerritoryView> list) {
        return territories.childrenOf(caller.get(), ids(list, TerritoryView::id));
    }

    @Description("Who works the territory and in which role, by name.")
    public Uni<List<List<TerritoryMemberView>>> members(@Source List<TerritoryView> list) {
        return members.ofTerritories(caller.get(), ids(list, TerritoryView::id));
    }

    @Description("The territory's forecast manager.")
    public Uni<List<UserView>> owner(@Source List<TerritoryView> list) {
        return users.byIds(caller.get(), ids(list, TerritoryView::ownerId));
    }

    public Uni<List<TerritoryModelView>> model(@Source List<TerritoryView> list) {
        return models.byIds(caller.get(), ids(list, TerritoryView::modelId));
    }

    @Description("Accounts assigned to the territory in its model (by rule or by hand) that the caller may see, by "
            + "name; the first `first` (1-500) of them.")
    public Uni<List<List<AccountView>>> accounts(@Source List<TerritoryView> list,
                                                 @Name("first") @DefaultValue("50") Integer first) {
        int n = first == null ? 50 : first;
        if (n < 1 || n > ListRequest.MAX_LIMIT) {
            return Uni.createFrom().failure(ApiProblem.badRequest("first", "must be between 1 and "
                    + ListRequest.MAX_LIMIT));
        }
        return accounts.byTerritories(caller.get(), list.stream().map(TerritoryView::modelId).distinct().toList(),
                ids(list, TerritoryView::id), n);
    }

    @Description("The member's user.")
    public Uni<List<UserView>> user(@Source List<TerritoryMemberView> list) {
        return users.byIds(caller.get(), list.stream().map(TerritoryMemberView::userId).toList());
    }

    private static <T> List<UUID> ids(List<T> list, Function<T, UUID> id) {
        return list.stream().map(id).toList();
    }
}
