package org.revops.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.integration.ChangeDtos.ChangePage;
import org.revops.integration.ChangeDtos.ChangeView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.security.Caller;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The change feed: every create, update and delete of accounts, contacts, leads and opportunities of a workspace, in
 * commit-safe order, from the change log the V13 triggers write in the writing transaction.
 *
 * <p>Why a client that stores the cursor never misses nor double-counts a change: a change's {@code position} is
 * taken when its row is inserted, not when its transaction commits, so ordering by position alone could hand out 7
 * while 6 is still uncommitted, and the client, now past 6, would never see it. The feed instead only returns changes
 * whose transaction id is below {@code pg_snapshot_xmin(pg_current_snapshot())}: every transaction with a smaller id
 * has committed or rolled back, so no change can appear there any more. Within that settled range it reads in
 * ({@code txid}, {@code position}) order, and the cursor is the last (txid, position) handed out, so the next read
 * starts exactly after it. The price: one long-running transaction anywhere in the database holds the feed back
 * (nothing above its xid is returned) until it ends; changes are delayed, never lost.
 */
@ApplicationScoped
public class ChangeFeedService {
    public static final List<String> TYPES = List.of("account", "contact", "lead", "opportunity");
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** Amounts keep their scale (25000.0000), as the resources answer them. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() { };

    /**
     * One statement, so the horizon, the pruned mark and the page come from one snapshot: a prune committing in
     * between cannot remove rows after the 410 check passed.
     */
    private static final String READ = """
            WITH head AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
            SELECT 'head' AS kind, (SELECT xmin FROM head)::text AS txid, 0::bigint AS position,
                   NULL::timestamptz AS occurred_at, NULL::text AS resource_type, NULL::uuid AS resource_id,
                   NULL::text AS action, NULL::text AS changed_fields, NULL::bigint AS version
            UNION ALL
            SELECT 'pruned', h.txid::text, h.position, NULL, NULL, NULL, NULL, NULL, NULL
            FROM change_horizons h WHERE h.workspace_id = $1
            UNION ALL
            (SELECT 'change', c.txid::text, c.position, c.occurred_at, c.resource_type, c.resource_id, c.action,
                    c.changed_fields::text, c.version
             FROM changes c
             WHERE c.workspace_id = $1 AND (c.txid, c.position) > ($2::text::xid8, $3)
               AND c.txid < (SELECT xmin FROM head) AND c.resource_type = ANY ($4)
             ORDER BY c.txid, c.position
             LIMIT $5)""";

    private final Db db;

    public ChangeFeedService(Db db) {
        this.db = db;
    }

    /**
     * The changes after {@code since} (null: from the oldest change kept; {@code now}: none, just a cursor at the
     * head), of the given types (empty: all), at most {@code limit} (null: 100; 1–1000). The next cursor is always
     * given: after the last change returned, or at the head when the settled range was read to its end.
     */
    public Uni<ChangePage> read(Caller caller, String since, List<String> types, Integer limit) {
        requireFeedReader(caller);
        List<FieldError> errors = new ArrayList<>();
        String[] kinds = parseTypes(types, errors);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        boolean atHead = "now".equals(since);
        ChangeCursor from = ChangeCursor.START;
        if (since != null && !since.isBlank() && !atHead) {
            try {
                from = ChangeCursor.decode(since, "since");
            } catch (ApiProblem p) {
                errors.addAll(p.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : "Invalid query parameters", errors);
        }
        ChangeCursor start = from;
        boolean explicit = since != null && !since.isBlank() && !atHead;
        Tuple params = Tuple.of(caller.workspaceId(), Long.toUnsignedString(start.txid()), start.position(), kinds,
                atHead ? 0 : size);
        return db.query(READ, params).map(rows -> {
            ChangeCursor head = null;
            ChangeCursor pruned = null;
            List<ChangeView> data = new ArrayList<>();
            ChangeCursor last = null;
            for (Row row : rows) {
                ChangeCursor at = new ChangeCursor(Long.parseLong(row.getString("txid")), row.getLong("position"));
                switch (row.getString("kind")) {
                    case "head" -> head = at;
                    case "pruned" -> pruned = at;
                    default -> {
                        data.add(view(row, at));
                        last = at;
                    }
                }
            }
            if (explicit && pruned != null && start.isBefore(pruned)) {
                throw expired();
            }
            ChangeCursor next;
            if (atHead || data.size() < size) {
                // Everything settled after the start has been read: the next read may start at the head.
                next = max(start, last == null ? head : max(last, head));
            } else {
                next = last;
            }
            return new ChangePage(data, next.encode());
        });
    }

    /** Reps and managers see only their own or their team's records; the feed shows the whole workspace. */
    private static void requireFeedReader(Caller caller) {
        if (!caller.role().seesWholeWorkspace()) {
            throw ApiProblem.forbidden("The change feed shows every record of the workspace: only admin, integration "
                    + "and read-only keys may read it");
        }
    }

    private static String[] parseTypes(List<String> types, List<FieldError> errors) {
        if (types == null || types.isEmpty()) {
            return TYPES.toArray(String[]::new);
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (String value : types) {
            for (String part : value.split(",", -1)) {
                String kind = part.trim();
                if (!TYPES.contains(kind)) {
                    errors.add(new FieldError("types", (kind.isEmpty() ? "an empty type" : "unknown type '" + kind + "'")
                            + "; allowed: " + String.join(", ", TYPES)));
                    return new String[0];
                }
                kinds.add(kind);
            }
        }
        return kinds.toArray(String[]::new);
    }

    private static ChangeView view(Row row, ChangeCursor at) {
        try {
            return new ChangeView(at.encode(), row.getString("resource_type"), row.getUUID("resource_id"),
                    row.getString("action"), JSON.readValue(row.getString("changed_fields"), FIELDS), row.getLong("version"),
                    row.getOffsetDateTime("occurred_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("changed_fields is not JSON", e);
        }
    }

    private static ChangeCursor max(ChangeCursor a, ChangeCursor b) {
        return a.isBefore(b) ? b : a;
    }

    static ApiProblem expired() {
        return new ApiProblem(410, "change-cursor-expired", "Cursor expired",
                "Changes after this cursor were pruned (the feed keeps them for revops.changes.retention). Take a "
                        + "new cursor with since=now, then re-sync from the lists (e.g. GET /api/v1/opportunities "
                        + "sorted by updatedAt), then follow the feed from that cursor.", null);
    }
}
