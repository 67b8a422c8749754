package org.revops.forecast;

import io.vertx.mutiny.sqlclient.Tuple;
import org.revops.platform.db.Db;

import java.time.Duration;
import java.util.UUID;

/**
 * Territories written straight to the tables for the forecast tests: an active model, its territories, and deals
 * placed in them by name (the territory engine has tests of its own).
 */
final class TerritoryFixture {
    private final Db db;
    private final UUID workspaceId;
    private final UUID model = UUID.randomUUID();

    private TerritoryFixture(Db db, UUID workspaceId) {
        this.db = db;
        this.workspaceId = workspaceId;
    }

    /** A new active model 'FY27' in the workspace. */
    static TerritoryFixture activeModel(Db db, UUID workspaceId) {
        TerritoryFixture fixture = new TerritoryFixture(db, workspaceId);
        fixture.sql("INSERT INTO territory_models (workspace_id, id, name, state, created_at, updated_at)"
                + " VALUES ($1, $2, 'FY27', 'active', now(), now())", Tuple.of(workspaceId, fixture.model));
        return fixture;
    }

    /** A territory of the model under {@code parent} (null: at the top); its id. */
    UUID territory(UUID parent, String name, String code, String type) {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO territories (workspace_id, id, model_id, parent_id, name, code, type, created_at, updated_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, now(), now())",
                Tuple.from(new Object[] {workspaceId, id, model, parent, name, code, type}));
        return id;
    }

    /** Puts the workspace's deals named {@code deals} in {@code territory}. */
    void place(UUID territory, String... deals) {
        sql("UPDATE opportunities SET territory_id = $2 WHERE workspace_id = $1 AND name = ANY($3)",
                Tuple.of(workspaceId, territory, deals));
    }

    private void sql(String statement, Tuple args) {
        db.query(statement, args).await().atMost(Duration.ofSeconds(10));
    }
}
