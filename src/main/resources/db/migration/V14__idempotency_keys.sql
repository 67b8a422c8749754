-- Idempotency keys: the first response to a POST (REST) or GraphQL mutation sent with an `Idempotency-Key`, kept so
-- that a retry within the TTL gets the same answer instead of doing the work twice. Keys are per workspace (as
-- Stripe's are per account); the user who sent the key is kept, and a replay answers only that user, so a key
-- can never hand one user's response (which may show records they may see) to another.
-- A row is claimed `in_flight` before the work runs (INSERT … ON CONFLICT) and becomes `done` with the response; a
-- claim whose lease ran out (the instance died mid-request) may be taken over by the next retry.
CREATE TABLE idempotency_keys (
    workspace_id   uuid NOT NULL REFERENCES workspaces (id),
    key            text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    user_id        uuid NOT NULL,
    -- method + path + sha-256 of the body: the same key with another request is refused (422)
    fingerprint    text NOT NULL,
    state          text NOT NULL CHECK (state IN ('in_flight', 'done')),
    locked_until   timestamptz,
    status         integer CHECK (status BETWEEN 100 AND 599),
    content_type   text,
    location       text,
    etag           text,
    body           bytea,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, key),
    CHECK ((state = 'in_flight' AND locked_until IS NOT NULL) OR (state = 'done' AND status IS NOT NULL))
);
-- The pruning job deletes by expiry across workspaces.
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
