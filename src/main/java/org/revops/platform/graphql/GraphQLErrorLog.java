package org.revops.platform.graphql;

import io.smallrye.graphql.cdi.event.ErrorDataFetch;
import io.smallrye.graphql.cdi.event.ErrorInfo;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.revops.platform.error.ApiProblem;

/**
 * Logs the failures of GraphQL fields by what they are, instead of SmallRye GraphQL's stack trace at ERROR for every
 * one ({@code quarkus.smallrye-graphql.print-data-fetcher-exception=false}): a caller's mistake (a refused scope, a
 * missing record, bad input: an {@link ApiProblem} below 500, or an argument GraphQL could not read, such as a date
 * 2026-13-01) is the caller's answer, not the service's error, so it is logged at DEBUG; a 5xx problem at WARN (its cause was logged where it was translated); anything else, which no
 * code path expected, at ERROR with its stack trace, as the REST side does.
 */
@ApplicationScoped
public class GraphQLErrorLog {
    private static final Logger LOG = Logger.getLogger(GraphQLErrorLog.class);

    void onFieldFailure(@Observes @ErrorDataFetch ErrorInfo error) {
        Throwable failure = error.getT();
        Logger.Level level = levelOf(failure);
        if (level == Logger.Level.ERROR) {
            LOG.errorf(failure, "GraphQL field failed unexpectedly (execution %s)", error.getExecutionId());
        } else if (LOG.isEnabled(level)) {
            LOG.logf(level, "GraphQL field answered %s (execution %s)", failure.getMessage(), error.getExecutionId());
        }
    }

    static Logger.Level levelOf(Throwable failure) {
        if (failure instanceof ApiProblem problem) {
            return problem.status() >= 500 ? Logger.Level.WARN : Logger.Level.DEBUG;
        }
        return failure instanceof AbstractDataFetcherException ? Logger.Level.DEBUG : Logger.Level.ERROR;
    }
}
