package org.revops.lead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who of a pool of reps takes the next lead: a weighted round robin with capacity, run over a batch of leads with
 * the reps' loads kept in memory between them (the caller holds the reps' locks, so nobody else changes the loads).
 *
 * <p>Rep i has a capacity c<sub>i</sub> (the most leads routed to them in 30 days) and a load n<sub>i</sub> (leads
 * routed to them in the last 30 days). A rep is <b>eligible</b> when they have not opted out and n<sub>i</sub> &lt;
 * c<sub>i</sub>. Of a pool's eligible reps the lead goes to the one whose load after taking it is lowest:
 * <pre>
 *   argmin (n_i + 1) / c_i      then the rep routed to least recently (never before first), then the lowest id
 * </pre>
 * This is D'Hondt apportionment dealt one lead at a time. From empty loads, after k leads no rep is a whole lead
 * behind its share k·c<sub>i</sub>/Σc (D'Hondt's lower quota: n<sub>i</sub> &gt; k·c<sub>i</sub>/Σc − 1), so after
 * Σc leads each rep has exactly c<sub>i</sub>; with equal capacities it is a plain round robin (equal loads, so the
 * least recently routed goes next). A rep who starts with a higher load waits until the others catch up.
 *
 * <p>A lead comes with a chain of pools: its territory's reps, then each parent territory's, up to the root (or one
 * pool of the workspace's reps). The first pool with an eligible rep takes it; when none has one, the lead is
 * unroutable and waits in the queue. Every decision carries a reason a person can read.
 */
public final class LeadRouter {
    /** Rule codes as stored with each routing event. */
    public static final String TERRITORY = "territory";
    public static final String PARENT_TERRITORY = "parent-territory";
    public static final String WORKSPACE_POOL = "workspace-pool";
    public static final String UNROUTABLE = "unroutable";

    /** A rep as routing sees them; {@code lastRouted} orders the reps by their latest routed lead (0: never). */
    public record Rep(UUID userId, String name, int capacity, int routed, long lastRouted, boolean optedOut) {
    }

    /**
     * Reps who may take a lead: a territory's rep members ({@code territoryId} set), or the workspace pool
     * ({@code territoryId} null). {@code label} names it in reasons ("DACH", "workspace rep pool (no active model)").
     */
    public record Pool(UUID territoryId, String label, List<UUID> repIds) {
        public Pool {
            repIds = List.copyOf(repIds);
        }
    }

    /**
     * Where a lead went: {@code ownerId} null when it is unroutable; {@code pool} the pool that supplied the owner
     * (null when unroutable); {@code rule} one of the rule codes above.
     */
    public record Decision(UUID ownerId, Pool pool, String rule, String reason) {
        public boolean routed() {
            return ownerId != null;
        }
    }

    private static final class Load {
        final Rep rep;
        int routed;
        long lastRouted;

        Load(Rep rep) {
            this.rep = rep;
            this.routed = rep.routed();
            this.lastRouted = rep.lastRouted();
        }

        boolean eligible() {
            return !rep.optedOut() && routed < rep.capacity();
        }
    }

    private final Map<UUID, Load> loads = new LinkedHashMap<>();
    private long sequence;

    public LeadRouter(Collection<Rep> reps) {
        for (Rep rep : reps) {
            loads.put(rep.userId(), new Load(rep));
            sequence = Math.max(sequence, rep.lastRouted());
        }
    }

    /** Routes one lead through its chain of pools and counts it against the chosen rep. */
    public Decision route(List<Pool> chain) {
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Pool pool = chain.get(i);
            List<Load> eligible = new ArrayList<>();
            for (UUID id : pool.repIds()) {
                Load load = loads.get(id);
                if (load != null && load.eligible()) {
                    eligible.add(load);
                }
            }
            if (eligible.isEmpty()) {
                skipped.add(pool.label() + " (" + why(pool) + ")");
                continue;
            }
            Load chosen = eligible.get(0);
            for (Load candidate : eligible) {
                if (before(candidate, chosen)) {
                    chosen = candidate;
                }
            }
            String reason = describe(pool, chosen, eligible.size());
            chosen.routed++;
            chosen.lastRouted = ++sequence;
            String rule = pool.territoryId() == null ? WORKSPACE_POOL : i == 0 ? TERRITORY : PARENT_TERRITORY;
            if (!skipped.isEmpty()) {
                reason = "No eligible rep in " + String.join(", ", skipped) + "; " + (pool.territoryId() == null
                        ? "" : "parent territory ") + reason;
            }
            return new Decision(chosen.rep.userId(), pool, rule, reason);
        }
        String reason = chain.isEmpty() ? "No pool of reps to route to"
                : "No eligible rep in " + String.join(", ", skipped) + ": the lead waits in the queue";
        return new Decision(null, null, UNROUTABLE, reason);
    }

    /** The load of a rep now, including the leads routed to them by this router. */
    public int routed(UUID repId) {
        Load load = loads.get(repId);
        return load == null ? 0 : load.routed;
    }

    /**
     * Whether {@code a} should take the lead rather than {@code b}: (n_a + 1) / c_a &lt; (n_b + 1) / c_b, compared
     * as (n_a + 1)·c_b &lt; (n_b + 1)·c_a so that no rounding decides; then the least recently routed, then the id.
     */
    private static boolean before(Load a, Load b) {
        long left = (long) (a.routed + 1) * b.rep.capacity();
        long right = (long) (b.routed + 1) * a.rep.capacity();
        if (left != right) {
            return left < right;
        }
        if (a.lastRouted != b.lastRouted) {
            return a.lastRouted < b.lastRouted;
        }
        // unsigned, as PostgreSQL and the text form order uuids (UUID.compareTo compares signed halves)
        UUID x = a.rep.userId();
        UUID y = b.rep.userId();
        int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
        return high != 0 ? high < 0 : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits()) < 0;
    }

    private String why(Pool pool) {
        int known = 0;
        int optedOut = 0;
        int full = 0;
        for (UUID id : pool.repIds()) {
            Load load = loads.get(id);
            if (load == null) {
                continue;
            }
            known++;
            if (load.rep.optedOut()) {
                optedOut++;
            } else if (load.routed >= load.rep.capacity()) {
                full++;
            }
        }
        if (known == 0) {
            return "no reps";
        }
        List<String> parts = new ArrayList<>();
        if (optedOut > 0) {
            parts.add(optedOut + " opted out");
        }
        if (full > 0) {
            parts.add(full + " at capacity");
        }
        return known + (known == 1 ? " rep: " : " reps: ") + String.join(", ", parts);
    }

    private static String describe(Pool pool, Load chosen, int eligible) {
        return pool.label() + ": " + chosen.rep.name() + " had the lowest load after taking it ("
                + (chosen.routed + 1) + "/" + chosen.rep.capacity() + " leads in 30 days) of " + eligible
                + (eligible == 1 ? " eligible rep" : " eligible reps");
    }
}
