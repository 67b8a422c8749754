package org.revops.team;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;
import org.revops.team.UserDtos.UserInput;
import org.revops.team.UserDtos.UserView;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Users of a workspace and their reporting tree. Everyone in the workspace may read them; admins change them. */
@ApplicationScoped
public class UserService {
    static final String SELECT = """
            SELECT u.id, u.name, u.email, u.role, u.manager_id, u.created_at, u.updated_at, u.version
            FROM users u""";

    public static final ListSpec LIST = ListSpec.builder("listUsers", SELECT, "u.workspace_id", "u.id")
            .anyOf("id", ValueType.UUID_, "u.id", "User id; repeat for several.")
            .anyOf("role", ValueType.TEXT, "u.role", "Role: admin, manager, rep, integration, read-only.")
            .anyOf("managerId", ValueType.UUID_, "u.manager_id", "Direct reports of this manager.")
            .anyOfWhere("email", ValueType.TEXT, "lower(u.email) IN (SELECT lower(e) FROM unnest(?::text[]) e)",
                    "E-mail address, any case.")
            .single("q", ValueType.TEXT, "strpos(lower(u.name), lower(?)) > 0", "Name contains this text.")
            .sort("name", "u.name", "name", ValueType.TEXT)
            .sort("createdAt", "u.created_at", "created_at", ValueType.TIMESTAMP)
            .build("name");

    private final Db db;
    private final MergePatch mergePatch;
    private final Clock clock;

    public UserService(Db db, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    public Uni<Slice<UserView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request, UserService::toView);
    }

    public Uni<UserView> get(Caller caller, UUID id) {
        return db.query(SELECT + " WHERE u.workspace_id = $1 AND u.id = $2", Tuple.of(caller.workspaceId(), id))
                .map(rows -> Rows.single(rows, UserService::toView, "User"));
    }

    /** Users by id for batched GraphQL resolution: one statement for any number of ids. */
    public Uni<List<UserView>> byIds(Caller caller, List<UUID> ids) {
        return db.query(SELECT + " WHERE u.workspace_id = $1 AND u.id = ANY($2)",
                        Tuple.of(caller.workspaceId(), ids.toArray(UUID[]::new)))
                .map(rows -> Rows.alignById(rows, ids, UserService::toView));
    }

    public Uni<UserView> create(Caller caller, UserInput input) {
        caller.requireAdmin();
        mergePatch.validate(input);
        return Audited.transaction(() -> requireManager(caller, null, input.managerId()).flatMap(ok -> {
                    User user = new User();
                    user.id = UUID.randomUUID();
                    user.workspaceId = caller.workspaceId();
                    user.createdAt = clock.instant();
                    apply(user, input);
                    return user.persist().map(saved -> user.id);
                }))
                .flatMap(id -> get(caller, id));
    }

    public Uni<UserView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        caller.requireAdmin();
        return Audited.transaction(() -> Records.load(User.class, caller, id, "User").flatMap(user -> {
                    Versions.check(expectedVersion, user.version);
                    UserInput merged = mergePatch.apply(toInput(user), patch, UserInput.class).value();
                    return requireManager(caller, user.id, merged.managerId()).map(ok -> {
                        apply(user, merged);
                        return user.id;
                    });
                }))
                .flatMap(userId -> get(caller, userId));
    }

    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        caller.requireAdmin();
        if (id.equals(caller.userId())) {
            throw ApiProblem.conflict("You cannot delete your own user");
        }
        return Audited.transaction(() -> Records.load(User.class, caller, id, "User").flatMap(user -> {
            Versions.check(expectedVersion, user.version);
            return user.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
        }));
    }

    /** The manager must be a user of the workspace, and not the user or anyone below them (no cycles). */
    private Uni<Boolean> requireManager(Caller caller, UUID userId, UUID managerId) {
        if (managerId == null) {
            return Uni.createFrom().item(true);
        }
        if (managerId.equals(userId)) {
            return Uni.createFrom().failure(ApiProblem.invalid("managerId", "a user cannot manage themselves"));
        }
        String sql = """
                WITH RECURSIVE below(id) AS (
                    SELECT id FROM users WHERE workspace_id = $1 AND manager_id = $3
                    UNION
                    SELECT u.id FROM users u JOIN below b ON u.manager_id = b.id WHERE u.workspace_id = $1)
                SELECT EXISTS (SELECT 1 FROM users WHERE workspace_id = $1 AND id = $2) AS known,
                       EXISTS (SELECT 1 FROM below WHERE id = $2) AS cycle""";
        return db.query(sql, Tuple.of(caller.workspaceId(), managerId, userId)).map(rows -> {
            Row row = rows.iterator().next();
            if (!row.getBoolean("known")) {
                throw ApiProblem.invalid("managerId", "no such user in this workspace");
            }
            if (row.getBoolean("cycle")) {
                throw ApiProblem.invalid("managerId", "would make a reporting cycle");
            }
            return true;
        });
    }

    private void apply(User user, UserInput input) {
        user.name = input.name().trim();
        user.email = input.email().trim();
        user.role = input.role().value();
        user.managerId = input.managerId();
        user.updatedAt = clock.instant();
    }

    private static UserInput toInput(User user) {
        return new UserInput(user.name, user.email, Role.of(user.role), user.managerId);
    }

    static UserView toView(Row row) {
        return new UserView(row.getUUID("id"), row.getString("name"), row.getString("email"),
                Role.of(row.getString("role")), row.getUUID("manager_id"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
