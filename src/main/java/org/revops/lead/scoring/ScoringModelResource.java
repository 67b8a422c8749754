package org.revops.lead.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
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
import org.revops.lead.scoring.ScoringDtos.ScoringModelCloneInput;
import org.revops.lead.scoring.ScoringDtos.ScoringModelInput;
import org.revops.lead.scoring.ScoringDtos.ScoringModelView;
import org.revops.platform.job.JobResource;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.Page;
import org.revops.platform.rest.Csv;
import org.revops.platform.rest.Responses;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;
import org.revops.platform.write.Versions;

import java.util.UUID;

@RequiresScope("leads:admin")
@Path("/api/v1/scoring-models")
@Tag(name = "Lead scoring", description = "Versioned rule-scoring models: drafts are edited, then published by a job "
        + "that re-scores every open lead. " + ScoringDtos.FORMULA)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScoringModelResource {
    static final String EXAMPLE = """
            {"name":"Fit and engagement","description":"ICP fit, BANT and recent engagement","criteria":[
             {"field":"industry","operator":"in","values":["Software","Financial services"],"weight":20,
              "label":"Target industry"},
             {"field":"employeeCount","operator":"range","min":200,"weight":15},
             {"field":"authority","operator":"in","values":["decision-maker","economic-buyer"],"weight":20},
             {"field":"budgetStatus","operator":"equals","value":"approved","weight":15},
             {"field":"timeline","operator":"in","values":["now","this-quarter"],"weight":10},
             {"field":"lastEngagedAt","operator":"recency","days":14,"weight":20},
             {"field":"lastEngagedAt","operator":"recency","days":60,"weight":8}],
             "thresholds":{"A":75,"B":50,"C":25}}""";

    private final ScoringModelService models;
    private final ScoringPublication publication;
    private final CurrentCaller caller;

    public ScoringModelResource(ScoringModelService models, ScoringPublication publication, CurrentCaller caller) {
        this.models = models;
        this.publication = publication;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Operation(operationId = "listScoringModels", summary = "List scoring models",
            description = "Drafts, the published model and retired versions, newest first. Admins, managers and "
                    + "read-only keys.")
    public Uni<Page<ScoringModelView>> list(@Context UriInfo uri) {
        return models.list(caller.get(), ListRequest.fromQuery(uri.getQueryParameters())).map(Page::of);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getScoringModel", summary = "Get a scoring model",
            description = "With each criterion's points (100 × weight / maxWeight). The ETag header carries the "
                    + "version.")
    public Uni<Response> get(@Parameter(description = "Scoring model id") @PathParam("id") UUID id) {
        return models.get(caller.get(), id).map(Responses::ok);
    }

    @POST
    @Operation(operationId = "createScoringModel", summary = "Create a draft scoring model",
            description = "Validated as a whole: 422 lists every problem, each naming its place (criteria[2].field, "
                    + "criteria[0].weight, thresholds.B) and nothing is written. Thresholds default to A 80, B 60, "
                    + "C 40. To start from the published model, clone it instead. Admins only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ScoringModelInput.class),
            examples = @ExampleObject(name = "fitAndEngagement", value = EXAMPLE)))
    public Uni<Response> create(@Valid ScoringModelInput input, @Context UriInfo uri) {
        return models.create(caller.get(), input).map(view -> Responses.created(uri, view));
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateScoringModel", summary = "Update a draft scoring model",
            description = "JSON Merge Patch of name, description, criteria (replaced as a list) and thresholds "
                    + "(merged by grade), validated as a whole like a create. Only drafts change: 409 for published "
                    + "and retired models and while a publish job holds the draft. Admins only.")
    @RequestBody(required = true, content = @Content(mediaType = "application/merge-patch+json",
            schema = @Schema(implementation = ScoringModelInput.class),
            examples = @ExampleObject(name = "stricterA", value = "{\"thresholds\":{\"A\":85}}")))
    public Uni<Response> update(@Parameter(description = "Scoring model id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch,
                                JsonNode patch) {
        return models.update(caller.get(), id, Versions.parseIfMatch(ifMatch), patch).map(Responses::ok);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteScoringModel", summary = "Delete a draft scoring model",
            description = "Published and retired models stay: score history cites them (409). Admins only.")
    public Uni<Response> delete(@Parameter(description = "Scoring model id") @PathParam("id") UUID id,
                                @Parameter(description = "ETag from a read; 412 if it changed since")
                                @HeaderParam("If-Match") String ifMatch) {
        return models.delete(caller.get(), id, Versions.parseIfMatch(ifMatch)).map(done -> Responses.noContent());
    }

    @POST
    @Path("{id}/clone")
    @Operation(operationId = "cloneScoringModel", summary = "Copy a scoring model into a new draft",
            description = "Any model may be copied, usually the published one, to edit and publish as the next "
                    + "version. The body is optional. Admins only.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ScoringModelCloneInput.class),
            examples = @ExampleObject(name = "nextVersion", value = "{\"name\":\"Fit and engagement v2\"}")))
    public Uni<Response> cloneModel(@Parameter(description = "The model to copy") @PathParam("id") UUID id,
                                    @Valid ScoringModelCloneInput input, @Context UriInfo uri) {
        return models.cloneModel(caller.get(), id, input).map(copy -> Response
                .created(uri.getBaseUriBuilder().path(ScoringModelResource.class).path(copy.id().toString()).build())
                .entity(copy).tag(new EntityTag(Long.toString(copy.version()))).build());
    }

    @POST
    @Path("{id}/publish")
    @Operation(operationId = "publishScoringModel", summary = "Publish a draft scoring model",
            description = "A job (202 + Location; poll GET /api/v1/jobs/{id}?wait=30) that re-scores every open lead "
                    + "(not converted or disqualified) in one transaction, writes a history row for each lead whose "
                    + "score or grade changed, retires the published model and publishes this one with the next "
                    + "version number. All or nothing: if it fails, the previous model stays published and no score "
                    + "changes. Result: publishedModelId, number, retiredModelId, leads, changed, grades. One publish "
                    + "at a time per workspace (409). Admins only.")
    public Uni<Response> publish(@Parameter(description = "The draft to publish") @PathParam("id") UUID id) {
        return publication.publish(caller.get(), id).map(JobResource::accepted);
    }
}
