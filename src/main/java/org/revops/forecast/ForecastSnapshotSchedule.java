package org.revops.forecast;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.revops.platform.db.Db;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The weekly snapshots: every workspace's default periods (current month, quarter, fiscal year), trigger
 * {@code weekly}. Each workspace is its own statement, so one failing workspace does not stop the others; a day
 * already taken is kept, so running on several instances at once writes each row once.
 */
@ApplicationScoped
public class ForecastSnapshotSchedule {
    private static final Logger LOG = Logger.getLogger(ForecastSnapshotSchedule.class);

    private final Db db;
    private final ForecastSnapshotService snapshots;

    public ForecastSnapshotSchedule(Db db, ForecastSnapshotService snapshots) {
        this.db = db;
        this.snapshots = snapshots;
    }

    @Scheduled(identity = "forecast-snapshots", cron = "{revops.forecast.snapshot-cron}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> weekly() {
        return takeForEveryWorkspace().replaceWithVoid();
    }

    /** Takes the weekly snapshots of every workspace; answers how many rows were written. */
    public Uni<Integer> takeForEveryWorkspace() {
        return db.query("SELECT id FROM workspaces ORDER BY id", Tuple.tuple()).flatMap(rows -> {
            List<UUID> ids = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getUUID("id"));
            }
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (UUID id : ids) {
                chain = chain.flatMap(total -> snapshots.take(id, null, "weekly").map(view -> total + view.taken())
                        .onFailure().recoverWithItem(failure -> {
                            LOG.errorf(failure, "Weekly forecast snapshots of workspace %s failed", id);
                            return total;
                        }));
            }
            return chain;
        });
    }
}
