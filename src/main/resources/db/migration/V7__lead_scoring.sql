-- Lead scoring: versioned rule-scoring models and the history of every lead's score changes. The lead keeps its
-- latest score in leads.score, grade, score_reasons, scoring_model_id, scored_at (V5), written only by scoring.

-- A model is a draft while it is edited, then published by a job that re-scores every open lead; the model it
-- replaces is retired. At most one is published per workspace. Published and retired models never change: their
-- number is the version that history rows cite.
CREATE TABLE scoring_models (
    workspace_id   uuid NOT NULL REFERENCES workspaces (id),
    id             uuid NOT NULL,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description    text CHECK (length(description) <= 2000),
    state          text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'retired')),
    -- 1, 2, 3… in the order of publishing; null for drafts
    number         integer CHECK (number >= 1),
    -- the validated criteria as the API shows them, and the lowest score of grades A, B and C
    criteria       jsonb NOT NULL CHECK (jsonb_typeof(criteria) = 'array'),
    threshold_a    smallint NOT NULL CHECK (threshold_a BETWEEN 1 AND 100),
    threshold_b    smallint NOT NULL CHECK (threshold_b BETWEEN 1 AND 100),
    threshold_c    smallint NOT NULL CHECK (threshold_c BETWEEN 1 AND 100),
    cloned_from_id uuid,
    published_at   timestamptz,
    published_by   uuid,
    retired_at     timestamptz,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT scoring_models_grades CHECK (threshold_a > threshold_b AND threshold_b > threshold_c),
    CONSTRAINT scoring_models_number CHECK ((state = 'draft') = (number IS NULL)),
    CONSTRAINT scoring_models_number_uq UNIQUE (workspace_id, number),
    CONSTRAINT scoring_models_published_by_fk FOREIGN KEY (workspace_id, published_by) REFERENCES users (workspace_id, id)
);
CREATE UNIQUE INDEX scoring_models_one_published ON scoring_models (workspace_id) WHERE state = 'published';
CREATE INDEX scoring_models_name_idx ON scoring_models (workspace_id, name, id);
CREATE INDEX scoring_models_created_idx ON scoring_models (workspace_id, created_at, id);

-- One row per change of a lead's score or grade: which model version scored it, the new and the previous values,
-- the reasons, and why it was scored (publish: a model was published; write: the lead was created or changed;
-- demand: POST /leads/{id}/score). Deleted with the lead.
CREATE TABLE lead_scores (
    workspace_id   uuid NOT NULL,
    id             uuid NOT NULL,
    lead_id        uuid NOT NULL,
    model_id       uuid NOT NULL,
    model_number   integer NOT NULL,
    score          smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
    grade          text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    reasons        jsonb NOT NULL CHECK (jsonb_typeof(reasons) = 'array'),
    previous_score smallint,
    previous_grade text,
    cause          text NOT NULL CHECK (cause IN ('publish', 'write', 'demand')),
    job_id         uuid,
    scored_at      timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT lead_scores_lead_fk FOREIGN KEY (workspace_id, lead_id) REFERENCES leads (workspace_id, id)
        ON DELETE CASCADE,
    CONSTRAINT lead_scores_model_fk FOREIGN KEY (workspace_id, model_id) REFERENCES scoring_models (workspace_id, id)
);
CREATE INDEX lead_scores_lead_idx ON lead_scores (workspace_id, lead_id, scored_at, id);
CREATE INDEX lead_scores_model_idx ON lead_scores (workspace_id, model_id);
