-- Forecasts work in fiscal periods: a workspace's fiscal year starts on the first day of this month (1 = January)
-- and is named after the calendar year it ends in (see FiscalCalendar). Workspace settings gain optimistic locking.
ALTER TABLE workspaces
    ADD COLUMN fiscal_year_start_month smallint NOT NULL DEFAULT 1 CHECK (fiscal_year_start_month BETWEEN 1 AND 12),
    ADD COLUMN updated_at timestamptz,
    ADD COLUMN version bigint NOT NULL DEFAULT 0;
