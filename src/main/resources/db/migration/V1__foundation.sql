-- Foundation schema. Every business table is keyed (workspace_id, id) and every foreign key carries
-- workspace_id, so the schema can be distributed by workspace (Citus) and no join can cross workspaces.

CREATE TABLE workspaces (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    currency    text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id           uuid NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email        text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    role         text NOT NULL CHECK (role IN ('admin', 'manager', 'rep', 'integration', 'read-only')),
    manager_id   uuid,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT users_manager_fk FOREIGN KEY (workspace_id, manager_id) REFERENCES users (workspace_id, id)
);
CREATE UNIQUE INDEX users_email_uq ON users (workspace_id, lower(email));
CREATE INDEX users_manager_idx ON users (workspace_id, manager_id);
CREATE INDEX users_name_idx ON users (workspace_id, name, id);
CREATE INDEX users_created_idx ON users (workspace_id, created_at, id);

CREATE TABLE api_keys (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id           uuid NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    user_id      uuid NOT NULL,
    role         text NOT NULL CHECK (role IN ('admin', 'manager', 'rep', 'integration', 'read-only')),
    key_hash     bytea NOT NULL,
    key_prefix   text NOT NULL,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT api_keys_user_fk FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id) ON DELETE CASCADE
);
-- Authentication looks a key up by its hash alone, before the workspace is known.
CREATE UNIQUE INDEX api_keys_hash_uq ON api_keys (key_hash);

CREATE TABLE accounts (
    workspace_id    uuid NOT NULL REFERENCES workspaces (id),
    id              uuid NOT NULL,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    industry        text CHECK (length(industry) <= 100),
    employee_count  integer CHECK (employee_count >= 0),
    annual_revenue  numeric(19, 4) CHECK (annual_revenue >= 0),
    currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    country         text CHECK (country ~ '^[A-Z]{2}$'),
    region          text CHECK (length(region) <= 100),
    city            text CHECK (length(city) <= 100),
    postal_code     text CHECK (length(postal_code) <= 20),
    tier            text CHECK (tier IN ('A', 'B', 'C')),
    owner_id        uuid NOT NULL,
    external_id     text CHECK (length(external_id) <= 200),
    external_source text CHECK (length(external_source) <= 100),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT accounts_owner_fk FOREIGN KEY (workspace_id, owner_id) REFERENCES users (workspace_id, id),
    CONSTRAINT accounts_external_uq UNIQUE (workspace_id, external_source, external_id)
);
CREATE INDEX accounts_owner_idx ON accounts (workspace_id, owner_id);
CREATE INDEX accounts_industry_idx ON accounts (workspace_id, industry);
CREATE INDEX accounts_country_idx ON accounts (workspace_id, country);
CREATE INDEX accounts_region_idx ON accounts (workspace_id, region);
CREATE INDEX accounts_tier_idx ON accounts (workspace_id, tier);
CREATE INDEX accounts_name_idx ON accounts (workspace_id, name, id);
CREATE INDEX accounts_created_idx ON accounts (workspace_id, created_at, id);
CREATE INDEX accounts_updated_idx ON accounts (workspace_id, updated_at, id);

CREATE TABLE contacts (
    workspace_id    uuid NOT NULL REFERENCES workspaces (id),
    id              uuid NOT NULL,
    account_id      uuid NOT NULL,
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email           text CHECK (length(email) <= 320),
    phone           text CHECK (length(phone) <= 50),
    title           text CHECK (length(title) <= 200),
    external_id     text CHECK (length(external_id) <= 200),
    external_source text CHECK (length(external_source) <= 100),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT contacts_account_fk FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id) ON DELETE CASCADE,
    CONSTRAINT contacts_external_uq UNIQUE (workspace_id, external_source, external_id)
);
CREATE INDEX contacts_account_idx ON contacts (workspace_id, account_id);
CREATE INDEX contacts_email_idx ON contacts (workspace_id, lower(email));
CREATE INDEX contacts_name_idx ON contacts (workspace_id, name, id);
CREATE INDEX contacts_created_idx ON contacts (workspace_id, created_at, id);

