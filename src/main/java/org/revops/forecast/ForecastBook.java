package org.revops.forecast;

import org.revops.forecast.ForecastFacts.Unconverted;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A period's forecast, rolled up: the figures of the scope and of every node of the hierarchy it was computed over
 * (each node covering itself and everything below), with the names to show them by.
 *
 * @param users       figures of users (each with the team below), for user and workspace scopes; empty otherwise
 * @param territories figures of territories (each with its subtree), for territory scopes and territory breakdowns
 * @param facts       the aggregated deals, for stage and month breakdowns
 * @param asOf        the day at whose end the pipeline was rebuilt from history; null for the live pipeline
 */
public record ForecastBook(ForecastPeriod period, String currency, ForecastScope scope, String scopeName,
                           ForecastFigures total, List<Unconverted> unconverted,
                           ForecastTree userTree, Map<UUID, ForecastFigures> users,
                           ForecastTree territoryTree, Map<UUID, ForecastFigures> territories,
                           Map<UUID, String> names, ForecastFacts facts, LocalDate asOf) {
}
