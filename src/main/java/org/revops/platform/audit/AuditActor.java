package org.revops.platform.audit;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * Who makes the writes of a transaction, as the audit log records it: a request (its user, the API key or token
 * subject it authenticated with, its client's address and user agent, its request id), a job started by a request
 * (the same, plus the job's id) or the system itself (scheduled work, start-up seeding).
 */
public record AuditActor(Kind kind, UUID userId, UUID keyId, String tokenSubject, UUID jobId, String ip,
                         String userAgent, String requestId) {
    /** A user agent longer than this is cut: it is a free-form header a client fills as it likes. */
    static final int MAX_USER_AGENT = 512;

    public enum Kind { REQUEST, JOB, SYSTEM }

    public static final AuditActor SYSTEM = new AuditActor(Kind.SYSTEM, null, null, null, null, null, null, null);

    public AuditActor {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }

    /** The actor of a job this actor starts: the same person, credential and origin, working as that job. */
    public AuditActor asJob(UUID id) {
        return new AuditActor(Kind.JOB, userId, keyId, tokenSubject, id, ip, userAgent, requestId);
    }

    /** The value of the transaction-local setting {@code revops.actor} that the audit triggers read (V22). */
    public String toJson() {
        JsonObject json = new JsonObject().put("kind", kind.name().toLowerCase());
        putIfPresent(json, "userId", userId);
        putIfPresent(json, "keyId", keyId);
        putIfPresent(json, "tokenSubject", tokenSubject);
        putIfPresent(json, "jobId", jobId);
        putIfPresent(json, "ip", ip);
        putIfPresent(json, "userAgent", userAgent);
        putIfPresent(json, "requestId", requestId);
        return json.encode();
    }

    private static void putIfPresent(JsonObject json, String name, Object value) {
        if (value != null) {
            json.put(name, value.toString());
        }
    }
}
