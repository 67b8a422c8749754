package org.revops.lead;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;
import org.revops.territory.ActivationFollower;
import org.revops.territory.IdRanges;
import org.revops.territory.TerritoryAssignmentService;
import org.revops.territory.TerritoryConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import java.util.UUID;

/**
 * A lead's territory: the one a person set ('manual'), else what the active territory model's rules make of the
 * lead's company fields — the same engine, over the same firmographics, that assigns accounts (leads carry no tier,
 * so tier criteria never match them). Matched again on every write; a manual territory is never overwritten.
 */
@ApplicationScoped
public class LeadTerritories implements ActivationFollower {
    /**
     * Sets territory_id/territory_cause of the leads picked by {@code which} (a predicate on the leads table whose
     * columns are prefixed by {@code %1$s}, with parameters from $3) from model $2's rules: the winner ('rule'), no
     * territory ('tie' when several tied), or none when nothing matched. Manual territories are left alone; rows that
     * would not change are not written.
     */
    static String matchLeads(String which) {
        String facts = """
                SELECT id, country, region, industry, CAST(NULL AS text) AS tier, postal_code, employee_count,
                       annual_revenue
                FROM leads WHERE workspace_id = $1 AND %s""".formatted(which.formatted(""));
        return """
                UPDATE leads l SET territory_id = w.territory_id, territory_cause = w.cause
                FROM (SELECT x.id FROM leads x WHERE x.workspace_id = $1 AND %s) target
                LEFT JOIN (%s) w ON w.id = target.id
                WHERE l.workspace_id = $1 AND l.id = target.id AND l.territory_cause IS DISTINCT FROM 'manual'
                  AND (l.territory_id, l.territory_cause) IS DISTINCT FROM (w.territory_id, w.cause)"""
                .formatted(which.formatted("x."), TerritoryAssignmentService.matchSql(facts));
    }

    private static final String MATCH_ONE_HIBERNATE = matchLeads("%1$sid = $3").replaceAll("\\$(\\d+)", "?$1");

    /** Open leads (not converted, not disqualified) in the id range [$3, $4), $4 null: no upper bound. */
    static final String MATCH_OPEN_RANGE = matchLeads("""
            %1$sid >= $3 AND (CAST($4 AS uuid) IS NULL OR %1$sid < CAST($4 AS uuid))
            AND %1$sstatus NOT IN ('converted', 'disqualified')""");

    /**
     * Manual territories of open leads move to the territory with the same code in model $2 (as deals' do);
     * where the new model has no such code the manual choice is dropped and the rules decide.
     */
    static final String REMAP_MANUAL = """
            WITH remap AS (
                SELECT l.id, nt.id AS new_id
                FROM leads l
                JOIN territories ot ON ot.workspace_id = l.workspace_id AND ot.id = l.territory_id
                LEFT JOIN territories nt ON nt.workspace_id = l.workspace_id AND nt.model_id = $2 AND nt.code = ot.code
                WHERE l.workspace_id = $1 AND l.territory_cause = 'manual' AND ot.model_id <> $2
                  AND l.status NOT IN ('converted', 'disqualified')
            ),
            changed AS (
                UPDATE leads l SET territory_id = r.new_id,
                                   territory_cause = CASE WHEN r.new_id IS NULL THEN NULL ELSE 'manual' END
                FROM remap r WHERE l.workspace_id = $1 AND l.id = r.id
                RETURNING r.new_id
            )
            SELECT count(*) FILTER (WHERE new_id IS NOT NULL) AS kept, count(*) FILTER (WHERE new_id IS NULL) AS cleared
            FROM changed""";

    private final Db db;
    private final TerritoryConfig config;

    public LeadTerritories(Db db, TerritoryConfig config) {
        this.db = db;
        this.config = config;
    }

    /**
     * On activation of {@code modelId}: keeps manual lead territories by code, then matches every open lead to the
     * new model's rules, in id-range chunks of the territory chunk size, inside the activation's transaction.
     * Converted and disqualified leads keep the territory they had when they closed.
     */
    @Override
    public Uni<Map<String, Long>> follow(SqlClient conn, UUID workspaceId, UUID modelId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        return db.query(conn, REMAP_MANUAL, Tuple.of(workspaceId, modelId))
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    counts.put("leadTerritoriesKept", row.getLong("kept"));
                    counts.put("leadTerritoriesCleared", row.getLong("cleared"));
                })
                .flatMap(done -> db.query(conn, "SELECT count(*) FROM leads WHERE workspace_id = $1",
                        Tuple.of(workspaceId)))
                .map(rows -> IdRanges.split(rows.iterator().next().getLong(0), config.chunkSize()))
                .flatMap(ranges -> Multi.createFrom().iterable(ranges)
                        .onItem().transformToUniAndConcatenate(range -> db.query(conn, MATCH_OPEN_RANGE,
                                Tuple.of(workspaceId, modelId, range.from(), range.to())))
                        .collect().with(Collectors.summingLong(rows -> (long) rows.rowCount())))
                .map(changed -> {
                    counts.put("leadsRematched", changed);
                    return counts;
                });
    }

    private static final String MATCH_IDS = matchLeads("%1$sid = ANY(CAST($3 AS uuid[]))");

    /** Matches the leads a batch upsert wrote, on its connection; nothing without an active model. */
    public Uni<Void> matchBatch(SqlClient conn, UUID workspaceId, UUID[] leadIds) {
        return db.query(conn, "SELECT id FROM territory_models WHERE workspace_id = $1 AND state = 'active'",
                        Tuple.of(workspaceId))
                .flatMap(models -> models.size() == 0 ? Uni.createFrom().voidItem()
                        : db.query(conn, MATCH_IDS, Tuple.of(workspaceId, models.iterator().next().getUUID("id"),
                                leadIds)).replaceWithVoid());
    }

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
