package org.revops.lead.predictive;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Requests and responses of predictive models. */
public final class PredictiveDtos {
    private PredictiveDtos() {
    }

    @Schema(name = "PredictiveTrainingInput", description = "What to learn from. Both fields are optional: all fields, "
            + "and the configured window (730 days unless changed), by default.")
    @Input("PredictiveTrainingInput")
    @Description("What to learn from; all fields and the configured window by default.")
    public record TrainingInput(
            @Schema(description = "Lead fields to learn from (JSON names): source, campaign, industry, country, region, "
                    + "budgetStatus, authority, timeline, employeeCount, annualRevenue, budgetAmount, visits, emailOpens, "
                    + "formFills, eventsAttended, daysSinceLastEngaged. Numbers are learned as bands.",
                    example = "[\"source\", \"authority\", \"budgetStatus\", \"timeline\"]") List<String> fields,
            @Schema(description = "Learn from leads created within this many days (1–3650)", example = "365")
            Integer windowDays) {
    }

    @Schema(name = "PredictiveModel", description = "A naive-Bayes model learned from the workspace's won and lost "
            + "leads. active: its scores are on the open leads; retired: replaced by a newer one; refused: too little "
            + "history, nothing learned (see refusal).")
    @Type("PredictiveModel")
    public record PredictiveModelView(
            UUID id,
            @Schema(enumeration = {"active", "retired", "refused"}) String state,
            @Schema(description = "The lead fields it learned from") List<String> fields,
            int windowDays,
            @Schema(description = "Leads created from this instant on were learned from") OffsetDateTime windowFrom,
            History history, Thresholds thresholds,
            @Schema(description = "Why nothing was learned; null unless refused") String refusal,
            @Schema(description = "Quality on the held-out leads; null unless trained") Quality quality,
            @Schema(description = "ln((won + 1) / (lost + 1)) over the training leads; null unless trained")
            Double priorLogOdds,
            @Schema(description = "Open leads scored when it was trained; null unless trained") Integer scoredLeads,
            @Schema(description = "The training job") UUID jobId, UUID createdBy, OffsetDateTime createdAt,
            OffsetDateTime retiredAt, long version) implements Versioned {
    }

    @Schema(name = "PredictiveModelHistory", description = "The closed leads in the window: won (converted, deal won) "
            + "and lost (disqualified, or converted and deal lost), split by id into training and held-out leads.")
    @Type("PredictiveModelHistory")
    public record History(long closedLeads, long wonLeads, long lostLeads, long trainingLeads, long trainingWon,
                          long heldOutLeads, long heldOutWon) {
    }

    @Schema(name = "PredictiveModelThresholds", description = "The history training needed, and the held-out share, "
            + "as configured when it ran (revops.predictive.*).")
    @Type("PredictiveModelThresholds")
    public record Thresholds(int minClosedLeads, int minWonLeads, int minLostLeads, int heldOutPercent) {
    }

    @Schema(name = "PredictiveModelQuality", description = "How well it predicts leads it did not learn from.")
    @Type("PredictiveModelQuality")
    public record Quality(
            @Schema(description = "Area under the ROC curve on the held-out leads (0.5: a coin toss; 1: perfect); "
                    + "null when they lack a won or a lost lead") BigDecimal auc,
            @Schema(description = "The held-out leads ranked by prediction and cut in ten groups of about a tenth "
                    + "(lowest first); equal predictions stay in one group, so some groups may be empty")
            List<CalibrationDecile> calibration) {
    }

    @Schema(name = "CalibrationDecile", description = "One tenth of the held-out leads: mean predicted win "
            + "probability beside the observed win rate (fractions 0–1).")
    @Type("CalibrationDecile")
    public record CalibrationDecile(int decile, long leads, BigDecimal predictedMean, BigDecimal observedWinRate) {
    }

    @Schema(name = "PredictiveWeight", description = "A row of a model's frequency table: training leads won and lost "
            + "with this value, and its weight (log-likelihood ratio: > 0 argues for a win).")
    @Type("PredictiveWeight")
    public record WeightView(UUID id, String field, String value, long won, long lost, BigDecimal weight) {
    }
}
