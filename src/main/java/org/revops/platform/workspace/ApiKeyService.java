package org.revops.platform.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
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
import org.revops.platform.workspace.ApiKeyDtos.ApiKeyView;
import org.revops.platform.write.MergePatch;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** API keys: created by admins, shown once, stored as a hash, revocable, optionally narrowed to scopes. */
@ApplicationScoped
public class ApiKeyService {
    private static final String SELECT = """
            SELECT k.id, k.name, k.user_id, k.role, k.key_prefix, k.created_at, k.revoked_at, k.scopes,
                   k.rate_limit_per_minute
            FROM api_keys k""";

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

    public Uni<ApiKeyView> create(Caller caller, ApiKeyInput input) {
        caller.requireAdmin();
        validation.validate(input);
        List<String> scopes = ApiScope.names(ApiScope.parse(input.scopes(), "scopes"));
        String key = ApiKeys.newKey();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return db.query("SELECT role FROM users WHERE workspace_id = $1 AND id = $2",
                        Tuple.of(caller.workspaceId(), input.userId()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        throw ApiProblem.invalid("userId", "no such user in this workspace");
                    }
                    Role role = input.role() != null ? input.role() : Role.of(rows.iterator().next().getString("role"));
                    return db.query("""
                            INSERT INTO api_keys (workspace_id, id, name, user_id, role, key_hash, key_prefix, created_at,
                                                  scopes, rate_limit_per_minute)
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                            RETURNING id, name, user_id, role, key_prefix, created_at, revoked_at, scopes,
                                      rate_limit_per_minute""",
                            Tuple.from(new Object[] {caller.workspaceId(), UUID.randomUUID(), input.name().trim(),
                                    input.userId(), role.value(), ApiKeys.hash(key), ApiKeys.displayPrefix(key), now,
                                    scopes == null ? null : scopes.toArray(String[]::new),
                                    input.rateLimitPerMinute()}));
                })
                .map(rows -> toView(rows.iterator().next(), key));
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
                    RETURNING id, name, user_id, role, key_prefix, created_at, revoked_at, scopes,
                              rate_limit_per_minute""",
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

    /** As stored: null for a key with every right of its role. */
    private static List<String> scopes(Row row) {
        String[] scopes = row.getArrayOfStrings("scopes");
        return scopes == null ? null : List.of(scopes);
    }

    private static ApiKeyView toView(Row row, String key) {
        return new ApiKeyView(row.getUUID("id"), row.getString("name"), row.getUUID("user_id"),
                Role.of(row.getString("role")), row.getString("key_prefix"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("revoked_at"), scopes(row), row.getInteger("rate_limit_per_minute"), key);
    }
}
