package org.revops.lead.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The lead fields a scoring criterion may look at: their JSON name, their {@code leads} column, their kind (which
 * decides the operators) and, for choices, the values they take. The Java scorer reads them from {@link LeadFacts},
 * the SQL scorer from the column; both must agree, see {@link ScoringCriterion}.
 */
public enum ScoringField {
    TITLE("title", "title", Kind.TEXT, true, LeadFacts::title),
    EMAIL("email", "email", Kind.TEXT, true, LeadFacts::email),
    PHONE("phone", "phone", Kind.TEXT, true, LeadFacts::phone),
    COMPANY("company", "company", Kind.TEXT, true, LeadFacts::company),
    COMPANY_DOMAIN("companyDomain", "company_domain", Kind.TEXT, true, LeadFacts::companyDomain),
    INDUSTRY("industry", "industry", Kind.TEXT, true, LeadFacts::industry),
    EMPLOYEE_COUNT("employeeCount", "employee_count", Kind.WHOLE_NUMBER, true, LeadFacts::employeeCount),
    ANNUAL_REVENUE("annualRevenue", "annual_revenue", Kind.NUMBER, true, LeadFacts::annualRevenue),
    COUNTRY("country", "country", Kind.CHOICE, true, LeadFacts::country),
    REGION("region", "region", Kind.TEXT, true, LeadFacts::region),
    CITY("city", "city", Kind.TEXT, true, LeadFacts::city),
    POSTAL_CODE("postalCode", "postal_code", Kind.TEXT, true, LeadFacts::postalCode),
    SOURCE("source", "source", Kind.CHOICE, false, LeadFacts::source,
            "web-form", "trade-show", "partner-referral", "campaign", "outbound", "other"),
    CAMPAIGN("campaign", "campaign", Kind.TEXT, true, LeadFacts::campaign),
    PARTNER("partner", "partner", Kind.TEXT, true, LeadFacts::partner),
    BUDGET_AMOUNT("budgetAmount", "budget_amount", Kind.NUMBER, true, LeadFacts::budgetAmount),
    BUDGET_STATUS("budgetStatus", "budget_status", Kind.CHOICE, true, LeadFacts::budgetStatus,
            "none", "indicative", "approved"),
    AUTHORITY("authority", "authority", Kind.CHOICE, true, LeadFacts::authority,
            "user", "influencer", "decision-maker", "economic-buyer"),
    NEED("need", "need", Kind.TEXT, true, LeadFacts::need),
    TIMELINE("timeline", "timeline", Kind.CHOICE, true, LeadFacts::timeline,
            "now", "this-quarter", "next-quarter", "this-year", "later"),
    VISITS("visits", "visits", Kind.WHOLE_NUMBER, false, LeadFacts::visits),
    EMAIL_OPENS("emailOpens", "email_opens", Kind.WHOLE_NUMBER, false, LeadFacts::emailOpens),
    FORM_FILLS("formFills", "form_fills", Kind.WHOLE_NUMBER, false, LeadFacts::formFills),
    EVENTS_ATTENDED("eventsAttended", "events_attended", Kind.WHOLE_NUMBER, false, LeadFacts::eventsAttended),
    LAST_ENGAGED_AT("lastEngagedAt", "last_engaged_at", Kind.INSTANT, true, LeadFacts::lastEngagedAt),
    CREATED_AT("createdAt", "created_at", Kind.INSTANT, false, LeadFacts::createdAt);

    /** What a field holds, which decides the operators that apply to it. */
    public enum Kind {
        /** Free text, compared with A–Z folded to a–z (other characters exactly). */
        TEXT("text", List.of("equals", "in", "present")),
        /** One of a fixed set of codes, compared exactly. */
        CHOICE("a choice", List.of("equals", "in", "present")),
        /** A decimal amount (in the lead's own currency; no conversion). */
        NUMBER("a number", List.of("equals", "range", "present")),
        /** A count: whole numbers only. */
        WHOLE_NUMBER("a whole number", List.of("equals", "range", "present")),
        /** An instant, compared with the scoring time. */
        INSTANT("an instant", List.of("recency", "present"));

        final String description;
        final List<String> operators;

        Kind(String description, List<String> operators) {
            this.description = description;
            this.operators = operators;
        }
    }

    static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    private final String jsonName;
    private final String column;
    private final Kind kind;
    private final boolean nullable;
    private final Function<LeadFacts, Object> reader;
    private final Set<String> choices;
    private final List<String> choiceOrder;

    ScoringField(String jsonName, String column, Kind kind, boolean nullable, Function<LeadFacts, Object> reader,
                 String... choices) {
        this.jsonName = jsonName;
        this.column = column;
        this.kind = kind;
        this.nullable = nullable;
        this.reader = reader;
        this.choiceOrder = List.of(choices);
        this.choices = Set.of(choices);
    }

    public String jsonName() {
        return jsonName;
    }

    /** The {@code leads} column; a constant of this enum, never client input. */
    public String column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the column can be empty; {@code present} applies only to those. */
    public boolean nullable() {
        return nullable;
    }

    /** The operators that apply, in the order messages list them. */
    public List<String> operators() {
        return nullable ? kind.operators : kind.operators.stream().filter(o -> !o.equals("present")).toList();
    }

    Object read(LeadFacts lead) {
        return reader.apply(lead);
    }

    /** Null when {@code value} is a valid choice of this field, otherwise why not. */
    String refuseChoice(String value) {
        if (this == COUNTRY) {
            return COUNTRY_CODE.matcher(value).matches() ? null
                    : "'" + value + "' is not an ISO 3166-1 alpha-2 code such as DE";
        }
        return choices.contains(value) ? null
                : "'" + value + "' is not a " + jsonName + ": use " + String.join(", ", choiceOrder);
    }

    public static Optional<ScoringField> byJsonName(String name) {
        return Arrays.stream(values()).filter(f -> f.jsonName.equals(name)).findFirst();
    }

    /** Every JSON name, for messages and the API description. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ScoringField::jsonName).toList());
    }
}
