-- Rate limits per API key (issue 7): a key's own requests per minute (NULL: the service default), and the request
-- counts all instances share per key and minute. The counts are UNLOGGED: they matter for a minute, so they need no
-- WAL; a crash of the database forgets the current minute's counts, which only lets a client start that minute afresh.
-- No foreign key: the counts of a deleted key age out with their window.
ALTER TABLE api_keys ADD COLUMN rate_limit_per_minute integer
    CHECK (rate_limit_per_minute BETWEEN 1 AND 1000000);

CREATE UNLOGGED TABLE rate_limit_windows (
    workspace_id uuid        NOT NULL,
    key_id       uuid        NOT NULL,
    window_start timestamptz NOT NULL,
    requests     bigint      NOT NULL CHECK (requests >= 0),
    PRIMARY KEY (workspace_id, key_id, window_start)
);
-- Past windows are deleted by their start, across keys.
CREATE INDEX rate_limit_windows_start_idx ON rate_limit_windows (window_start);
