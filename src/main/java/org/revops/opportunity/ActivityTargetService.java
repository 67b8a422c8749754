package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.ActivityTargetDtos.ActivityTargetInput;
import org.revops.opportunity.ActivityTargetDtos.ActivityTargetView;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.security.Visibility;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.util.UUID;

/**
 * Activity targets: "five visits a week". Read like the user's own records (a rep their own, a manager their
 * subtree's, admin, integration and read-only keys the workspace); set by admins for anyone and by managers for
 * users in their reporting subtree.
 */
@ApplicationScoped
public class ActivityTargetService {
    static final String SELECT = """
            SELECT t.id, t.user_id, t.period, t.metric, t.target, t.created_at, t.updated_at, t.version
            FROM activity_targets t""";

    public static final ListSpec LIST = ListSpec.builder("listActivityTargets", SELECT, "t.workspace_id", "t.id")
            .anyOf("id", ValueType.UUID_, "t.id", "Target id; repeat for several.")
            .anyOf("userId", ValueType.UUID_, "t.user_id", "Whose targets.")
            .anyOf("period", ValueType.TEXT, "t.period", "week or month.")
            .anyOf("metric", ValueType.TEXT, "t.metric", "call, email, meeting, visit, demo, proposal or signing.")
            .sort("createdAt", "t.created_at", "created_at", ValueType.TIMESTAMP)
            .build("createdAt");

    private final Db db;
    private final Visibility visibility;
    private final MergePatch mergePatch;
    private final Clock clock;

    public ActivityTargetService(Db db, Visibility visibility, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.visibility = visibility;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    public Uni<Slice<ActivityTargetView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, LIST, caller.workspaceId(), Visibility.owned(caller, "t.user_id"), request,
                ActivityTargetService::toView);
    }

    public Uni<ActivityTargetView> get(Caller caller, UUID id) {
        SqlPredicate visible = Visibility.owned(caller, "t.user_id");
        SqlBuilder sql = new SqlBuilder().append(SELECT + " WHERE t.workspace_id = ? AND t.id = ?",
                caller.workspaceId(), id).append(" AND " + visible.sql(), visible.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> Rows.single(rows, ActivityTargetService::toView,
                "Activity target"));
    }

    /** Creates a target; 409 when the user already has one for the period and metric. */
    public Uni<ActivityTargetView> create(Caller caller, ActivityTargetInput input) {
        requireSetter(caller);
        mergePatch.validate(input);
        return checkUser(caller, input.userId())
                .call(ok -> refuseDuplicate(caller, input, null))
                .flatMap(ok -> Audited.transaction(() -> {
                    ActivityTarget target = new ActivityTarget();
                    target.id = UUID.randomUUID();
                    target.workspaceId = caller.workspaceId();
                    target.createdAt = clock.instant();
                    apply(target, input);
                    return target.persistAndFlush().map(saved -> target.id);
                }))
                .flatMap(id -> get(caller, id));
    }

    /**
     * Creates the user's target for the period and metric, or changes the number of the one that exists: "set
     * visits to 5 a week" without knowing whether a target was there.
     */
    public Uni<ActivityTargetView> set(Caller caller, ActivityTargetInput input) {
        requireSetter(caller);
        mergePatch.validate(input);
        return checkUser(caller, input.userId())
                .flatMap(ok -> Audited.transaction(() -> Panache.getSession().flatMap(session -> session
                        .createQuery("from ActivityTarget where workspaceId = :workspace and userId = :user"
                                + " and period = :period and metric = :metric", ActivityTarget.class)
                        .setParameter("workspace", caller.workspaceId())
                        .setParameter("user", input.userId())
                        .setParameter("period", input.period())
                        .setParameter("metric", input.metric())
                        .getSingleResultOrNull()).flatMap(existing -> {
                            ActivityTarget target = existing;
                            if (target == null) {
                                target = new ActivityTarget();
                                target.id = UUID.randomUUID();
                                target.workspaceId = caller.workspaceId();
                                target.createdAt = clock.instant();
                            }
                            apply(target, input);
                            ActivityTarget saved = target;
                            return saved.persistAndFlush().map(done -> saved.id);
                        })))
                .flatMap(id -> get(caller, id));
    }

    public Uni<ActivityTargetView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        requireSetter(caller);
        return get(caller, id).flatMap(current -> Audited.transaction(
                        () -> Records.load(ActivityTarget.class, caller, id, "Activity target").flatMap(target -> {
                            Versions.check(expectedVersion, target.version);
                            ActivityTargetInput merged = mergePatch.apply(toInput(target), patch,
                                    ActivityTargetInput.class).value();
                            Uni<Void> userCheck = merged.userId().equals(target.userId) ? Uni.createFrom().voidItem()
                                    : checkUser(caller, merged.userId());
                            return userCheck.call(ok -> refuseDuplicate(caller, merged, id)).map(ok -> {
                                apply(target, merged);
                                return target.id;
                            });
                        })))
                .flatMap(targetId -> get(caller, targetId));
    }

    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        requireSetter(caller);
        return get(caller, id).flatMap(current -> Audited.transaction(
                () -> Records.load(ActivityTarget.class, caller, id, "Activity target").flatMap(target -> {
                    Versions.check(expectedVersion, target.version);
                    return target.delete().call(() -> Panache.getSession().flatMap(s -> s.flush()));
                })));
    }

    /** Targets are a management decision: admins and managers set them, reps and keys for scripts do not. */
    private static void requireSetter(Caller caller) {
        caller.requireWrite();
        if (caller.role() != Role.ADMIN && caller.role() != Role.MANAGER) {
            throw ApiProblem.forbidden("Activity targets are set by admins and managers");
        }
    }

    /** 422 unless the user is someone the caller may set targets for: anyone (admin), their subtree (manager). */
    private Uni<Void> checkUser(Caller caller, UUID userId) {
        return visibility.mayActFor(caller, userId).map(ok -> {
            if (!ok) {
                throw ApiProblem.invalid("userId", "is not a user of this workspace whose targets you may set");
            }
            return null;
        });
    }

    /** A clear 409 naming the target that exists; the unique key stays the guard against a concurrent insert. */
    private Uni<Void> refuseDuplicate(Caller caller, ActivityTargetInput input, UUID exceptId) {
        return db.query("SELECT id FROM activity_targets WHERE workspace_id = $1 AND user_id = $2 AND period = $3"
                                + " AND metric = $4 AND id IS DISTINCT FROM $5",
                        Tuple.from(java.util.Arrays.asList(caller.workspaceId(), input.userId(), input.period(),
                                input.metric(), exceptId)))
                .map(rows -> {
                    if (rows.size() > 0) {
                        throw ApiProblem.conflict("The user already has a " + input.period() + "ly " + input.metric()
                                + " target (" + rows.iterator().next().getUUID("id") + "): change that one");
                    }
                    return null;
                });
    }

    private void apply(ActivityTarget target, ActivityTargetInput in) {
        target.userId = in.userId();
        target.period = in.period();
        target.metric = in.metric();
        target.target = in.target();
        target.updatedAt = clock.instant();
    }

    private static ActivityTargetInput toInput(ActivityTarget t) {
        return new ActivityTargetInput(t.userId, t.period, t.metric, t.target);
    }

    static ActivityTargetView toView(Row row) {
        return new ActivityTargetView(row.getUUID("id"), row.getUUID("user_id"), row.getString("period"),
                row.getString("metric"), row.getInteger("target"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
