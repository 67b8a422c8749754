package org.revops.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.revops.platform.job.JobCheckpoint;

/** Job checkpoints in tests: a test arms a failure at one step of one kind of job to check that nothing changed. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestCheckpoint extends JobCheckpoint {
    private static volatile String failAt;

    /** The next job of {@code kind} fails when it reaches {@code step}; disarmed by then. */
    public static void failAt(String kind, String step) {
        failAt = kind + "|" + step;
    }

    public static void reset() {
        failAt = null;
    }

    @Override
    public void reached(String kind, String step) {
        if ((kind + "|" + step).equals(failAt)) {
            failAt = null;
            throw new IllegalStateException("fault injected by a test at " + kind + " / " + step);
        }
    }
}
