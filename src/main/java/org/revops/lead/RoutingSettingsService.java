package org.revops.lead;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.lead.RoutingDtos.SettingsInput;
import org.revops.lead.RoutingDtos.SettingsView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.security.Visibility;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A rep's lead routing settings: capacity (leads per 30 days) and opt-out. Admins set anyone's, managers those of
 * their reporting subtree, a rep only their own opt-out. Saving locks the user's row like routing does, so a change
 * never lands in the middle of a routing decision about the same rep.
 */
@ApplicationScoped
public class RoutingSettingsService {
    /** The window of a rep's load: leads routed to them in the last 30 days count against their capacity. */
    public static final Duration WINDOW = Duration.ofDays(30);

    private static final String SELECT = """
            SELECT u.id AS user_id, u.role, s.capacity, s.opted_out, s.updated_at, s.updated_by, s.version,
                   (SELECT count(*) FROM lead_routing_events e WHERE e.workspace_id = u.workspace_id
                      AND e.owner_id = u.id AND e.routed_at > $3)::int AS routed,
                   (SELECT max(e.routed_at) FROM lead_routing_events e WHERE e.workspace_id = u.workspace_id
                      AND e.owner_id = u.id) AS last_routed_at
            FROM users u
            LEFT JOIN lead_routing_settings s ON s.workspace_id = u.workspace_id AND s.user_id = u.id
            WHERE u.workspace_id = $1 AND u.id = $2""";

    private static final String LOCK = """
            SELECT u.role, s.capacity, s.opted_out, s.version
            FROM users u
            LEFT JOIN lead_routing_settings s ON s.workspace_id = u.workspace_id AND s.user_id = u.id
            WHERE u.workspace_id = $1 AND u.id = $2
            FOR NO KEY UPDATE OF u""";

    private static final String UPSERT = """
            INSERT INTO lead_routing_settings (workspace_id, user_id, capacity, opted_out, created_at, updated_at,
                                               updated_by, version)
            VALUES ($1, $2, $3, $4, $5, $5, $6, 1)
            ON CONFLICT (workspace_id, user_id) DO UPDATE
            SET capacity = excluded.capacity, opted_out = excluded.opted_out, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by, version = lead_routing_settings.version + 1""";

    private final Db db;
    private final Visibility visibility;
    private final MergePatch mergePatch;
    private final Clock clock;
    private final RoutingConfig config;

    public RoutingSettingsService(Db db, Visibility visibility, MergePatch mergePatch, Clock clock,
                                  RoutingConfig config) {
        this.db = db;
        this.visibility = visibility;
        this.mergePatch = mergePatch;
        this.clock = clock;
        this.config = config;
    }

    /** A user's settings (the defaults when never saved). A rep reads only their own (403). */
    public Uni<SettingsView> get(Caller caller, UUID userId) {
        if (caller.role() == Role.REP && !caller.userId().equals(userId)) {
            throw ApiProblem.forbidden("A rep reads only their own routing settings");
        }
        return db.query(SELECT, Tuple.of(caller.workspaceId(), userId, now().minus(WINDOW))).map(rows -> {
            if (rows.size() == 0) {
                throw ApiProblem.notFound("User");
            }
            return toView(rows.iterator().next());
        });
    }

    /**
     * Saves a rep's settings; fields left out keep their value. 403 for integration and read-only keys, for a manager
     * outside their subtree, for a rep changing anyone else or their own capacity; 422 when the user is not a rep;
     * 412 on a stale If-Match (0 before the first save).
     */
    public Uni<SettingsView> put(Caller caller, UUID userId, Long expectedVersion, SettingsInput input) {
        caller.requireWrite();
        if (input == null) {
            throw ApiProblem.badRequest("body", "must be a JSON object");
        }
        mergePatch.validate(input);
        if (caller.role() == Role.INTEGRATION) {
            throw ApiProblem.forbidden("Routing settings are set by admins, managers and the rep themself");
        }
        if (caller.role() == Role.REP && !caller.userId().equals(userId)) {
            throw ApiProblem.forbidden("A rep may change only their own routing settings");
        }
        Uni<Void> mayManage = caller.role() == Role.MANAGER ? visibility.mayActFor(caller, userId).map(ok -> {
            if (!ok) {
                throw ApiProblem.forbidden("A manager sets the routing settings of their reporting subtree only");
            }
            return null;
        }) : Uni.createFrom().voidItem();
        return mayManage.flatMap(ok -> db.inTransaction(tx -> db.query(tx, LOCK, Tuple.of(caller.workspaceId(), userId))
                        .flatMap(rows -> {
                            if (rows.size() == 0) {
                                throw ApiProblem.notFound("User");
                            }
                            Row row = rows.iterator().next();
                            if (!Role.REP.value().equals(row.getString("role"))) {
                                throw ApiProblem.invalid("userId", "is not a rep: only reps are routed leads");
                            }
                            boolean saved = row.getInteger("capacity") != null;
                            int capacity = saved ? row.getInteger("capacity") : config.defaultCapacity();
                            Versions.check(expectedVersion, saved ? row.getLong("version") : 0);
                            if (caller.role() == Role.REP && input.capacity() != null && input.capacity() != capacity) {
                                throw ApiProblem.forbidden(
                                        "Managers and admins set capacity; a rep may opt out or back in");
                            }
                            boolean optedOut = input.optedOut() != null ? input.optedOut()
                                    : saved && row.getBoolean("opted_out");
                            return db.query(tx, UPSERT, Tuple.of(caller.workspaceId(), userId,
                                    input.capacity() != null ? input.capacity() : capacity, optedOut, now(),
                                    caller.userId()));
                        })))
                .flatMap(done -> get(caller, userId));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private SettingsView toView(Row row) {
        boolean saved = row.getInteger("capacity") != null;
        int capacity = saved ? row.getInteger("capacity") : config.defaultCapacity();
        int routed = row.getInteger("routed");
        return new SettingsView(row.getUUID("user_id"), capacity, saved && row.getBoolean("opted_out"), saved, routed,
                Math.max(0, capacity - routed), row.getOffsetDateTime("last_routed_at"),
                row.getOffsetDateTime("updated_at"), row.getUUID("updated_by"), saved ? row.getLong("version") : 0);
    }
}
