package org.revops.platform.paging;

/** A WHERE fragment with {@code ?} placeholders and its values; {@link #NONE} when nothing restricts. */
public record SqlPredicate(String sql, Object... args) {
    public static final SqlPredicate NONE = new SqlPredicate("TRUE");
}
