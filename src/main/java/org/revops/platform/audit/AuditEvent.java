package org.revops.platform.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One write to one record, as the audit log keeps it. */
@Schema(name = "AuditEvent", description = "Who created, updated or deleted which record, when, from where.")
public record AuditEvent(
        UUID id,
        OffsetDateTime occurredAt,
        @Schema(description = "The kind of record, e.g. opportunity, lead, api_key, territory_member",
                example = "opportunity") String resourceType,
        @Schema(description = "The record's id (territory members: the territory; routing settings: the user)")
        UUID resourceId,
        @Schema(description = "The record's whole key when it has more than one id, e.g. territoryId and userId",
                nullable = true) Map<String, Object> recordKey,
        @Schema(enumeration = {"create", "update", "delete"}) String action,
        @Schema(description = "For an update, the API names of the fields that changed (never their values); "
                + "null for a create or delete", nullable = true) List<String> changedFields,
        @Schema(description = "request: a caller's request; job: work a request started; system: scheduled or "
                + "start-up work; unknown: written outside the service",
                enumeration = {"request", "job", "system", "unknown"}) String actorKind,
        @Schema(description = "The user who acted", nullable = true) UUID actorUserId,
        @Schema(description = "The API key the request authenticated with", nullable = true) UUID actorKeyId,
        @Schema(description = "The token subject, when a bearer token authenticated", nullable = true)
        String actorTokenSubject,
        @Schema(description = "The job that wrote, for actorKind job", nullable = true) UUID actorJobId,
        @Schema(description = "The client's address", nullable = true) String ip,
        @Schema(description = "The client's User-Agent", nullable = true) String userAgent,
        @Schema(description = "The X-Request-Id of the request (for a job: of the request that started it)",
                nullable = true) String requestId) {
}
