package org.revops.integration.imports;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.integration.imports.ImportDtos.ImportConnection;
import org.revops.integration.imports.ImportDtos.ImportEdge;
import org.revops.integration.imports.ImportDtos.ImportErrorConnection;
import org.revops.integration.imports.ImportDtos.ImportErrorEdge;
import org.revops.integration.imports.ImportDtos.ImportView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GraphQL door to imports: the reads only. Starting an import is a file upload, which GraphQL has no standard way to
 * carry: it is REST's POST /api/v1/imports.
 */
@RequiresScope(read = "imports:read", write = "imports:write")
@GraphQLApi
public class ImportGraphQL {
    private final ImportService imports;
    private final CurrentCaller caller;

    public ImportGraphQL(ImportService imports, CurrentCaller caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @Query("import")
    @Description("A CSV import with its state, progress and counts (as GET /api/v1/imports/{id}).")
    public Uni<ImportView> get(@NonNull @Name("id") UUID id) {
        return imports.get(caller.get(), id);
    }

    @Query("imports")
    @Description("The workspace's imports, newest first (as GET /api/v1/imports).")
    public Uni<ImportConnection> list(@Name("object") List<String> object, @Name("state") List<String> state,
                                      @Name("first") Integer first, @Name("after") String after) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (object != null) {
            filters.put("object", object);
        }
        if (state != null) {
            filters.put("state", state);
        }
        return imports.list(caller.get(), ListRequest.of(filters, null, first, after))
                .map(slice -> GraphQLSupport.connection(slice, ImportEdge::new, ImportConnection::new));
    }

    @Query("importErrors")
    @Description("An import's row errors by line (as GET /api/v1/imports/{id}/errors).")
    public Uni<ImportErrorConnection> errors(@NonNull @Name("id") UUID id, @Name("first") Integer first,
                                             @Name("after") String after) {
        return imports.errors(caller.get(), id, ListRequest.of(Map.of(), null, first, after))
                .map(slice -> GraphQLSupport.connection(slice, ImportErrorEdge::new, ImportErrorConnection::new));
    }
}
