package org.revops.forecast;

import io.vertx.mutiny.sqlclient.Row;
import org.revops.forecast.ForecastQueries.Grouping;
import org.revops.opportunity.ForecastCategory;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregated deals of a period as {@link ForecastQueries#facts} returns them: per grouping, per key (an owner,
 * territory or stage id, a month; {@code null} for deals without a territory), the amounts per category in the
 * workspace currency, and per currency the deals that could not be converted.
 */
final class ForecastFacts {
    private final Map<Grouping, Map<Object, Map<ForecastCategory, CategoryAmounts>>> amounts = new EnumMap<>(Grouping.class);
    private final Map<Grouping, Map<String, Unconverted>> unconverted = new EnumMap<>(Grouping.class);

    /** Deals in a currency without a rate on their close date: how many and their amount in that currency. */
    record Unconverted(String currency, long deals, BigDecimal amount) {
        Unconverted plus(long moreDeals, BigDecimal moreAmount) {
            return new Unconverted(currency, deals + moreDeals, amount.add(moreAmount));
        }
    }

    static final Object NO_KEY = "none";

    private final java.util.Set<Grouping> included;

    ForecastFacts(java.util.Set<Grouping> included) {
        this.included = included;
    }

    void add(Row row) {
        int bits = row.getInteger("grouping_set");
        for (Grouping grouping : Grouping.values()) {
            if (!included.contains(grouping) || grouping.bits(included) != bits) {
                continue;
            }
            String currency = row.getString("unconverted");
            long deals = row.getLong("deals");
            if (currency != null) {
                unconverted.computeIfAbsent(grouping, g -> new TreeMap<>())
                        .merge(currency, new Unconverted(currency, deals, row.getBigDecimal("original")),
                                (a, b) -> a.plus(b.deals(), b.amount()));
                return;
            }
            Object key = switch (grouping) {
                case OWNER -> row.getUUID("owner_id");
                case TERRITORY -> row.getUUID("territory_id");
                case STAGE -> row.getUUID("stage_id");
                case MONTH -> row.getString("month");
            };
            amounts.computeIfAbsent(grouping, g -> new LinkedHashMap<>())
                    .computeIfAbsent(key == null ? NO_KEY : key, k -> new EnumMap<>(ForecastCategory.class))
                    .merge(ForecastCategory.valueOf(row.getString("category")),
                            new CategoryAmounts(deals, row.getBigDecimal("amount"), row.getBigDecimal("weighted")),
                            CategoryAmounts::plus);
            return;
        }
    }

    /** Amounts per key of a grouping ({@link #NO_KEY} for deals without a territory). */
    @SuppressWarnings("unchecked")
    <K> Map<K, Map<ForecastCategory, CategoryAmounts>> by(Grouping grouping) {
        return (Map<K, Map<ForecastCategory, CategoryAmounts>>) (Map<?, ?>) amounts.getOrDefault(grouping, Map.of());
    }

    /** The unconverted deals, counted once: from the grouping that covers every deal of the scope. */
    java.util.List<Unconverted> unconverted(Grouping grouping) {
        return java.util.List.copyOf(unconverted.getOrDefault(grouping, Map.of()).values());
    }
}
