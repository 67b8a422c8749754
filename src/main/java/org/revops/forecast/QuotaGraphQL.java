package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.forecast.QuotaDtos.PlanView;
import org.revops.forecast.QuotaDtos.QuotaInput;
import org.revops.forecast.QuotaDtos.QuotaPlanInput;
import org.revops.forecast.QuotaDtos.QuotaView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** GraphQL door to quotas and yearly plans. */
@RequiresScope(read = "forecast:read", write = "forecast:admin")
@GraphQLApi
public class QuotaGraphQL {
    private final QuotaService quotas;
    private final CurrentCaller caller;

    public QuotaGraphQL(QuotaService quotas, CurrentCaller caller) {
        this.quotas = quotas;
        this.caller = caller;
    }

    public record QuotaEdge(@NonNull QuotaView node, @NonNull String cursor) {
    }

    public record QuotaConnection(@NonNull List<@NonNull QuotaEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record QuotaPayload(QuotaView quota, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record QuotaPlanPayload(PlanView plan, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record QuotaDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("QuotaFilter")
    @Description("The same filters as GET /api/v1/quotas; list fields are OR-ed.")
    public record QuotaFilter(List<String> periodId, List<String> periodKind, List<UUID> userId,
                              List<UUID> territoryId, String target, LocalDate from, LocalDate to) {
    }

    @Input("QuotaPatch")
    public record QuotaPatch(BigDecimal amount, String note) {
    }

    @Query("quotas")
    public Uni<QuotaConnection> list(@Name("filter") QuotaFilter filter, @Name("sort") String sort,
                                     @Name("first") Integer first, @Name("after") String after) {
        return quotas.list(caller.get(), GraphQLSupport.listRequest(QuotaService.LIST, filter, sort, first, after))
                .map(slice -> GraphQLSupport.connection(slice, QuotaEdge::new, QuotaConnection::new));
    }

    @Query("quota")
    public Uni<QuotaView> get(@NonNull @Name("id") UUID id) {
        return quotas.get(caller.get(), id);
    }

    @Mutation("createQuota")
    public Uni<QuotaPayload> create(@NonNull @Name("input") QuotaInput input) {
        return GraphQLSupport.payload(() -> quotas.create(caller.get(), input), QuotaPayload::new);
    }

    @Mutation("planQuotas")
    @Description("Spreads a yearly target over quarters, months and reps; see POST /api/v1/quotas/plan.")
    public Uni<QuotaPlanPayload> plan(@NonNull @Name("input") QuotaPlanInput input) {
        return GraphQLSupport.payload(() -> quotas.plan(caller.get(), input), QuotaPlanPayload::new);
    }

    @Mutation("updateQuota")
    public Uni<QuotaPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") QuotaPatch patch,
                                    @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> quotas.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), QuotaPayload::new);
    }

    @Mutation("deleteQuota")
    public Uni<QuotaDeletePayload> delete(@NonNull @Name("id") UUID id, @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> quotas.delete(caller.get(), id, expectedVersion).replaceWith(id),
                QuotaDeletePayload::new);
    }
}
