package org.revops.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.opportunity.SalesPolicyDtos.SalesPolicyInput;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

@RequiresScope(read = "opportunities:read", write = "workspace:admin")
@Path("/api/v1/sales-policy")
@Tag(name = "Sales policy", description = "Grading, follow-up cadence and stall rules of the workspace.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SalesPolicyResource {
    private final SalesPolicyService policies;
    private final CurrentCaller caller;

    public SalesPolicyResource(SalesPolicyService policies, CurrentCaller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getSalesPolicy", summary = "Get the sales policy",
            description = "Readable by every key of the workspace. The ETag header carries the version. "
                    + SalesPolicyDtos.FORMULA)
    public Uni<Response> get() {
        return policies.get(caller.get()).map(view -> Responses.ok(view, view.version()));
    }

    @PATCH
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateSalesPolicy", summary = "Update the sales policy (admin)",
            description = "JSON Merge Patch (RFC 7396) of the SalesPolicyInput fields: `cadenceDays` merges per grade, "
                    + "`gradeMatrix` is replaced whole, `inactivityStallDays: null` turns the inactivity rule off. 422 "
                    + "when gradeBAmount > gradeAAmount, gradeBProbability > gradeAProbability, the matrix is not 3 "
                    + "rows of 3 letters A/B/C, or a cadence is outside 1-365 days. " + SalesPolicyDtos.FORMULA)
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = SalesPolicyInput.class),
            examples = @ExampleObject(name = "stricter A", value = """
                    {"gradeAAmount":75000,"gradeMatrix":[["A","B","B"],["B","B","C"],["C","C","C"]],"cadenceDays":{"B":5}}""")))
    public Uni<Response> update(@Parameter(description = "ETag from a read; 412 if the policy changed since")
                                @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        return policies.update(caller.get(), Versions.parseIfMatch(ifMatch), patch)
                .map(view -> Responses.ok(view, view.version()));
    }
}
