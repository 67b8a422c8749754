package org.revops.territory;

import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.territory.TerritoryDtos.CriterionInput;
import org.revops.territory.TerritoryDtos.TerritoryRuleInput;
import org.revops.territory.TerritoryDtos.TerritoryRuleView;
import org.revops.territory.TerritoryDtos.TerritoryView;

import java.util.List;
import java.util.UUID;

/** GraphQL door to territory rules; a page of territories resolves its rules in one statement. */
@RequiresScope(read = "territories:read", write = "territories:admin")
@GraphQLApi
public class TerritoryRuleGraphQL {
    private final TerritoryRuleService rules;
    private final CurrentCaller caller;

    public TerritoryRuleGraphQL(TerritoryRuleService rules, CurrentCaller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    public record TerritoryRulePayload(TerritoryRuleView rule, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record TerritoryRuleDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("TerritoryRulePatch")
    @Description("Fields to change; omitted fields stay. criteria replaces the list; the rule is compiled again.")
    public record TerritoryRulePatch(String name, List<CriterionInput> criteria, String expression, Boolean inherited,
                                     @Min(0) Integer position) {
    }

    @Query("territoryRule")
    public Uni<TerritoryRuleView> get(@NonNull @Name("id") UUID id) {
        return rules.get(caller.get(), id);
    }

    @Mutation("createTerritoryRule")
    @Description("Adds a rule to the territory; problems with criteria or expression are userErrors.")
    public Uni<TerritoryRulePayload> create(@NonNull @Name("territoryId") UUID territoryId,
                                            @NonNull @Name("input") TerritoryRuleInput input) {
        return GraphQLSupport.payload(() -> rules.create(caller.get(), territoryId, input), TerritoryRulePayload::new);
    }

    @Mutation("updateTerritoryRule")
    public Uni<TerritoryRulePayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") TerritoryRulePatch patch,
                                            @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> rules.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), TerritoryRulePayload::new);
    }

    @Mutation("deleteTerritoryRule")
    public Uni<TerritoryRuleDeletePayload> delete(@NonNull @Name("id") UUID id,
                                                  @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> rules.delete(caller.get(), id, expectedVersion).replaceWith(id),
                TerritoryRuleDeletePayload::new);
    }

    @Description("The territory's assignment rules, by position.")
    public Uni<List<List<TerritoryRuleView>>> rules(@Source List<TerritoryView> list) {
        return rules.ofTerritories(caller.get(), list.stream().map(TerritoryView::id).toList());
    }
}
