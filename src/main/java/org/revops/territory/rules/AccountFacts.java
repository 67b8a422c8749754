package org.revops.territory.rules;

import java.math.BigDecimal;

/**
 * The firmographics of an account that rules look at, as stored (any of them may be null: a null field never
 * satisfies a criterion on it).
 */
public record AccountFacts(String country, String region, String industry, String tier, String postalCode,
                           Integer employeeCount, BigDecimal annualRevenue) {
}
