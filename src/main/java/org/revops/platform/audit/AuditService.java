package org.revops.platform.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.revops.platform.db.Db;
import org.revops.platform.error.ApiProblem;
import org.revops.platform.paging.ListQuery;
import org.revops.platform.paging.ListRequest;
import org.revops.platform.paging.ListSpec;
import org.revops.platform.paging.Slice;
import org.revops.platform.paging.SqlPredicate;
import org.revops.platform.paging.ValueType;
import org.revops.platform.security.Caller;
import org.revops.platform.security.Role;

import java.util.List;

/** Reads the audit log (written by the V22 triggers): admins only, their own workspace's events. */
@ApplicationScoped
public class AuditService {
    static final String SELECT = """
             SELECT e.id, e.occurred_at, e.resource_type, e.resource_id, e.record_key, e.action, e.changed_fields,
                    e.actor_kind, e.actor_user_id, e.actor_key_id, e.actor_token_subject, e.actor_job_id, e.ip,
                    e.user_agent, e.request_id
             FROM audit_events e""";

    public static final ListSpec LIST = ListSpec.builder("listAuditEvents", SELECT, "e.workspace_id", "e.id")
            .anyOf("resourceType", ValueType.TEXT, "e.resource_type",
                    "Kind of record, e.g. opportunity, lead, api_key; repeat for several.")
            .anyOf("resourceId", ValueType.UUID_, "e.resource_id", "The record's id; repeat for several.")
            .anyOf("action", ValueType.TEXT, "e.action", "create, update or delete; repeat for several.")
            .anyOf("actorUserId", ValueType.UUID_, "e.actor_user_id", "The user who acted; repeat for several.")
            .anyOf("actorKeyId", ValueType.UUID_, "e.actor_key_id", "The API key used; repeat for several.")
            .anyOf("actorKind", ValueType.TEXT, "e.actor_kind", "request, job, system or unknown.")
            .anyOf("requestId", ValueType.TEXT, "e.request_id", "The X-Request-Id of the request that wrote.")
            .single("since", ValueType.TIMESTAMP, "e.occurred_at >= ?", "Events at or after this instant.")
            .single("until", ValueType.TIMESTAMP, "e.occurred_at < ?", "Events before this instant.")
            .sort("occurredAt", "e.occurred_at", "occurred_at", ValueType.TIMESTAMP)
            .build("-occurredAt");

    private final Db db;

    public AuditService(Db db) {
        this.db = db;
    }

    /** The workspace's audit events, newest first unless sorted otherwise; 403 for anyone but an admin. */
    public Uni<Slice<AuditEvent>> list(Caller caller, ListRequest request) {
        if (caller.role() != Role.ADMIN) {
            throw ApiProblem.forbidden("Only an admin may read the audit log");
        }
        return ListQuery.run(db, LIST, caller.workspaceId(), SqlPredicate.NONE, request, AuditService::toEvent);
    }

    private static AuditEvent toEvent(Row row) {
        JsonObject key = row.getJsonObject("record_key");
        String[] changed = row.getArrayOfStrings("changed_fields");
        return new AuditEvent(row.getUUID("id"), row.getOffsetDateTime("occurred_at"), row.getString("resource_type"),
                row.getUUID("resource_id"), key == null ? null : key.getMap(), row.getString("action"),
                changed == null ? null : List.of(changed), row.getString("actor_kind"), row.getUUID("actor_user_id"),
                row.getUUID("actor_key_id"), row.getString("actor_token_subject"), row.getUUID("actor_job_id"),
                row.getString("ip"), row.getString("user_agent"), row.getString("request_id"));
    }
}
