package org.revops.opportunity;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Requests and answers of the funnel and win/loss analytics (REST, CSV and GraphQL alike). */
public final class AnalyticsDtos {
    private AnalyticsDtos() {
    }

    static final String COHORT = """
            The cohort: the deals of the pipeline the caller may see (a rep their own, a manager their subtree's, \
            others the whole workspace) created in [from, to) (UTC days; each bound optional), narrowed by the \
            owner, team and account filters. Amounts are summed as stored, in each deal's own currency.""";

    @Input("FunnelFilter")
    @Description(COHORT + " List fields are OR-ed, fields are AND-ed.")
    public record FunnelFilter(
            @NonNull @Description("The pipeline whose open stages are the funnel's steps") UUID pipelineId,
            @Description("Deals created on or after this day (UTC)") LocalDate from,
            @Description("Deals created before this day (UTC)") LocalDate to,
            @Description("Owned by one of these users") List<@NonNull UUID> ownerId,
            @Description("Owned by this user or anyone in their reporting subtree") UUID managerId,
            @Description("Account industry, exact") List<@NonNull String> accountIndustry,
            @Description("Account region, exact") List<@NonNull String> accountRegion) {

        public FunnelFilter {
            ownerId = ownerId == null ? List.of() : List.copyOf(ownerId);
            accountIndustry = accountIndustry == null ? List.of() : List.copyOf(accountIndustry);
            accountRegion = accountRegion == null ? List.of() : List.copyOf(accountRegion);
        }
    }

    @Schema(name = "FunnelStep", description = "One step of the funnel: an open stage of the pipeline, or the final "
            + "`won` step.")
    @Type("FunnelStep")
    public record FunnelStep(
            @Schema(description = "1-based order: the open stages by position, then won") int step,
            @Schema(description = "The open stage; null for the won step", nullable = true) UUID stageId,
            @Schema(description = "The stage's name; `Won` for the won step") @NonNull String name,
            @Schema(description = "True for the final won step") boolean won,
            @Schema(description = """
                    Deals of the cohort that reached this step: their stage history (opportunity history rows of \
                    field `stage`, the creation row included) shows them entering this open stage or a later open \
                    stage by position, or they are won (a won deal reached every step). Skipping a stage counts as \
                    reaching it. For the won step: the won deals.""") int reached,
            @Schema(description = "Open deals now in this stage; for the won step, the won deals") int currentCount,
            @Schema(description = "Sum of the amounts of the deals counted in currentCount")
            @NonNull BigDecimal currentAmount,
            @Schema(description = """
                    reached(next step) / reached(this step), a fraction 0-1 rounded to 4 decimals; null for the won \
                    step and when no deal reached this step.""", nullable = true) BigDecimal conversionToNext) {
    }

    @Schema(name = "FunnelDrop", description = "The step that loses the largest share of its deals to the next step.")
    @Type("FunnelDrop")
    public record FunnelDrop(
            int step, @NonNull UUID stageId, @NonNull String name,
            @Schema(description = "Its conversion to the next step (the lowest of the funnel)")
            @NonNull BigDecimal conversionToNext,
            @Schema(description = "1 - conversionToNext, computed exactly then rounded to 4 decimals")
            @NonNull BigDecimal dropRate) {
    }

