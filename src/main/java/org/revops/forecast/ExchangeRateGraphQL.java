package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateInput;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateUpsertView;
import org.revops.forecast.ExchangeRateDtos.ExchangeRateView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** GraphQL door to exchange rates: the same service as /api/v1/exchange-rates. */
@RequiresScope(read = "forecast:read", write = "forecast:admin")
@GraphQLApi
public class ExchangeRateGraphQL {
    private final ExchangeRateService rates;
    private final CurrentCaller caller;

    public ExchangeRateGraphQL(ExchangeRateService rates, CurrentCaller caller) {
        this.rates = rates;
        this.caller = caller;
    }

    public record ExchangeRateEdge(@NonNull ExchangeRateView node, @NonNull String cursor) {
    }

    public record ExchangeRateConnection(@NonNull List<@NonNull ExchangeRateEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record ExchangeRatePayload(ExchangeRateView exchangeRate, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record ExchangeRateUpsertPayload(ExchangeRateUpsertView result,
                                            @NonNull List<@NonNull UserError> userErrors) {
    }

    public record ExchangeRateDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("ExchangeRateFilter")
    @Description("The same filters as GET /api/v1/exchange-rates; list fields are OR-ed.")
    public record ExchangeRateFilter(List<String> currency, LocalDate from, LocalDate to) {
    }

    @Input("ExchangeRatePatch")
    public record ExchangeRatePatch(BigDecimal rate) {
    }

    @Query("exchangeRates")
    public Uni<ExchangeRateConnection> list(@Name("filter") ExchangeRateFilter filter, @Name("sort") String sort,
                                            @Name("first") Integer first, @Name("after") String after) {
        return rates.list(caller.get(), GraphQLSupport.listRequest(ExchangeRateService.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, ExchangeRateEdge::new, ExchangeRateConnection::new));
    }

    @Query("exchangeRate")
    public Uni<ExchangeRateView> get(@NonNull @Name("id") UUID id) {
        return rates.get(caller.get(), id);
    }

    @Mutation("createExchangeRate")
    public Uni<ExchangeRatePayload> create(@NonNull @Name("input") ExchangeRateInput input) {
        return GraphQLSupport.payload(() -> rates.create(caller.get(), input), ExchangeRatePayload::new);
    }

    @Mutation("updateExchangeRate")
    public Uni<ExchangeRatePayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") ExchangeRatePatch patch,
                                           @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> rates.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), ExchangeRatePayload::new);
    }

    @Mutation("deleteExchangeRate")
    public Uni<ExchangeRateDeletePayload> delete(@NonNull @Name("id") UUID id,
                                                 @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> rates.delete(caller.get(), id, expectedVersion).replaceWith(id),
                ExchangeRateDeletePayload::new);
    }

    @Mutation("upsertExchangeRates")
    @Description("Creates or replaces up to 1,000 rates by currency and day, all or nothing; see PUT "
            + "/api/v1/exchange-rates. userErrors name items as input[i].field.")
    public Uni<ExchangeRateUpsertPayload> upsert(@NonNull @Name("input") List<@NonNull ExchangeRateInput> input) {
        return GraphQLSupport.payload(() -> rates.upsert(caller.get(), input, "input"), ExchangeRateUpsertPayload::new);
    }
}
