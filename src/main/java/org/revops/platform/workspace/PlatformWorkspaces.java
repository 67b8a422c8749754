package org.revops.platform.workspace;

import io.quarkus.security.identity.SecurityIdentity;
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
import org.revops.platform.security.PlatformAdmin;
import org.revops.platform.workspace.PlatformDtos.NewWorkspace;
import org.revops.platform.workspace.PlatformDtos.PlatformWorkspaceView;
import org.revops.platform.workspace.PlatformDtos.ProvisionedWorkspace;
import org.revops.platform.workspace.PlatformDtos.Suspension;
import org.revops.platform.write.MergePatch;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The platform admin's view of workspaces: provision one with its first admin and key, list, suspend, resume. */
@ApplicationScoped
public class PlatformWorkspaces {
    private static final String COLUMNS = " w.id, w.name, w.currency, w.fiscal_year_start_month, w.created_at,"
            + " w.suspended_at, w.suspension_reason";
    /**
     * Lists span every workspace: the one paging helper scopes by a column, so the scope here is a constant that
     * {@link #ALL_WORKSPACES} always matches.
     */
    private static final UUID ALL_WORKSPACES = new UUID(0, 0);
    public static final ListSpec LIST = ListSpec.builder("listPlatformWorkspaces",
                    "SELECT" + COLUMNS + " FROM workspaces w", "'" + ALL_WORKSPACES + "'::uuid", "w.id")
            .oneOf("status", new TreeMap<>(Map.of("active", "w.suspended_at IS NULL",
                    "suspended", "w.suspended_at IS NOT NULL")), "Only active or only suspended workspaces.")
            .single("name", ValueType.TEXT, "strpos(lower(w.name), lower(?)) > 0", "Workspaces whose name contains this.")
            .sort("createdAt", "w.created_at", "created_at", ValueType.TIMESTAMP)
            .sort("name", "w.name", "name", ValueType.TEXT)
            .build("-createdAt");

    private final Db db;
    private final WorkspaceProvisioning provisioning;
    private final MergePatch validation;
    private final Clock clock;

    public PlatformWorkspaces(Db db, WorkspaceProvisioning provisioning, MergePatch validation, Clock clock) {
        this.db = db;
        this.provisioning = provisioning;
        this.validation = validation;
        this.clock = clock;
    }

    public Uni<ProvisionedWorkspace> create(SecurityIdentity caller, NewWorkspace input) {
        requirePlatformAdmin(caller);
        if (input == null) {
            throw ApiProblem.badRequest("body", "send the workspace to create");
        }
        validation.validate(input);
        int fiscalStart = input.fiscalYearStartMonth() == null ? 1 : input.fiscalYearStartMonth();
        return db.inTransaction(tx -> provisioning.provision(tx, input.name().trim(), input.currency(),
                                input.admin().name().trim(), input.admin().email().trim())
                        .call(made -> db.query(tx, "UPDATE workspaces SET fiscal_year_start_month = $2 WHERE id = $1",
                                Tuple.of(made.workspaceId(), fiscalStart))))
                .flatMap(made -> find(made.workspaceId())
                        .map(view -> new ProvisionedWorkspace(view, made.adminUserId(), made.apiKey())));
    }

    public Uni<Slice<PlatformWorkspaceView>> list(SecurityIdentity caller, ListRequest request) {
        requirePlatformAdmin(caller);
        return ListQuery.run(db, LIST, ALL_WORKSPACES, SqlPredicate.NONE, request, PlatformWorkspaces::toView);
    }

    public Uni<PlatformWorkspaceView> get(SecurityIdentity caller, UUID id) {
        requirePlatformAdmin(caller);
        return find(id);
    }

    /** Suspends (or re-words the reason of a suspended workspace); its callers get 403 from their next request. */
    public Uni<PlatformWorkspaceView> suspend(SecurityIdentity caller, UUID id, Suspension suspension) {
        requirePlatformAdmin(caller);
        if (suspension == null) {
            throw ApiProblem.badRequest("body", "send the reason for the suspension");
        }
        validation.validate(suspension);
        return db.query("""
                        UPDATE workspaces w SET suspended_at = coalesce(suspended_at, $2), suspension_reason = $3
                        WHERE id = $1 RETURNING""" + COLUMNS,
                        Tuple.of(id, now(), suspension.reason().trim()))
                .map(rows -> Rows.single(rows, PlatformWorkspaces::toView, "Workspace"));
    }

    /** Lifts a suspension; resuming an active workspace is harmless. */
    public Uni<PlatformWorkspaceView> resume(SecurityIdentity caller, UUID id) {
        requirePlatformAdmin(caller);
        return db.query("""
                        UPDATE workspaces w SET suspended_at = NULL, suspension_reason = NULL
                        WHERE id = $1 RETURNING""" + COLUMNS, Tuple.of(id))
                .map(rows -> Rows.single(rows, PlatformWorkspaces::toView, "Workspace"));
    }

    private Uni<PlatformWorkspaceView> find(UUID id) {
        return db.query("SELECT" + COLUMNS + " FROM workspaces w WHERE w.id = $1", Tuple.of(id))
                .map(rows -> Rows.single(rows, PlatformWorkspaces::toView, "Workspace"));
    }

    private static void requirePlatformAdmin(SecurityIdentity caller) {
        if (caller == null || !caller.hasRole(PlatformAdmin.ROLE)) {
            throw ApiProblem.forbidden("Provisioning needs the platform-admin credential; workspace keys cannot "
                    + "call /api/v1/platform");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static PlatformWorkspaceView toView(Row row) {
        return new PlatformWorkspaceView(row.getUUID("id"), row.getString("name"), row.getString("currency"),
                row.getInteger("fiscal_year_start_month"),
                row.getOffsetDateTime("suspended_at") == null ? "active" : "suspended",
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("suspended_at"),
                row.getString("suspension_reason"));
    }
}
