package org.revops.platform.paging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The one list shape of the REST API. */
public record Page<T>(
        List<T> data,
        @Schema(description = "Pass as `cursor` to read the next page; null on the last page.", nullable = true)
        String nextCursor) {

    public static <T> Page<T> of(Slice<T> slice) {
        return new Page<>(slice.items(), slice.nextCursor());
    }
}
