package org.revops.forecast;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.forecast.ForecastSnapshotDtos.SnapshotInput;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

@RequiresScope("forecast:write")
@Path("/api/v1/forecast-snapshots")
@Tag(name = "Forecast snapshots", description = "Every scope's forecast numbers as they stood on a day.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ForecastSnapshotResource {
    private final ForecastSnapshotService snapshots;
    private final CurrentCaller caller;

    public ForecastSnapshotResource(ForecastSnapshotService snapshots, CurrentCaller caller) {
        this.snapshots = snapshots;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "takeForecastSnapshots", summary = "Snapshot every forecast scope now",
            description = "Admin only. Takes today's snapshot of every scope (the workspace, every user with the team "
                    + "below, every territory of the active model) for the periods named, default the current month, "
                    + "quarter and fiscal year; a retake the same day replaces the day's rows. Snapshots are also "
                    + "taken weekly (Mondays 02:00 UTC by default). 422 naming periodIds[i] for a bad period.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SnapshotInput.class),
            examples = @ExampleObject(name = "a quarter and its year", value = """
                    {"periodIds":["2026-Q4","FY2027"]}""")))
    public Uni<Response> take(SnapshotInput input) {
        return snapshots.take(caller.get(), input).map(view -> Response.status(201).entity(view).build());
    }
}
