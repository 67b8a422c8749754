package org.revops.platform.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.Rows;
import org.revops.platform.security.Caller;
import org.revops.platform.workspace.WorkspaceDtos.WorkspaceInput;
import org.revops.platform.workspace.WorkspaceDtos.WorkspaceView;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.time.ZoneOffset;

/** The caller's workspace: everyone reads it, admins rename it and set its fiscal year. */
@ApplicationScoped
public class WorkspaceSettings {
    private static final String SELECT = """
            SELECT id, name, currency, fiscal_year_start_month, created_at, updated_at, version
            FROM workspaces WHERE id = $1""";

    private final Db db;
    private final MergePatch mergePatch;
    private final Clock clock;

    public WorkspaceSettings(Db db, MergePatch mergePatch, Clock clock) {
        this.db = db;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    public Uni<WorkspaceView> get(Caller caller) {
        return db.query(SELECT, Tuple.of(caller.workspaceId()))
                .map(rows -> Rows.single(rows, WorkspaceSettings::toView, "Workspace"));
    }

    /**
     * Merge-patches name and fiscal year start (admin only); the currency cannot change (422), as every stored amount
     * and report is in it. The write is conditional on the version read, so a concurrent change is a 412, not lost.
     */
    public Uni<WorkspaceView> update(Caller caller, Long expectedVersion, JsonNode patch) {
        caller.requireAdmin();
        if (patch != null && patch.has("currency")) {
            throw ApiProblem.invalid("currency", "cannot change: amounts are stored and reported in it");
        }
        return get(caller).flatMap(current -> {
            Versions.check(expectedVersion, current.version());
            WorkspaceInput merged = mergePatch.apply(new WorkspaceInput(current.name(), current.fiscalYearStartMonth()),
                    patch, WorkspaceInput.class).value();
            Uni<Void> calendarFree = merged.fiscalYearStartMonth() == current.fiscalYearStartMonth()
                    ? Uni.createFrom().voidItem() : refuseWhileQuotasExist(caller);
            return calendarFree.flatMap(ok -> db.query("""
                            UPDATE workspaces SET name = $3, fiscal_year_start_month = $4, updated_at = $5,
                                   version = version + 1
                            WHERE id = $1 AND version = $2""",
                            Tuple.of(caller.workspaceId(), current.version(), merged.name().trim(),
                                    merged.fiscalYearStartMonth().shortValue(),
                                    clock.instant().atOffset(ZoneOffset.UTC)))
                    .map(rows -> {
                        if (rows.rowCount() == 0) {
                            throw ApiProblem.conflict("The workspace changed while this request ran; read it again");
                        }
                        return current;
                    }));
        }).flatMap(done -> get(caller));
    }

    /** Quotas are stored by fiscal period: moving the fiscal year would silently shift every one of them. */
    private Uni<Void> refuseWhileQuotasExist(Caller caller) {
        return db.query("SELECT count(*) FROM quotas WHERE workspace_id = $1", Tuple.of(caller.workspaceId()))
                .map(rows -> {
                    long quotas = rows.iterator().next().getLong(0);
                    if (quotas > 0) {
                        throw ApiProblem.conflict("fiscalYearStartMonth", "cannot change while " + quotas
                                + " quotas are set in fiscal periods; delete them first");
                    }
                    return null;
                });
    }

    private static WorkspaceView toView(Row row) {
        return new WorkspaceView(row.getUUID("id"), row.getString("name"), row.getString("currency"),
                row.getInteger("fiscal_year_start_month"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
