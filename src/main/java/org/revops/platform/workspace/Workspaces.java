package org.revops.platform.workspace;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.security.Caller;

/** Workspace-level settings that other features read. */
@ApplicationScoped
public class Workspaces {
    private final Db db;

    public Workspaces(Db db) {
        this.db = db;
    }

    /** The workspace currency, the default for amounts sent without one. */
    public Uni<String> currency(Caller caller) {
        return db.query("SELECT currency FROM workspaces WHERE id = $1", Tuple.of(caller.workspaceId()))
                .map(rows -> rows.iterator().next().getString("currency"));
    }

    /** The month (1-12) the workspace's fiscal year starts in. */
    public Uni<Integer> fiscalYearStartMonth(Caller caller) {
        return db.query("SELECT fiscal_year_start_month FROM workspaces WHERE id = $1", Tuple.of(caller.workspaceId()))
                .map(rows -> rows.iterator().next().getInteger("fiscal_year_start_month"));
    }
}
