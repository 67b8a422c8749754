-- CSV imports (POST /api/v1/imports): the upload is validated while it is stored, in one transaction, then a job
-- (jobs.kind = 'import', jobs.subject_id = imports.id) upserts it chunk by chunk through the batch upsert engines.
-- The file lives in PostgreSQL, not on the instance that received it, so the service stays stateless: any
-- instance can read it. Opportunities are allowed here already, so that making them importable (once their batch
-- engine lands) is one line in ImportObjects; until then the API refuses them.
CREATE TABLE imports (
    workspace_id    uuid NOT NULL REFERENCES workspaces (id),
    id              uuid NOT NULL,
    object          text NOT NULL CHECK (object IN ('accounts', 'contacts', 'leads', 'opportunities')),
    -- the request's default for rows without an externalSource column (or with an empty cell)
    external_source text,
    -- CSV header → record field, as applied (ignored columns map to null)
    mapping         jsonb NOT NULL,
    rows            integer NOT NULL CHECK (rows >= 0),
    bytes           bigint NOT NULL CHECK (bytes >= 0),
    created_by      uuid NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX imports_created_idx ON imports (workspace_id, created_at, id);

-- The parsed file in chunks of rows (one engine batch each): `rows` is a JSON array of [line, cell, cell …] with the
-- file's cells as text. Deleted once the import job succeeded; its error rows stay.
CREATE TABLE import_chunks (
    workspace_id uuid NOT NULL,
    import_id    uuid NOT NULL,
    seq          integer NOT NULL CHECK (seq >= 0),
    row_count    integer NOT NULL CHECK (row_count > 0),
    rows         text NOT NULL,
    PRIMARY KEY (workspace_id, import_id, seq),
    FOREIGN KEY (workspace_id, import_id) REFERENCES imports (workspace_id, id) ON DELETE CASCADE
);

-- One row per field error of a refused CSV row (a row with two bad fields has two).
CREATE TABLE import_errors (
    workspace_id uuid NOT NULL,
    import_id    uuid NOT NULL,
    id           uuid NOT NULL,
    line         integer NOT NULL,
    external_id  text,
    field        text,
    message      text NOT NULL,
    PRIMARY KEY (workspace_id, import_id, id),
    FOREIGN KEY (workspace_id, import_id) REFERENCES imports (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX import_errors_line_idx ON import_errors (workspace_id, import_id, line, id);
