package org.revops.territory;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.revops.account.AccountDtos.AccountView;
import org.revops.opportunity.OpportunityDtos.OpportunityView;
import org.revops.platform.security.CurrentCaller;
import org.revops.territory.TerritoryDtos.TerritoryView;

import java.util.List;

/** The territory of accounts and deals, resolved for a whole page in one statement. */
@GraphQLApi
public class RecordTerritoryGraphQL {
    private final TerritoryQueries territories;
    private final CurrentCaller caller;

    public RecordTerritoryGraphQL(TerritoryQueries territories, CurrentCaller caller) {
        this.territories = territories;
        this.caller = caller;
    }

    @Name("territory")
    @Description("The account's territory in the active model (null: none, a tie, or not readable by the caller).")
    public Uni<List<TerritoryView>> ofAccounts(@Source List<AccountView> accounts) {
        return territories.byIds(caller.get(), accounts.stream().map(AccountView::territoryId).toList());
    }

    @Name("territory")
    @Description("The deal's territory: set on the deal, else its account's (null: none or not readable).")
    public Uni<List<TerritoryView>> ofOpportunities(@Source List<OpportunityView> deals) {
        return territories.byIds(caller.get(), deals.stream().map(OpportunityView::territoryId).toList());
    }
}
