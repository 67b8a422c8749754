package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.ActivityDtos.ActivityInput;
import org.revops.opportunity.ActivityDtos.ActivityView;
import org.revops.platform.audit.Audited;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Visibility;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.MergePatch.Patched;
import org.revops.platform.write.Records;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Activities: calls, e-mails, meetings, visits, demos and proposals, logged against an account or one of its deals.
 * A caller reads their own (a manager: their subtree's), those on deals they see and those on accounts they read;
 * they change those they may act for. Every change of an activity on a deal sets the deal's
 * {@code last_activity_at} in the same transaction, which moves its {@code nextFollowUpAt}.
 */
@ApplicationScoped
public class ActivityService {
    /** How far ahead of now an activity may be dated: a meeting logged the evening before, in any time zone. */
    static final Duration MAX_AHEAD = Duration.ofDays(1);

    private final Db db;
    private final Visibility visibility;
    private final MergePatch mergePatch;
    private final Clock clock;

    public ActivityService(Db db, Visibility visibility, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.visibility = visibility;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    public Uni<Slice<ActivityView>> list(Caller caller, ListRequest request) {
        return ListQuery.run(db, ActivityQueries.LIST, caller.workspaceId(), Visibility.readableActivity(caller, "ac"),
                request, ActivityService::toView);
    }

    public Uni<ActivityView> get(Caller caller, UUID id) {
        return byIds(caller, List.of(id)).map(found -> Rows.present(found.get(0), "Activity"));
    }

    /** Activities by id, aligned to {@code ids}, null where unknown or not readable: one statement. */
    public Uni<List<ActivityView>> byIds(Caller caller, List<UUID> ids) {
        SqlPredicate visible = Visibility.readableActivity(caller, "ac");
        SqlBuilder sql = new SqlBuilder().append(ActivityQueries.SELECT + " WHERE ac.workspace_id = ? AND ac.id = ANY(?)",
                        caller.workspaceId(), ids.toArray(UUID[]::new))
                .append(" AND " + visible.sql(), visible.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> Rows.alignById(rows, ids, ActivityService::toView));
    }

    /** The latest {@code n} readable activities of each deal, latest first, in the order of the ids: one statement. */
    public Uni<List<List<ActivityView>>> latestOfDeals(Caller caller, List<UUID> dealIds, int n) {
        return latestPer(caller, "opportunity_id", dealIds, n);
    }

    /**
     * The latest {@code n} readable activities of each account (its own and those on its deals), latest first, in
     * the order of the ids: one statement.
     */
    public Uni<List<List<ActivityView>>> latestOfAccounts(Caller caller, List<UUID> accountIds, int n) {
        return latestPer(caller, "account_id", accountIds, n);
    }

    private Uni<List<List<ActivityView>>> latestPer(Caller caller, String parentColumn, List<UUID> parentIds, int n) {
        SqlBuilder sql = ActivityQueries.latestPer(parentColumn, Visibility.readableActivity(caller, "ac"),
                caller.workspaceId(), parentIds, n);
        return db.query(sql.sql(), sql.tuple())
                .map(rows -> Rows.groupBy(rows, parentIds, parentColumn, ActivityService::toView));
    }

    /**
     * Logs an activity. On a deal, the account is the deal's (another {@code accountId} is a 422); the caller must see
     * the deal or read the account; the owner defaults to the caller and must be someone they may assign records to;
     * {@code occurredAt} may be at most {@link #MAX_AHEAD} ahead of the clock. The deal's
     * {@code last_activity_at} becomes max(occurred_at) of its activities, in the same transaction.
     */
    public Uni<ActivityView> create(Caller caller, ActivityInput input) {
        caller.requireWrite();
        mergePatch.validate(input);
        checkOccurredAt(input);
        UUID ownerId = input.ownerId() != null ? input.ownerId() : caller.userId();
        Set<UUID> deals = deals(input.opportunityId());
        return resolveAccount(caller, input.opportunityId(), input.accountId())
                .call(accountId -> visibility.checkNewOwner(caller, ownerId))
                .flatMap(accountId -> Audited.transaction(() -> lockDeals(caller, deals).flatMap(locked -> {
                    Activity activity = new Activity();
                    activity.id = UUID.randomUUID();
                    activity.workspaceId = caller.workspaceId();
                    activity.createdAt = clock.instant();
                    apply(activity, input, ownerId, accountId);
                    return activity.persistAndFlush()
                            .call(saved -> recomputeLastActivity(caller, deals))
                            .map(saved -> activity.id);
                })))
                .flatMap(id -> get(caller, id));
    }

    /**
     * Merge-patches an activity the caller may change (one they may act for). Moving it to another deal without
     * naming the account moves it to that deal's account; both deals' {@code last_activity_at} are recomputed.
     */
    public Uni<ActivityView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        caller.requireWrite();
        return get(caller, id).call(current -> visibility.checkMayEdit(caller, current.ownerId()))
                .flatMap(current -> Audited.transaction(
                        () -> Records.load(Activity.class, caller, id, "Activity").flatMap(activity -> {
                            Versions.check(expectedVersion, activity.version);
                            Patched<ActivityInput> patched = mergePatch.apply(toInput(activity), patch,
                                    ActivityInput.class);
                            ActivityInput merged = patched.value();
                            checkOccurredAt(merged);
                            // the account follows a new deal unless the patch names it too
                            UUID accountId = patched.touched("opportunityId") && !patched.touched("accountId")
                                    && merged.opportunityId() != null ? null : merged.accountId();
                            boolean moved = !Objects.equals(merged.opportunityId(), activity.opportunityId)
                                    || !Objects.equals(accountId, activity.accountId);
                            Uni<UUID> account = moved ? resolveAccount(caller, merged.opportunityId(), accountId)
                                    : Uni.createFrom().item(activity.accountId);
                            UUID ownerId = merged.ownerId() != null ? merged.ownerId() : activity.ownerId;
                            Uni<Void> ownerCheck = ownerId.equals(activity.ownerId) ? Uni.createFrom().voidItem()
                                    : visibility.checkNewOwner(caller, ownerId);
                            Set<UUID> deals = deals(activity.opportunityId, merged.opportunityId());
                            return account.call(resolved -> ownerCheck)
                                    .call(resolved -> lockDeals(caller, deals))
                                    .flatMap(resolved -> {
                                        apply(activity, merged, ownerId, resolved);
                                        return Panache.getSession().flatMap(session -> session.flush())
                                                .call(() -> recomputeLastActivity(caller, deals))
                                                .replaceWith(activity.id);
                                    });
                        })))
                .flatMap(activityId -> get(caller, activityId));
    }

    /** Deletes an activity the caller may change; its deal's {@code last_activity_at} falls back to the one before. */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        caller.requireWrite();
        return get(caller, id).call(current -> visibility.checkMayEdit(caller, current.ownerId()))
                .flatMap(current -> Audited.transaction(
                        () -> Records.load(Activity.class, caller, id, "Activity").flatMap(activity -> {
                            Versions.check(expectedVersion, activity.version);
                            Set<UUID> deals = deals(activity.opportunityId);
                            return lockDeals(caller, deals)
                                    .call(() -> activity.delete())
                                    .call(() -> Panache.getSession().flatMap(session -> session.flush()))
                                    .call(() -> recomputeLastActivity(caller, deals));
                        })))
                .replaceWithVoid();
    }

    private void checkOccurredAt(ActivityInput input) {
        if (input.occurredAt().toInstant().isAfter(clock.instant().plus(MAX_AHEAD))) {
            throw ApiProblem.invalid("occurredAt", "may be at most one day ahead of now");
        }
    }

    /**
     * The account of the activity, checked in one statement: the deal's account when a deal is named (the deal must
     * be one the caller sees; a different {@code accountId} is refused), else the named account, which the caller
     * must be able to read. Every failure is a 422 naming the field.
     */
    private Uni<UUID> resolveAccount(Caller caller, UUID opportunityId, UUID accountId) {
        if (opportunityId == null && accountId == null) {
            return Uni.createFrom().failure(ApiProblem.invalid("accountId",
                    "an activity needs an opportunityId or an accountId"));
        }
        SqlPredicate deal = Visibility.owned(caller, "o.owner_id");
        SqlPredicate account = Visibility.readableAccount(caller, "a");
        SqlBuilder sql = new SqlBuilder()
                .append("SELECT (SELECT o.account_id FROM opportunities o WHERE o.workspace_id = ? AND o.id = ?",
                        caller.workspaceId(), opportunityId)
                .append(" AND " + deal.sql() + ") AS deal_account,", deal.args())
                .append(" EXISTS (SELECT 1 FROM accounts a WHERE a.workspace_id = ? AND a.id = ?",
                        caller.workspaceId(), accountId)
                .append(" AND " + account.sql() + ") AS account_ok", account.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> {
            Row row = rows.iterator().next();
            if (opportunityId != null) {
                UUID dealAccount = row.getUUID("deal_account");
                if (dealAccount == null) {
                    throw ApiProblem.invalid("opportunityId", "no such opportunity");
                }
                if (accountId != null && !accountId.equals(dealAccount)) {
                    throw ApiProblem.invalid("accountId", "is not the opportunity's account: leave it out or send "
                            + dealAccount);
                }
                return dealAccount;
            }
            if (!row.getBoolean("account_ok")) {
                throw ApiProblem.invalid("accountId", "no such account");
            }
            return accountId;
        });
    }

    private static Set<UUID> deals(UUID... ids) {
        Set<UUID> deals = new TreeSet<>();
        for (UUID id : ids) {
            if (id != null) {
                deals.add(id);
            }
        }
        return deals;
    }

    /** Takes the deals' row locks in the current transaction (see {@link ActivityQueries#LOCK_DEALS}). */
    private static Uni<Void> lockDeals(Caller caller, Set<UUID> deals) {
        if (deals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery(ActivityQueries.LOCK_DEALS, UUID.class)
                        .setParameter("workspace", caller.workspaceId())
                        .setParameter("ids", List.copyOf(deals))
                        .getResultList())
                .replaceWithVoid();
    }

    /** One UPDATE in the current transaction: each deal's last_activity_at = max(occurred_at) of its activities. */
    private static Uni<Void> recomputeLastActivity(Caller caller, Set<UUID> deals) {
        if (deals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session
                        .createNativeQuery(ActivityQueries.RECOMPUTE_LAST_ACTIVITY)
                        .setParameter("workspace", caller.workspaceId())
                        .setParameter("ids", List.copyOf(deals))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private void apply(Activity activity, ActivityInput in, UUID ownerId, UUID accountId) {
        activity.type = in.type();
        activity.subject = in.subject().trim();
        activity.notes = blankToNull(in.notes());
        activity.outcome = blankToNull(in.outcome());
        activity.occurredAt = in.occurredAt().toInstant();
        activity.ownerId = ownerId;
        activity.accountId = accountId;
        activity.opportunityId = in.opportunityId();
        activity.updatedAt = clock.instant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static ActivityInput toInput(Activity a) {
        return new ActivityInput(a.type, a.subject, a.notes, a.outcome,
                a.occurredAt.atOffset(java.time.ZoneOffset.UTC), a.ownerId, a.accountId, a.opportunityId);
    }

    static ActivityView toView(Row row) {
        return new ActivityView(row.getUUID("id"), row.getString("type"), row.getString("subject"),
                row.getString("notes"), row.getString("outcome"), row.getOffsetDateTime("occurred_at"),
                row.getUUID("owner_id"), row.getUUID("account_id"), row.getUUID("opportunity_id"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
