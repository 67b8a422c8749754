-- Webhooks: subscriptions, deliveries (batches of events with their JSON body materialised) and delivery attempts.
-- Events come from the change log (V13), the transactional outbox: the dispatcher reads it with the change feed's
-- rule (only txid < pg_snapshot_xmin(pg_current_snapshot()), in (txid, position) order) and, in ONE statement, turns
-- what it read into delivery rows and moves the subscription's cursor past it. A delivery is a row, so what has not
-- been sent survives a restart; a sender claims due rows with FOR UPDATE SKIP LOCKED, so instances never collide.

CREATE TABLE webhook_subscriptions (
    workspace_id           uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id                     uuid NOT NULL,
    url                    text NOT NULL,
    event_types            text[] NOT NULL,
    -- null: every change of the types; else only updates that touched one of these API field names
    fields                 text[],
    active                 boolean NOT NULL DEFAULT true,
    -- Stored as is: the service must sign with it, so a hash would not do (see README, Webhooks).
    secret                 text NOT NULL,
    -- After a rotation with a grace period, deliveries carry a second signature made with the old secret.
    previous_secret        text,
    previous_secret_until  timestamptz,
    -- The last change (txid, position) the dispatcher has handled for this subscription.
    cursor_txid            xid8 NOT NULL,
    cursor_position        bigint NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    version                bigint NOT NULL DEFAULT 1,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX webhook_subscriptions_created_idx ON webhook_subscriptions (workspace_id, created_at, id);

CREATE TABLE webhook_deliveries (
    workspace_id     uuid NOT NULL,
    id               uuid NOT NULL,
    subscription_id  uuid NOT NULL,
    state            text NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
    -- The exact body sent and signed (text, not jsonb, so the bytes never change between attempts).
    payload          text NOT NULL,
    event_count      int NOT NULL,
    -- Attempts made so far, and how many of them came before the last replay (back-off restarts after a replay).
    attempts         int NOT NULL DEFAULT 0,
    replayed_attempts int NOT NULL DEFAULT 0,
    -- When the delivery is due; while a sender holds it, the end of its lease (a crashed sender's rows fall due).
    next_attempt_at  timestamptz NOT NULL,
    lease_token      uuid,
    -- Retries stop (dead) once the next attempt would fall after this; reset by a replay.
    retry_until      timestamptz NOT NULL,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    dead_at          timestamptz,
    PRIMARY KEY (workspace_id, id),
    FOREIGN KEY (workspace_id, subscription_id) REFERENCES webhook_subscriptions (workspace_id, id) ON DELETE CASCADE
);
-- The senders' claim: due pending rows, oldest first.
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_subscription_idx
    ON webhook_deliveries (workspace_id, subscription_id, created_at, id);

CREATE TABLE webhook_attempts (
    workspace_id  uuid NOT NULL,
    delivery_id   uuid NOT NULL,
    attempt       int NOT NULL,
    attempted_at  timestamptz NOT NULL,
    status_code   int,
    error         text,
    duration_ms   int NOT NULL,
    outcome       text NOT NULL CHECK (outcome IN ('delivered', 'retry', 'dead')),
    PRIMARY KEY (workspace_id, delivery_id, attempt),
    FOREIGN KEY (workspace_id, delivery_id) REFERENCES webhook_deliveries (workspace_id, id) ON DELETE CASCADE
);

-- The webhook event id of a change: the change feed's id of the same change (base64url of c1.<txid>.<position>),
-- so a receiver that also reads the feed can match the two.
CREATE FUNCTION webhook_event_id(txid xid8, pos bigint) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT rtrim(translate(encode(convert_to('c1.' || txid::text || '.' || pos::text, 'UTF8'), 'base64'),
                           '+/', '-_'), '=')
$$;

-- The webhook event type of a change: <type>.<created|updated|deleted>.
CREATE FUNCTION webhook_event_type(resource_type text, action text) RETURNS text LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $$
    SELECT resource_type || '.' || action || 'd'
$$;
