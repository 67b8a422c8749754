package org.revops.lead.predictive;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lead fields a predictive model may learn from, and how each becomes a categorical value: categorical fields
 * as they are (a missing value is a value of its own, e.g. "(unknown)": not knowing the authority says something),
 * numeric fields as the band they fall in ({@code [lower bound, next lower bound)}; below the first bound counts as
 * the first band). The value a lead has for a field is computed in SQL ({@link #sql}) for training and scoring; the
 * Java {@link #valueFor} is the same rule, and a test holds the two together.
 *
 * <p>{@code daysSinceLastEngaged} is measured at the moment that matters: for a closed lead when it closed
 * (converted_at, or the last update of a disqualified lead), for an open lead now.
 */
public enum PredictiveField {
    SOURCE("source", "source", "(unknown)"),
    CAMPAIGN("campaign", "campaign", "(none)"),
    INDUSTRY("industry", "industry", "(unknown)"),
    COUNTRY("country", "country", "(unknown)"),
    REGION("region", "region", "(unknown)"),
    BUDGET_STATUS("budgetStatus", "budget_status", "(unknown)"),
    AUTHORITY("authority", "authority", "(unknown)"),
    TIMELINE("timeline", "timeline", "(unknown)"),
    EMPLOYEE_COUNT("employeeCount", "employee_count", "(unknown)",
            band(0, "0-9"), band(10, "10-49"), band(50, "50-199"), band(200, "200-999"), band(1000, "1000-4999"),
            band(5000, "5000+")),
    ANNUAL_REVENUE("annualRevenue", "annual_revenue", "(unknown)",
            band(0, "<1M"), band(1_000_000, "1M-10M"), band(10_000_000, "10M-100M"),
            band(100_000_000, "100M-1B"), band(1_000_000_000, "1B+")),
    BUDGET_AMOUNT("budgetAmount", "budget_amount", "(unknown)",
            band(0, "<10k"), band(10_000, "10k-50k"), band(50_000, "50k-250k"), band(250_000, "250k-1M"),
            band(1_000_000, "1M+")),
    VISITS("visits", "visits", "(unknown)", Bands.COUNTS),
    EMAIL_OPENS("emailOpens", "email_opens", "(unknown)", Bands.COUNTS),
    FORM_FILLS("formFills", "form_fills", "(unknown)", Bands.COUNTS),
    EVENTS_ATTENDED("eventsAttended", "events_attended", "(unknown)", Bands.COUNTS),
    DAYS_SINCE_LAST_ENGAGED("daysSinceLastEngaged", null, "never",
            band(0, "0-7"), band(8, "8-30"), band(31, "31-90"), band(91, "91+"));

    /** A band: values from {@code lower} (inclusive) up to the next band's lower bound. */
    public record Band(BigDecimal lower, String label) {
    }

    private static final class Bands {
        static final Band[] COUNTS = {band(0, "0"), band(1, "1-2"), band(3, "3-5"), band(6, "6-10"), band(11, "11+")};
    }

    private final String jsonName;
    private final String column;
    private final String missing;
    private final List<Band> bands;

    PredictiveField(String jsonName, String column, String missing, Band... bands) {
        this.jsonName = jsonName;
        this.column = column;
        this.missing = missing;
        this.bands = List.of(bands);
    }

    private static Band band(long lower, String label) {
        return new Band(BigDecimal.valueOf(lower), label);
    }

    /** The field's name in the API (the lead's JSON name). */
    public String jsonName() {
        return jsonName;
    }

    public boolean banded() {
        return !bands.isEmpty();
    }

    public List<Band> bands() {
        return bands;
    }

    /** The value standing for "no value". */
    public String missing() {
        return missing;
    }

    public static Optional<PredictiveField> byName(String jsonName) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equals(jsonName)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(PredictiveField::jsonName).toList();
    }

    /**
     * The categorical value of a raw field value: the value itself, its band, or {@link #missing()} for null.
     * {@code raw} is a String for categorical fields and a number for banded ones (days for daysSinceLastEngaged).
     */
    public String valueFor(Object raw) {
        if (raw == null) {
            return missing;
        }
        if (!banded()) {
            return raw.toString();
        }
        BigDecimal number = new BigDecimal(raw.toString());
        String label = bands.get(0).label();
        for (Band band : bands) {
            if (number.compareTo(band.lower()) >= 0) {
                label = band.label();
            }
        }
        return label;
    }

    /**
     * The SQL expression of this field's value for the lead row {@code alias}; {@code referenceAt} is the SQL of the
     * instant "days since last engaged" counts to. Every literal comes from this enum, never from a request.
     */
    public String sql(String alias, String referenceAt) {
        String raw = this == DAYS_SINCE_LAST_ENGAGED
                ? "floor(extract(epoch FROM (" + referenceAt + " - " + alias + ".last_engaged_at)) / 86400)"
                : alias + "." + column;
        if (!banded()) {
            return "coalesce(" + raw + ", '" + missing + "')";
        }
        StringBuilder sql = new StringBuilder("CASE WHEN ").append(raw).append(" IS NULL THEN '").append(missing)
                .append("'");
        for (int i = bands.size() - 1; i > 0; i--) {
            sql.append(" WHEN ").append(raw).append(" >= ").append(bands.get(i).lower().toPlainString())
                    .append(" THEN '").append(bands.get(i).label()).append("'");
        }
        return sql.append(" ELSE '").append(bands.get(0).label()).append("' END").toString();
    }

    /**
     * Every field's (name, value) pair of lead row {@code alias}, as a set-returning FROM item
     * {@code unnest(ARRAY[names], ARRAY[values]) AS f(field, value)} to put after {@code CROSS JOIN LATERAL}.
     */
    public static String pairs(String alias, String referenceAt) {
        String names = Arrays.stream(values()).map(f -> "'" + f.jsonName + "'").collect(Collectors.joining(", "));
        String values = Arrays.stream(values()).map(f -> f.sql(alias, referenceAt))
                .collect(Collectors.joining(",\n    "));
        return "unnest(ARRAY[" + names + "]::text[],\n  ARRAY[" + values + "]::text[]) AS f(field, value)";
    }
}
