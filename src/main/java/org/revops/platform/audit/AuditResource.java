package org.revops.platform.audit;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.revops.platform.security.RequiresScope;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.security.CurrentCaller;

@Path("/api/v1/audit-events")
@RequiresScope("audit:read")
@Tag(name = "Audit log", description = "Every write to the workspace's records: who, what, when, from where.")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final AuditService audit;
    private final CurrentCaller caller;

    public AuditResource(AuditService audit, CurrentCaller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listAuditEvents", summary = "List audit events",
            description = "Admins only. Newest first: one event per created, updated or deleted record (REST, GraphQL, "
                    + "batch, imports and other jobs alike), with the acting user, the API key or token, the client's "
                    + "address and user agent and the request id. Kept for `revops.audit.retention` "
                    + "(default 365 days).")
    public Uni<Page<AuditEvent>> list(@Context UriInfo uri) {
        return audit.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }
}
