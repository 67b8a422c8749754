package org.revops.forecast;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public final class ExchangeRateDtos {
    /** Most items one PUT (or one GraphQL upsert) may carry; more is 413. */
    public static final int MAX_UPSERT = 1000;

    private ExchangeRateDtos() {
    }

    @Schema(name = "ExchangeRateInput", description = "One unit of `currency` is worth `rate` units of the workspace "
            + "currency from `effectiveDate` until the next rate of the same currency.")
    @Input("ExchangeRateInput")
    public record ExchangeRateInput(
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD")
            @Schema(description = "ISO 4217, not the workspace currency (its rate is always 1)", example = "USD")
            String currency,
            @NotNull @Schema(description = "First day the rate applies") LocalDate effectiveDate,
            @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
            @Digits(integer = 11, fraction = 8, message = "must have at most 11 integer digits and 8 decimals")
            @Schema(description = "Units of the workspace currency per unit of `currency`", example = "0.92150000")
            BigDecimal rate) {
    }

    @Schema(name = "ExchangeRateBatch", description = "Up to " + MAX_UPSERT + " rates, each created or replaced by "
            + "currency and effective date; all or nothing.")
    public record ExchangeRateBatch(@Schema(required = true) List<ExchangeRateInput> rates) {
    }

    @Schema(name = "ExchangeRate")
    @Type("ExchangeRate")
    public record ExchangeRateView(UUID id, String currency, LocalDate effectiveDate, BigDecimal rate,
                                   @Schema(description = "The workspace currency that `rate` is in", example = "EUR")
                                   String baseCurrency,
                                   OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }

    @Schema(name = "ExchangeRateWrite", description = "What an upsert did with one item of the batch.")
    @Type("ExchangeRateWrite")
    public record ExchangeRateWrite(
            @Schema(enumeration = {"created", "updated", "unchanged"}) String result,
            ExchangeRateView exchangeRate) {
    }

    @Schema(name = "ExchangeRateUpsert", description = "The rates as stored after the upsert, in the order sent.")
    @Type("ExchangeRateUpsert")
    public record ExchangeRateUpsertView(int created, int updated, int unchanged, List<ExchangeRateWrite> rates) {
    }
}
