package org.revops.platform.security;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.SqlBuilder;
import org.revops.platform.paging.SqlPredicate;

import java.util.UUID;

/**
 * Record visibility as SQL predicates, the one place that decides who sees and changes which records:
 * a rep the records they own, a manager those owned by anyone in their reporting subtree (themselves included),
 * admin, integration and read-only callers the whole workspace.
 */
@ApplicationScoped
public class Visibility {

    /** The users whose records a manager sees: the manager and everyone below, walked once per statement. */
    private static final String SUBTREE = """
            (WITH RECURSIVE team(id) AS (
                SELECT id FROM users WHERE workspace_id = ? AND id = ?
                UNION
                SELECT u.id FROM users u JOIN team t ON u.manager_id = t.id WHERE u.workspace_id = ?)
             SELECT id FROM team)""";

    private final Db db;

    public Visibility(Db db) {
        this.db = db;
    }

    /** Records whose owner column names a user the caller may act for. */
    public static SqlPredicate owned(Caller caller, String ownerColumn) {
        return switch (caller.role()) {
            case ADMIN, INTEGRATION, READ_ONLY -> SqlPredicate.NONE;
            case REP -> new SqlPredicate(ownerColumn + " = ?", caller.userId());
            case MANAGER -> ownedWithin(ownerColumn, caller.workspaceId(), caller.userId());
        };
    }

    /**
     * Records owned by {@code rootUserId} or anyone in their reporting subtree: a manager's own visibility, and the
     * "team of" filter of reports (a filter, not a permission: combine it with {@link #owned}).
     */
    public static SqlPredicate ownedWithin(String ownerColumn, UUID workspaceId, UUID rootUserId) {
        return new SqlPredicate(ownerColumn + " IN " + SUBTREE, workspaceId, rootUserId, workspaceId);
    }

    /**
     * Accounts a caller may read: those they may act for, plus the accounts of deals they may act for, so that a rep
     * working a deal on a colleague's account still sees whom the deal is with.
     */
    public static SqlPredicate readableAccount(Caller caller, String alias) {
        if (caller.role().seesWholeWorkspace()) {
            return SqlPredicate.NONE;
        }
        SqlPredicate own = owned(caller, alias + ".owner_id");
        SqlPredicate deal = owned(caller, "vo.owner_id");
        Object[] args = new Object[own.args().length + deal.args().length];
        System.arraycopy(own.args(), 0, args, 0, own.args().length);
        System.arraycopy(deal.args(), 0, args, own.args().length, deal.args().length);
        return new SqlPredicate("(" + own.sql() + " OR EXISTS (SELECT 1 FROM opportunities vo WHERE vo.workspace_id = "
                + alias + ".workspace_id AND vo.account_id = " + alias + ".id AND " + deal.sql() + "))", args);
    }

    /** Contacts follow the visibility of their account. */
    public static SqlPredicate readableContact(Caller caller, String alias) {
        if (caller.role().seesWholeWorkspace()) {
            return SqlPredicate.NONE;
        }
        SqlPredicate account = readableAccount(caller, "va");
        return new SqlPredicate("EXISTS (SELECT 1 FROM accounts va WHERE va.workspace_id = " + alias
                + ".workspace_id AND va.id = " + alias + ".account_id AND " + account.sql() + ")", account.args());
    }

    /**
     * Activities a caller may read: those they may act for (own, or their subtree's), those logged on a deal they
     * may act for, and those logged on an account alone (no deal) that they may read. An activity on a deal follows
     * the deal, not the account, so the deal's notes stay with whoever sees the deal.
     */
    public static SqlPredicate readableActivity(Caller caller, String alias) {
        if (caller.role().seesWholeWorkspace()) {
            return SqlPredicate.NONE;
        }
        SqlPredicate own = owned(caller, alias + ".owner_id");
        SqlPredicate deal = owned(caller, "vd.owner_id");
        SqlPredicate account = readableAccount(caller, "vc");
        return new SqlPredicate("(" + own.sql()
                + " OR EXISTS (SELECT 1 FROM opportunities vd WHERE vd.workspace_id = " + alias + ".workspace_id"
                + " AND vd.id = " + alias + ".opportunity_id AND " + deal.sql() + ")"
                + " OR (" + alias + ".opportunity_id IS NULL AND EXISTS (SELECT 1 FROM accounts vc"
                + " WHERE vc.workspace_id = " + alias + ".workspace_id AND vc.id = " + alias + ".account_id AND "
                + account.sql() + ")))", concat(own.args(), deal.args(), account.args()));
    }

    /**
     * Leads a caller may read: those they may act for; a manager also sees unowned leads (the routing queue). Reps
     * see only their own; admin, integration and read-only keys the whole workspace.
     */
    public static SqlPredicate readableLead(Caller caller, String alias) {
        SqlPredicate own = owned(caller, alias + ".owner_id");
        if (caller.role() != Role.MANAGER) {
            return own;
        }
        return new SqlPredicate("(" + alias + ".owner_id IS NULL OR " + own.sql() + ")", own.args());
    }

    private static Object[] concat(Object[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray();
    }

    /** Whether the caller may own records on behalf of {@code ownerId} (create, reassign, edit). */
    public Uni<Boolean> mayActFor(Caller caller, UUID ownerId) {
        if (ownerId == null) {
            return Uni.createFrom().item(false);
        }
        SqlPredicate predicate = caller.role().seesWholeWorkspace()
                ? SqlPredicate.NONE : owned(caller, "u.id");
        SqlBuilder sql = new SqlBuilder()
                .append("SELECT 1 FROM users u WHERE u.workspace_id = ? AND u.id = ?", caller.workspaceId(), ownerId)
                .append(" AND " + predicate.sql(), predicate.args());
        return db.query(sql.sql(), sql.tuple()).map(rows -> rows.size() > 0);
    }


    /** 422 unless the caller may give records to {@code ownerId} (a rep: themselves; a manager: their subtree). */
    public Uni<Void> checkNewOwner(Caller caller, UUID ownerId) {
        return mayActFor(caller, ownerId).map(ok -> {
            if (!ok) {
                throw ApiProblem.invalid("ownerId", "is not a user of this workspace you may assign records to");
            }
            return null;
        });
    }

    /** 403 unless the caller may change records owned by {@code currentOwnerId}. */
    public Uni<Void> checkMayEdit(Caller caller, UUID currentOwnerId) {
        caller.requireWrite();
        return mayActFor(caller, currentOwnerId).map(ok -> {
            if (!ok) {
                throw ApiProblem.forbidden("You may read this record but not change it: it belongs to someone else");
            }
            return null;
        });
    }
}
