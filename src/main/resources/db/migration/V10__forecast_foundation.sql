-- Forecasts work in fiscal periods: a workspace's fiscal year starts on the first day of this month (1 = January)
-- and is named after the calendar year it ends in (see FiscalCalendar). Workspace settings gain optimistic locking.
ALTER TABLE workspaces
    ADD COLUMN fiscal_year_start_month smallint NOT NULL DEFAULT 1 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    ADD COLUMN updated_at timestamptz,
    ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- Quotas: a target amount, in the workspace currency, for one user or one territory in one forecast period. The
-- period's dates are kept beside its id so that reports join on dates; the fiscal year start cannot change while
-- quotas exist (WorkspaceSettings), so they never disagree.
CREATE TABLE quotas (
    workspace_id  uuid NOT NULL REFERENCES workspaces (id),
    id            uuid NOT NULL,
    period_id     text NOT NULL CHECK (period_id ~ '^(FY\d{4}|\d{4}-Q[1-4]|\d{4}-(0[1-9]|1[0-2]))$'),
    period_kind   text NOT NULL CHECK (period_kind IN ('year', 'quarter', 'month')),
    period_start  date NOT NULL,
    period_end    date NOT NULL CHECK (period_end > period_start),
    user_id       uuid,
    territory_id  uuid,
    amount        numeric(19, 4) NOT NULL CHECK (amount >= 0),
    note          text CHECK (length(note) <= 500),
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT quotas_one_target CHECK (num_nonnulls(user_id, territory_id) = 1),
    CONSTRAINT quotas_user_fk FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT quotas_territory_fk FOREIGN KEY (workspace_id, territory_id)
        REFERENCES territories (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT quotas_user_period_uq UNIQUE (workspace_id, user_id, period_id),
    CONSTRAINT quotas_territory_period_uq UNIQUE (workspace_id, territory_id, period_id)
);
CREATE INDEX quotas_period_idx ON quotas (workspace_id, period_start, period_end);
CREATE INDEX quotas_period_id_idx ON quotas (workspace_id, period_id, id);
