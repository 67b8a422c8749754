package org.revops.lead.predictive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Predictive scoring settings. Training refuses when the window holds fewer closed leads than these minimums: with
 * less, the frequencies are noise (a campaign with three leads decides nothing) and the quality figures on a fifth
 * of them say nothing either.
 */
@ConfigMapping(prefix = "revops.predictive")
public interface PredictiveConfig {
    /** Closed (won or lost) leads in the window needed to train. */
    @WithDefault("200")
    int minClosedLeads();

    /** Won leads among them. */
    @WithDefault("40")
    int minWonLeads();

    /** Lost leads among them. */
    @WithDefault("40")
    int minLostLeads();

    /** Share of the closed leads (by id, see HeldOut) kept out of training to measure quality on, 0–50. */
    @WithDefault("20")
    int heldOutPercent();

    /** The window when a training request names none. */
    @WithDefault("730")
    int defaultWindowDays();
}
