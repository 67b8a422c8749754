package org.revops.lead;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.territory.TerritoryAssignmentService;

import java.util.UUID;

/**
 * A lead's territory: the one a person set ('manual'), else what the active territory model's rules make of the
 * lead's company fields — the same engine, over the same firmographics, that assigns accounts (leads carry no tier,
 * so tier criteria never match them). Matched again on every write; a manual territory is never overwritten.
 */
@ApplicationScoped
public class LeadTerritories {
    /**
     * Sets territory_id/territory_cause of the leads picked by {@code which} (a predicate on their id using $3) from
     * model $2's rules: the winner ('rule'), no territory ('tie' when several tied), or none when nothing matched.
     * Manual territories are left alone; rows that would not change are not written.
     */
    static String matchLeads(String which) {
        String facts = """
                SELECT id, country, region, industry, CAST(NULL AS text) AS tier, postal_code, employee_count,
                       annual_revenue
                FROM leads WHERE workspace_id = $1 AND %s""".formatted(which.formatted("id"));
        return """
                UPDATE leads l SET territory_id = w.territory_id, territory_cause = w.cause
                FROM (SELECT x.id FROM leads x WHERE x.workspace_id = $1 AND %s) target
                LEFT JOIN (%s) w ON w.id = target.id
                WHERE l.workspace_id = $1 AND l.id = target.id AND l.territory_cause IS DISTINCT FROM 'manual'
                  AND (l.territory_id, l.territory_cause) IS DISTINCT FROM (w.territory_id, w.cause)"""
                .formatted(which.formatted("x.id"), TerritoryAssignmentService.matchSql(facts));
    }

    private static final String MATCH_ONE_HIBERNATE = matchLeads("%s = $3").replaceAll("\\$(\\d+)", "?$1");

    /**
     * Matches one lead just created or changed, inside the writer's Hibernate transaction (flushed first so the
     * statement sees the write). Nothing to do without an active model.
     */
    public Uni<Void> matchOnWrite(UUID workspaceId, UUID leadId) {
        return Panache.getSession().flatMap(session -> session.flush()
                .chain(() -> session.createNativeQuery(
                                "SELECT id FROM territory_models WHERE workspace_id = :workspace AND state = 'active'",
                                UUID.class)
                        .setParameter("workspace", workspaceId).getResultList())
                .chain(models -> models.isEmpty() ? Uni.createFrom().voidItem() : session
                        .createNativeQuery(MATCH_ONE_HIBERNATE)
                        .setParameter(1, workspaceId).setParameter(2, models.get(0)).setParameter(3, leadId)
                        .executeUpdate().replaceWithVoid()));
    }
}
