package org.revops.platform.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.ApiKeys;
import org.revops.platform.security.ApiScope;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.workspace.ApiKeyDtos.ApiKeyChanges;
import org.revops.platform.workspace.ApiKeyDtos.ApiKeyInput;
import org.revops.platform.workspace.ApiKeyDtos.ApiKeyRotation;
import org.revops.platform.workspace.ApiKeyDtos.ApiKeyView;
import org.revops.platform.write.MergePatch;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * API keys: created by admins, shown once, stored as a hash, revocable, rotatable with a grace period, optionally
 * narrowed to scopes and given an expiry.
 */
@ApplicationScoped
public class ApiKeyService {
    private static final String SELECT = """
            SELECT k.id, k.name, k.user_id, k.role, k.key_prefix, k.created_at, k.revoked_at, k.scopes,
                   k.rate_limit_per_minute, k.expires_at, k.last_used_at, k.rotated_to_id
            FROM api_keys k""";
    /** The columns of a view, for RETURNING. */
    private static final String VIEW_COLUMNS = """
            id, name, user_id, role, key_prefix, created_at, revoked_at, scopes, rate_limit_per_minute, expires_at,
            last_used_at, rotated_to_id""";
    private static final String INSERT = """
            INSERT INTO api_keys (workspace_id, id, name, user_id, role, key_hash, key_prefix, created_at, scopes,
                                  rate_limit_per_minute, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            RETURNING\s""" + VIEW_COLUMNS;

    public static final ListSpec LIST = ListSpec.builder("listApiKeys", SELECT, "k.workspace_id", "k.id")
            .anyOf("userId", ValueType.UUID_, "k.user_id", "Keys acting as this user.")
            .single("revoked", ValueType.BOOLEAN, "(k.revoked_at IS NOT NULL) = ?", "Only revoked (true) or live (false) keys.")
            .sort("createdAt", "k.created_at", "created_at", ValueType.TIMESTAMP)
            .build("-createdAt");

    private final Db db;
    private final MergePatch validation;
    private final Clock clock;

    public ApiKeyService(Db db, MergePatch validation, Clock clock) {
        this.db = db;
        this.validation = validation;
        this.clock = clock;
    }

