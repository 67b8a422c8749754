package org.revops.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list as the services return it: items, the cursor after each item, and whether more follow. */
public record Slice<T>(List<T> items, List<String> cursors, boolean hasMore) {

    public <R> Slice<R> map(Function<T, R> mapper) {
        return new Slice<>(items.stream().map(mapper).toList(), cursors, hasMore);
    }

    public String nextCursor() {
        return hasMore && !cursors.isEmpty() ? cursors.get(cursors.size() - 1) : null;
    }
}
