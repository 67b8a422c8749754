package org.revops.lead;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Requests and answers of lead routing: rep settings, routing decisions, the queue. */
public final class RoutingDtos {
    private RoutingDtos() {
    }

    static final String RULES = """
            `territory` (a rep of the lead's territory), `parent-territory` (the territory had no eligible rep: one of \
            an ancestor's), `workspace-pool` (no active territory model, or the lead has no territory: a rep of the \
            workspace pool), `unroutable` (no eligible rep anywhere: the lead waits in the queue).""";

    @Schema(name = "LeadRoutingSettingsInput", description = """
            A rep's routing settings. Fields left out (or null) keep their value; settings saved for the first time \
            start from the default capacity and opted in. A rep may change only their own `optedOut`; managers (for \
            their reporting subtree) and admins set both.""")
    @Input("LeadRoutingSettingsInput")
    public record SettingsInput(
            @Min(0) @Max(100000) @Schema(description = "Most leads routed to the rep per 30 days (0: none)",
                    example = "40") Integer capacity,
            @Schema(description = "true: routing skips the rep", example = "false") Boolean optedOut) {
    }

    @Schema(name = "LeadRoutingSettings", description = """
            How routing treats a rep. A rep member of a lead's territory is routed to with these settings, or the \
            defaults when none were saved; the workspace pool (no active territory model, or a lead without \
            territory) is the reps whose settings were saved (`saved`).""")
    @Type("LeadRoutingSettings")
    public record SettingsView(
            @NonNull UUID userId,
            @Schema(description = "Most leads routed to the rep per 30 days") int capacity,
            @Schema(description = "Routing skips the rep") boolean optedOut,
            @Schema(description = "Settings were saved for the rep (else these are the defaults)") boolean saved,
            @Schema(description = "Leads routed to the rep in the last 30 days") int routedLast30Days,
            @Schema(description = "capacity - routedLast30Days, at least 0") int remaining,
            @Schema(description = "When routing last gave the rep a lead", nullable = true) OffsetDateTime lastRoutedAt,
            @Schema(nullable = true) OffsetDateTime updatedAt,
            @Schema(description = "Who saved the settings last", nullable = true) UUID updatedBy,
            @Schema(description = "0 until saved; the ETag") long version) {
    }

    @Schema(name = "LeadRouting", description = "One routing decision: who got the lead from which pool, and why.")
    @Type("LeadRouting")
    public record RoutingView(
            @Schema(description = "Sequence number of the decision") long id,
            @NonNull UUID leadId,
            @Schema(description = "The rep who got the lead; null when it was unroutable", nullable = true)
            UUID ownerId,
            @Schema(description = "The lead's territory when routed", nullable = true) UUID leadTerritoryId,
            @Schema(description = "The territory whose reps supplied the owner; null for the workspace pool or when "
                    + "unroutable", nullable = true) UUID poolTerritoryId,
            @Schema(description = RULES, enumeration = {"territory", "parent-territory", "workspace-pool",
                    "unroutable"}) @NonNull String rule,
            @Schema(description = "Why, in words: the pools tried, the chosen rep's load") @NonNull String reason,
            @Schema(description = "`grade` (the lead's grade became A or B), `request` (POST …/{id}/route), `batch` "
                    + "(POST /api/v1/leads/route)", enumeration = {"grade", "request", "batch"}) @NonNull String trigger,
            @NonNull OffsetDateTime routedAt,
            @Schema(description = "The user whose request routed the lead", nullable = true) UUID routedBy) {
    }

    @Schema(name = "RouteLeadsInput", description = """
            Which leads to route: the listed ones, or (without `leadIds`) up to `limit` leads of the queue, those \
            never tried first, then those tried longest ago.""")
    @Input("RouteLeadsInput")
    public record BatchInput(
            @Size(min = 1, max = 1000) @Schema(description = "Leads to route (1-1000); each must be unowned and open")
            List<UUID> leadIds,
            @Min(1) @Max(1000) @Schema(description = "Without leadIds: how many queue leads to try (default 100)",
                    example = "100") Integer limit) {
    }

    @Schema(name = "RouteLeadsResult", description = "What a batch did, lead by lead.")
    @Type("RouteLeadsResult")
    public record BatchResult(
            @Schema(description = "Leads that got an owner") int routed,
            @Schema(description = "Leads that stayed in the queue (no eligible rep)") int unroutable,
            @Schema(description = "Listed leads that were not tried: already owned, converted or disqualified")
            int skipped,
            @Schema(description = "Unowned open leads still waiting after this batch") long queued,
            @NonNull List<@NonNull RoutingView> decisions,
            @Schema(description = "The listed leads that were skipped") @NonNull List<@NonNull UUID> skippedLeadIds) {
    }

    @Schema(name = "QueuedLead", description = """
            An unowned, open lead (not converted or disqualified) waiting for an owner, with the latest routing \
            attempt's reason (null when routing was never tried).""")
    @Type("QueuedLead")
    public record QueuedLead(
            @NonNull UUID id, String firstName, String lastName, String email, String company,
            @NonNull String source, String campaign, @NonNull String status,
            @Schema(nullable = true) Integer score, @Schema(nullable = true) String grade,
            @Schema(nullable = true) UUID territoryId, @NonNull OffsetDateTime createdAt,
            @Schema(description = "Rule of the latest routing decision: `unroutable`, or the rule of an earlier "
                    + "routing whose owner was removed since; null when never tried", nullable = true) String rule,
            @Schema(description = "The latest decision's reason: why nobody could take the lead",
                    nullable = true) String reason,
            @Schema(description = "When routing last tried", nullable = true) OffsetDateTime attemptedAt) {
    }

    @Input("QueuedLeadFilter")
    @Description("The same filters as GET /api/v1/leads/queue; list fields are OR-ed.")
    public record QueueFilter(List<@NonNull UUID> territoryId, List<@NonNull String> source,
                              List<@NonNull String> campaign, List<@NonNull String> grade, Boolean attempted) {
    }
}
