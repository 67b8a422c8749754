package org.revops.platform.job;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A seam between the steps of a job. Production does nothing here; tests replace the bean to fail a job at a chosen
 * step, which is how "a failed activation leaves the old model active" is checked without breaking real data.
 */
@ApplicationScoped
public class JobCheckpoint {
    /** Called after each step of a job, inside its transaction; throwing fails the job and rolls the step back. */
    public void reached(String kind, String step) {
    }
}
