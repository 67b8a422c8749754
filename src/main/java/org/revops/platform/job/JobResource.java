package org.revops.platform.job;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.QueryParams;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

@RequiresScope("jobs:read")
@Path("/api/v1/jobs")
@Tag(name = "Jobs", description = "Long-running work started by other endpoints (202 + Location): poll until finished.")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {
    static final int MAX_WAIT_SECONDS = 60;
    private final JobService jobs;
    private final CurrentCaller caller;

    public JobResource(JobService jobs, CurrentCaller caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    /** 202 Accepted for work that runs on as a job: Location names the job to poll. */
    public static Response accepted(JobView job) {
        return Response.accepted(job).location(URI.create("/api/v1/jobs/" + job.id())).build();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listJobs", summary = "List jobs",
            description = "Newest first. Admins see the workspace's jobs; everyone else the jobs they started.")
    public Uni<Page<JobView>> list(@Context UriInfo uri) {
        return jobs.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getJob", summary = "Get a job",
            description = "State (queued, running, succeeded, failed), percent done, running counts, errors and, once "
                    + "succeeded, the result. A finished job never changes again. With `wait=N` the answer comes as "
                    + "soon as the job has finished, or after N seconds with the job as it stands (a long poll).")
    @Parameters({@Parameter(name = "wait", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER,
            minimum = "0", maximum = "60", defaultValue = "0"),
            description = "Seconds to wait for the job to finish before answering (0–60)")})
    public Uni<JobView> get(@Parameter(description = "Job id, from the Location of the 202") @PathParam("id") UUID id,
                            @Context UriInfo uri) {
        QueryParams query = QueryParams.of(uri, "wait");
        Integer wait = query.integer("wait");
        query.check();
        if (wait != null && (wait < 0 || wait > MAX_WAIT_SECONDS)) {
            throw ApiProblem.badRequest("wait", "must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        return wait == null || wait == 0 ? jobs.get(caller.get(), id)
                : jobs.await(caller.get(), id, Duration.ofSeconds(wait));
    }
}
