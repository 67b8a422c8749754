package org.revops.lead.predictive;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.lead.predictive.PredictiveDtos.PredictiveModelView;
import org.revops.lead.predictive.PredictiveDtos.TrainingInput;
import org.revops.lead.predictive.PredictiveDtos.WeightView;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.job.JobView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;
import java.util.UUID;

/** GraphQL door to predictive models: the same service and training job as REST. */
@RequiresScope("leads:admin")
@GraphQLApi
public class PredictiveModelGraphQL {
    private final PredictiveModelService models;
    private final PredictiveTraining training;
    private final CurrentCaller caller;

    public PredictiveModelGraphQL(PredictiveModelService models, PredictiveTraining training, CurrentCaller caller) {
        this.models = models;
        this.training = training;
        this.caller = caller;
    }

    public record PredictiveModelEdge(@NonNull PredictiveModelView node, @NonNull String cursor) {
    }

    public record PredictiveModelConnection(@NonNull List<@NonNull PredictiveModelEdge> edges,
                                            @NonNull PageInfo pageInfo) {
    }

    public record PredictiveTrainingPayload(JobView job, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("PredictiveModelFilter")
    @Description("The same filters as GET /api/v1/predictive-models; list fields are OR-ed.")
    public record PredictiveModelFilter(List<UUID> id, List<String> state) {
    }

    @Query("predictiveModels")
    @Description("Predictive models, newest first, as a Relay connection. Admins, managers and read-only keys.")
    public Uni<PredictiveModelConnection> list(@Name("filter") PredictiveModelFilter filter, @Name("sort") String sort,
                                               @Name("first") Integer first, @Name("after") String after) {
        return models.list(caller.get(), GraphQLSupport.listRequest(PredictiveModelService.LIST, filter, sort, first,
                        after))
                .map(slice -> GraphQLSupport.connection(slice, PredictiveModelEdge::new,
                        PredictiveModelConnection::new));
    }

    @Query("predictiveModel")
    public Uni<PredictiveModelView> get(@NonNull @Name("id") UUID id) {
        return models.get(caller.get(), id);
    }

    @Mutation("trainPredictiveModel")
    @Description("Starts a job training a model on the won and lost leads; poll `job(id)`. Admins only.")
    public Uni<PredictiveTrainingPayload> train(@Name("input") TrainingInput input) {
        return GraphQLSupport.payload(() -> training.train(caller.get(), input), PredictiveTrainingPayload::new);
    }

    @Description("The model's strongest weights for a win: its frequency table, largest weight first (at most "
            + "`first`, default 20, up to 500). Batched: one statement for a page of models.")
    public Uni<List<List<WeightView>>> weights(@Source List<PredictiveModelView> list, @Name("first") Integer first) {
        return models.weightsOf(caller.get(), list.stream().map(PredictiveModelView::id).toList(),
                first == null ? 20 : first);
    }
}
