package org.revops.opportunity;

/** Forecast categories, in the order a deal gains certainty; Omitted keeps a deal out of the forecast. */
public enum ForecastCategory {
    Pipeline, BestCase, Commit, Closed, Omitted
}
