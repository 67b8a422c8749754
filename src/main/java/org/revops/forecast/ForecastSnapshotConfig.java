package org.revops.forecast;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Forecast snapshot settings. */
@ConfigMapping(prefix = "revops.forecast")
public interface ForecastSnapshotConfig {
    /**
     * When the weekly snapshots of every workspace are taken (Quartz cron: seconds minutes hours day-of-month month
     * day-of-week, in UTC); {@code off} disables the job (tests take snapshots on demand).
     */
    @WithDefault("0 0 2 ? * MON")
    String snapshotCron();
}
