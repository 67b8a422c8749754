package org.revops.integration;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Owners named in a batch, by id ({@code ownerId}) or by e-mail ({@code ownerEmail}, case-insensitive, as users'
 * e-mails are unique): one statement for the whole batch. Batch writers (admin, integration) may give records to
 * any user of the workspace, as their single writes may.
 */
@ApplicationScoped
public class UserReferences {
    private static final String FIND = """
            SELECT u.id, lower(u.email) AS email FROM users u
            WHERE u.workspace_id = $1 AND (u.id = ANY(CAST($2 AS uuid[])) OR lower(u.email) = ANY(CAST($3 AS text[])))""";

    private final Db db;

    public UserReferences(Db db) {
        this.db = db;
    }

    /** The users found: ids, and id by lower-cased e-mail. */
    public record Users(Set<UUID> ids, Map<String, UUID> byEmail) {
        public UUID byEmail(String email) {
            return byEmail.get(email.toLowerCase(Locale.ROOT));
        }
    }

    public Uni<Users> find(SqlClient conn, UUID workspaceId, Collection<UUID> ids, Collection<String> emails) {
        if (ids.isEmpty() && emails.isEmpty()) {
            return Uni.createFrom().item(new Users(Set.of(), Map.of()));
        }
        return db.query(conn, FIND, Tuple.of(workspaceId, ids.toArray(UUID[]::new),
                        emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toArray(String[]::new)))
                .map(rows -> {
                    Set<UUID> found = new HashSet<>();
                    Map<String, UUID> byEmail = new HashMap<>();
                    for (Row row : rows) {
                        found.add(row.getUUID("id"));
                        byEmail.put(row.getString("email"), row.getUUID("id"));
                    }
                    return new Users(found, byEmail);
                });
    }
}
