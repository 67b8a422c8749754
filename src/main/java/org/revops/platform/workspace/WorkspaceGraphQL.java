package org.revops.platform.workspace;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.UserError;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.workspace.WorkspaceDtos.WorkspaceView;

import java.util.List;

/** GraphQL door to the caller's workspace settings. */
@RequiresScope(read = "workspace:read", write = "workspace:admin")
@GraphQLApi
public class WorkspaceGraphQL {
    private final WorkspaceSettings settings;
    private final CurrentCaller caller;

    public WorkspaceGraphQL(WorkspaceSettings settings, CurrentCaller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    public record WorkspacePayload(WorkspaceView workspace, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("WorkspacePatch")
    @Description("Fields to change; omitted fields stay.")
    public record WorkspacePatch(String name, Integer fiscalYearStartMonth) {
    }

    @Query("workspace")
    public Uni<WorkspaceView> get() {
        return settings.get(caller.get());
    }

    @Mutation("updateWorkspace")
    public Uni<WorkspacePayload> update(@NonNull @Name("patch") WorkspacePatch patch,
                                        @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> settings.update(caller.get(), expectedVersion,
                GraphQLSupport.patchOf(patch)), WorkspacePayload::new);
    }
}
