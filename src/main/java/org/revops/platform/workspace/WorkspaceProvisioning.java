package org.revops.platform.workspace;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.security.ApiKeys;
import org.revops.platform.security.Role;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Creates a workspace with its first admin user and admin API key, in one transaction. Used by the demo seed and
 * by tests today; the platform-admin provisioning endpoint will call the same method.
 */
@ApplicationScoped
public class WorkspaceProvisioning {
    private final Db db;
    private final Clock clock;

    public WorkspaceProvisioning(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Provisioned(UUID workspaceId, UUID adminUserId, String apiKey) {
    }

    public Uni<Provisioned> provision(String name, String currency, String adminName, String adminEmail) {
        return db.inTransaction(tx -> provision(tx, name, currency, adminName, adminEmail));
    }

    /** The same, inside a transaction the caller holds (the demo seed adds its data to it). */
    public Uni<Provisioned> provision(SqlClient tx, String name, String currency, String adminName, String adminEmail) {
        UUID workspaceId = UUID.randomUUID();
        UUID adminId = UUID.randomUUID();
        UUID keyId = UUID.randomUUID();
        String key = ApiKeys.newKey();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return db.query(tx, "INSERT INTO workspaces (id, name, currency, created_at) VALUES ($1, $2, $3, $4)",
                        Tuple.of(workspaceId, name, currency, now))
                .flatMap(r -> db.query(tx, "INSERT INTO sales_policies (workspace_id, updated_at) VALUES ($1, $2)",
                        Tuple.of(workspaceId, now)))
                .flatMap(r -> db.query(tx, """
                                INSERT INTO users (workspace_id, id, name, email, role, created_at, updated_at)
                                VALUES ($1, $2, $3, $4, 'admin', $5, $5)""",
                        Tuple.of(workspaceId, adminId, adminName, adminEmail, now)))
                .flatMap(r -> db.query(tx, """
                                INSERT INTO api_keys (workspace_id, id, name, user_id, role, key_hash, key_prefix, created_at)
                                VALUES ($1, $2, 'initial admin key', $3, $4, $5, $6, $7)""",
                        Tuple.from(new Object[] {workspaceId, keyId, adminId, Role.ADMIN.value(), ApiKeys.hash(key),
                                ApiKeys.displayPrefix(key), now})))
                .map(r -> new Provisioned(workspaceId, adminId, key));
    }
}
