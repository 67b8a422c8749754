package org.revops.account;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

public final class AccountDtos {
    private AccountDtos() {
    }

    @Schema(name = "AccountInput", description = "A customer or prospect company.")
    @Input("AccountInput")
    public record AccountInput(
            @NotBlank @Size(max = 200) @Schema(example = "Globex GmbH") String name,
            @Size(max = 100) @Schema(example = "Manufacturing") String industry,
            @Min(0) @Schema(example = "1200") Integer employeeCount,
            @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(example = "250000000") BigDecimal annualRevenue,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
            @Schema(description = "Currency of annualRevenue; defaults to the workspace currency", example = "EUR")
            String currency,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as DE")
            @Schema(example = "DE") String country,
            @Size(max = 100) @Schema(example = "EMEA") String region,
            @Size(max = 100) @Schema(example = "Munich") String city,
            @Size(max = 20) @Schema(example = "80331") String postalCode,
            @Pattern(regexp = "[ABC]", message = "must be A, B or C") @Schema(example = "A", enumeration = {"A", "B", "C"})
            String tier,
            @Schema(description = "Owner; defaults to the caller") UUID ownerId,
            @Size(max = 200) @Schema(description = "Id in the system the record came from", example = "0015g00000XyZ")
            String externalId,
            @Size(max = 100) @Schema(description = "That system's name", example = "salesforce") String externalSource) {
    }

    @Schema(name = "Account")
    @Type("Account")
    public record AccountView(UUID id, String name, String industry, Integer employeeCount, BigDecimal annualRevenue,
                              String currency, String country, String region, String city, String postalCode,
                              String tier, UUID ownerId, String externalId, String externalSource,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt, long version,
                              @Schema(description = "Territory in the active territory model; null when none matches, "
                                      + "on a tie, or without an active model") UUID territoryId,
                              @Schema(description = "Why: rule, manual or tie (several territories matched equally)",
                                      enumeration = {"rule", "manual", "tie"}) String territoryCause)
            implements Versioned {
    }

    @Schema(name = "ContactInput", description = "A person at an account.")
    @Input("ContactInput")
    public record ContactInput(
            @NotNull @Schema(description = "The account the contact works at") UUID accountId,
            @NotBlank @Size(max = 200) @Schema(example = "Grace Hopper") String name,
            @Email @Size(max = 320) @Schema(example = "grace@globex.example") String email,
            @Size(max = 50) @Schema(example = "+49 89 1234567") String phone,
            @Size(max = 200) @Schema(example = "Head of Procurement") String title,
            @Size(max = 200) String externalId,
            @Size(max = 100) String externalSource) {
    }

    @Schema(name = "Contact")
    @Type("Contact")
    public record ContactView(UUID id, UUID accountId, String name, String email, String phone, String title,
                              String externalId, String externalSource, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt, long version) implements Versioned {
    }
}
