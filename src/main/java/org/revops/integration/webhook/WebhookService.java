package org.revops.integration.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.integration.webhook.WebhookDtos.RotateInput;
import org.revops.integration.webhook.WebhookDtos.WebhookInput;
import org.revops.integration.webhook.WebhookDtos.WebhookView;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.error.FieldError;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Rows;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;
import org.revops.platform.write.MergePatch;
import org.revops.platform.write.Versions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions: where to send which changes of the workspace, and the secret deliveries are signed with.
 * Admin and integration keys manage them; other roles get 403. A new subscription starts at the head of the change
 * log: it receives the changes committed after it was created.
 */
@ApplicationScoped
public class WebhookService {
    static final List<String> ACTIONS = List.of("created", "updated", "deleted");
    static final List<String> TYPES = List.of("account", "contact", "lead", "opportunity");

    private static final String COLUMNS = " " + """
             s.id, s.url, s.event_types, s.fields, s.active, s.previous_secret_until, s.created_at, s.updated_at,
             s.version""";
    private static final String SELECT = " SELECT" + COLUMNS + " FROM webhook_subscriptions s";

    public static final ListSpec LIST = ListSpec.builder("listWebhooks", SELECT, "s.workspace_id", "s.id")
            .single("active", ValueType.BOOLEAN, "s.active = ?", "Only active (true) or paused (false) subscriptions.")
            .sort("createdAt", "s.created_at", "created_at", ValueType.TIMESTAMP)
            .build("createdAt");

    private final Db db;
    private final MergePatch mergePatch;
    private final WebhookUrls urls;
    private final Clock clock;

    public WebhookService(Db db, MergePatch mergePatch, WebhookUrls urls, Clock clock) {
        this.db = db;
        this.mergePatch = mergePatch;
        this.urls = urls;
        this.clock = clock;
    }

