package org.revops.opportunity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.opportunity.OpportunityDtos.OpportunityInput;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.security.Caller;
import org.revops.platform.write.MergePatch;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Deals made by lead conversion. They are created like any deal (same checks, same history), but inside the
 * conversion's Hibernate transaction, where the deal's account may itself be new: so the stage is read through that
 * transaction's session rather than the reactive client, which would not see the uncommitted account.
 */
@ApplicationScoped
public class ConvertedDeals {
    private static final String STAGE = """
            SELECT s.pipeline_id, s.probability, s.forecast_category, s.is_closed, s.is_won
            FROM stages s WHERE s.workspace_id = ?1 AND s.id = ?2""";

    private final OpportunityService opportunities;
    private final MergePatch mergePatch;

    public ConvertedDeals(OpportunityService opportunities, MergePatch mergePatch) {
        this.opportunities = opportunities;
        this.mergePatch = mergePatch;
    }

    /**
     * Creates the deal of a converted lead in the current transaction: 422 on {@code opportunity.stageId} unless it is
     * an open stage of the input's pipeline. The converter has checked owner, account and contact; {@code leadId}
     * records which lead the deal came from.
     */
    public Uni<UUID> create(Caller caller, OpportunityInput input, UUID ownerId, String currency, UUID leadId) {
        mergePatch.validate(input);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(STAGE)
                        .setParameter(1, caller.workspaceId()).setParameter(2, input.stageId()).getResultList())
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiProblem.invalid("opportunity.stageId", "no such stage in this workspace");
                    }
                    Object[] row = (Object[]) rows.get(0);
                    StageFacts stage = new StageFacts(input.stageId(), (UUID) row[0], (BigDecimal) row[1],
                            ForecastCategory.valueOf((String) row[2]), (Boolean) row[3], (Boolean) row[4]);
                    if (!stage.pipelineId().equals(input.pipelineId())) {
                        throw ApiProblem.invalid("opportunity.stageId", "is not a stage of the pipeline");
                    }
                    if (stage.closed()) {
                        throw ApiProblem.invalid("opportunity.stageId", "is a closed stage: a new deal starts open");
                    }
                    return opportunities.persistNew(caller, input, ownerId, stage, currency, leadId);
                });
    }
}
