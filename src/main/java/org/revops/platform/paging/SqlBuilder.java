package org.revops.platform.paging;

import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** Builds one SQL statement with numbered parameters; each {@code ?} in an appended fragment becomes {@code $n}. */
public final class SqlBuilder {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public SqlBuilder append(String fragment, Object... values) {
        int next = 0;
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == '?') {
                params.add(values[next++]);
                sql.append('$').append(params.size());
            } else {
                sql.append(c);
            }
        }
        if (next != values.length) {
            throw new IllegalArgumentException("fragment has " + next + " placeholders for " + values.length + " values");
        }
        return this;
    }

    /** Adds the same parameter once and returns its placeholder, for fragments that reuse it. */
    public String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    public String sql() {
        return sql.toString();
    }

    public Tuple tuple() {
        return Tuple.from(params);
    }
}
