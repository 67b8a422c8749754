-- Expiring, rotatable API keys with a last-used time (issue 8). expires_at: the key stops authenticating at that
-- instant (NULL: never); rotation sets it on the old key to the end of its grace period and points rotated_to_id at
-- its successor. last_used_at is written in batches, at most once a minute per instance, never per request.
ALTER TABLE api_keys
    ADD COLUMN expires_at    timestamptz,
    ADD COLUMN last_used_at  timestamptz,
    ADD COLUMN rotated_to_id uuid;
-- The successor lives in the same workspace (the foreign key carries workspace_id, like every other).
ALTER TABLE api_keys ADD CONSTRAINT api_keys_rotated_to_fk
    FOREIGN KEY (workspace_id, rotated_to_id) REFERENCES api_keys (workspace_id, id);
