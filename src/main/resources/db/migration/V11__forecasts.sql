-- Forecasts: dated exchange rates, adjustments, submissions and snapshots; API keys narrowed to scopes.

-- One unit of `currency` is worth `rate` units of the workspace currency from `effective_date` until the next rate of
-- the same currency. A deal converts at the rate in effect on its close date; none in effect = reported, not dropped.
CREATE TABLE exchange_rates (
    workspace_id   uuid NOT NULL REFERENCES workspaces (id),
    id             uuid NOT NULL,
    currency       text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    effective_date date NOT NULL,
    rate           numeric(19, 8) NOT NULL CHECK (rate > 0),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT exchange_rates_day_uq UNIQUE (workspace_id, currency, effective_date)
);

-- A person's call on a forecast number: the amount that replaces the computed one for a category of a user's forecast
-- (the user and the team below) in a period. The user adjusts their own; a manager above adjusts a subordinate's.
-- Each adjuster keeps their own row, so the owner's call survives a manager's; the most senior adjuster's counts.
CREATE TABLE forecast_adjustments (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id           uuid NOT NULL,
    user_id      uuid NOT NULL,
    period_id    text NOT NULL,
    category     text NOT NULL CHECK (category IN ('Pipeline', 'BestCase', 'Commit')),
    amount       numeric(19, 4) NOT NULL CHECK (amount >= 0),
    note         text CHECK (length(note) <= 1000),
    adjusted_by  uuid NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT forecast_adjustments_user_fk FOREIGN KEY (workspace_id, user_id)
        REFERENCES users (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT forecast_adjustments_by_fk FOREIGN KEY (workspace_id, adjusted_by)
        REFERENCES users (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT forecast_adjustments_uq UNIQUE (workspace_id, user_id, period_id, category, adjusted_by)
);
CREATE INDEX forecast_adjustments_period_idx ON forecast_adjustments (workspace_id, period_id, user_id);

-- A user's forecast for a period as they called it: the numbers of their scope (them and the team below), as adjusted,
-- frozen at submission. History: every submission is a row; the latest is the current call.
CREATE TABLE forecast_submissions (
    workspace_id  uuid NOT NULL REFERENCES workspaces (id),
    id            uuid NOT NULL,
    user_id       uuid NOT NULL,
    period_id     text NOT NULL,
    period_start  date NOT NULL,
    period_end    date NOT NULL,
    currency      text NOT NULL,
    closed        numeric(19, 4) NOT NULL,
    commit_amount numeric(19, 4) NOT NULL,
    best_case     numeric(19, 4) NOT NULL,
    pipeline      numeric(19, 4) NOT NULL,
    quota         numeric(19, 4),
    note          text CHECK (length(note) <= 2000),
    submitted_by  uuid NOT NULL,
    submitted_at  timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT forecast_submissions_user_fk FOREIGN KEY (workspace_id, user_id)
        REFERENCES users (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT forecast_submissions_by_fk FOREIGN KEY (workspace_id, submitted_by)
        REFERENCES users (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX forecast_submissions_user_idx ON forecast_submissions (workspace_id, user_id, period_id, submitted_at);
CREATE INDEX forecast_submissions_period_idx ON forecast_submissions (workspace_id, period_id, submitted_at, id);

-- The numbers of one scope for one period as they stood on a day: weekly for every scope, or on demand. Amounts per
-- category as computed and, for user scopes, as adjusted. One row per scope, period and day.
CREATE TABLE forecast_snapshots (
    workspace_id       uuid NOT NULL REFERENCES workspaces (id),
    id                 uuid NOT NULL,
    scope_type         text NOT NULL CHECK (scope_type IN ('workspace', 'user', 'territory')),
    -- the user, the territory, or the workspace itself
    scope_id           uuid NOT NULL,
    period_id          text NOT NULL,
    period_start       date NOT NULL,
    period_end         date NOT NULL,
    taken_on           date NOT NULL,
    taken_at           timestamptz NOT NULL,
    trigger            text NOT NULL CHECK (trigger IN ('weekly', 'manual', 'demo')),
    currency           text NOT NULL,
    closed             numeric(19, 4) NOT NULL,
    commit_amount      numeric(19, 4) NOT NULL,
    best_case          numeric(19, 4) NOT NULL,
    pipeline           numeric(19, 4) NOT NULL,
    adjusted_commit    numeric(19, 4) NOT NULL,
    adjusted_best_case numeric(19, 4) NOT NULL,
    adjusted_pipeline  numeric(19, 4) NOT NULL,
    weighted_pipeline  numeric(19, 4) NOT NULL,
    open_count         integer NOT NULL,
    quota              numeric(19, 4),
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT forecast_snapshots_day_uq UNIQUE (workspace_id, scope_type, scope_id, period_id, taken_on)
);
CREATE INDEX forecast_snapshots_period_idx ON forecast_snapshots (workspace_id, period_id, taken_on);

-- Keys narrowed to capabilities (`forecast:read`): null = every right of the key's role.
ALTER TABLE api_keys ADD COLUMN scopes text[];
