-- Predictive lead scoring: naive Bayes learned from the workspace's closed leads (won vs lost), kept as a frequency
-- table in PostgreSQL so that training is one INSERT … SELECT … GROUP BY and scoring is a join and a sum.
-- A model is written once by its training job; only its state changes later (active → retired when replaced).
-- A refused model (too little history) is kept with its reason, so "why is there no predictive score" has an answer.

CREATE TABLE predictive_models (
    workspace_id      uuid NOT NULL REFERENCES workspaces (id),
    id                uuid NOT NULL,
    state             text NOT NULL CHECK (state IN ('active', 'retired', 'refused')),
    -- what it learned from: the lead fields (JSON names) and the leads created within window_days before created_at
    fields            text[] NOT NULL CHECK (cardinality(fields) > 0),
    window_days       integer NOT NULL CHECK (window_days > 0),
    -- the history found in the window, split deterministically (by id) into training and held-out leads
    closed_leads      integer NOT NULL CHECK (closed_leads >= 0),
    won_leads         integer NOT NULL CHECK (won_leads BETWEEN 0 AND closed_leads),
    training_leads    integer NOT NULL CHECK (training_leads BETWEEN 0 AND closed_leads),
    training_won      integer NOT NULL CHECK (training_won BETWEEN 0 AND training_leads),
    held_out_leads    integer NOT NULL CHECK (held_out_leads = closed_leads - training_leads),
    held_out_won      integer NOT NULL CHECK (held_out_won = won_leads - training_won),
    -- the thresholds in force when it trained (configuration: revops.predictive.*)
    min_closed_leads  integer NOT NULL,
    min_won_leads     integer NOT NULL,
    min_lost_leads    integer NOT NULL,
    held_out_percent  integer NOT NULL CHECK (held_out_percent BETWEEN 0 AND 50),
    -- a refused model has a refusal and nothing learned; a trained one the reverse
    refusal           text,
    prior_log_odds    double precision,
    -- quality on the held-out leads: AUC (null when they lack a won or a lost lead) and calibration by decile
    auc               numeric(5, 4) CHECK (auc BETWEEN 0 AND 1),
    calibration       jsonb,
    scored_leads      integer CHECK (scored_leads >= 0),
    job_id            uuid,
    created_by        uuid,
    created_at        timestamptz NOT NULL,
    retired_at        timestamptz,
    version           bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT predictive_models_refused CHECK ((state = 'refused') = (refusal IS NOT NULL)),
    CONSTRAINT predictive_models_trained CHECK ((state = 'refused') = (prior_log_odds IS NULL)),
    CONSTRAINT predictive_models_retired CHECK ((state = 'retired') = (retired_at IS NOT NULL)),
    CONSTRAINT predictive_models_creator_fk FOREIGN KEY (workspace_id, created_by)
        REFERENCES users (workspace_id, id) ON DELETE SET NULL (created_by)
);
-- at most one active model per workspace: the one whose scores the leads carry
CREATE UNIQUE INDEX predictive_models_active_uq ON predictive_models (workspace_id) WHERE state = 'active';
CREATE INDEX predictive_models_created_idx ON predictive_models (workspace_id, created_at, id);

-- The frequency table: per model, field and value, how many training leads were won and lost, and the value's
-- weight (a log-likelihood ratio with Laplace smoothing, see NaiveBayes) with the factor a lead with this value shows
-- (its JSON, built once here rather than for every lead scored), both written by the training job right after the
-- counts, in the same transaction.
CREATE TABLE predictive_frequencies (
    workspace_id uuid NOT NULL,
    model_id     uuid NOT NULL,
    field        text NOT NULL,
    value        text NOT NULL,
    won          integer NOT NULL CHECK (won >= 0),
    lost         integer NOT NULL CHECK (lost >= 0),
    weight       double precision NOT NULL DEFAULT 0,
    factor       jsonb,
    PRIMARY KEY (workspace_id, model_id, field, value),
    CONSTRAINT predictive_frequencies_model_fk FOREIGN KEY (workspace_id, model_id)
        REFERENCES predictive_models (workspace_id, id) ON DELETE CASCADE
);

-- the lead's latest predictive score names its model
ALTER TABLE leads ADD CONSTRAINT leads_predictive_model_fk FOREIGN KEY (workspace_id, predictive_model_id)
    REFERENCES predictive_models (workspace_id, id);
