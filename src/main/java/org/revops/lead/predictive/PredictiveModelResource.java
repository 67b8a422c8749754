package org.revops.lead.predictive;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.revops.lead.predictive.PredictiveDtos.PredictiveModelView;
import org.revops.lead.predictive.PredictiveDtos.TrainingInput;
import org.revops.lead.predictive.PredictiveDtos.WeightView;
import org.revops.platform.job.JobResource;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.UUID;

@RequiresScope("leads:admin")
@Path("/api/v1/predictive-models")
@Tag(name = "Predictive models", description = "A win probability for every open lead, learned from the workspace's "
        + "won and lost leads (naive Bayes over a frequency table), with the top three factors for and against.")
@Produces(MediaType.APPLICATION_JSON)
public class PredictiveModelResource {
    private final PredictiveModelService models;
    private final PredictiveTraining training;
    private final CurrentCaller caller;

    public PredictiveModelResource(PredictiveModelService models, PredictiveTraining training, CurrentCaller caller) {
        this.models = models;
        this.training = training;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listPredictiveModels", summary = "List predictive models",
            description = "Every training of the workspace, newest first: the active model, the ones it replaced "
                    + "(retired) and the refused ones. Admins, managers and read-only keys.")
    public Uni<Page<PredictiveModelView>> list(@Context UriInfo uri) {
        return models.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPredictiveModel", summary = "Get a predictive model",
            description = "What it learned from (fields, window, history), its quality on held-out leads (AUC, "
                    + "calibration by decile) or why it was refused.")
    public Uni<Response> get(@Parameter(description = "Predictive model id") @PathParam("id") UUID id) {
        return models.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "trainPredictiveModel", summary = "Train a predictive model",
            description = "A job (202 + Location; its subjectId is the new model's id). Learns from the leads created "
                    + "within windowDays that are won (converted, deal closed won) or lost (disqualified, or converted "
                    + "and deal closed lost); 20 % of them, chosen by id, are held out to measure quality. Refused "
                    + "(the job fails with the reason, the model is recorded as refused) with fewer than 200 closed "
                    + "leads or fewer than 40 won or 40 lost (configurable); then the rule score stands alone. On "
                    + "success the model becomes the active one and every open lead gets its predictive score "
                    + "(0–100) and factors, in one transaction. Admins only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = TrainingInput.class), examples = {
            @ExampleObject(name = "fit and intent", value = "{\"fields\":[\"source\",\"authority\",\"budgetStatus\","
                    + "\"timeline\",\"employeeCount\",\"formFills\"],\"windowDays\":365}"),
            @ExampleObject(name = "everything, default window", value = "{}")}))
    public Uni<Response> train(TrainingInput input) {
        return training.train(caller.get(), input).map(JobResource::accepted);
    }

    @GET
    @Path("{id}/weights")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listPredictiveWeights", summary = "List a model's weights",
            description = "The frequency table: per field and value, the training leads won and lost and the weight "
                    + "(log-likelihood ratio with Laplace smoothing; > 0 argues for a win). Strongest for a win first.")
    public Uni<Page<WeightView>> weights(@Parameter(description = "Predictive model id") @PathParam("id") UUID id,
                                         @Context UriInfo uri) {
        return models.weights(caller.get(), id, ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }
}
