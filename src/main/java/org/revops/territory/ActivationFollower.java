package org.revops.territory;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.util.Map;
import java.util.UUID;

/**
 * Records outside this package that carry a territory of the active model (leads) and must follow when another
 * model is activated. Called inside the activation's transaction, after the accounts are assigned and before the
 * switch, so a failure anywhere leaves the old model active and every record as it was.
 */
public interface ActivationFollower {
    /** Re-points the records of {@code workspaceId} at territories of {@code modelId}; answers counts for the job. */
    Uni<Map<String, Long>> follow(SqlClient conn, UUID workspaceId, UUID modelId);
}
