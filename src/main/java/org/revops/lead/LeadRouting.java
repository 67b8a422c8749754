package org.revops.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.LeadRouter.Decision;
import org.revops.lead.LeadRouter.Pool;
import org.revops.lead.LeadRouter.Rep;
import org.revops.lead.RoutingDtos.RoutingView;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Routes leads inside the current Hibernate transaction (so that a lead's own write can route it), in a fixed number
 * of statements however many leads: lock the leads, read the territory chains, lock the candidate reps, read their
 * loads, decide with {@link LeadRouter}, write owners and routing events in one statement.
 *
 * <p>Locking: the leads are locked first ({@code FOR UPDATE}; queue batches skip leads another batch holds), then the
 * candidate reps' user rows in id order ({@code FOR NO KEY UPDATE}, which inserts referencing them do not wait for).
 * Loads are read by the statement after the lock, which in READ COMMITTED sees every routing committed before the
 * lock was granted: two routings that share a rep run one after the other and never overfill them.
 */
@ApplicationScoped
class LeadRouting {
    static final String NO_MODEL = "Workspace rep pool (no active territory model)";
    static final String NO_TERRITORY = "Workspace rep pool (the lead has no territory in the active model)";

    private static final String IDS =
            "(SELECT CAST(j.value AS uuid) FROM jsonb_array_elements_text(CAST(CAST(?%d AS text) AS jsonb)) j)";

    private static final String LOCK_LISTED = """
            SELECT l.id, l.territory_id, (l.owner_id IS NULL AND l.status NOT IN ('converted', 'disqualified'))
            FROM leads l
            WHERE l.workspace_id = ?1 AND l.id IN %s
            ORDER BY l.id
            FOR UPDATE OF l""".formatted(IDS.formatted(2));

    /** The queue, never-tried leads first, then those tried longest ago. */
    private static final String LOCK_QUEUE = """
            SELECT l.id, l.territory_id, true
            FROM leads l
            LEFT JOIN LATERAL (SELECT max(e.id) AS last_id FROM lead_routing_events e
                               WHERE e.workspace_id = l.workspace_id AND e.lead_id = l.id) tried ON true
            WHERE l.workspace_id = ?1 AND l.owner_id IS NULL AND l.status NOT IN ('converted', 'disqualified')
            ORDER BY tried.last_id NULLS FIRST, l.created_at, l.id
            LIMIT ?2
            FOR UPDATE OF l SKIP LOCKED""";

    private static final String ACTIVE_MODEL = """
            SELECT m.id FROM territory_models m WHERE m.workspace_id = ?1 AND m.state = 'active'""";

    /** Each territory of the active model with its ancestors (depth 0 = itself) and their rep members. */
    private static final String CHAINS = """
            WITH RECURSIVE chain AS (
                SELECT t.id AS start_id, t.id, t.parent_id, t.name, 0 AS depth
                FROM territories t
                WHERE t.workspace_id = ?1 AND t.model_id = ?2 AND t.id IN %s
                UNION ALL
                SELECT c.start_id, p.id, p.parent_id, p.name, c.depth + 1
                FROM chain c JOIN territories p ON p.workspace_id = ?1 AND p.id = c.parent_id
                WHERE c.depth < 100)
            SELECT c.start_id, c.depth, c.id, c.name, m.user_id
            FROM chain c
            LEFT JOIN territory_members m ON m.workspace_id = ?1 AND m.territory_id = c.id AND m.role = 'rep'
            ORDER BY c.start_id, c.depth, m.user_id""".formatted(IDS.formatted(3));

    /** Reps among the listed users, plus (when ?3) every rep whose settings were saved: the workspace pool. */
    private static final String CANDIDATES = """
            FROM users u
            LEFT JOIN lead_routing_settings s ON s.workspace_id = u.workspace_id AND s.user_id = u.id
            WHERE u.workspace_id = ?1 AND u.role = 'rep'
              AND (u.id IN %s OR (CAST(?3 AS boolean) AND s.user_id IS NOT NULL))""".formatted(IDS.formatted(2));

    private static final String LOCK_REPS = "SELECT u.id " + CANDIDATES + " ORDER BY u.id FOR NO KEY UPDATE OF u";

    private static final String LOAD_REPS = """
            SELECT u.id, u.name, coalesce(s.capacity, ?4), coalesce(s.opted_out, false), s.user_id IS NOT NULL,
                   (SELECT count(*) FROM lead_routing_events e
                    WHERE e.workspace_id = u.workspace_id AND e.owner_id = u.id AND e.routed_at > ?5),
                   coalesce((SELECT max(e.id) FROM lead_routing_events e
                             WHERE e.workspace_id = u.workspace_id AND e.owner_id = u.id), 0)
            """ + CANDIDATES;

    /** Owners of the routed leads and one event per decision, in decision order; answers the events' ids. */
    private static final String WRITE = """
            WITH d AS (
                SELECT * FROM jsonb_to_recordset(CAST(CAST(?2 AS text) AS jsonb))
                    AS x(seq int, lead_id uuid, owner_id uuid, lead_territory_id uuid, pool_territory_id uuid,
                         rule text, reason text)),
            owned AS (
                UPDATE leads l SET owner_id = d.owner_id, updated_at = ?3, version = l.version + 1
                FROM d WHERE l.workspace_id = ?1 AND l.id = d.lead_id AND d.owner_id IS NOT NULL
                RETURNING l.id),
            events AS (
                INSERT INTO lead_routing_events (workspace_id, lead_id, owner_id, lead_territory_id, pool_territory_id,
                                                 rule, reason, trigger, routed_at, routed_by)
                SELECT ?1, d.lead_id, d.owner_id, d.lead_territory_id, d.pool_territory_id, d.rule, d.reason, ?4, ?3, ?5
                FROM d ORDER BY d.seq
                RETURNING id, lead_id)
            SELECT e.id, e.lead_id, (SELECT count(*) FROM owned) FROM events e""";

    /** The decisions made, and the listed leads that were not routable (owned, converted, disqualified, unknown). */
    record Outcome(List<RoutingView> decisions, List<UUID> skipped) {
    }

    private record Target(UUID leadId, UUID territoryId) {
    }

    private final Clock clock;
    private final RoutingConfig config;
    private final ObjectMapper json;

    LeadRouting(Clock clock, RoutingConfig config, ObjectMapper json) {
        this.clock = clock;
        this.config = config;
        this.json = json;
    }

    /**
     * Routes the listed leads, or (leadIds null) up to {@code limit} leads of the queue. Must run inside
     * {@code Panache.withTransaction}; {@code trigger} is grade, request or batch, {@code by} the acting user.
     */
    Uni<Outcome> route(UUID workspaceId, List<UUID> leadIds, int limit, String trigger, UUID by) {
        Uni<List<Object[]>> locked = leadIds == null ? SessionSql.rows(LOCK_QUEUE, workspaceId, limit)
                : SessionSql.rows(LOCK_LISTED, workspaceId, toJson(leadIds));
        return locked.flatMap(rows -> {
            List<Target> targets = new ArrayList<>();
            Set<UUID> routable = new LinkedHashSet<>();
            for (Object[] row : rows) {
                if ((Boolean) row[2]) {
                    targets.add(new Target((UUID) row[0], (UUID) row[1]));
                    routable.add((UUID) row[0]);
                }
            }
            List<UUID> skipped = leadIds == null ? List.of()
                    : leadIds.stream().distinct().filter(id -> !routable.contains(id)).toList();
            if (targets.isEmpty()) {
                return Uni.createFrom().item(new Outcome(List.of(), skipped));
            }
            return SessionSql.rows(ACTIVE_MODEL, workspaceId).flatMap(models -> {
                UUID modelId = models.isEmpty() ? null : (UUID) models.get(0)[0];
                Set<UUID> territories = new LinkedHashSet<>();
                targets.forEach(t -> {
                    if (t.territoryId() != null) {
                        territories.add(t.territoryId());
                    }
                });
                Uni<Map<UUID, List<Pool>>> chains = modelId == null || territories.isEmpty()
                        ? Uni.createFrom().<Map<UUID, List<Pool>>>item(new HashMap<>())
                        : SessionSql.rows(CHAINS, workspaceId, modelId, toJson(territories)).map(LeadRouting::chains);
                return chains.flatMap(byTerritory -> decide(workspaceId, targets, modelId != null, byTerritory,
                        trigger, by)).map(decisions -> new Outcome(decisions, skipped));
            });
        });
    }

    private Uni<List<RoutingView>> decide(UUID workspaceId, List<Target> targets, boolean activeModel,
                                          Map<UUID, List<Pool>> chains, String trigger, UUID by) {
        Set<UUID> members = new LinkedHashSet<>();
        chains.values().forEach(chain -> chain.forEach(pool -> members.addAll(pool.repIds())));
        boolean workspacePool = targets.stream().anyMatch(t -> !chains.containsKey(t.territoryId()));
        String candidates = toJson(members);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        return SessionSql.rows(LOCK_REPS, workspaceId, candidates, workspacePool)
                .flatMap(lockedReps -> SessionSql.rows(LOAD_REPS, workspaceId, candidates, workspacePool,
                        config.defaultCapacity(), now.minus(RoutingSettingsService.WINDOW)))
                .flatMap(repRows -> {
                    List<Rep> reps = new ArrayList<>();
                    List<UUID> saved = new ArrayList<>();
                    for (Object[] r : repRows) {
                        reps.add(new Rep((UUID) r[0], (String) r[1], SessionSql.integer(r[2]), SessionSql.integer(r[5]),
                                SessionSql.number(r[6]), (Boolean) r[3]));
                        if ((Boolean) r[4]) {
                            saved.add((UUID) r[0]);
                        }
                    }
                    LeadRouter router = new LeadRouter(reps);
                    Pool pool = new Pool(null, activeModel ? NO_TERRITORY : NO_MODEL, saved);
                    List<Map<String, Object>> decisions = new ArrayList<>();
                    for (Target target : targets) {
                        List<Pool> chain = chains.getOrDefault(target.territoryId(), List.of(pool));
                        Decision d = router.route(chain);
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("seq", decisions.size());
                        row.put("lead_id", target.leadId());
                        row.put("owner_id", d.ownerId());
                        row.put("lead_territory_id", chains.containsKey(target.territoryId())
                                ? target.territoryId() : null);
                        row.put("pool_territory_id", d.pool() == null ? null : d.pool().territoryId());
                        row.put("rule", d.rule());
                        row.put("reason", d.reason().length() > 2000 ? d.reason().substring(0, 1999) + "…"
                                : d.reason());
                        decisions.add(row);
                    }
                    return SessionSql.rows(WRITE, workspaceId, toJson(decisions), now, trigger, by)
                            .map(written -> views(written, decisions, trigger, now, by));
                });
    }

    private static List<RoutingView> views(List<Object[]> written, List<Map<String, Object>> decisions,
                                           String trigger, OffsetDateTime at, UUID by) {
        Map<UUID, Long> eventIds = new HashMap<>();
        written.forEach(row -> eventIds.put((UUID) row[1], SessionSql.number(row[0])));
        List<RoutingView> views = new ArrayList<>(decisions.size());
        for (Map<String, Object> d : decisions) {
            UUID leadId = (UUID) d.get("lead_id");
            views.add(new RoutingView(eventIds.get(leadId), leadId, (UUID) d.get("owner_id"),
                    (UUID) d.get("lead_territory_id"), (UUID) d.get("pool_territory_id"), (String) d.get("rule"),
                    (String) d.get("reason"), trigger, at, by));
        }
        return views;
    }

    /** The chain of pools of each territory: itself, then its ancestors, each with its rep members. */
    private static Map<UUID, List<Pool>> chains(List<Object[]> rows) {
        Map<UUID, Map<UUID, String>> names = new LinkedHashMap<>();
        Map<UUID, Map<UUID, List<UUID>>> members = new LinkedHashMap<>();
        for (Object[] row : rows) {
            UUID start = (UUID) row[0];
            UUID territory = (UUID) row[2];
            names.computeIfAbsent(start, k -> new LinkedHashMap<>()).put(territory, (String) row[3]);
            List<UUID> reps = members.computeIfAbsent(start, k -> new LinkedHashMap<>())
                    .computeIfAbsent(territory, k -> new ArrayList<>());
            if (row[4] != null) {
                reps.add((UUID) row[4]);
            }
        }
        Map<UUID, List<Pool>> chains = new HashMap<>();
        names.forEach((start, territories) -> {
            List<Pool> chain = new ArrayList<>();
            territories.forEach((id, name) -> chain.add(new Pool(id, name, members.get(start).get(id))));
            chains.put(start, chain);
        });
        return chains;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
