-- Leads: people and companies not yet customers, from many channels, qualified (BANT), scored, routed, converted.
-- What the system computes (rule score, predictive score, rule-made territory) sits beside what a person set (owner,
-- status, a territory set by hand) so that re-scoring or re-matching never erases a decision. Scoring models, score
-- history, predictive models and routing have their own tables (later migrations); the lead keeps the latest values.

CREATE TABLE leads (
    workspace_id        uuid NOT NULL REFERENCES workspaces (id),
    id                  uuid NOT NULL,
    -- the person
    first_name          text CHECK (length(first_name) <= 100),
    last_name           text CHECK (length(last_name) <= 100),
    email               text CHECK (length(email) <= 320),
    phone               text CHECK (length(phone) <= 50),
    title               text CHECK (length(title) <= 200),
    -- the company: the same firmographics accounts carry, so the territory rules read both alike
    company             text CHECK (length(company) <= 200),
    company_domain      text CHECK (length(company_domain) <= 253),
    industry            text CHECK (length(industry) <= 100),
    employee_count      integer CHECK (employee_count >= 0),
    annual_revenue      numeric(19, 4) CHECK (annual_revenue >= 0),
    currency            text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    country             text CHECK (country ~ '^[A-Z]{2}$'),
    region              text CHECK (length(region) <= 100),
    city                text CHECK (length(city) <= 100),
    postal_code         text CHECK (length(postal_code) <= 20),
    -- where it came from
    source              text NOT NULL CHECK (source IN ('web-form', 'trade-show', 'partner-referral', 'campaign',
                                                        'outbound', 'other')),
    campaign            text CHECK (length(campaign) <= 200),
    partner             text CHECK (length(partner) <= 200),
    -- BANT
    budget_amount       numeric(19, 4) CHECK (budget_amount >= 0),
    budget_status       text CHECK (budget_status IN ('none', 'indicative', 'approved')),
    authority           text CHECK (authority IN ('user', 'influencer', 'decision-maker', 'economic-buyer')),
    need                text CHECK (length(need) <= 2000),
    timeline            text CHECK (timeline IN ('now', 'this-quarter', 'next-quarter', 'this-year', 'later')),
    -- engagement
    visits              integer NOT NULL DEFAULT 0 CHECK (visits >= 0),
    email_opens         integer NOT NULL DEFAULT 0 CHECK (email_opens >= 0),
    form_fills          integer NOT NULL DEFAULT 0 CHECK (form_fills >= 0),
    events_attended     integer NOT NULL DEFAULT 0 CHECK (events_attended >= 0),
    last_engaged_at     timestamptz,
    -- lifecycle
    status              text NOT NULL DEFAULT 'new'
                        CHECK (status IN ('new', 'working', 'nurturing', 'qualified', 'disqualified', 'converted')),
    disqualified_reason text CHECK (length(disqualified_reason) <= 500),
    owner_id            uuid,
    -- territory: made by the active model's rules ('rule', 'tie') or set by hand ('manual')
    territory_id        uuid,
    territory_cause     text CHECK (territory_cause IN ('rule', 'tie', 'manual')),
    -- the latest rule score and predictive score (history and models: later migrations)
    score               smallint CHECK (score BETWEEN 0 AND 100),
    grade               text CHECK (grade IN ('A', 'B', 'C', 'D')),
    score_reasons       jsonb,
    scoring_model_id    uuid,
    scored_at           timestamptz,
    predictive_score    smallint CHECK (predictive_score BETWEEN 0 AND 100),
    predictive_factors  jsonb,
    predictive_model_id uuid,
    predicted_at        timestamptz,
    -- conversion
    converted_at             timestamptz,
    converted_account_id     uuid,
    converted_contact_id     uuid,
    converted_opportunity_id uuid,
    external_id         text CHECK (length(external_id) <= 200),
    external_source     text CHECK (length(external_source) <= 100),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (workspace_id, id),
    CONSTRAINT leads_identified CHECK (coalesce(last_name, email, company) IS NOT NULL),
    CONSTRAINT leads_disqualified_reason CHECK ((status = 'disqualified') = (disqualified_reason IS NOT NULL)),
    CONSTRAINT leads_converted CHECK ((status = 'converted') = (converted_at IS NOT NULL)),
    CONSTRAINT leads_owner_fk FOREIGN KEY (workspace_id, owner_id) REFERENCES users (workspace_id, id),
    CONSTRAINT leads_territory_fk FOREIGN KEY (workspace_id, territory_id)
        REFERENCES territories (workspace_id, id) ON DELETE SET NULL (territory_id),
    CONSTRAINT leads_account_fk FOREIGN KEY (workspace_id, converted_account_id)
        REFERENCES accounts (workspace_id, id) ON DELETE SET NULL (converted_account_id),
    CONSTRAINT leads_contact_fk FOREIGN KEY (workspace_id, converted_contact_id)
        REFERENCES contacts (workspace_id, id) ON DELETE SET NULL (converted_contact_id),
    CONSTRAINT leads_opportunity_fk FOREIGN KEY (workspace_id, converted_opportunity_id)
        REFERENCES opportunities (workspace_id, id) ON DELETE SET NULL (converted_opportunity_id),
    CONSTRAINT leads_external_uq UNIQUE (workspace_id, external_source, external_id)
);
CREATE INDEX leads_owner_idx ON leads (workspace_id, owner_id, created_at);
CREATE INDEX leads_unowned_idx ON leads (workspace_id, created_at, id) WHERE owner_id IS NULL;
CREATE INDEX leads_status_idx ON leads (workspace_id, status, created_at);
CREATE INDEX leads_source_idx ON leads (workspace_id, source, created_at);
CREATE INDEX leads_territory_idx ON leads (workspace_id, territory_id) WHERE territory_id IS NOT NULL;
CREATE INDEX leads_email_idx ON leads (workspace_id, lower(email));
CREATE INDEX leads_domain_idx ON leads (workspace_id, lower(company_domain));
CREATE INDEX leads_score_idx ON leads (workspace_id, score, id);
CREATE INDEX leads_created_idx ON leads (workspace_id, created_at, id);
CREATE INDEX leads_updated_idx ON leads (workspace_id, updated_at, id);
CREATE INDEX leads_last_name_idx ON leads (workspace_id, last_name, id);
