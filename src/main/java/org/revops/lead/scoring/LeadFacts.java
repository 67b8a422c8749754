package org.revops.lead.scoring;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The values of a lead that a scoring model reads, as stored in {@code leads} (any may be null except the counters,
 * source and createdAt). The Java scorer's input; the SQL scorer reads the same columns.
 */
public record LeadFacts(String title, String email, String phone, String company, String companyDomain,
                        String industry, Integer employeeCount, BigDecimal annualRevenue, String country,
                        String region, String city, String postalCode, String source, String campaign,
                        String partner, BigDecimal budgetAmount, String budgetStatus, String authority,
                        String need, String timeline, Integer visits, Integer emailOpens, Integer formFills,
                        Integer eventsAttended, Instant lastEngagedAt, Instant createdAt) {
}
