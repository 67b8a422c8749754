package org.revops.integration;

import jakarta.ws.rs.core.Response;
import org.revops.integration.BatchDtos.RecordResult;
import org.revops.integration.BatchDtos.Rejected;
import org.revops.integration.BatchDtos.Result;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.error.Problem;

import java.util.ArrayList;
import java.util.List;

/** The REST answer of a batch upsert: 200 with the results, or 422 problem+json when an atomic batch was refused. */
public final class BatchResponses {
    private BatchResponses() {
    }

    public static Response of(Result result) {
        if (result.applied()) {
            return Response.ok(result).build();
        }
        List<FieldError> errors = new ArrayList<>();
        for (RecordResult r : result.results()) {
            r.errors().forEach(e -> errors.add(new FieldError("records[" + r.index() + "]." + e.field(), e.message())));
        }
        int invalid = result.counts().error();
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(new Rejected(ApiProblem.TYPE_BASE
                        + "batch-rejected", "Batch rejected", 422, invalid + (invalid == 1 ? " record is" : " records are")
                        + " invalid; the batch is atomic, so nothing was written", errors, false, true,
                        result.counts(), result.results()))
                .build();
    }
}
