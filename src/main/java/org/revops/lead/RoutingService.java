package org.revops.lead;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.RoutingDtos.BatchInput;
import org.revops.lead.RoutingDtos.BatchResult;
import org.revops.lead.RoutingDtos.QueuedLead;
import org.revops.lead.RoutingDtos.RoutingView;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.security.Visibility;
import org.revops.platform.write.MergePatch;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Lead routing as the API offers it: route one lead or a batch on request, route a lead on its own write when its
 * grade became A or B, list the queue of unowned leads with the latest routing attempt's reason, and each lead's
 * routing history. Decisions are made by {@link LeadRouting} (pools, locks) and {@link LeadRouter} (who).
 * Reps do not route (they see only their own leads); read-only keys do not write.
 */
@ApplicationScoped
public class RoutingService {
    /** Open leads nobody owns: what routing fills from. */
    static final String QUEUED = "l.owner_id IS NULL AND l.status NOT IN ('converted', 'disqualified')";

    static final String QUEUE_SELECT = """
            SELECT l.id, l.first_name, l.last_name, l.email, l.company, l.source, l.campaign, l.status, l.score, l.grade,
                   l.territory_id, l.created_at, e.rule, e.reason, e.routed_at AS attempted_at
            FROM leads l
            LEFT JOIN LATERAL (SELECT e.rule, e.reason, e.routed_at FROM lead_routing_events e
                               WHERE e.workspace_id = l.workspace_id AND e.lead_id = l.id
                               ORDER BY e.id DESC LIMIT 1) e ON true""";

    public static final ListSpec QUEUE = ListSpec.builder("listLeadQueue", QUEUE_SELECT, "l.workspace_id", "l.id")
            .anyOf("territoryId", ValueType.UUID_, "l.territory_id", "Territory of the lead; repeat for several.")
            .anyOf("source", ValueType.TEXT, "l.source", "Channel; repeat for several.")
            .anyOf("campaign", ValueType.TEXT, "l.campaign", "Campaign, exact; repeat for several.")
            .anyOf("grade", ValueType.TEXT, "l.grade", "Score grade A, B, C or D; repeat for several.")
            .single("attempted", ValueType.BOOLEAN, "(e.rule IS NOT NULL) = ?",
                    "true: only leads routing already tried (and found nobody for); false: never tried.")
            .sort("createdAt", "l.created_at", "created_at", ValueType.TIMESTAMP)
            .build("createdAt");

    private static final String HISTORY = """
            SELECT e.id, e.lead_id, e.owner_id, e.lead_territory_id, e.pool_territory_id, e.rule, e.reason, e.trigger,
                   e.routed_at, e.routed_by
            FROM lead_routing_events e
            WHERE e.workspace_id = $1 AND e.lead_id = $2
            ORDER BY e.id""";

    private static final String HISTORY_OF = HISTORY.replace("e.lead_id = $2", "e.lead_id = ANY($2)");

    private static final int DEFAULT_BATCH = 100;

    private final Db db;
    private final LeadService leads;
    private final LeadRouting routing;
    private final MergePatch mergePatch;

    public RoutingService(Db db, LeadService leads, LeadRouting routing, MergePatch mergePatch) {
        this.db = db;
        this.leads = leads;
        this.routing = routing;
        this.mergePatch = mergePatch;
    }

    /**
     * Routes one unowned, open lead (see {@link LeadRouting}); an unroutable lead stays in the queue with the reason.
     * 404 when the caller cannot see the lead, 409 when it has an owner or is converted or disqualified.
     */
    public Uni<RoutingView> route(Caller caller, UUID leadId) {
        requireRouter(caller);
        return leads.get(caller, leadId).flatMap(lead -> {
            refuseUnroutable(lead.ownerId(), lead.status());
            return Audited.transaction(() -> routing.route(caller.workspaceId(), List.of(leadId), 0, "request",
                    caller.userId()));
        }).map(outcome -> {
            if (outcome.decisions().isEmpty()) {
                throw ApiProblem.conflict("The lead changed while it was routed: it has an owner or was closed");
            }
            return outcome.decisions().get(0);
        });
    }

