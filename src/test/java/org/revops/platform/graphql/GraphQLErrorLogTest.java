package org.revops.platform.graphql;

import io.smallrye.graphql.transformation.TransformException;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.revops.platform.error.ApiProblem;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GraphQLErrorLogTest {
    @Test
    void callersMistakesAreNotTheServicesErrors() {
        assertEquals(Logger.Level.DEBUG, GraphQLErrorLog.levelOf(ApiProblem.forbidden("Only admins")));
        assertEquals(Logger.Level.DEBUG, GraphQLErrorLog.levelOf(ApiProblem.notFound("User")));
        assertEquals(Logger.Level.WARN, GraphQLErrorLog.levelOf(new ApiProblem(500, "internal", "Internal error",
                "Something went wrong on our side. It has been logged.", null)));
        assertEquals(Logger.Level.DEBUG, GraphQLErrorLog.levelOf(
                new TransformException(new IllegalArgumentException("2026-13-01"), null, "2026-13-01")));
        assertEquals(Logger.Level.ERROR, GraphQLErrorLog.levelOf(new IllegalStateException("a bug")));
    }
}
