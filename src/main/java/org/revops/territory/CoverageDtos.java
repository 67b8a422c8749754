package org.revops.territory;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The coverage and white-space report (REST, CSV and GraphQL alike). */
public final class CoverageDtos {
    private CoverageDtos() {
    }

    static final String FIGURES = """
            Accounts are those the caller may read (a rep their own and those of their deals, a manager their \
            subtree's, others the whole workspace); deals are those the caller may read on those accounts. Amounts \
            are summed as stored, in each deal's own currency (no FX).""";

    /** What the rows are: the territories of a model, or the accounts' industry or region values. */
    public enum CoverageGroupBy {
        TERRITORY("territory"), INDUSTRY("industry"), REGION("region");

        private final String value;

        CoverageGroupBy(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }

        public static List<String> names() {
            return Arrays.stream(values()).map(CoverageGroupBy::value).toList();
        }

        /** The grouping named in a query string; empty for an unknown name. */
        public static Optional<CoverageGroupBy> of(String value) {
            return Arrays.stream(values()).filter(g -> g.value.equals(value)).findFirst();
        }
    }

    /** The row kinds, as {@link CoverageRow#kind()} names them. */
    static final String TERRITORY = "territory";
    static final String VALUE = "value";
    static final String OTHER_TERRITORIES = "otherTerritories";
    static final String UNASSIGNED = "unassigned";

    @Schema(name = "CoverageFigures", description = "The figures of a territory and all its descendants together.")
    @Type("CoverageFigures")
    public record CoverageFigures(
            @Schema(description = "Accounts assigned to the territory or one of its descendants") int accounts,
            @Schema(description = "Of those, accounts with at least one open deal") int accountsWithOpenPipeline,
            @Schema(description = "Open deals of those accounts") int openDeals,
            @Schema(description = "Sum of the open deals' amounts") @NonNull BigDecimal openPipelineAmount,
            @Schema(description = "Deals of those accounts won in [wonFrom, wonTo]") int wonDeals,
            @Schema(description = "Sum of the won deals' amounts") @NonNull BigDecimal wonAmount,
            @Schema(description = "Distinct users who are a member with role rep or owner of the territory or of "
                    + "one of its descendants") int reps,
            @Schema(description = "Of the accounts, those untouched for untouchedDays") int untouchedAccounts,
            @Schema(description = "untouchedAccounts / accounts, 0-1, 4 decimals; null when there is no account",
                    nullable = true) BigDecimal untouchedShare) {
    }

    @Schema(name = "CoverageRow", description = """
            One row of the report. `kind` says what it is: `territory` (a territory of the model), `value` (an \
            industry or region as stored), `unassigned` (accounts without a territory in the model, ties included, or \
            without an industry or region), or `otherTerritories` (for a rep: their accounts in territories they do \
            not belong to, whose names they may not read). The figures count the accounts of this row only: for a \
            territory, those assigned directly to it; `subtree` adds its descendants'.""")
    @Type("CoverageRow")
    public record CoverageRow(
            @Schema(enumeration = {TERRITORY, VALUE, UNASSIGNED, OTHER_TERRITORIES}) @NonNull String kind,
            @Schema(description = "The territory's id, or the industry or region; null for `unassigned` and "
                    + "`otherTerritories`", nullable = true) String key,
            @Schema(description = "The territory's name, or the industry or region; `(unassigned)` or "
                    + "`(other territories)` for those rows") @NonNull String label,
            @Schema(description = "The territory's code (territory rows only)", nullable = true) String code,
            @Schema(description = "1 for a root territory, 2 for its children, … (territory rows only)",
                    nullable = true) Integer depth,
            @Schema(description = "The parent territory; null for a root and for other rows", nullable = true)
            UUID parentId,
            @Schema(description = "Accounts of the row (for a territory: assigned directly to it)") int accounts,
            @Schema(description = "Of those, accounts with at least one open deal") int accountsWithOpenPipeline,
            @Schema(description = "Open deals (stage not closed) of those accounts") int openDeals,
            @Schema(description = "Sum of the open deals' amounts") @NonNull BigDecimal openPipelineAmount,
            @Schema(description = "Deals of those accounts in a won stage closed (closedAt) in [wonFrom, wonTo]")
            int wonDeals,
            @Schema(description = "Sum of the won deals' amounts") @NonNull BigDecimal wonAmount,
            @Schema(description = """
                    Territory rows: distinct members of the territory with role rep or owner (overlays and the \
                    territory's ownerId, its forecast manager, do not count). Value and unassigned rows: distinct \
                    owners of the row's accounts. Null for otherTerritories.""", nullable = true) Integer reps,
            @Schema(description = "Accounts with no activity (occurredAt) in [asOf − untouchedDays, asOf] and no "
                    + "deal created or updated since asOf − untouchedDays") int untouchedAccounts,
            @Schema(description = "untouchedAccounts / accounts, 0-1, 4 decimals; null when there is no account",
                    nullable = true) BigDecimal untouchedShare,
            @Schema(description = "Territory rows: the territory and all its descendants together; null for other "
                    + "rows", nullable = true) CoverageFigures subtree) {
    }

    @Schema(name = "Coverage", description = "Coverage and white space by territory, industry or region. " + FIGURES)
    @Type("Coverage")
    public record CoverageView(
            @Schema(enumeration = {"territory", "industry", "region"}) @NonNull String groupBy,
            @Schema(description = "The territory model of territory rows (the active one unless modelId was given); "
                    + "null for industry and region, or when there is no active model", nullable = true)
            UUID modelId,
            @Schema(description = "The instant the figures were computed for (the application clock)")
            @NonNull OffsetDateTime asOf,
            @Schema(description = "An account is untouched when nothing happened on it for this many days")
            int untouchedDays,
            @Schema(description = "asOf − untouchedDays: activities and deal changes at or after it count")
            @NonNull OffsetDateTime untouchedSince,
            @Schema(description = "First day of the won period (UTC), included") @NonNull LocalDate wonFrom,
            @Schema(description = "Last day of the won period (UTC), included") @NonNull LocalDate wonTo,
            @Schema(description = """
                    Territory rows in tree order (depth first, siblings by code), then otherTerritories (reps only), \
                    then unassigned; or the values in byte order of the text, then unassigned. The unassigned row is \
                    always there.""") @NonNull List<@NonNull CoverageRow> rows) {
    }
}