CREATE TABLE pipelines (
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    id           uuid NOT NULL,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX pipelines_name_uq ON pipelines (workspace_id, lower(name));

CREATE TABLE stages (
    workspace_id      uuid NOT NULL,
    id                uuid NOT NULL,
    pipeline_id       uuid NOT NULL,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    position          integer NOT NULL CHECK (position >= 0),
    probability       numeric(5, 2) NOT NULL CHECK (probability BETWEEN 0 AND 100),
    forecast_category text NOT NULL CHECK (forecast_category IN ('Pipeline', 'BestCase', 'Commit', 'Closed', 'Omitted')),
    is_closed         boolean NOT NULL DEFAULT false,
    is_won            boolean NOT NULL DEFAULT false,
    stall_after_days  integer CHECK (stall_after_days > 0),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    version           bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT stages_won_is_closed CHECK (NOT is_won OR is_closed),
    CONSTRAINT stages_pipeline_fk FOREIGN KEY (workspace_id, pipeline_id) REFERENCES pipelines (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX stages_pipeline_idx ON stages (workspace_id, pipeline_id, position);

CREATE TABLE opportunities (
    workspace_id               uuid NOT NULL REFERENCES workspaces (id),
    id                         uuid NOT NULL,
    name                       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    account_id                 uuid NOT NULL,
    primary_contact_id         uuid,
    owner_id                   uuid NOT NULL,
    pipeline_id                uuid NOT NULL,
    stage_id                   uuid NOT NULL,
    amount                     numeric(19, 4) NOT NULL CHECK (amount >= 0),
    currency                   text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    close_date                 date NOT NULL,
    -- What a person set, kept apart from the stage's defaults; the effective values are coalesce(override, stage).
    probability_override       numeric(5, 2) CHECK (probability_override BETWEEN 0 AND 100),
    forecast_category_override text CHECK (forecast_category_override IN ('Pipeline', 'BestCase', 'Commit', 'Closed', 'Omitted')),
    next_step                  text CHECK (length(next_step) <= 500),
    source                     text CHECK (length(source) <= 100),
    external_id                text CHECK (length(external_id) <= 200),
    external_source            text CHECK (length(external_source) <= 100),
    created_at                 timestamptz NOT NULL,
    updated_at                 timestamptz NOT NULL,
    version                    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT opportunities_account_fk FOREIGN KEY (workspace_id, account_id) REFERENCES accounts (workspace_id, id),
    CONSTRAINT opportunities_contact_fk FOREIGN KEY (workspace_id, primary_contact_id)
        REFERENCES contacts (workspace_id, id) ON DELETE SET NULL (primary_contact_id),
    CONSTRAINT opportunities_owner_fk FOREIGN KEY (workspace_id, owner_id) REFERENCES users (workspace_id, id),
    CONSTRAINT opportunities_pipeline_fk FOREIGN KEY (workspace_id, pipeline_id) REFERENCES pipelines (workspace_id, id),
    CONSTRAINT opportunities_stage_fk FOREIGN KEY (workspace_id, stage_id) REFERENCES stages (workspace_id, id),
    CONSTRAINT opportunities_external_uq UNIQUE (workspace_id, external_source, external_id)
);
CREATE INDEX opportunities_owner_idx ON opportunities (workspace_id, owner_id, close_date);
CREATE INDEX opportunities_account_idx ON opportunities (workspace_id, account_id);
CREATE INDEX opportunities_contact_idx ON opportunities (workspace_id, primary_contact_id);
CREATE INDEX opportunities_stage_idx ON opportunities (workspace_id, stage_id, close_date);
CREATE INDEX opportunities_pipeline_idx ON opportunities (workspace_id, pipeline_id);
CREATE INDEX opportunities_close_date_idx ON opportunities (workspace_id, close_date, id);
CREATE INDEX opportunities_amount_idx ON opportunities (workspace_id, amount, id);
CREATE INDEX opportunities_created_idx ON opportunities (workspace_id, created_at, id);
CREATE INDEX opportunities_updated_idx ON opportunities (workspace_id, updated_at, id);
CREATE INDEX opportunities_name_idx ON opportunities (workspace_id, name, id);