    /** Admin and integration keys manage webhooks: a subscription sees every change of the workspace. */
    static void requireManager(Caller caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.INTEGRATION) {
            throw ApiProblem.forbidden("Webhooks send every change of the workspace: only admin and integration keys "
                    + "may manage them");
        }
    }

    /** The workspace's subscriptions, paged (secrets are never listed). */
    public Uni<Slice<WebhookView>> list(Caller caller, ListRequest request) {
        requireManager(caller);
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request, row -> view(row, null));
    }

    /** One subscription, without its secret; 404 when it is not the workspace's. */
    public Uni<WebhookView> get(Caller caller, UUID id) {
        requireManager(caller);
        return db.query(SELECT + " WHERE s.workspace_id = $1 AND s.id = $2", Tuple.of(caller.workspaceId(), id))
                .map(rows -> Rows.single(rows, row -> view(row, null), "Webhook"));
    }

    /**
     * Creates a subscription with a new secret, shown in this response only. Its cursor starts at the head of the
     * change log (the oldest transaction still open), so it receives what commits from now on. 422 for a URL that is
     * not http(s), has no host or points at this service, and for unknown event types; nothing is written then.
     */
    public Uni<WebhookView> create(Caller caller, WebhookInput input) {
        requireManager(caller);
        WebhookInput valid = validate(input);
        String secret = WebhookSignature.newSecret();
        return db.query("""
                        INSERT INTO webhook_subscriptions AS s (workspace_id, id, url, event_types, fields, active,
                            secret, cursor_txid, cursor_position, created_at, updated_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, pg_snapshot_xmin(pg_current_snapshot()), 0, $8, $8)
                        RETURNING""" + COLUMNS,
                        Tuple.from(new Object[] {caller.workspaceId(), UUID.randomUUID(), valid.url(),
                                valid.eventTypes().toArray(String[]::new),
                                valid.fields() == null ? null : valid.fields().toArray(String[]::new),
                                valid.active(), secret, now()}))
                .map(rows -> view(rows.iterator().next(), secret));
    }

    /**
     * JSON Merge Patch of url, eventTypes, fields and active, validated like a create; 412 on a stale If-Match.
     * Re-activating a paused subscription moves its cursor to the head: what changed while paused is not sent.
     */
    public Uni<WebhookView> update(Caller caller, UUID id, Long expectedVersion, JsonNode patch) {
        requireManager(caller);
        return get(caller, id).flatMap(current -> {
            Versions.check(expectedVersion, current.version());
            WebhookInput merged = mergePatch.apply(new WebhookInput(current.url(), current.eventTypes(),
                    current.fields(), current.active()), patch, WebhookInput.class).value();
            WebhookInput valid = validate(merged);
            return db.query("""
                            UPDATE webhook_subscriptions s SET url = $4, event_types = $5, fields = $6, active = $7,
                                   updated_at = $8, version = s.version + 1,
                                   cursor_txid = CASE WHEN NOT s.active AND $7
                                                      THEN pg_snapshot_xmin(pg_current_snapshot())
                                                      ELSE s.cursor_txid END,
                                   cursor_position = CASE WHEN NOT s.active AND $7 THEN 0 ELSE s.cursor_position END
                            WHERE s.workspace_id = $1 AND s.id = $2 AND s.version = $3
                            RETURNING""" + COLUMNS,
                            Tuple.from(new Object[] {caller.workspaceId(), id, current.version(), valid.url(),
                                    valid.eventTypes().toArray(String[]::new),
                                    valid.fields() == null ? null : valid.fields().toArray(String[]::new),
                                    valid.active(), now()}))
                    .map(rows -> {
                        if (rows.size() == 0) {
                            throw ApiProblem.conflict("The webhook changed while this request ran; read it again");
                        }
                        return view(rows.iterator().next(), null);
                    });
        });
    }

    /** Deletes a subscription with its deliveries and their attempts; 404 when it is not the workspace's. */
    public Uni<Void> delete(Caller caller, UUID id, Long expectedVersion) {
        requireManager(caller);
        return get(caller, id).flatMap(current -> {
            Versions.check(expectedVersion, current.version());
            return db.query("DELETE FROM webhook_subscriptions WHERE workspace_id = $1 AND id = $2",
                    Tuple.of(caller.workspaceId(), id)).replaceWithVoid();
        });
    }

    /**
     * A new secret, shown in this response only. With {@code keepPreviousSecretSeconds} &gt; 0 deliveries carry a
     * second signature made with the old secret until then, so receivers can switch without losing deliveries.
     */
    public Uni<WebhookView> rotateSecret(Caller caller, UUID id, RotateInput input) {
        requireManager(caller);
        int keep = input == null || input.keepPreviousSecretSeconds() == null ? 0 : input.keepPreviousSecretSeconds();
        if (keep < 0 || keep > 604_800) {
            throw ApiProblem.invalid("keepPreviousSecretSeconds", "must be between 0 and 604800 (7 days)");
        }
        String secret = WebhookSignature.newSecret();
        OffsetDateTime now = now();
        return db.query("""
                        UPDATE webhook_subscriptions s SET secret = $3,
                               previous_secret = CASE WHEN $4::int > 0 THEN s.secret END,
                               previous_secret_until = CASE WHEN $4::int > 0
                                                            THEN $5::timestamptz + $4::int * interval '1 second' END,
                               updated_at = $5, version = s.version + 1
                        WHERE s.workspace_id = $1 AND s.id = $2
                        RETURNING""" + COLUMNS,
                        Tuple.from(new Object[] {caller.workspaceId(), id, secret, keep, now}))
                .map(rows -> Rows.single(rows, row -> view(row, secret), "Webhook"));
    }

    /** 422 naming every bad field; the input trimmed, de-duplicated and with defaults applied. */
    WebhookInput validate(WebhookInput input) {
        if (input == null) {
            throw ApiProblem.badRequest("body", "must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        String url = null;
        try {
            url = urls.check("url", input.url());
        } catch (ApiProblem p) {
            errors.addAll(p.errors());
        }
        List<String> types = new ArrayList<>(new LinkedHashSet<>(input.eventTypes() == null ? List.of()
                : input.eventTypes().stream().map(t -> t == null ? "" : t.trim()).toList()));
        if (types.isEmpty()) {
            errors.add(new FieldError("eventTypes", "must name at least one event type"));
        }
        for (int i = 0; i < types.size(); i++) {
            if (!knownEventType(types.get(i))) {
                errors.add(new FieldError("eventTypes[" + i + "]", "unknown event type '" + types.get(i)
                        + "'; use <type>.<action> with type " + String.join(", ", TYPES) + " and action "
                        + String.join(", ", ACTIONS) + ", <type>.* or *"));
            }
        }
        List<String> fields = input.fields() == null ? null
                : new ArrayList<>(new LinkedHashSet<>(input.fields().stream()
                        .map(f -> f == null ? "" : f.trim()).toList()));
        if (fields != null) {
            if (fields.isEmpty() || fields.size() > 100) {
                errors.add(new FieldError("fields", "must name 1 to 100 fields, or be left out for every update"));
            }
            for (int i = 0; i < fields.size(); i++) {
                if (!fields.get(i).matches("[a-z][A-Za-z0-9]{0,62}")) {
                    errors.add(new FieldError("fields[" + i + "]", "must be an API field name such as stageId"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new WebhookInput(url, types, fields, input.active() == null || input.active());
    }

    private static boolean knownEventType(String type) {
        if (type.equals("*")) {
            return true;
        }
        int dot = type.indexOf('.');
        if (dot < 0 || !TYPES.contains(type.substring(0, dot))) {
            return false;
        }
        String action = type.substring(dot + 1);
        return action.equals("*") || ACTIONS.contains(action);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static WebhookView view(Row row, String secret) {
        String[] fields = row.getArrayOfStrings("fields");
        return new WebhookView(row.getUUID("id"), row.getString("url"), List.of(row.getArrayOfStrings("event_types")),
                fields == null ? null : List.of(fields), row.getBoolean("active"), secret,
                row.getOffsetDateTime("previous_secret_until"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("updated_at"), row.getLong("version"));
    }
}
