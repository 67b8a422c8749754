package org.revops.platform.job;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.UUID;

/** GraphQL door to jobs; the free-form result travels as JSON text. */
@RequiresScope("jobs:read")
@GraphQLApi
public class JobGraphQL {
    private final JobService jobs;
    private final CurrentCaller caller;

    public JobGraphQL(JobService jobs, CurrentCaller caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @Query("job")
    @Description("A job the caller started (admins: any job of the workspace).")
    public Uni<JobView> get(@NonNull @Name("id") UUID id) {
        return jobs.get(caller.get(), id);
    }

    @Description("What the job produced, as JSON text (the same object as `result` in REST); null until it succeeded.")
    public String resultJson(@Source JobView job) {
        return job.result() == null ? null : job.result().toString();
    }
}
