package org.revops.opportunity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.opportunity.SalesPolicyDtos.SalesPolicyView;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.math.BigDecimal;
import java.util.List;

/** GraphQL door to the sales policy. */
@RequiresScope(read = "opportunities:read", write = "workspace:admin")
@GraphQLApi
public class SalesPolicyGraphQL {
    private final SalesPolicyService policies;
    private final CurrentCaller caller;

    public SalesPolicyGraphQL(SalesPolicyService policies, CurrentCaller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    public record SalesPolicyPayload(SalesPolicyView salesPolicy, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("CadenceDaysPatch")
    @Description("Days to the next follow-up per grade (1-365); omitted grades stay.")
    public record CadenceDaysPatch(@JsonProperty("A") Integer A, @JsonProperty("B") Integer B,
                                   @JsonProperty("C") Integer C) {
    }

    @Input("SalesPolicyPatch")
    @Description("Fields to change; omitted fields stay. `inactivityStallOff: true` turns the inactivity rule off.")
    public record SalesPolicyPatch(BigDecimal gradeAAmount, BigDecimal gradeBAmount, BigDecimal gradeAProbability,
                                   BigDecimal gradeBProbability, List<List<String>> gradeMatrix,
                                   CadenceDaysPatch cadenceDays, Integer inactivityStallDays,
                                   Boolean inactivityStallOff) {
    }

    @Query("salesPolicy")
    @Description(SalesPolicyDtos.FORMULA)
    public Uni<SalesPolicyView> get() {
        return policies.get(caller.get());
    }

    @Mutation("updateSalesPolicy")
    @Description("Admin only. `expectedVersion` works like If-Match.")
    public Uni<SalesPolicyPayload> update(@NonNull @Name("patch") SalesPolicyPatch patch,
                                          @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> policies.update(caller.get(), expectedVersion, mergePatch(patch)),
                SalesPolicyPayload::new);
    }

    /** GraphQL has no "explicit null", so turning the rule off is a flag that becomes the merge patch's null. */
    private static ObjectNode mergePatch(SalesPolicyPatch patch) {
        ObjectNode node = GraphQLSupport.patchOf(patch);
        node.remove("inactivityStallOff");
        if (Boolean.TRUE.equals(patch.inactivityStallOff())) {
            if (patch.inactivityStallDays() != null) {
                throw ApiProblem.invalid("inactivityStallOff", "give either inactivityStallDays or inactivityStallOff");
            }
            node.putNull("inactivityStallDays");
        }
        return node;
    }
}
