package org.revops.lead.predictive;

import java.util.UUID;

/**
 * The deterministic split between the leads a model learns from and the leads its quality is measured on: a lead is
 * held out when the last two bytes of its id, read as an unsigned number, modulo 100 fall below the held-out
 * percentage. Ids are random, so about that share of the leads is held out, and the same lead always falls on the
 * same side, in Java ({@link #isHeldOut}) and in SQL ({@link #sql}) alike.
 */
public final class HeldOut {
    private HeldOut() {
    }

    public static boolean isHeldOut(UUID id, int percent) {
        return (id.getLeastSignificantBits() & 0xFFFF) % 100 < percent;
    }

    /** The same predicate in SQL over the uuid column {@code id} and the integer parameter {@code percent}. */
    static String sql(String id, String percent) {
        return "((get_byte(uuid_send(%1$s), 14) * 256 + get_byte(uuid_send(%1$s), 15)) %% 100 < %2$s)"
                .formatted(id, percent);
    }
}
