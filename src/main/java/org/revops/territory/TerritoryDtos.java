package org.revops.territory;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.revops.platform.rest.Versioned;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Requests and responses of territory models, territories, members and rules. */
public final class TerritoryDtos {
    public static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9._/-]{0,119}";

    private TerritoryDtos() {
    }

    @Schema(name = "TerritoryModelInput", description = "A version of the territory map; always created in planning.")
    @Input("TerritoryModelInput")
    public record TerritoryModelInput(
            @NotBlank @Size(max = 200) @Schema(example = "FY27 territories") String name,
            @Size(max = 2000) @Schema(example = "Splits DACH into enterprise and mid-market") String description) {
    }

    @Schema(name = "TerritoryModelCloneInput", description = "Name and description of the copy; both optional.")
    @Input("TerritoryModelCloneInput")
    public record TerritoryModelCloneInput(
            @Size(min = 1, max = 200) @Schema(description = "Defaults to the source's name + \" (copy)\"",
                    example = "FY27 territories, draft 2") String name,
            @Size(max = 2000) @Schema(description = "Defaults to the source's description") String description) {
    }

    @Schema(name = "TerritoryModel")
    @Type("TerritoryModel")
    public record TerritoryModelView(
            UUID id, String name, String description,
            @Schema(enumeration = {"planning", "active", "archived"}) String state,
            @Schema(description = "The model this one was cloned from") UUID clonedFromId,
            OffsetDateTime activatedAt, OffsetDateTime archivedAt,
            @Schema(description = "When the assignment engine last ran over the whole model") OffsetDateTime assignedAt,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }

    @Schema(name = "TerritoryInput", description = "A node of a model's hierarchy.")
    @Input("TerritoryInput")
    public record TerritoryInput(
            @NotNull @Schema(description = "The model; a territory stays in its model") UUID modelId,
            @Schema(description = "Parent territory in the same model; null for a root") UUID parentId,
            @NotBlank @Size(max = 200) @Schema(example = "DACH Enterprise") String name,
            @Pattern(regexp = CODE_PATTERN, message = "must start with a letter or digit and hold at most 120 "
                    + "letters, digits, '.', '_', '/' or '-'")
            @Schema(description = "Unique in the model; defaults to the parent's code + \"/\" + the name as a slug",
                    example = "emea/dach-enterprise") String code,
            @NotBlank @Size(max = 50) @Schema(description = "Free classification of the node", example = "segment")
            String type,
            @Size(max = 2000) String description,
            @Schema(description = "The territory's forecast manager") UUID ownerId,
            @Min(-1000000) @Max(1000000)
            @Schema(description = "Breaks ties between matching territories at the same depth: higher wins. Default 0",
                    example = "10") Integer priority) {
    }

    @Schema(name = "Territory")
    @Type("Territory")
    public record TerritoryView(UUID id, UUID modelId, UUID parentId, String name, String code, String type,
                                String description, UUID ownerId, int priority, OffsetDateTime createdAt,
                                OffsetDateTime updatedAt, long version) implements Versioned {
    }

    @Schema(name = "TerritoryMemberInput")
    @Input("TerritoryMemberInput")
    public record TerritoryMemberInput(
            @NotNull @Pattern(regexp = "owner|rep|overlay", message = "must be owner, rep or overlay")
            @Schema(enumeration = {"owner", "rep", "overlay"}, example = "rep") String role) {
    }

    @Schema(name = "TerritoryMember")
    @Type("TerritoryMember")
    public record TerritoryMemberView(UUID territoryId, UUID userId,
                                      @Schema(enumeration = {"owner", "rep", "overlay"}) String role,
                                      OffsetDateTime createdAt) {
    }

    @Schema(name = "CriterionInput", description = "One numbered condition on an account field.")
    @Input("CriterionInput")
    public record CriterionInput(
            @Schema(enumeration = {"country", "region", "industry", "tier", "postalCode", "employeeCount",
                    "annualRevenue"}, example = "country") String field,
            @Schema(enumeration = {"in", "startsWith", "between"}, example = "in") String operator,
            @Schema(description = "For in and startsWith", example = "[\"DE\", \"AT\", \"CH\"]") List<String> values,
            @Schema(description = "employeeCount / annualRevenue between: lower bound, inclusive") BigDecimal min,
            @Schema(description = "employeeCount / annualRevenue between: upper bound, inclusive") BigDecimal max,
            @Schema(description = "postalCode between: lower bound, inclusive") String from,
            @Schema(description = "postalCode between: upper bound, inclusive") String to) {
    }

    @Schema(name = "TerritoryRuleInput", description = "An assignment rule: criteria combined by an expression.")
    @Input("TerritoryRuleInput")
    public record TerritoryRuleInput(
            @NotBlank @Size(max = 200) @Schema(example = "DACH enterprise") String name,
            @Description("1 to 10 criteria, numbered 1..n in order")
            @Schema(description = "1 to 10 criteria, numbered 1..n in order") List<CriterionInput> criteria,
            @Schema(description = "Criterion numbers with AND, OR and parentheses; default: all criteria AND-ed",
                    example = "1 AND (2 OR 3)") String expression,
            @Schema(description = "Whether every descendant territory must also match this territory's inherited "
                    + "rules. Default false") Boolean inherited,
            @Min(0) @Schema(description = "Order among the territory's rules; default: after the last") Integer position) {
    }

    @Schema(name = "Criterion")
    @Type("Criterion")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CriterionView(String field, String operator, List<String> values, BigDecimal min, BigDecimal max,
                                String from, String to) {
    }

    @Schema(name = "TerritoryRule")
    @Type("TerritoryRule")
    public record TerritoryRuleView(
            UUID id, UUID territoryId, UUID modelId, String name, int position, List<CriterionView> criteria,
            String expression,
            @Schema(description = "The compiled expression: character m is 1 when the expression holds with exactly "
                    + "the criteria whose bits are set in m true (criterion k is bit k-1)") String truthTable,
            boolean inherited, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) implements Versioned {
    }
}
