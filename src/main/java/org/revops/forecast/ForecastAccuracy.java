package org.revops.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * How far a forecast call was from what closed. For a call of a scope in an ended period:
 * <pre>
 *   forecast = Closed + Commit                       (measure commit, as called: adjusted)
 *            = Closed + Commit + BestCase            (measure bestCase)
 *   actual   = the scope's Closed amount of the period, computed now
 *   error    = forecast − actual                     (positive: called too high)
 *   APE      = |error| ÷ actual                      (none when actual is 0: no percentage of nothing)
 *   MAPE     = (Σ APE) ÷ n                           over the n calls that have an APE
 * </pre>
 * APEs and MAPEs are rounded to 4 decimals (half even) after computing with the unrounded values. Pure.
 */
public final class ForecastAccuracy {
    private static final int SCALE = 12;

    private ForecastAccuracy() {
    }

    /** The measures a call is judged by. */
    public enum Measure { commit, bestCase }

    /** error and APE of one call; APE null when {@code actual} is null or 0, error null when actual is null. */
    public record Judged(BigDecimal forecast, BigDecimal actual, BigDecimal error, BigDecimal ape) {
    }

    public static BigDecimal forecast(Measure measure, BigDecimal closed, BigDecimal commit, BigDecimal bestCase) {
        BigDecimal called = closed.add(commit);
        return measure == Measure.bestCase ? called.add(bestCase) : called;
    }

    public static Judged judge(BigDecimal forecast, BigDecimal actual) {
        if (actual == null) {
            return new Judged(forecast, null, null, null);
        }
        BigDecimal error = forecast.subtract(actual);
        BigDecimal ape = actual.signum() == 0 ? null : error.abs().divide(actual.abs(), SCALE, RoundingMode.HALF_EVEN);
        return new Judged(forecast, actual, error, ape);
    }

    /** The mean of the APEs that exist, unrounded; null when none does. */
    public static BigDecimal mape(List<BigDecimal> apes) {
        List<BigDecimal> present = apes.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(present.size()), SCALE, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal ratio(BigDecimal value) {
        return value == null ? null : value.setScale(ForecastFigures.RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
