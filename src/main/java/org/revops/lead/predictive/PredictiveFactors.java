package org.revops.lead.predictive;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Why a lead got its predictive score: the lead's field values that argue most for and against a win. */
@Schema(name = "PredictiveFactors", description = "The top three field values arguing for a win (largest weight "
        + "first) and against it (most negative first); weight = the value's log-likelihood ratio in the model.")
@Type("PredictiveFactors")
public record PredictiveFactors(List<Factor> positive, List<Factor> negative) {

    /**
     * One factor. A class rather than a record so that a lead's CSV keeps one line per lead: the CSV writer explodes
     * lists of records into lines, and writes other lists as one cell, each factor as {@link #toString()}.
     */
    @Schema(name = "PredictiveFactor")
    @Type("PredictiveFactor")
    public static final class Factor {
        private final String field;
        private final String value;
        private final BigDecimal weight;

        public Factor(String field, String value, BigDecimal weight) {
            this.field = field;
            this.value = value;
            this.weight = weight;
        }

        @Schema(description = "The lead field (JSON name)", example = "source")
        public String getField() {
            return field;
        }

        @Schema(description = "The lead's value of it; numbers as their band", example = "partner-referral")
        public String getValue() {
            return value;
        }

        @Schema(description = "Log-likelihood ratio: > 0 argues for a win, < 0 against", example = "1.387")
        public BigDecimal getWeight() {
            return weight;
        }

        /** {@code source=partner-referral (+1.387)}: the CSV cell form. */
        @Override
        public String toString() {
            return field + "=" + value + " (" + (weight.signum() > 0 ? "+" : "") + weight.toPlainString() + ")";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Factor f && f.field.equals(field) && f.value.equals(value)
                    && f.weight.compareTo(weight) == 0;
        }

        @Override
        public int hashCode() {
            return field.hashCode() * 31 + value.hashCode();
        }
    }

    /** The stored jsonb ({@code {"positive": [{field, value, weight}], "negative": [...]}}); null stays null. */
    public static PredictiveFactors from(JsonObject stored) {
        return stored == null ? null : new PredictiveFactors(factors(stored.getJsonArray("positive")),
                factors(stored.getJsonArray("negative")));
    }

    private static List<Factor> factors(JsonArray stored) {
        List<Factor> factors = new ArrayList<>();
        if (stored != null) {
            for (Object entry : stored) {
                JsonObject factor = (JsonObject) entry;
                factors.add(new Factor(factor.getString("field"), factor.getString("value"),
                        new BigDecimal(factor.getValue("weight").toString())));
            }
        }
        return factors;
    }
}
