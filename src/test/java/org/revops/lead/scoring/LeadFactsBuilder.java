package org.revops.lead.scoring;

import java.math.BigDecimal;
import java.time.Instant;

/** Builds {@link LeadFacts} for tests: every field empty (counters 0) unless set. */
final class LeadFactsBuilder {
    String title;
    String email;
    String phone;
    String company;
    String companyDomain;
    String industry;
    Integer employeeCount;
    BigDecimal annualRevenue;
    String country;
    String region;
    String city;
    String postalCode;
    String source = "web-form";
    String campaign;
    String partner;
    BigDecimal budgetAmount;
    String budgetStatus;
    String authority;
    String need;
    String timeline;
    int visits;
    int emailOpens;
    int formFills;
    int eventsAttended;
    Instant lastEngagedAt;
    Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");

    static LeadFactsBuilder lead() {
        return new LeadFactsBuilder();
    }

    LeadFactsBuilder industry(String value) {
        industry = value;
        return this;
    }

    LeadFactsBuilder employees(Integer value) {
        employeeCount = value;
        return this;
    }

    LeadFactsBuilder revenue(String value) {
        annualRevenue = value == null ? null : new BigDecimal(value);
        return this;
    }

    LeadFactsBuilder country(String value) {
        country = value;
        return this;
    }

    LeadFactsBuilder source(String value) {
        source = value;
        return this;
    }

    LeadFactsBuilder authority(String value) {
        authority = value;
        return this;
    }

    LeadFactsBuilder email(String value) {
        email = value;
        return this;
    }

    LeadFactsBuilder visits(int value) {
        visits = value;
        return this;
    }

    LeadFactsBuilder engaged(Instant value) {
        lastEngagedAt = value;
        return this;
    }

    LeadFactsBuilder created(Instant value) {
        createdAt = value;
        return this;
    }

    LeadFacts build() {
        return new LeadFacts(title, email, phone, company, companyDomain, industry, employeeCount, annualRevenue,
                country, region, city, postalCode, source, campaign, partner, budgetAmount, budgetStatus, authority,
                need, timeline, visits, emailOpens, formFills, eventsAttended, lastEngagedAt, createdAt);
    }
}
