package org.revops.lead.scoring;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.revops.lead.LeadDtos.LeadView;
import org.revops.lead.scoring.ScoringDtos.CriterionInput;
import org.revops.lead.scoring.ScoringDtos.LeadScoreView;
import org.revops.lead.scoring.ScoringDtos.ScoreReasonView;
import org.revops.lead.scoring.ScoringDtos.ScoreResultView;
import org.revops.lead.scoring.ScoringDtos.ScoringModelCloneInput;
import org.revops.lead.scoring.ScoringDtos.ScoringModelInput;
import org.revops.lead.scoring.ScoringDtos.ScoringModelView;
import org.revops.lead.scoring.ScoringDtos.Thresholds;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.graphql.GraphQLSupport;
import org.revops.platform.graphql.PageInfo;
import org.revops.platform.graphql.UserError;
import org.revops.platform.job.JobView;
import org.revops.platform.security.CurrentCaller;
import org.revops.platform.security.RequiresScope;

import java.util.List;
import java.util.UUID;

/** GraphQL door to scoring models and lead scores, over the same services as REST. */
@RequiresScope("leads:admin")
@GraphQLApi
public class ScoringGraphQL {
    static final int MAX_SCORES = 100;

    private final ScoringModelService models;
    private final ScoringPublication publication;
    private final LeadScoring scoring;
    private final LeadScoreHistory history;
    private final CurrentCaller caller;

    public ScoringGraphQL(ScoringModelService models, ScoringPublication publication, LeadScoring scoring,
                          LeadScoreHistory history, CurrentCaller caller) {
        this.models = models;
        this.publication = publication;
        this.scoring = scoring;
        this.history = history;
        this.caller = caller;
    }

    public record ScoringModelEdge(@NonNull ScoringModelView node, @NonNull String cursor) {
    }

    public record ScoringModelConnection(@NonNull List<@NonNull ScoringModelEdge> edges, @NonNull PageInfo pageInfo) {
    }

    public record ScoringModelPayload(ScoringModelView scoringModel, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record ScoringModelDeletePayload(UUID deletedId, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record PublishScoringModelPayload(JobView job, @NonNull List<@NonNull UserError> userErrors) {
    }

    public record ScoreLeadPayload(ScoreResultView scoring, @NonNull List<@NonNull UserError> userErrors) {
    }

    @Input("ScoringModelFilter")
    @Description("The same filters as GET /api/v1/scoring-models; list fields are OR-ed.")
    public record ScoringModelFilter(List<UUID> id, List<String> state, String q) {
    }

    @Input("ScoringModelPatch")
    @Description("Fields to change; omitted fields stay. criteria replaces the list; thresholds merge by grade.")
    public record ScoringModelPatch(String name, String description, List<CriterionInput> criteria,
                                    Thresholds thresholds) {
    }

    @Query("scoringModels")
    @Description("Scoring models as a Relay connection (admins, managers, read-only). `sort` as in REST.")
    public Uni<ScoringModelConnection> list(@Name("filter") ScoringModelFilter filter, @Name("sort") String sort,
                                            @Name("first") Integer first, @Name("after") String after) {
        return models.list(caller.get(), GraphQLSupport.listRequest(ScoringModelService.LIST, filter, sort, first,
                        after))
                .map(slice -> GraphQLSupport.connection(slice, ScoringModelEdge::new, ScoringModelConnection::new));
    }

    @Query("scoringModel")
    public Uni<ScoringModelView> get(@NonNull @Name("id") UUID id) {
        return models.get(caller.get(), id);
    }

    @Mutation("createScoringModel")
    @Description("A new draft, validated as a whole; problems come back as userErrors naming criteria[i].field etc.")
    public Uni<ScoringModelPayload> create(@NonNull @Name("input") ScoringModelInput input) {
        return GraphQLSupport.payload(() -> models.create(caller.get(), input), ScoringModelPayload::new);
    }

    @Mutation("updateScoringModel")
    @Description("Changes a draft (published and retired models do not change).")
    public Uni<ScoringModelPayload> update(@NonNull @Name("id") UUID id, @NonNull @Name("patch") ScoringModelPatch patch,
                                           @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> models.update(caller.get(), id, expectedVersion,
                GraphQLSupport.patchOf(patch)), ScoringModelPayload::new);
    }

    @Mutation("deleteScoringModel")
    @Description("Deletes a draft.")
    public Uni<ScoringModelDeletePayload> delete(@NonNull @Name("id") UUID id,
                                                 @Name("expectedVersion") Long expectedVersion) {
        return GraphQLSupport.payload(() -> models.delete(caller.get(), id, expectedVersion).replaceWith(id),
                ScoringModelDeletePayload::new);
    }

    @Mutation("cloneScoringModel")
    @Description("A new draft with the criteria and thresholds of any model.")
    public Uni<ScoringModelPayload> cloneModel(@NonNull @Name("id") UUID id,
                                               @Name("input") ScoringModelCloneInput input) {
        return GraphQLSupport.payload(() -> models.cloneModel(caller.get(), id, input), ScoringModelPayload::new);
    }

    @Mutation("publishScoringModel")
    @Description("Starts the job that re-scores every open lead and publishes the draft; poll `job(id)`.")
    public Uni<PublishScoringModelPayload> publish(@NonNull @Name("id") UUID id) {
        return GraphQLSupport.payload(() -> publication.publish(caller.get(), id), PublishScoringModelPayload::new);
    }

    @RequiresScope("leads:write")
    @Mutation("scoreLead")
    @Description("Scores a lead now with the published model.")
    public Uni<ScoreLeadPayload> scoreLead(@NonNull @Name("id") UUID id) {
        return GraphQLSupport.payload(() -> scoring.scoreNow(caller.get(), id), ScoreLeadPayload::new);
    }

    @Description("The lead's latest score changes, newest first (at most 100).")
    public Uni<List<List<LeadScoreView>>> scores(@Source List<LeadView> leads,
                                                 @Name("first") @DefaultValue("10") int first) {
        if (first < 1 || first > MAX_SCORES) {
            throw ApiProblem.badRequest("first", "must be between 1 and " + MAX_SCORES);
        }
        return history.latest(caller.get(), leads.stream().map(LeadView::id).toList(), first);
    }

    @Description("The criteria that counted towards the lead's rule score, with their points.")
    public List<@NonNull ScoreReasonView> scoreReasons(@Source LeadView lead) {
        return ScoreReasons.of(lead.scoreReasons());
    }
}