    @Schema(name = "Funnel", description = COHORT)
    @Type("Funnel")
    public record FunnelView(
            @NonNull UUID pipelineId,
            @Schema(description = "Created on or after (UTC day), as asked", nullable = true) LocalDate from,
            @Schema(description = "Created before (UTC day), as asked", nullable = true) LocalDate to,
            @Schema(description = "The pipeline's open stages by position, then the won step")
            @NonNull List<@NonNull FunnelStep> steps,
            @Schema(description = "Deals in the cohort") int deals,
            @Schema(description = "Deals of the cohort in an open stage") int openDeals,
            @Schema(description = "Deals of the cohort in a won stage") int wonDeals,
            @Schema(description = "Deals of the cohort in a closed stage that is not won") int lostDeals,
            @Schema(description = "wonDeals / (wonDeals + lostDeals), 4 decimals; null when none is closed",
                    nullable = true) BigDecimal winRate,
            @Schema(description = """
                    Average sales cycle of the won deals: whole days (rounded down) from createdAt to closedAt, \
                    averaged, 2 decimals; null when none is won.""", nullable = true) BigDecimal averageSalesCycleDays,
            @Schema(description = """
                    Median of the same cycle days (percentile_cont 0.5: the mean of the two middle values for an even \
                    count); null when none is won.""", nullable = true) BigDecimal medianSalesCycleDays,
            @Schema(description = "Sum of the won deals' amounts / wonDeals, 4 decimals; null when none is won",
                    nullable = true) BigDecimal averageWonAmount,
            @Schema(description = """
                    Pipeline velocity, amount per day: openDeals × winRate × averageWonAmount ÷ averageSalesCycleDays, \
                    computed from the unrounded figures (= openDeals × wonDeals × wonAmount ÷ ((wonDeals + lostDeals) \
                    × sum of cycle days)), 4 decimals. Null when a factor is unknown or the average cycle is 0.""",
                    nullable = true) BigDecimal pipelineVelocity,
            @Schema(description = """
                    The open step with the lowest conversionToNext (the earliest on a tie; steps no deal reached are \
                    skipped); null when there is none.""", nullable = true) FunnelDrop largestDrop) {
    }

    /** What win/loss figures are grouped by; the REST and JSON value is {@link #value()}. */
    public enum WinLossGroupBy {
        REASON("reason"), COMPETITOR("competitor"), OWNER("owner"), SOURCE("source");

        private final String value;

        WinLossGroupBy(String value) {
            this.value = value;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String value() {
            return value;
        }

        public static List<String> names() {
            return Arrays.stream(values()).map(WinLossGroupBy::value).toList();
        }

        /** The grouping named in a query string; empty for an unknown name. */
        public static java.util.Optional<WinLossGroupBy> of(String value) {
            return Arrays.stream(values()).filter(g -> g.value.equals(value)).findFirst();
        }
    }

    @Schema(name = "WinLossGroup", description = "Closed deals of one group.")
    @Type("WinLossGroup")
    public record WinLossGroup(
            @Schema(description = """
                    The group: the close reason's id, the owner's id, or the competitor or source text as stored; \
                    null for deals without one.""", nullable = true) String key,
            @Schema(description = "The reason's name, the owner's name, or the competitor or source text; "
                    + "`(none)` for deals without one") @NonNull String label,
            @Schema(description = "Deals won") int won,
            @Schema(description = "Deals lost") int lost,
            @Schema(description = "Sum of the won deals' amounts") @NonNull BigDecimal wonAmount,
            @Schema(description = "Sum of the lost deals' amounts") @NonNull BigDecimal lostAmount,
            @Schema(description = "won / (won + lost), a fraction 0-1 rounded to 4 decimals")
            @NonNull BigDecimal winRate) {
    }

    @Schema(name = "WinLoss", description = """
            Deals closed (closedAt) in [from, to), UTC days, that the caller may see (a rep their own, a manager their \
            subtree's, others the whole workspace). A deal counts as won when its stage is a won stage, else as lost. \
            Amounts are summed as stored, in each deal's own currency.""")
    @Type("WinLoss")
    public record WinLossView(
            @Schema(description = "First day counted (UTC)") @NonNull LocalDate from,
            @Schema(description = "First day no longer counted (UTC)") @NonNull LocalDate to,
            @Schema(enumeration = {"reason", "competitor", "owner", "source"}) @NonNull String groupBy,
            @Schema(description = "By won + lost, most first; then by label, `(none)` last among equals")
            @NonNull List<@NonNull WinLossGroup> groups,
            @Schema(description = "Deals won in the period") int won,
            @Schema(description = "Deals lost in the period") int lost,
            @NonNull BigDecimal wonAmount,
            @NonNull BigDecimal lostAmount,
            @Schema(description = "won / (won + lost), 4 decimals; null when nothing closed", nullable = true)
            BigDecimal winRate) {
    }
}
