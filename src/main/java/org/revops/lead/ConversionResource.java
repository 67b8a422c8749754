package org.revops.lead;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.lead.ConversionDtos.ConversionView;
import org.revops.lead.ConversionDtos.ConvertInput;
import org.revops.lead.ConversionDtos.DuplicatesView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.UUID;

@RequiresScope(read = "leads:read", write = "leads:write")
@Path("/api/v1/leads")
@Tag(name = "Lead conversion", description = "Turning a lead into an account, a contact and a deal.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversionResource {
    private final ConversionService conversion;
    private final LeadDuplicates duplicates;
    private final CurrentCaller caller;

    public ConversionResource(ConversionService conversion, LeadDuplicates duplicates, CurrentCaller caller) {
        this.conversion = conversion;
        this.duplicates = duplicates;
        this.caller = caller;
    }

    @POST
    @Path("{id}/convert")
    @Operation(operationId = "convertLead", summary = "Convert a lead", description = """
            In one transaction: links or creates the account (created from the lead's company fields, owned by \
            `ownerId`, else the lead's owner, else the caller) and the contact (from the person fields), optionally \
            creates a deal in a pipeline (source = the lead's channel, campaign and leadId kept for attribution), and \
            marks the lead converted (status, convertedAt, convertedAccountId, convertedContactId, \
            convertedOpportunityId). Answers the lead and the records.

            Refusals, with nothing written: 404 when the caller cannot see the lead; 403 for read-only keys and \
            leads the caller may not change; 409 when the lead is converted already or disqualified, or \
            (`possible-duplicates`) when records match the lead (GET …/duplicates) and the request neither links \
            them (accountId / contactId) nor sends `"createNew": true` — each match is an error on the field that \
            would link it; 422 for an unknown account, contact, pipeline or stage, a contact of another account, a \
            closed stage, a lead without company and no accountId, or an owner the caller may not give records to.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = ConvertInput.class), examples = {
            @ExampleObject(name = "new records and a deal", value = """
                    {"opportunity":{"pipelineId":"3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c","amount":48000}}"""),
            @ExampleObject(name = "link an existing account", value = """
                    {"accountId":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","createNew":true}""")}))
    public Uni<ConversionView> convert(@Parameter(description = "Lead id") @PathParam("id") UUID id,
                                       @Valid ConvertInput input) {
        return conversion.convert(caller.get(), id, input);
    }

    @GET
    @Path("{id}/duplicates")
    @Operation(operationId = "getLeadDuplicates", summary = "Records a conversion of the lead could duplicate",
            description = """
                    Among the records the caller may read: contacts with the lead's e-mail (any case), and accounts \
                    whose name is the lead's company (any case, trimmed) or that have a contact with an e-mail at the \
                    lead's companyDomain (`matchedOn`: name, domain). At most 20 of each, by name. 404 when the \
                    caller cannot see the lead.""")
    public Uni<DuplicatesView> duplicates(@Parameter(description = "Lead id") @PathParam("id") UUID id) {
        return duplicates.of(caller.get(), id);
    }
}
