package org.revops.lead;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Answers of the lead-source analytics (REST, CSV and GraphQL alike). */
public final class LeadSourceDtos {
    private LeadSourceDtos() {
    }

    static final String COHORT = """
            The cohort: leads created in [from, to) (UTC days) that the caller may see (a rep their own, a manager \
            their subtree's and the unowned ones, others the whole workspace). A lead is **qualified** when its status \
            is qualified or converted, **converted** when it was converted (convertedAt), **won** when its converted \
            deal is closed won; **wonRevenue** sums those deals' amounts as stored (no FX, like every analytics \
            report; `currency` names the workspace currency they are meant in). **conversionRate** = converted / \
            leads (4 decimals; null without leads); **averageDaysToConvert** = the average over converted leads of \
            the whole days (rounded down) from createdAt to convertedAt (2 decimals; null when none converted).""";

    @Schema(name = "LeadCampaignFigures", description = "The leads of one campaign of a channel.")
    @Type("LeadCampaignFigures")
    public record CampaignFigures(
            @Schema(description = "The campaign as stored; null for the channel's leads without one",
                    nullable = true) String campaign,
            int leads, int qualified, int converted, int wonDeals, @NonNull BigDecimal wonRevenue,
            @Schema(nullable = true) BigDecimal conversionRate,
            @Schema(nullable = true) BigDecimal averageDaysToConvert) {
    }

    @Schema(name = "LeadChannelFigures", description = "The leads of one channel, and of each of its campaigns.")
    @Type("LeadChannelFigures")
    public record ChannelFigures(
            @Schema(enumeration = {"web-form", "trade-show", "partner-referral", "campaign", "outbound", "other"})
            @NonNull String channel,
            int leads, int qualified, int converted, int wonDeals, @NonNull BigDecimal wonRevenue,
            @Schema(nullable = true) BigDecimal conversionRate,
            @Schema(nullable = true) BigDecimal averageDaysToConvert,
            @Schema(description = "By leads, most first, then by name; leads without campaign last")
            @NonNull List<@NonNull CampaignFigures> campaigns) {
    }

    @Schema(name = "LeadSources", description = COHORT)
    @Type("LeadSources")
    public record LeadSourcesView(
            @Schema(description = "First day counted (UTC)") @NonNull LocalDate from,
            @Schema(description = "First day no longer counted (UTC)") @NonNull LocalDate to,
            @Schema(description = "The workspace currency") @NonNull String currency,
            @Schema(description = "Channels with leads in the cohort, by leads, most first, then by name")
            @NonNull List<@NonNull ChannelFigures> channels,
            int leads, int qualified, int converted, int wonDeals, @NonNull BigDecimal wonRevenue,
            @Schema(nullable = true) BigDecimal conversionRate,
            @Schema(nullable = true) BigDecimal averageDaysToConvert) {
    }

    /** One CSV record: a channel's campaign, a channel, or the total. */
    record CsvRow(String level, String channel, String campaign, int leads, int qualified, int converted, int wonDeals,
                  BigDecimal wonRevenue, BigDecimal conversionRate, BigDecimal averageDaysToConvert) {
    }
}