    public Uni<Slice<ApiKeyView>> list(Caller caller, ListRequest request) {
        caller.requireAdmin();
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request, row -> toView(row, null));
    }

    public Uni<ApiKeyView> get(Caller caller, UUID id) {
        caller.requireAdmin();
        return db.query(SELECT + " WHERE k.workspace_id = $1 AND k.id = $2", Tuple.of(caller.workspaceId(), id))
                .map(rows -> Rows.single(rows, row -> toView(row, null), "API key"));
    }

    /**
     * Makes a key, shown once. Its role defaults to the user's and may not exceed it ({@link Role#allows}, else 422);
     * {@code expiresAt} must be in the future. A caller whose own key is scoped hands out only keys within its scopes.
     */
    public Uni<ApiKeyView> create(Caller caller, Set<ApiScope> callerScopes, ApiKeyInput input) {
        caller.requireAdmin();
        validation.validate(input);
        Set<ApiScope> parsed = ApiScope.parse(input.scopes(), "scopes");
        requireWithin(callerScopes, parsed);
        OffsetDateTime now = now();
        requireFuture(input.expiresAt(), now, "expiresAt");
        return db.inTransaction(tx -> db.query(tx, "SELECT role FROM users WHERE workspace_id = $1 AND id = $2",
                        Tuple.of(caller.workspaceId(), input.userId()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ApiProblem.invalid("userId", "no such user in this workspace");
                    }
                    Role userRole = Role.of(rows.iterator().next().getString("role"));
                    Role role = input.role() != null ? input.role() : userRole;
                    if (!userRole.allows(role)) {
                        throw ApiProblem.invalid("role", "'" + role.value() + "' is above the user's role '"
                                + userRole.value() + "'");
                    }
                    return insert(tx, caller.workspaceId(), new NewKey(input.name().trim(), input.userId(), role,
                            ApiScope.names(parsed), input.rateLimitPerMinute(), input.expiresAt()), now);
                }));
    }

    /**
     * Replaces a key with a new one (same name, user, scopes and rate limit; role capped by the user's current role),
     * shown once, while the old one keeps working for the grace period: its expiry becomes now + grace (or stays, when
     * sooner) and it points at its successor. A revoked, expired or already rotated key is a 409.
     */
    public Uni<ApiKeyView> rotate(Caller caller, Set<ApiScope> callerScopes, UUID id, ApiKeyRotation rotation) {
        caller.requireAdmin();
        ApiKeyRotation asked = rotation == null ? new ApiKeyRotation(null, null) : rotation;
        validation.validate(asked);
        OffsetDateTime now = now();
        requireFuture(asked.expiresAt(), now, "expiresAt");
        int grace = asked.gracePeriodSeconds() == null ? ApiKeyDtos.DEFAULT_GRACE_SECONDS : asked.gracePeriodSeconds();
        OffsetDateTime oldEnds = now.plusSeconds(grace);
        return db.inTransaction(tx -> db.query(tx, """
                        SELECT k.name, k.user_id, k.role, u.role AS user_role, k.scopes, k.rate_limit_per_minute,
                               k.revoked_at, k.expires_at, k.rotated_to_id
                        FROM api_keys k JOIN users u ON u.workspace_id = k.workspace_id AND u.id = k.user_id
                        WHERE k.workspace_id = $1 AND k.id = $2
                        FOR UPDATE OF k""", Tuple.of(caller.workspaceId(), id))
                .flatMap(rows -> {
                    Row old = Rows.single(rows, row -> row, "API key");
                    requireRotatable(old, now);
                    Set<ApiScope> scopes = ApiScope.stored(old.getArrayOfStrings("scopes"));
                    requireWithin(callerScopes, scopes);
                    Role role = Role.of(old.getString("role")).cappedBy(Role.of(old.getString("user_role")));
                    NewKey successor = new NewKey(old.getString("name"), old.getUUID("user_id"), role,
                            ApiScope.names(scopes), old.getInteger("rate_limit_per_minute"), asked.expiresAt());
                    return insert(tx, caller.workspaceId(), successor, now).flatMap(created -> db.query(tx, """
                                    UPDATE api_keys SET rotated_to_id = $3,
                                           expires_at = least(coalesce(expires_at, $4), $4)
                                    WHERE workspace_id = $1 AND id = $2""",
                                    Tuple.of(caller.workspaceId(), id, created.id(), oldEnds))
                            .replaceWith(created));
                }));
    }

    /**
     * Renames a key or changes its rate limit (JSON Merge Patch; {@code rateLimitPerMinute: null} returns it to the
     * service default). The new limit applies from the key's next request.
     */
    public Uni<ApiKeyView> update(Caller caller, UUID id, JsonNode patch) {
        caller.requireAdmin();
        return get(caller, id).flatMap(current -> {
            ApiKeyChanges changes = validation.apply(new ApiKeyChanges(current.name(), current.rateLimitPerMinute()),
                    patch, ApiKeyChanges.class).value();
            return db.query("""
                    UPDATE api_keys k SET name = $3, rate_limit_per_minute = $4
                    WHERE k.workspace_id = $1 AND k.id = $2
                    RETURNING\s""" + VIEW_COLUMNS,
                    Tuple.of(caller.workspaceId(), id, changes.name().trim(), changes.rateLimitPerMinute()));
        }).map(rows -> Rows.single(rows, row -> toView(row, null), "API key"));
    }

    public Uni<Void> revoke(Caller caller, UUID id) {
        caller.requireAdmin();
        return db.query("UPDATE api_keys SET revoked_at = coalesce(revoked_at, $3) WHERE workspace_id = $1 AND id = $2",
                        Tuple.of(caller.workspaceId(), id, OffsetDateTime.now(clock)))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ApiProblem.notFound("API key");
                    }
                    return null;
                });
    }

    private record NewKey(String name, UUID userId, Role role, List<String> scopes, Integer rateLimitPerMinute,
                          OffsetDateTime expiresAt) {
    }

    private Uni<ApiKeyView> insert(SqlClient client, UUID workspaceId, NewKey key,
                                   OffsetDateTime now) {
        String secret = ApiKeys.newKey();
        return db.query(client, INSERT, Tuple.from(new Object[] {workspaceId, UUID.randomUUID(), key.name(),
                        key.userId(), key.role().value(), ApiKeys.hash(secret), ApiKeys.displayPrefix(secret), now,
                        key.scopes() == null ? null : key.scopes().toArray(String[]::new), key.rateLimitPerMinute(),
                        key.expiresAt()}))
                .map(rows -> toView(rows.iterator().next(), secret));
    }

    /**
     * A key narrowed to scopes (one with {@code api-keys:admin}) must not mint a secret with more: the new key's
     * scopes must be among its own. A key with every right of its role may hand out any.
     */
    private static void requireWithin(Set<ApiScope> callerScopes, Set<ApiScope> scopes) {
        if (callerScopes != null && (scopes == null || !callerScopes.containsAll(scopes))) {
            throw ApiProblem.forbidden("This key is limited to [" + String.join(", ", ApiScope.names(callerScopes))
                    + "]; it cannot hand out a key with " + (scopes == null ? "every right of its role"
                    : "[" + String.join(", ", ApiScope.names(scopes)) + "]"));
        }
    }

    private static void requireFuture(OffsetDateTime at, OffsetDateTime now, String field) {
        if (at != null && !at.isAfter(now)) {
            throw ApiProblem.invalid(field, "must be in the future");
        }
    }

    private static void requireRotatable(Row key, OffsetDateTime now) {
        if (key.getOffsetDateTime("revoked_at") != null) {
            throw ApiProblem.conflict("The key is revoked; create a new one");
        }
        if (key.getUUID("rotated_to_id") != null) {
            throw ApiProblem.conflict("The key was already rotated to " + key.getUUID("rotated_to_id")
                    + "; rotate that one");
        }
        OffsetDateTime expiresAt = key.getOffsetDateTime("expires_at");
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiProblem.conflict("The key has expired; create a new one");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** As stored: null for a key with every right of its role. */
    private static List<String> scopes(Row row) {
        String[] scopes = row.getArrayOfStrings("scopes");
        return scopes == null ? null : List.of(scopes);
    }

    private static ApiKeyView toView(Row row, String key) {
        return new ApiKeyView(row.getUUID("id"), row.getString("name"), row.getUUID("user_id"),
                Role.of(row.getString("role")), row.getString("key_prefix"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("revoked_at"), scopes(row), row.getInteger("rate_limit_per_minute"),
                row.getOffsetDateTime("expires_at"), row.getOffsetDateTime("last_used_at"), row.getUUID("rotated_to_id"),
                key);
    }
}
