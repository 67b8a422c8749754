package org.revops.forecast;

import java.math.BigDecimal;

/** The deals of one forecast category: how many, their amount and their amount weighted by probability. */
public record CategoryAmounts(long count, BigDecimal amount, BigDecimal weighted) {
    public static final CategoryAmounts NONE = new CategoryAmounts(0, BigDecimal.ZERO, BigDecimal.ZERO);

    public CategoryAmounts plus(CategoryAmounts other) {
        return new CategoryAmounts(count + other.count, amount.add(other.amount), weighted.add(other.weighted));
    }
}
