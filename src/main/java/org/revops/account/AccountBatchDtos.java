package org.revops.account;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Request shapes of the account batch upsert (the service reads records as JSON: these document and type them). */
public final class AccountBatchDtos {
    private AccountBatchDtos() {
    }

    @Schema(name = "AccountUpsertRecord", description = """
            An account keyed by externalSource + externalId (both required). A new key creates the account with the \
            rules of POST /api/v1/accounts (owner: the given one or the caller); a known key is a JSON Merge Patch of \
            the stored account with the rules of PATCH. The owner is given by ownerId or by ownerEmail.""")
    @Input("AccountUpsertRecord")
    @Description("An account keyed by externalSource + externalId; fields as in AccountInput, plus ownerEmail. "
            + "Omitted (or null) fields of a known account stay.")
    public record AccountUpsertRecord(
            @Schema(required = true, example = "salesforce") @NonNull String externalSource,
            @Schema(required = true, example = "0015g00000XyZ") @NonNull String externalId,
            @Schema(description = "Required for a new account", example = "Globex GmbH") String name,
            String industry, Integer employeeCount, BigDecimal annualRevenue, String currency, String country,
            String region, String city, String postalCode, String tier, UUID ownerId,
            @Schema(description = "The owner's e-mail instead of ownerId", example = "ann@example.com") String ownerEmail) {
    }

    @Schema(name = "AccountUpsertInput")
    @Input("AccountUpsertInput")
    public record AccountUpsertInput(
            @Schema(description = "true: any invalid record and nothing is written (422); false (default): valid "
                    + "records land, invalid ones are reported") Boolean atomic,
            @Schema(description = "1 to 10,000 records", maxItems = 10_000, minItems = 1)
            @NonNull List<@NonNull AccountUpsertRecord> records) {
    }

    @Schema(name = "ContactUpsertRecord", description = """
            A contact keyed by externalSource + externalId (both required). Its account is given by accountId or by \
            the account's accountExternalId (+ accountExternalSource, default: the contact's externalSource). A new \
            key is created with the rules of POST /api/v1/contacts, a known key is a JSON Merge Patch of the stored \
            contact with the rules of PATCH.""")
    @Input("ContactUpsertRecord")
    @Description("A contact keyed by externalSource + externalId; fields as in ContactInput; the account by id or by "
            + "accountExternalId (+ accountExternalSource). Omitted (or null) fields of a known contact stay.")
    public record ContactUpsertRecord(
            @Schema(required = true, example = "salesforce") @NonNull String externalSource,
            @Schema(required = true, example = "0035g00000AbC") @NonNull String externalId,
            UUID accountId,
            @Schema(description = "The account's id in the source system, instead of accountId", example = "0015g00000XyZ")
            String accountExternalId,
            @Schema(description = "The account's source system; defaults to this record's externalSource")
            String accountExternalSource,
            @Schema(description = "Required for a new contact", example = "Grace Hopper") String name,
            String email, String phone, String title) {
    }

    @Schema(name = "ContactUpsertInput")
    @Input("ContactUpsertInput")
    public record ContactUpsertInput(
            @Schema(description = "true: any invalid record and nothing is written (422); false (default): valid "
                    + "records land, invalid ones are reported") Boolean atomic,
            @Schema(description = "1 to 10,000 records", maxItems = 10_000, minItems = 1)
            @NonNull List<@NonNull ContactUpsertRecord> records) {
    }
}
