package org.revops.lead.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Requests and responses of scoring models and lead scores. */
public final class ScoringDtos {
    static final String FORMULA = "Criteria on the same field are alternatives: the heaviest one that fires counts. "
            + "W is the sum over fields of their heaviest weight; score = round(100 × Σ counted weights / W), half up; "
            + "a reason's points are 100 × weight / W to one decimal. Grade A if score ≥ thresholds.A, B if ≥ B, "
            + "C if ≥ C, else D.";

    private ScoringDtos() {
    }

    @Schema(name = "ScoringCriterionInput", description = "A weighted condition on a lead field. equals takes value, "
            + "in takes values, range min and/or max (inclusive), recency days, present nothing.")
    @Input("ScoringCriterionInput")
    public record CriterionInput(
            @Schema(description = "A lead field: text (title, email, phone, company, companyDomain, industry, region, "
                    + "city, postalCode, campaign, partner, need: A–Z compare case-insensitively), choice (country, "
                    + "source, budgetStatus, authority, timeline: exact), number (annualRevenue, budgetAmount, in the "
                    + "lead's currency), whole number (employeeCount, visits, emailOpens, formFills, eventsAttended), "
                    + "instant (lastEngagedAt, createdAt)", example = "industry") String field,
            @Schema(enumeration = {"equals", "in", "range", "present", "recency"}, example = "in",
                    description = "text and choice: equals, in, present; numbers: equals, range, present (not for "
                            + "counters, which are never empty); instants: recency, present") String operator,
            @Schema(description = "equals: the value", example = "Software") String value,
            @Schema(description = "in: 1 to 100 values", example = "[\"Software\", \"Fintech\"]") List<String> values,
            @Schema(description = "range: lower bound, inclusive", example = "200") BigDecimal min,
            @Schema(description = "range: upper bound, inclusive", example = "5000") BigDecimal max,
            @Schema(description = "recency: the instant lies within this many days before the scoring time (1–3650)",
                    example = "14") Integer days,
            @Schema(description = "Points before normalisation, a whole number from 1 to 1000", example = "20")
            BigDecimal weight,
            @Schema(description = "What the reason says; defaults to a description of the criterion",
                    example = "Target industry") String label) {
    }

    @Schema(name = "GradeThresholds", description = "The lowest score of grades A, B and C (whole numbers 1–100, "
            + "decreasing from A to C); D is everything below C. Default A 80, B 60, C 40.")
    @Input("GradeThresholdsInput")
    @Type("GradeThresholds")
    public record Thresholds(
            @JsonProperty("A") @JsonbProperty("A") @Name("A") @Schema(example = "80") BigDecimal a,
            @JsonProperty("B") @JsonbProperty("B") @Name("B") @Schema(example = "60") BigDecimal b,
            @JsonProperty("C") @JsonbProperty("C") @Name("C") @Schema(example = "40") BigDecimal c) {
    }

    @Schema(name = "ScoringModelInput", description = "A rule-scoring model: weighted criteria and grade thresholds. "
            + FORMULA)
    @Input("ScoringModelInput")
    public record ScoringModelInput(
            @NotBlank @Size(max = 200) @Schema(example = "Fit and engagement") String name,
            @Size(max = 2000) @Schema(example = "ICP fit, BANT and recent engagement") String description,
            @Valid @Description("1 to 50 criteria") @Schema(description = "1 to 50 criteria, numbered from 0 in order")
            List<CriterionInput> criteria,
            @Schema(description = "Default A 80, B 60, C 40") Thresholds thresholds) {
    }

    @Schema(name = "ScoringModelCloneInput", description = "Name and description of the draft copy; both optional.")
    @Input("ScoringModelCloneInput")
    public record ScoringModelCloneInput(
            @Size(min = 1, max = 200) @Schema(description = "Defaults to the source's name + \" (copy)\"",
                    example = "Fit and engagement v2") String name,
            @Size(max = 2000) @Schema(description = "Defaults to the source's description") String description) {
    }

    @Schema(name = "ScoringCriterion", description = "A validated criterion: values trimmed and de-duplicated, bounds "
            + "normalised, the label filled in, and the points it gives (100 × weight / W, one decimal).")
    @Type("ScoringCriterion")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CriterionView(String field, String operator, String value, List<String> values, BigDecimal min,
                                BigDecimal max, Integer days, int weight, String label, BigDecimal points) {
    }

    @Schema(name = "ScoringModel", description = "A versioned scoring model. " + FORMULA)
    @Type("ScoringModel")
    public record ScoringModelView(
            UUID id, String name, String description,
            @Schema(enumeration = {"draft", "published", "retired"}) String state,
            @Schema(description = "The version: 1, 2, 3… in the order of publishing; null for a draft") Integer number,
            List<CriterionView> criteria, Thresholds thresholds,
            @Schema(description = "W: the most raw points a lead can collect (sum of each field's heaviest weight)")
            int maxWeight,
            @Schema(description = "The model this draft was copied from") UUID clonedFromId,
            OffsetDateTime publishedAt, UUID publishedBy, OffsetDateTime retiredAt, OffsetDateTime createdAt,
            OffsetDateTime updatedAt, long version) implements Versioned {
    }

    @Schema(name = "ScoreReason", description = "A criterion that counted towards a score.")
    @Type("ScoreReason")
    public record ScoreReasonView(
            @Schema(description = "The criterion's position in its model, from 0") int criterion,
            String field, String label,
            @Schema(description = "The criterion's weight") int weight,
            @Schema(description = "100 × weight / W, one decimal") BigDecimal points) {
    }

    @Schema(name = "LeadScore", description = "One change of a lead's rule score or grade.")
    @Type("LeadScore")
    public record LeadScoreView(
            UUID id, UUID leadId, UUID modelId,
            @Schema(description = "The model's number (version)") int modelVersion,
            int score, @Schema(enumeration = {"A", "B", "C", "D"}) String grade, List<ScoreReasonView> reasons,
            @Schema(description = "The score before; null when the lead had none") Integer previousScore,
            String previousGrade,
            @Schema(enumeration = {"publish", "write", "demand"}, description = "publish: a model was published; "
                    + "write: the lead was created or changed; demand: POST /api/v1/leads/{id}/score") String cause,
            @Schema(description = "The publish job, for cause publish") UUID jobId,
            OffsetDateTime scoredAt) {
    }

    @Schema(name = "LeadScoring", description = "The outcome of scoring one lead now.")
    @Type("LeadScoring")
    public record ScoreResultView(
            UUID leadId, UUID modelId, int modelVersion, int score,
            @Schema(enumeration = {"A", "B", "C", "D"}) String grade, List<ScoreReasonView> reasons,
            Integer previousScore, String previousGrade,
            @Schema(description = "Whether the score or grade changed (then a history row was written)")
            boolean changed, OffsetDateTime scoredAt) {
    }
}
