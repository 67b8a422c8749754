package org.revops.lead;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.account.AccountDtos.AccountView;
import org.revops.account.AccountDtos.ContactView;
import org.revops.lead.LeadDtos.LeadView;
import org.revops.opportunity.OpportunityDtos.OpportunityView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Requests and answers of lead conversion and its duplicate check. */
public final class ConversionDtos {
    private ConversionDtos() {
    }

    @Schema(name = "ConvertLeadInput", description = """
            How to convert a lead. Account: link `accountId`, or (without it) create one from the lead's company \
            fields. Contact: link `contactId` (its account is then the account, unless `accountId` names the same), \
            or create one from the person fields (none when the lead has no name and no email). Without an explicit \
            accountId / contactId, existing matches (GET /api/v1/leads/{id}/duplicates) answer 409 listing them, \
            unless `createNew` is true. `opportunity` adds a deal in a pipeline; without it no deal is made.""")
    @Input("ConvertLeadInput")
    public record ConvertInput(
            @Schema(description = "An existing account to link") UUID accountId,
            @Schema(description = "An existing contact to link") UUID contactId,
            @Schema(description = "Create the account and contact even though duplicates exist", example = "false")
            Boolean createNew,
            @Schema(description = "Owner of the created account and deal; defaults to the lead's owner, else the "
                    + "caller") UUID ownerId,
            @Valid @Schema(description = "A deal to create; leave out for none") NewOpportunity opportunity) {
    }

    @Schema(name = "ConvertLeadOpportunity", description = """
            The deal a conversion creates. Defaults: `stageId` the pipeline's first open stage by position; `name` \
            "<company, else the person's name, else the email> - <channel>"; `amount` the lead's budgetAmount, else \
            0; `currency` the lead's; `closeDate` from the lead's timeline (now: today + 30 days; this-quarter: the \
            quarter's last day; next-quarter: the next quarter's last day; this-year: 31 December; later or unknown: \
            today + 90 days, UTC). Its `source` is the lead's channel, its `campaign` the lead's campaign, its `leadId` \
            the lead.""")
    @Input("ConvertLeadOpportunity")
    public record NewOpportunity(
            @NotNull @Schema(description = "The pipeline") UUID pipelineId,
            @Schema(description = "An open stage of the pipeline") UUID stageId,
            @Size(min = 1, max = 200) @Schema(example = "Globex GmbH - trade-show") String name,
            @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "48000") BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @Schema(example = "2026-12-31") LocalDate closeDate) {
    }

    @Schema(name = "LeadConversion", description = "The converted lead and the records it was converted into.")
    @Type("LeadConversion")
    public record ConversionView(
            @NonNull LeadView lead,
            @NonNull AccountView account,
            @Schema(description = "The account was created by the conversion (else linked)") boolean accountCreated,
            @Schema(description = "The contact; null when the lead had no person to make one of", nullable = true)
            ContactView contact,
            @Schema(description = "The contact was created by the conversion (else linked or none)")
            boolean contactCreated,
            @Schema(description = "The deal; null when none was asked for", nullable = true)
            OpportunityView opportunity) {
    }

    @Schema(name = "DuplicateContact", description = "A contact with the lead's e-mail address (any case).")
    @Type("DuplicateContact")
    public record ContactMatch(@NonNull UUID id, @NonNull UUID accountId, @NonNull String name, String email) {
    }

    @Schema(name = "DuplicateAccount", description = "An account that may be the lead's company.")
    @Type("DuplicateAccount")
    public record AccountMatch(
            @NonNull UUID id, @NonNull String name,
            @Schema(description = "`name`: its name is the lead's company (any case, trimmed); `domain`: one of its "
                    + "contacts has an e-mail at the lead's companyDomain") @NonNull List<@NonNull String> matchedOn) {
    }

    @Schema(name = "LeadDuplicates", description = """
            Records a conversion could duplicate, among those the caller may read (at most 20 of each, by name).""")
    @Type("LeadDuplicates")
    public record DuplicatesView(@NonNull List<@NonNull ContactMatch> contacts,
                                 @NonNull List<@NonNull AccountMatch> accounts) {
    }
}
