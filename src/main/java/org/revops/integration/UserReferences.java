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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Owners named in a batch, by id ({@code ownerId}) or by e-mail ({@code ownerEmail}, case-insensitive, as users'
 * e-mails are unique): one statement for the whole batch. Batch writers (admin, integration) may give records to
 * any user of the workspace, as their single writes may.
 */
@ApplicationScoped
public class UserReferences {
    /** The record field naming its owner by e-mail instead of {@code ownerId}. */
    public static final String OWNER_EMAIL = "ownerEmail";

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

        /**
         * The owner a record names: {@code ownerId}, or the user of its {@code ownerEmail} (both given: they must
         * agree); null when it names none. Errors go on the entry: an e-mail of no user, or an owner who is not a user
         * of the workspace (a record keeping its current owner is not checked again).
         */
        public UUID owner(BatchRecords.Entry entry, UUID ownerId, String ownerEmail, UUID currentOwner) {
            UUID owner = ownerId;
            if (ownerEmail != null) {
                UUID found = byEmail(ownerEmail);
                if (found == null) {
                    entry.error(OWNER_EMAIL, "is not the e-mail of a user of this workspace");
                } else if (entry.fields.hasNonNull("ownerId") && !found.equals(ownerId)) {
                    entry.error(OWNER_EMAIL, "names another user than ownerId");
                } else {
                    owner = found;
                }
            }
            if (owner != null && !owner.equals(currentOwner) && !ids.contains(owner)) {
                entry.error("ownerId", "is not a user of this workspace you may assign records to");
            }
            return owner;
        }
    }

    /** The owners the records name by id ({@code ownerOf} their input) or by e-mail, in one statement. */
    public <I> Uni<Users> owners(SqlClient conn, UUID workspaceId, List<? extends BatchUpsert.Work<I, ?>> records,
                                 Function<I, UUID> ownerOf) {
        Set<UUID> ids = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (BatchUpsert.Work<I, ?> w : records) {
            if (ownerOf.apply(w.input) != null) {
                ids.add(ownerOf.apply(w.input));
            }
            if (w.references.containsKey(OWNER_EMAIL)) {
                emails.add(w.references.get(OWNER_EMAIL));
            }
        }
        return find(conn, workspaceId, ids, emails);
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