    /** Routes the listed leads, or up to {@code limit} (default 100) of the queue; see {@link BatchInput}. */
    public Uni<BatchResult> routeBatch(Caller caller, BatchInput input) {
        requireRouter(caller);
        BatchInput in = input != null ? input : new BatchInput(null, null);
        mergePatch.validate(in);
        if (in.leadIds() != null && in.leadIds().contains(null)) {
            throw ApiProblem.invalid("leadIds", "must not contain null");
        }
        if (in.leadIds() != null && in.limit() != null) {
            throw ApiProblem.invalid("limit", "applies to the queue: leave it out when listing leadIds");
        }
        int limit = in.limit() != null ? in.limit() : DEFAULT_BATCH;
        return Audited.transaction(() -> routing.route(caller.workspaceId(), in.leadIds(), limit, "batch",
                        caller.userId()))
                .flatMap(outcome -> db.query("SELECT count(*) FROM leads l WHERE l.workspace_id = $1 AND " + QUEUED,
                                Tuple.of(caller.workspaceId()))
                        .map(rows -> {
                            int routed = (int) outcome.decisions().stream().filter(d -> d.ownerId() != null).count();
                            return new BatchResult(routed, outcome.decisions().size() - routed,
                                    outcome.skipped().size(), rows.iterator().next().getLong(0), outcome.decisions(),
                                    outcome.skipped());
                        }));
    }

    /** The queue: unowned open leads the caller sees, with the latest routing attempt. Reps have none (403). */
    public Uni<Slice<QueuedLead>> queue(Caller caller, ListRequest request) {
        if (caller.role() == Role.REP) {
            throw ApiProblem.forbidden("The lead queue is for managers, admins and integrations: a rep sees only "
                    + "their own leads");
        }
        SqlPredicate visible = Visibility.readableLead(caller, "l");
        return ListQuery.run(db, QUEUE, caller.workspaceId(),
                new SqlPredicate(QUEUED + " AND " + visible.sql(), visible.args()), request, RoutingService::toQueued);
    }

    /** Every routing decision about a lead the caller sees, oldest first (404 otherwise). */
    public Uni<List<RoutingView>> history(Caller caller, UUID leadId) {
        return leads.get(caller, leadId).flatMap(lead -> db.query(HISTORY, Tuple.of(caller.workspaceId(), leadId)))
                .map(rows -> {
                    List<RoutingView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(toView(row)));
                    return views;
                });
    }

    /** The routing histories of leads already known to be visible (a GraphQL page), in one statement. */
    public Uni<List<List<RoutingView>>> historyOf(Caller caller, List<UUID> leadIds) {
        return db.query(HISTORY_OF, Tuple.of(caller.workspaceId(), leadIds.toArray(UUID[]::new)))
                .map(rows -> Rows.groupBy(rows, leadIds, "lead_id", RoutingService::toView));
    }

    private static void requireRouter(Caller caller) {
        caller.requireWrite();
        if (caller.role() == Role.REP) {
            throw ApiProblem.forbidden("Routing hands leads to reps: admins, managers and integrations route");
        }
    }

    static void refuseUnroutable(UUID ownerId, String status) {
        if ("converted".equals(status) || "disqualified".equals(status)) {
            throw ApiProblem.conflict("A " + status + " lead is not routed");
        }
        if (ownerId != null) {
            throw ApiProblem.conflict("The lead already has an owner; routing gives owners to unowned leads");
        }
    }

    static RoutingView toView(Row row) {
        return new RoutingView(row.getLong("id"), row.getUUID("lead_id"), row.getUUID("owner_id"),
                row.getUUID("lead_territory_id"), row.getUUID("pool_territory_id"), row.getString("rule"),
                row.getString("reason"), row.getString("trigger"), row.getOffsetDateTime("routed_at"),
                row.getUUID("routed_by"));
    }

    static QueuedLead toQueued(Row row) {
        return new QueuedLead(row.getUUID("id"), row.getString("first_name"), row.getString("last_name"),
                row.getString("email"), row.getString("company"), row.getString("source"), row.getString("campaign"),
                row.getString("status"), row.getInteger("score"), row.getString("grade"), row.getUUID("territory_id"),
                row.getOffsetDateTime("created_at"), row.getString("rule"), row.getString("reason"),
                row.getOffsetDateTime("attempted_at"));
    }
}
