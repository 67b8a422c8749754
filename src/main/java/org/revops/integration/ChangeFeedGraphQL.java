package org.revops.integration;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.integration.ChangeDtos.ChangePage;
import org.revops.integration.ChangeDtos.ChangeView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;

/**
 * GraphQL door to the change feed: the same service and rules as GET /api/v1/changes. A feed page, not a Relay
 * connection: there is no "last page", a client polls with the cursor it stored.
 */
@RequiresScope("changes:read")
@GraphQLApi
public class ChangeFeedGraphQL {
    private final ChangeFeedService feed;
    private final CurrentCaller caller;

    public ChangeFeedGraphQL(ChangeFeedService feed, CurrentCaller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @Query("changes")
    @Description("What changed since a cursor; the same semantics as GET /api/v1/changes (since, types, first = limit).")
    public Uni<ChangePage> changes(@Name("since") String since, @Name("types") List<String> types,
                                   @Name("first") Integer first) {
        return feed.read(caller.get(), since, types, first);
    }

    @Name("changedFields")
    @Description("The changed fields as a JSON object text (GraphQL has no JSON type)")
    @NonNull
    public String changedFields(@Source ChangeView change) throws com.fasterxml.jackson.core.JsonProcessingException {
        return ChangeFeedService.JSON.writeValueAsString(change.changedFields());
    }
}
