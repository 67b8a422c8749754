package org.revops.lead;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.lead.ConversionDtos.ConversionView;
import org.revops.lead.ConversionDtos.ConvertInput;
import org.revops.lead.ConversionDtos.DuplicatesView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;
import java.util.UUID;

/** GraphQL door to lead conversion: the same service methods as POST …/convert and GET …/duplicates. */
@RequiresScope(read = "leads:read", write = "leads:write")
@GraphQLApi
public class ConversionGraphQL {
    private final ConversionService conversion;
    private final LeadDuplicates duplicates;
    private final CurrentCaller caller;

    public ConversionGraphQL(ConversionService conversion, LeadDuplicates duplicates, CurrentCaller caller) {
        this.conversion = conversion;
        this.duplicates = duplicates;
        this.caller = caller;
    }

    public record ConvertLeadPayload(ConversionView conversion, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Mutation("convertLead")
    @Description("""
            Converts a lead into an account, a contact and optionally a deal, as POST /api/v1/leads/{id}/convert. \
            Refusals (converted already, disqualified, possible duplicates, bad references) are userErrors.""")
    public Uni<ConvertLeadPayload> convert(@NonNull @Name("id") UUID id, @Name("input") ConvertInput input) {
        return GraphQLSupport.payload(() -> conversion.convert(caller.get(), id, input), ConvertLeadPayload::new);
    }

    @Query("leadDuplicates")
    @Description("Contacts and accounts a conversion of the lead could duplicate, as GET /api/v1/leads/{id}/duplicates.")
    public Uni<DuplicatesView> duplicates(@NonNull @Name("id") UUID id) {
        return duplicates.of(caller.get(), id);
    }
}
