-- Territories: models with a hierarchy, members, assignment rules, per-model account assignments, realignment moves,
-- and the jobs that compute them.

-- A territory model is one version of the map. At most one is active per workspace; a planning model is a draft that
-- can be previewed against the active one and then activated; the one it replaces is archived.
CREATE TABLE territory_models (
    workspace_id   uuid NOT NULL REFERENCES workspaces (id),
    id             uuid NOT NULL,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description    text CHECK (length(description) <= 2000),
    state          text NOT NULL DEFAULT 'planning' CHECK (state IN ('planning', 'active', 'archived')),
    cloned_from_id uuid,
    activated_at   timestamptz,
    archived_at    timestamptz,
    -- When the assignment engine last ran over the whole model (run, preview or activation).
    assigned_at    timestamptz,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX territory_models_one_active ON territory_models (workspace_id) WHERE state = 'active';
CREATE INDEX territory_models_name_idx ON territory_models (workspace_id, name, id);

-- A node of a model's hierarchy. `code` is stable across clones of a model, so a preview can tell that DACH in the
-- draft is DACH in the live model even though the two rows have different ids.
CREATE TABLE territories (
    workspace_id uuid NOT NULL,
    id           uuid NOT NULL,
    model_id     uuid NOT NULL,
    parent_id    uuid,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    code         text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,119}$'),
    type         text NOT NULL CHECK (length(type) BETWEEN 1 AND 50),
    description  text CHECK (length(description) <= 2000),
    -- The forecast manager of the territory.
    owner_id     uuid,
    -- Breaks ties between matching territories at the same depth: higher wins.
    priority     integer NOT NULL DEFAULT 0 CHECK (priority BETWEEN -1000000 AND 1000000),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT territories_model_uq UNIQUE (workspace_id, model_id, id),
    CONSTRAINT territories_code_uq UNIQUE (workspace_id, model_id, code),
    CONSTRAINT territories_model_fk FOREIGN KEY (workspace_id, model_id)
        REFERENCES territory_models (workspace_id, id) ON DELETE CASCADE,
    -- The parent is in the same model; a parent with children cannot be deleted (the service says so first).
    CONSTRAINT territories_parent_fk FOREIGN KEY (workspace_id, model_id, parent_id)
        REFERENCES territories (workspace_id, model_id, id) ON DELETE CASCADE,
    CONSTRAINT territories_owner_fk FOREIGN KEY (workspace_id, owner_id) REFERENCES users (workspace_id, id),
    CONSTRAINT territories_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX territories_parent_idx ON territories (workspace_id, model_id, parent_id);
CREATE INDEX territories_owner_idx ON territories (workspace_id, owner_id);
CREATE UNIQUE INDEX territories_sibling_name_uq
    ON territories (workspace_id, model_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'), lower(name));

CREATE TABLE territory_members (
    workspace_id uuid NOT NULL,
    territory_id uuid NOT NULL,
    user_id      uuid NOT NULL,
    role         text NOT NULL CHECK (role IN ('owner', 'rep', 'overlay')),
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, territory_id, user_id),
    CONSTRAINT territory_members_territory_fk FOREIGN KEY (workspace_id, territory_id)
        REFERENCES territories (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT territory_members_user_fk FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id)
);
CREATE INDEX territory_members_user_idx ON territory_members (workspace_id, user_id);

-- An assignment rule: numbered criteria on account fields combined by a boolean expression. `criteria` is the
-- validated list as the API shows it; `truth_table` is the compiled expression: character m (0-based) is '1' when the
-- expression holds with exactly the criteria whose bits are set in m (criterion k is bit k-1) true.
CREATE TABLE territory_rules (
    workspace_id uuid NOT NULL,
    id           uuid NOT NULL,
    model_id     uuid NOT NULL,
    territory_id uuid NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    position     integer NOT NULL CHECK (position >= 0),
    criteria     jsonb NOT NULL CHECK (jsonb_typeof(criteria) = 'array'),
    expression   text NOT NULL CHECK (length(expression) BETWEEN 1 AND 1000),
    truth_table  text NOT NULL CHECK (truth_table ~ '^[01]+$' AND length(truth_table) <= 1024),
    -- Passed down: every descendant territory only takes accounts that also match this territory's inherited rules.
    inherited    boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT territory_rules_territory_fk FOREIGN KEY (workspace_id, model_id, territory_id)
        REFERENCES territories (workspace_id, model_id, id) ON DELETE CASCADE
);
CREATE INDEX territory_rules_model_idx ON territory_rules (workspace_id, model_id, territory_id, position);

-- Which territory of a model each account belongs to, and why. No row: the account matches no territory.
-- cause 'tie': several territories matched equally well; none was picked, the contenders are listed.
CREATE TABLE territory_assignments (
    workspace_id       uuid NOT NULL,
    model_id           uuid NOT NULL,
    account_id         uuid NOT NULL,
    territory_id       uuid,
    cause              text NOT NULL CHECK (cause IN ('rule', 'manual', 'tie')),
    rule_id            uuid,
    tied_territory_ids uuid[],
    assigned_at        timestamptz NOT NULL,
    assigned_by        uuid,
    PRIMARY KEY (workspace_id, model_id, account_id),
    CONSTRAINT territory_assignments_model_fk FOREIGN KEY (workspace_id, model_id)
        REFERENCES territory_models (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT territory_assignments_account_fk FOREIGN KEY (workspace_id, account_id)
        REFERENCES accounts (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT territory_assignments_territory_fk FOREIGN KEY (workspace_id, model_id, territory_id)
        REFERENCES territories (workspace_id, model_id, id) ON DELETE CASCADE,
    CONSTRAINT territory_assignments_rule_fk FOREIGN KEY (workspace_id, rule_id)
        REFERENCES territory_rules (workspace_id, id) ON DELETE SET NULL (rule_id),
    CONSTRAINT territory_assignments_cause CHECK ((cause = 'tie') = (territory_id IS NULL)
        AND (cause = 'tie') = (tied_territory_ids IS NOT NULL))
);
CREATE INDEX territory_assignments_territory_idx
    ON territory_assignments (workspace_id, model_id, territory_id, account_id);
CREATE INDEX territory_assignments_account_idx ON territory_assignments (workspace_id, account_id);

-- The accounts a planning model would move, as computed by its latest preview (replaced by the next one).
CREATE TABLE territory_moves (
    workspace_id          uuid NOT NULL,
    model_id              uuid NOT NULL,
    account_id            uuid NOT NULL,
    job_id                uuid NOT NULL,
    from_territory_id     uuid,
    to_territory_id       uuid,
    account_owner_id      uuid NOT NULL,
    open_deals            integer NOT NULL,
    open_pipeline_amount  numeric(19, 4) NOT NULL,
    PRIMARY KEY (workspace_id, model_id, account_id),
    CONSTRAINT territory_moves_model_fk FOREIGN KEY (workspace_id, model_id)
        REFERENCES territory_models (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT territory_moves_account_fk FOREIGN KEY (workspace_id, account_id)
        REFERENCES accounts (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX territory_moves_route_idx ON territory_moves (workspace_id, model_id, from_territory_id, to_territory_id);

-- A deal takes its account's territory in the active model unless a person set one: that choice is this column.
ALTER TABLE opportunities ADD COLUMN territory_id uuid,
    ADD CONSTRAINT opportunities_territory_fk FOREIGN KEY (workspace_id, territory_id)
        REFERENCES territories (workspace_id, id) ON DELETE SET NULL (territory_id);
CREATE INDEX opportunities_territory_idx ON opportunities (workspace_id, territory_id) WHERE territory_id IS NOT NULL;

-- Long-running work (realignment, and later imports and re-scoring): state, progress, counts, errors, result.
-- Jobs with the same lock_key cannot be queued or running at the same time in a workspace.
CREATE TABLE jobs (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id           uuid NOT NULL,
    kind         text NOT NULL CHECK (kind ~ '^[a-z][a-z-]*(\.[a-z][a-z-]*)*$'),
    subject_id   uuid,
    lock_key     text,
    state        text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    percent      smallint NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    counts       jsonb NOT NULL DEFAULT '{}',
    errors       jsonb NOT NULL DEFAULT '[]',
    parameters   jsonb NOT NULL DEFAULT '{}',
    result       jsonb,
    created_by   uuid NOT NULL,
    created_at   timestamptz NOT NULL,
    started_at   timestamptz,
    finished_at  timestamptz,
    -- Bumped while the job runs; a running job whose heartbeat stopped died with its instance and is failed.
    heartbeat_at timestamptz,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX jobs_one_at_a_time ON jobs (workspace_id, lock_key) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_created_idx ON jobs (workspace_id, created_at, id);
CREATE INDEX jobs_subject_idx ON jobs (workspace_id, subject_id, created_at);
CREATE INDEX jobs_unfinished_idx ON jobs (state) WHERE state IN ('queued', 'running');
