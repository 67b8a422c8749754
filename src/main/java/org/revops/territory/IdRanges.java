package org.revops.territory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Splits the id space of a table into ranges of about {@code chunkSize} rows each. Record ids are random (v4) UUIDs,
 * so equal slices of the first 32 bits hold about equal numbers of rows: range i of n covers
 * [i·2³²/n, (i+1)·2³²/n) in the first 32 bits, the last one open-ended.
 */
public final class IdRanges {
    /** A half-open range [from, to); {@code to} null means no upper bound. */
    public record Range(UUID from, UUID to) {
    }

    static final int MAX_RANGES = 4096;

    private IdRanges() {
    }

    /** ⌈rows / chunkSize⌉ ranges (at least 1, at most {@value #MAX_RANGES}) covering every UUID exactly once. */
    public static List<Range> split(long rows, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        int n = (int) Math.max(1, Math.min(MAX_RANGES, (rows + chunkSize - 1) / chunkSize));
        List<Range> ranges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ranges.add(new Range(boundary(i, n), i == n - 1 ? null : boundary(i + 1, n)));
        }
        return ranges;
    }

    private static UUID boundary(int i, int n) {
        long high32 = (long) i * (1L << 32) / n;
        return new UUID(high32 << 32, 0L);
    }
}
